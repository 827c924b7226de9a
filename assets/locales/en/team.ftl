# The report's words (team): see src/domain/phrases.rs.
# The team report: its sentences, figures in words, headings and labels.

## Who answered
# $count: the people who answered wave $wave.
team-answered =
    Wave { $wave }: { $count ->
        [one] 1 person
       *[other] { $count } people
    } answered.
# A newer wave ($newest) has $count members, fewer than the $minimum its
# figures need: the figures stay those of wave $wave.
team-newer-wave =
    Wave { $newest } has started: { $count ->
        [one] 1 person
       *[other] { $count } people
    } answered so far. The figures below stay those of wave { $wave } until { $minimum } have answered wave { $newest }.
# $names: the members who chose to show their name, separated by commas.
team-taking-part = Taking part: { $names }.
team-coverage-none =
    Team figures appear once { $minimum ->
        [one] 1 person has
       *[other] { $minimum } people have
    } answered, so that nobody's answers can be worked out. Send the invitation to more colleagues.
team-coverage-earlier-wave =
    These figures are those of the first { $count ->
        [one] 1 person
       *[other] { $count } people
    } who answered wave { $wave }.
# $next: the number of members at which the figures change next.
team-coverage =
    These figures are those of the first { $count ->
        [one] 1 person
       *[other] { $count } people
    } who answered. They change next when { $next } have answered: several people at a time, never one, so that no one's answers show in the change.

## The team's figures
team-legend-spread = The dark mark is the team's mean; the light band, its spread.
team-legend = The dark mark is the team's mean.
team-spread =
    The spread is the average score of the lower half of the team and that of the upper half. It is shown once { $minimum ->
        [one] 1 person has
       *[other] { $minimum } people have
    } a score.
team-rounding = Team figures are rounded and blurred on purpose, so that no one's answers or scores can be worked out from them, not even by someone who knows everyone else's.
# $step: the steps of the means in points; a mean is typically within
# $typical points of the exact one and nearly always within $nearly.
team-rounding-steps = The team's means are in steps of { $step } points, and each person's score enters them with a noise of its own, so a mean is typically within { $typical } points of the exact one and nearly always within { $nearly }. A role's figures rest on fewer people and are blurred more, so only a wide difference between roles means something. Read them as a picture of the team, not as exact scores.
team-no-peers = No peer group of enough responses matches your company yet, so the team is not placed among peers.
# One index's figure, followed on the page by a full stop: $mean, $lower and
# $upper are percentages as written.
team-figure-spread = { $mean } (the lower half of the team averages { $lower }, the upper half { $upper })
team-figure-no-spread = { $mean } (the spread is shown once { $minimum } people have a score on this index)
team-figure-not-yet = no figure yet: it appears once { $minimum } people have answered
team-figure-none = no figure: fewer than { $minimum } people have a score
# Where the team's mean stands among its peers: $share as written; $size
# responses; $dimensions: the peer group's company profile.
team-peers-top-everyone = Top of everyone in the study ({ $size } responses).
team-peers-top = Top of your peer group ({ $dimensions }, { $size } responses).
team-peers-higher-everyone = Higher than { $share } of everyone in the study ({ $size } responses).
team-peers-higher = Higher than { $share } of your peer group ({ $dimensions }, { $size } responses).
# What a reading of the questionnaire says in place of {mean}: the team's
# mean of the lowest index, or the range of the lowest ones.
team-mean-at = at { $mean }
team-mean-between = between { $low } and { $high }

## Roles and gaps
# $roles: one part per role, separated by team-clauses.
team-roles = { $roles }.
team-role-answered = { $role }: { $count } answered
team-role-too-few = { $role }: fewer than { $minimum } answered, so no figure is shown
team-no-gap =
    The perception gap appears once at least two roles each have { $minimum ->
        [one] 1 person
       *[other] { $minimum } people
    } among those the figures cover. No figure is shown for a smaller role, so that nobody's answers can be worked out.
# The gaps on the indices in one sentence, its parts separated by
# team-clauses: it starts with a capital letter whichever part comes first.
# $higher and $lower: role groups ($lower as inside a sentence); $gaps: one
# team-gaps-by per index; $scope: every, one or these (indices).
team-gaps-higher =
    { $higher } score higher than { $lower } on { $scope ->
        [every] every index
        [one] one index
       *[these] these indices
    }: { $gaps }
team-gaps-by =
    { $index } by { $shown } { $points ->
        [one] point
       *[other] points
    }
# $count indices on which the roles lie within $points of each other.
team-gaps-alike = on { $indices } the roles' figures lie within { $points } points of each other
# The same gap of $shown points on every index, or on the $indices listed.
team-gaps-rounded-same =
    the roles differ by { $shown } { $points ->
        [one] point
       *[other] points
    } on { $scope ->
        [every] every index
       *[listed] { $indices }
    }, no more than the rounding and noise of groups this small make on their own
team-gaps-rounded-each = the roles differ on { $indices }, no more than the rounding and noise of groups this small make on their own
team-index-points =
    { $index } ({ $shown } { $points ->
        [one] point
       *[other] points
    })
# A gap on one index ($index) or one question (shown above the sentence).
team-gap-index =
    { $higher } score { $index } { $shown } { $points ->
        [one] point
       *[other] points
    } higher than { $lower }.
team-gap-item =
    { $higher } score this { $shown } { $points ->
        [one] point
       *[other] points
    } higher than { $lower }.
team-gap-level = The roles' figures are level; in groups this small, the rounding and the noise that keep answers private could hide a difference.
team-gap-within =
    The roles' figures are { $shown } { $points ->
        [one] point
       *[other] points
    } apart, within what the rounding and the noise that keep answers private make in groups this small.
team-items-none =
    The questions where the roles differ most appear once at least two roles each have { $minimum ->
        [one] 1 person
       *[other] { $minimum } people
    } among those the figures cover who answered them.
team-items = A role's figure on a question needs { $minimum } people of the role, and counts an answer at either end of the scale as the one next to it, so that no one's answer can be told apart.
# The same with the first question's top answers: $top counted as $next.
team-items-example = A role's figure on a question needs { $minimum } people of the role, and counts an answer at either end of the scale as the one next to it ({ $top } as { $next }), so that no one's answer can be told apart.

## Waves
team-first-wave = This is the team's first wave. Run the team again in six or twelve months to see what moved.
# A mean ($mean, as written) and its change since the wave before: $change
# with its sign, $points its size.
team-wave-change =
    { $mean } ({ $change } { $points ->
        [one] point
       *[other] points
    })
team-wave-change-within =
    { $mean } ({ $change } { $points ->
        [one] point
       *[other] points
    }, within the rounding and noise)
team-too-few = too few answered
team-wave-answered = { $members } answered
team-wave-answered-covered = { $members } answered (figures of the first { $covered })
team-wave-figure = { $index } { $figure }
team-wave-line = Wave { $wave }: { $answered }. { $figures }.
team-wave-line-none = Wave { $wave }: { $answered }; figures appear at { $minimum }.

## Lists and quotations
# "A, B and C": $rest is "A, B".
team-and = { $rest } and { $last }
# Clauses of one sentence: "A; B".
team-clauses = { $rest }; { $next }
team-quoted = “{ $text }”

## Headings and labels of the page and the PDF
team-title = Your team's benchmark report
team-download-pdf = Download PDF
team-heading-team = The team
team-chart-label = The team's mean and spread per index
team-heading-reading = What this means for your team
team-heading-gap = Perception gap by role
team-gap-chart-label = Perception gap by role per index
team-gap-table-caption = Each role's figure per index
team-column-index = Index
team-heading-items = Where the roles differ most
team-item-chart-label = The items where the roles differ most
team-heading-waves = Waves
team-new-wave-note = A new wave uses the same invitation link; colleagues who answer from now on count in the next wave. You will be asked to confirm.
team-new-wave-button = Run the team again as a new wave
team-heading-invitation = Invitation for your colleagues
team-no-figure = no figure
team-bookmark-summary = Team summary
team-bookmark-meaning = What it means
team-pdf-subject = Team sales benchmark report
# $date: the day the PDF was made.
team-generated = Generated { $date }.
team-generated-footer = Generated { $date }. Team report: { $study }
