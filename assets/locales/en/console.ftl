# The operator console's own words: its pages, their labels, notes and
# messages. Figures arrive formatted; names of indices and peer-group
# dimensions come from the questionnaire in the same language.
# A message whose text holds markup (<code>, <strong>) is marked "HTML": the
# template shows it as it is, its variables escaped beforehand.

## Navigation and the synthetic-responses banner
console-nav = Console
console-participation = Participation
console-compare = Compare peer groups
console-exports = Exports
console-teams = Teams and waves
console-held = Held for review
console-find = Find and delete
console-questionnaire = Questionnaire
console-sign-out = Sign out { $operator }
console-synthetic-counted = Synthetic responses are counted
console-synthetic-counted-detail = Every figure in the console counts the { $synthetic } synthetic (demo) responses beside { $real } real ones, until you leave them out.
console-synthetic-leave-out = Leave synthetic responses out
console-synthetic-only = This study holds only synthetic responses
console-synthetic-only-detail = All { $synthetic } responses the figures can count are synthetic (demo data): no real response counts yet (one held for review counts once you accept it). Figures leave synthetic responses out, so every group shows fewer than the minimum. Include them to see how the console works.
console-synthetic-include = Include synthetic responses in every figure

## Sign-in
console-sign-in = Operator sign-in
console-name = Name
console-password = Password
console-sign-in-button = Sign in
# HTML
console-operators-added = Operators are added on the server with <code>dealbench operator add NAME</code>.
console-too-many-attempts = Too many failed attempts. Wait a few minutes and try again.
console-busy = The console is busy signing other people in. Try again in a moment.
console-no-match = That name and password do not match.

## Participation
console-questionnaire-version = Questionnaire version { $version }
console-started = Started in the browser
console-completed-all = Completed (all channels)
console-completion-rate = Completion rate
console-median-time = Median time to complete
console-synthetic-responses = Synthetic (demo) responses
console-completions-per-day = Completions per day
console-completions-per-day-from = Completions per day, { $first } to { $last }
console-completions-chart = Completions per day, the busiest day { $count }
console-completed-on = { $day }: { $count } completed
console-synthetic-on = { $day }: { $count } synthetic
console-busiest-day = busiest day: { $count }
console-legend-completed = completed
console-legend-synthetic = synthetic
console-nothing-started = No questionnaire has been started yet.
console-none-started = no questionnaires started yet
console-not-yet-known = not yet known
console-minutes = { $minutes } minutes

## Filters, shared by Compare peer groups and Exports
console-any = Any
console-answered-in = Answered in
console-any-language = Any language
console-submitted-from = Submitted from (YYYY-MM-DD)
console-submitted-until = Submitted until
console-submitted-until-format = Submitted until (YYYY-MM-DD)
console-synthetic-counted-note = Synthetic responses are counted (your choice at the top).
console-include-synthetic = Include synthetic responses
console-fewer-than = fewer than { $k } responses
# A group as the filters describe it.
console-everyone = Everyone
console-group-answered-in = answered in { $language }
console-period = { $from } to { $to }
console-period-from = from { $from }
console-period-until = until { $to }
console-with-synthetic = with synthetic

## Compare peer groups
console-group = Group { $n }
console-compare-button = Compare
console-compare-count-before = Compare
console-compare-count-after = groups.
console-share-link = Link to this comparison:
console-groups-compared = The groups compared
console-col-group = Group
console-col-responses = Responses
console-col-export = Export
console-group-label = { $n }: { $label }
console-scores-csv = scores CSV
console-answers-csv = answers CSV
console-indices = Indices
console-index-by-group = { $index } by group
console-col-mean = Mean
console-col-median = Median
console-col-quartiles = Quartiles
console-quartiles = { $q1 } to { $q3 }
console-histogram = Distribution of the { $index } by group, in bands of 10 points
console-histogram-bar = group { $group }: { $count }
console-items = Answers, the items that differ most first
console-items-note = Each bar shows how a group's answers split across the options, from the first option on the left, in the colours of the legend under the question. The difference is the largest share of answers that would have to move to make two groups answer alike.
console-difference = difference { $difference }%
console-split-bar = group { $n }:
console-option-share = { $option }: { $share }
console-options-legend = Options, in the order of the bars

## Exports
console-exports-intro = Download the responses of a group as CSV files for a spreadsheet or a statistics tool. Choose the group as you would a comparison group; a group of fewer than { $k } responses is not exported, as it gets no figures in a comparison.
console-export-group = The group to export
console-show-group = Show the group
console-group-size =
    { $count ->
        [one] { $label }: { $count } response
       *[other] { $label }: { $count } responses
    }
console-download-scores = Download the scores ({ $file })
console-download-answers = Download the answers ({ $file })
console-not-exported =
    { $count ->
        [one] Not exported: this group holds { $count } response, fewer than { $k }, the smallest group the study shows figures for.
       *[other] Not exported: this group holds { $count } responses, fewer than { $k }, the smallest group the study shows figures for.
    }
console-widen = Widen the group (fewer filters, a longer period).
console-widen-synthetic = Widen the group (fewer filters, a longer period, or synthetic responses included).
console-files-hold = What the files hold
console-files-columns = One row per response of the group, with a header row. Both files start with the same columns:
console-file-pseudonym = A pseudonymous id of the response, the same in both files so that they can be joined. It is derived from the response with a secret of this server and opens no report.
console-file-submitted = When the response was submitted, in UTC.
console-file-version = The version of the questionnaire it answered.
console-file-synthetic = 1 for a synthetic (demo) response, 0 for a real one.
console-file-flags = The data-quality checks it tripped (speeder, straight-liner, near-duplicate), and 1 while it is held out of the peer figures for review.
# HTML
console-file-language = The language the questionnaire was answered in (<code>en</code>, <code>de</code>, <code>fr</code>, <code>es</code>); every language shares the same questions, ids and peer figures.
console-file-dimensions = The peer-group profile: the id of the option chosen for each.
console-file-team = (last) A pseudonymous id of the respondent's team, if any, and the wave: the team's, or the respondent's own series of assessments (1 for the first).
# HTML
console-file-scores = Then the company index (<code>overall</code>), its four sub-indices and the personal index, each from 0 to 100, empty where too few questions were answered to score it.
console-all-columns = All { $count } columns
# HTML; $currency: "US dollars (USD)"
console-file-answers = Then one column per question, named by its id in the questionnaire (see the Questionnaire page): the id of the option chosen, the number or the text given, empty where the question was not answered. Amounts are in the study's reference currency ({ $currency }), whatever currency the respondent gave them in.
# HTML; $column: the id of the currency question
console-file-answers-currency = Then one column per question, named by its id in the questionnaire (see the Questionnaire page): the id of the option chosen, the number or the text given, empty where the question was not answered. Amounts are in the study's reference currency ({ $currency }), whatever currency the respondent gave them in; that one is the <code>{ $column }</code> column (the reference where empty).
console-never-exported = Never exported
console-never-exported-detail = Names, companies and email addresses, report and resume links and client addresses are in neither file.

## Held for review
console-held-intro = These responses tripped a data-quality check. Their respondents got their reports, but they count in no peer figure until you accept them. Delete the ones that are not genuine.
console-accepted = Accepted: the response now counts in the peer figures.
console-held-responses = Held responses
console-col-submitted = Submitted
console-col-pseudonym = Pseudonymous id
console-col-why-held = Why it is held
console-col-decision = Decision
console-accept = Accept
console-response-named = response { $pseudonym }
console-confirm-delete-named = Yes, delete { $pseudonym }
console-delete = Delete
console-none-held = No response is held.
console-flag-speeder = finished faster than the declared minimum time
console-flag-straight-liner = the same answer on nearly every rating question
console-flag-near-duplicate = almost the same answers as another recent response from the same address
console-flag-too-many = more responses from the same address within a day than the near-duplicate check compares

## Find and delete
console-find-title = Find and delete a response
console-deleted = Deleted. It is gone from the database files, the exports, the peer statistics, its report and its PDF; the deletion log keeps only its pseudonymous id.
console-search-label = Report link, resume link, email or company
console-search-help = An email finds exact matches in any case; a company finds every name that contains it (at least 3 characters). Unfinished questionnaires are found too.
console-find-button = Find
console-not-found = Nothing matches that link, email or company.
console-found-draft = Unfinished questionnaire { $pseudonym }
console-found-response = Response { $pseudonym }
console-last-saved = Last saved
console-company-given = Company given
console-email-given = Email given
console-none = none
console-confirm-delete-draft = I confirm: delete this unfinished questionnaire everywhere. This cannot be undone.
console-confirm-delete-response = I confirm: delete this response everywhere. This cannot be undone.
console-deletion-log = Deletion log
console-col-deleted-at = Deleted at
console-col-by = By
console-col-what = What
console-kind-response = response
console-kind-draft = draft
console-nothing-deleted = Nothing has been deleted yet.

## Teams and waves
console-teams-started = Teams started
console-teams-with-members = Teams with members
console-members-median = Members per team (median)
console-members-range = Members per team (range)
console-second-wave = Teams with a second wave
console-repeat-responses = Responses that assessed again
console-repeat-rate = Repeat rate
console-repeat-note = The repeat rate is the share of first assessments ({ $count }; synthetic responses are never counted) whose respondent assessed again.
console-col-index-mean = Index (mean)
console-col-first = First ({ $n })
console-col-second = Second ({ $n })
console-col-change = Change
console-not-shown = Not shown: each group needs at least { $k } responses (now { $first } and { $second }).
console-no-members = no members yet
console-members-from-to = { $from } to { $to }
console-no-responses = no responses yet
console-team-waves = Teams: first and second wave
console-repeat-waves = Respondents who assessed again: first and second assessment

## Questionnaire
# HTML; $source: the file's path
console-review-intro-file = The questionnaire as a reviewer reads it: every question with its options and their scores, what it feeds, and every paragraph the report can show for it. It is read from the file <code>{ $source }</code>. Edit the file, reload this page to see the change and what the check finds, and restart Dealbench to serve it.
# HTML
console-review-intro-builtin = The questionnaire as a reviewer reads it: every question with its options and their scores, what it feeds, and every paragraph the report can show for it. It is read from the questionnaire built into Dealbench (write an editable copy with <code>dealbench questionnaire copy FOLDER</code> and serve that). Edit the file, reload this page to see the change and what the check finds, and restart Dealbench to serve it.
console-versions = Versions
console-version-running = Running: { $questionnaire } version { $version } (new respondents get it)
console-version-file = { $file }: { $questionnaire } version { $version }, as the file reads now
console-version-fails = { $file }: does not pass the check
console-preview = Preview a report
console-preview-running = See the report a respondent would get against { $questionnaire } version { $version }. Nothing is stored and nothing counts in any figure; the respondent is placed among the live peer figures, read only.
console-preview-other = See the report a respondent would get against { $questionnaire } version { $version }. Nothing is stored and nothing counts in any figure; a questionnaire that is not running is previewed against the live peer figures of its study, or none for another study.
# HTML
console-paste-answers = Or paste an answers file (JSON, as <code>dealbench score</code> reads it)
console-preview-answers = Preview these answers
console-preview-language = Language of the report
# A date filter that is not a date: $group is "none" on a page with one group.
console-refused-date-from = The date “{ $value }” under “Submitted from”{ $group ->
        [none] {""}
       *[other] { " " }of group { $group }
    } is not a date. Use YYYY-MM-DD, for example 2026-03-31, or leave it empty.
console-refused-date-until = The date “{ $value }” under “Submitted until”{ $group ->
        [none] {""}
       *[other] { " " }of group { $group }
    } is not a date. Use YYYY-MM-DD, for example 2026-03-31, or leave it empty.
console-refused-unconfirmed = Tick the box to confirm the deletion.
console-refused-no-example = There is no example named “{ $name }”.
console-refused-no-answers = Paste an answers file (JSON) into the box first.
console-refused-not-json = These answers cannot be read as JSON with each question once: look at line { $line }, column { $column }.
# $problems: what the questionnaire check found, as it reports it.
console-refused-preview-fails = { $file } does not pass the check, so it has no report to preview: { $problems }
console-refused-preview-answers = These answers do not fit { $questionnaire } version { $version }: { $problems }
console-questionnaire-named = { $name } ({ $questionnaire } version { $version })
console-settings = Settings
console-sub-indices = Sub-indices and their summary paragraphs
console-bands = Bands and categories
console-col-band = Band
console-col-score = Score
console-col-what-it-says = What it says
console-questions = Questions
console-optional = optional
console-key-area = key area
console-feeds = Feeds { $feeds }.
console-help = Help: { $help }
console-answered-as-number = Answered as a number, { $range }.
console-col-option = Option
console-own-paragraph = Its own paragraph: { $paragraph }
console-headlines = Headlines per verdict
console-commentary = Commentary per band
console-measured = Middling, with the respondent's own number { $standing }
console-figure-disagrees = Strong, when the number disagrees
console-figure-better = Middling or weak, when the number is markedly better
console-tensions = Tensions
console-tensions-intro = Two answers that pull in opposite directions; the report then says what that usually means.
console-tension-when = When { $first }, and { $second }:
console-no-tensions = None.
console-file-fails = The file chosen does not pass the check: its problems are listed above. Fix them and reload this page.
# What the page says of an item, a band, a setting.
console-kind-agreement = agreement scale
console-kind-importance = importance scale
console-kind-frequency = frequency scale
console-kind-choice = choice
console-kind-number = number
console-kind-text = text
console-band-strong = Strong
console-band-middling = Middling
console-band-weak = Weak
console-dont-know = { $verdict } (don't know)
console-weight = { $name } (weight { $weight })
console-personal-weight = Personal index (weight { $weight })
console-company-number = the company number `{ $metric }`
console-not-scored = not scored
console-feeds-nothing = Feeds nothing (not scored).
console-number-range = { $min } to { $max } { $unit }
console-number-range-whole = { $min } to { $max } { $unit }, whole numbers
console-range = { $from } to { $to }
console-standing-worse = worse than the peer median
console-standing-level = level with it
console-standing-better = better
console-company-categories = Company categories
console-personal-categories = Personal categories
console-revenue-potential = Revenue potential
console-tension-side = "{ $question }" answered { $answers }
console-or = or
console-everyone-fallback = everyone
console-and = and
console-then = then
console-setting-k = Smallest peer group shown (K)
console-setting-k-value = { $k } responses
console-setting-fallback = Peer group, tried in order
console-setting-coverage = An index is scored from
console-setting-coverage-value = { $share }% of its weight answered
console-setting-bands = Commentary bands
console-setting-bands-value = strong from { $strong }, weak below { $weak } (option scores 0 to 100)
console-setting-deals = A counted win rate needs
console-setting-deals-value = { $deals } decided deals
console-setting-margin = A number disagrees with an answer when
console-setting-margin-value = { $margin }% worse than the peer median
console-setting-potential = Revenue potential target
console-setting-currency = Currency
console-setting-currency-value = { $code } ({ $symbol }), in which amounts are kept and compared
console-setting-currency-other = ; { $code } ({ $symbol }) at { $rate } { $reference } each, the rate of { $date }
console-setting-held = Held for review when
console-setting-held-value = finished in under { $seconds } seconds; { $share }% of at least { $items } rating answers at one position; { $duplicate }% of answers equal to another response from the same address within { $hours } hours
console-setting-minutes = Minutes to answer, as the landing page says
