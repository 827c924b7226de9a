# The report's words (waves): see src/domain/phrases.rs.
# "Since last time": what moved between an earlier assessment and this one.

## The table of indices and numbers
waves-score-missing = not enough answers
waves-not-comparable = not comparable
waves-not-given = not given
waves-unchanged = unchanged
# A change of an index or a rate: $direction is up or down, $points its size
# (for the plural), $shown the size as written.
waves-points =
    { $direction ->
        [up] up
       *[down] down
    } { $shown } { $points ->
        [one] point
       *[other] points
    }
# An amount or a count higher or lower than last time: $amount as written.
waves-amount-up = up { $amount }
waves-amount-down = down { $amount }
# A sales cycle: $days (for the plural) and $shown, as written.
waves-days =
    { $days ->
        [one] { $shown } day
       *[other] { $shown } days
    }
waves-days-longer =
    { $days ->
        [one] { $shown } day longer
       *[other] { $shown } days longer
    }
waves-days-shorter =
    { $days ->
        [one] { $shown } day shorter
       *[other] { $shown } days shorter
    }
# The company numbers, as the table names them.
waves-number =
    { $number ->
        [qualified-opportunities] Qualified opportunities
        [average-deal-value] Average deal value
        [win-rate] Win rate
        [sales-cycle] Sales cycle
        [quota-attainment] Quota attainment
       *[sales-velocity] Sales velocity per day
    }
# The same inside a sentence.
waves-number-in-sentence =
    { $number ->
        [qualified-opportunities] qualified opportunities
        [average-deal-value] average deal value
        [win-rate] win rate
        [sales-cycle] sales cycle
        [quota-attainment] quota attainment
       *[sales-velocity] sales velocity per day
    }

## What was compared with what
# $date: the earlier assessment's day; $questions: the questions compared.
waves-intro =
    Compared with your assessment of { $date }, like for like: { $questions ->
        [one] 1 question
       *[other] { $questions } questions
    } asked both times.
waves-intro-changed =
    The questionnaire changed in between: { $new ->
        [0] no question is new
        [one] 1 new question is left out of the change
       *[other] { $new } new questions are left out of the change
    }, and { $retired ->
        [0] none of the earlier ones was retired
        [one] 1 earlier question is no longer asked
       *[other] { $retired } earlier questions are no longer asked
    }.
waves-intro-recomputed = Scores here are recomputed on the common questions only, so they can differ slightly from the ones in either report.
waves-answer-changed = { $question } ({ $section }): last time { $before }; now { $after }.
waves-no-answer-changed = You gave the same answers as last time to every question asked both times.

## What moved and why
# The parts of the first sentence, which starts with a capital letter
# whichever part comes first. $now and $before: percentages as written.
waves-company-unchanged = your company index is unchanged at { $now }
waves-company-moved =
    your company index is { $direction ->
        [up] up
       *[down] down
    } { $shown } { $points ->
        [one] point
       *[other] points
    }, from { $before } to { $now }
waves-personal-unchanged = your personal index is unchanged at { $now }
waves-personal-moved =
    your personal index is { $direction ->
        [up] up
       *[down] down
    } { $shown } { $points ->
        [one] point
       *[other] points
    }, from { $before } to { $now }
# A sub-index that moved: "Sales Cycle up 1 point".
waves-index-moved =
    { $index } { $direction ->
        [up] up
       *[down] down
    } { $shown } { $points ->
        [one] point
       *[other] points
    }
# The sub-indices that did not move; $count of them.
waves-indices-unchanged = { $indices } unchanged
# The company index, with what moved within it.
waves-company-and-subs = { $company } ({ $subs })
# The company index's clause, then the personal index's.
waves-clauses = { $first }; { $second }
# $count answers changed, $direction (better, worse or mixed); $lead says
# whether $movers are all of them (one or several) or the largest.
waves-answers-moved =
    { $count ->
        [1] One answer changed
        [2] Two answers changed
        [3] Three answers changed
        [4] Four answers changed
        [5] Five answers changed
        [6] Six answers changed
        [7] Seven answers changed
        [8] Eight answers changed
        [9] Nine answers changed
        [10] Ten answers changed
       *[other] { $count } answers changed
    }{ $direction ->
        [better]
            { $count ->
                [1] , for the better
               *[other] , all for the better
            }
        [worse]
            { $count ->
                [1] , for the worse
               *[other] , all for the worse
            }
       *[mixed] {""}
    }; { $lead ->
        [largest] the largest moves came from
        [one] it is
       *[several] they are
    } { $movers }.
# One changed answer: the question, the answers now and last time, and the
# indices the question feeds.
waves-mover = “{ $question }”, now “{ $after }” (last time “{ $before }”), which feeds { $indices }
waves-number-moved = { $number } from { $before } to { $after } ({ $change })
waves-numbers-moved = Your numbers moved too: { $changes }.

## Lists
# "A, B and C": $rest is "A, B".
waves-and = { $rest } and { $last }
# "A; B; and C", built from the front.
waves-list-next = { $rest }; { $next }
waves-list-last = { $rest }; and { $last }
