# The report's words (report): see src/domain/phrases.rs.
# The headings and labels of a report, the names of the indices and verdicts,
# and the sentences of its summary and executive summary. Figures arrive
# already written the language's way ("61%", "$25,000", "November 22, 2026").

## Headings and labels, the same on the page and on paper
words-title = Your benchmark report
words-title-company = { $company }: your benchmark report
words-meta = Submitted { $date }.
words-meta-respondent = Prepared for { $respondent }. Submitted { $date }.
words-summary = Summary
words-your-company = Your company
words-you = You
words-you-respondent = You: { $respondent }
words-category = Category
words-peer-group = Peer group
words-sub-indices = Sub-indices
# In place of a category, for an index without a score.
words-not-enough-answers = Not enough answers
# In place of the score on a gauge without one.
words-no-score = n/a
# Along the track of a sub-index bar without a score.
words-no-score-bar = not enough answers
words-executive-summary = Executive summary
words-sales-velocity = Sales velocity
words-tensions = Where your answers disagree
words-actions = Your first actions: keep, change, stop
words-detailed-analysis = Detailed analysis
# Followed by the three bands' words, each beside its colour.
words-band-legend = The bar beside each answer shows how it scored:
words-band-strong = strong
words-band-middling = middling
words-band-weak = weak
words-personal-report = Personal report
words-your-numbers = Your numbers
# The numbers table's column headings.
words-figure = Figure
words-yours = Yours
words-peer-median = Peer median
# A peer median missing without a reason given.
words-not-available = not available
# "Since last time": its heading, its tables' column headings, its lists.
words-since-last-time = Since last time
words-column-index = Index
words-column-number = Number
words-column-last-time = Last time
words-column-now = Now
words-column-change = Change
words-trend = Your company index over time
words-answers-changed = Answers you changed
words-new-this-time = New this time
# Under the infographic, after how much was answered.
words-note-higher-than = “Higher than 70%” means that 70% of your peer group scored the same as you or lower.
words-note-median-tick = The dark tick on each bar and gauge marks the peer median.

## The indices and the verdicts
index-company = Company index
index-personal = Personal index
# The badge before an action's imperative headline.
verdict-keep = KEEP
verdict-change = CHANGE
verdict-stop = STOP

## Where an index stands against its peers
# $percent: the share of the group that did not score better ("70%").
summary-relative-top = top of the group
summary-relative-top-long = top of your peer group
summary-relative-lowest = lowest of the group
summary-relative-lowest-long = the lowest in your peer group
summary-relative-bottom-tenth = bottom tenth of the group
summary-relative-bottom-tenth-long = in the bottom tenth of your peer group
summary-relative-bottom-quarter = bottom quarter of the group
summary-relative-bottom-quarter-long = in the bottom quarter of your peer group
summary-relative-higher = higher than { $percent }
summary-relative-higher-long = higher than { $percent } of your peer group
# $standing: one of the long forms above; $group: summary-group.
summary-standing-in-group = { $standing } ({ $group })
# $dimensions: "Software and internet, 250 to 999"; $n: how many (for the
# plural); $count: the same, written as a figure.
summary-group =
    { $n ->
        [one] { $dimensions }, { $count } response
       *[other] { $dimensions }, { $count } responses
    }
# A group that no dimension narrows.
summary-all-respondents = all respondents
# Why an index has no peer figure, and the label's first words for it.
summary-unranked-no-score = not compared, because it has no score
summary-unranked-no-score-short = Not compared
summary-unranked-few-peers = not compared, because fewer than { $minimum } peers have a score for it
summary-unranked-few-peers-short = Not compared
summary-unranked-no-group = not compared yet, because there is no peer group yet
summary-unranked-no-group-short = Not compared yet
# Under a gauge: the peer median, strong.
summary-median-line = Peer median { $median }
summary-median-line-tick = Peer median { $median } (the dark tick)

## The sub-indices in the executive summary
summary-sub-index-heading = { $name }: { $score }
# An index's score when it has none.
summary-index-no-score = not enough answers
summary-against-peers = Against peers: { $standing }.
summary-against-peers-median = Against peers: { $standing }; peer median { $median }.
# $level: the potential, strong ("Moderate"); $reason: summary-potential-reason.
summary-potential-line = Revenue increase potential: { $level }.
summary-potential-line-reason = Revenue increase potential: { $level }, { $reason }.
# $points: the gap in points, for the choice (0 at or above); $gap: the same
# written as a figure; $benchmark: peer, target or scale; $percent: where the
# top tenth of the peer group starts, or the study's target.
summary-potential-reason =
    { $points ->
        [0] at or above
        [one] 1 point below
       *[other] { $gap } points below
    } { $benchmark ->
        [peer] the top tenth of your peer group, which starts at { $percent }
        [target] the study's target of { $percent }
       *[scale] the top of the scale
    }
# $name: the sub-index; $coverage: the share of its weight answered; $needed:
# the share a score needs.
summary-not-scored = Not scored: the questions you answered carry { $coverage } of the { $name } index's weight, and a score needs { $needed }.
# After a strong sub-index's paragraph, when some of its questions were
# answered "don't know".
summary-unknown-behind = Your { $name } score rests on the answers you gave, not on the { $unknown } of its { $questions } questions you answered “don't know”.

## The opening sentences
# $compared: ranked (a figure against peers), unranked (a reason why none)
# or none (no peer group yet, said once at the top of the report).
summary-overall =
    Based on your answers, your company index is { $score }, in the { $category } category{ $compared ->
        [ranked] : { $standing }
        [unranked] . Against peers it is { $standing }
       *[none] {""}
    }.
summary-overall-company =
    Based on your answers, { $company } has a company index of { $score }, in the { $category } category{ $compared ->
        [ranked] : { $standing }
        [unranked] . Against peers it is { $standing }
       *[none] {""}
    }.
summary-overall-median = The peer median is { $median }.
summary-overall-missing = There were not enough answers to compute your company index or any of its sub-indices: when you assess again, answer the questions you skipped or did not know, with a colleague who knows them if need be.
summary-overall-missing-sub-indices = There were not enough answers to compute your company index, which needs all four sub-indices. When you assess again, answer the questions you skipped or did not know, with a colleague who knows them if need be.
# $initial: vowel or consonant, the first letter of the category (English
# chooses "an" or "a" by it).
summary-personal-opening =
    Your personal index is { $score }, which makes you { $initial ->
        [vowel] an
       *[consonant] a
    } { $category }.
summary-personal-against = Against peers it is { $standing }.
summary-personal-against-median = Against peers it is { $standing }, where the median is { $median }.
summary-personal-missing = There were not enough answers about your own practice to compute your personal index; it gets one when you assess again with more of them answered.
# $date: the day the peer group was computed.
summary-peer-group = Your peer group: { $group }, as of { $date }; each figure names the responses it rests on.
summary-no-peer-group = No peer group yet: fewer than { $minimum } responses were in the study on { $date }, so relative performance is not shown.

## How much was answered
# $all: yes when every scored question was answered; $unknown: how many
# "don't know" answers.
summary-coverage =
    You answered { $all ->
        [yes] all { $total } scored questions
       *[no] { $answered } of the { $total } scored questions
    }{ $unknown ->
        [0] {""}
        [one] {" "}and said “don't know” once
       *[other] {" "}and said “don't know” { $unknown } times
    }.
summary-coverage-dont-know = A “don't know” counts neither for nor against you: it is left out of every score, so each score rests only on the answers you gave.

## Actions and disagreements
# Before the question, which links to its place in the detailed analysis.
summary-action-answered = You answered “{ $answer }” to: { $question }
# $verdict: KEEP, CHANGE or STOP; $headline: the action's imperative.
summary-tension-in-action = What this usually means, and what to do about it, comes with your first actions: { $verdict } { $headline }.
summary-entry-in-action = One of your first actions: { $verdict } { $headline }; the executive summary says what to do.
# "You answered “Agree” to “...”, “Agree” to “...” and “Disagree” to “...”":
# the first answer, the ones between, the last; $question is quoted and
# links to its place in the detailed analysis.
summary-answered-first = You answered “{ $answer }” to { $question }
summary-answered-next = , “{ $answer }” to { $question }
summary-answered-last = {" "}and “{ $answer }” to { $question }
# A disagreement already pointed to in full; $title is quoted and links to it.
summary-see-tension = See { $title }.
summary-not-yet-a-strength = This answer is not yet a strength.
