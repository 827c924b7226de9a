# The report's words (analysis): see src/domain/phrases.rs.
#
# The detailed analysis (analysis-…), "Your numbers" (numbers-…) and the sales
# velocity paragraphs of the executive summary (velocity-…). Figures come
# already written in the language's way ("61 %", "25.000 €"); a `$count` is
# the plain number behind a figure, for choosing singular or plural.

## Figures

# A length of time: "90 days". $days is written, $count is the number.
analysis-days = { $count ->
   *[other] { $days } days
    }

# Between the last two items of a list: "a, b and c".
analysis-list-and = {" "}and{" "}

## The detailed analysis

# Beside each answer.
analysis-you-answered = You answered: { $answer }

# The start of a sentence that quotes the respondent's own figure, completed by
# analysis-figure-against-median or analysis-figure-no-median.
analysis-figure-mine = { $number ->
    [opportunities] You work { $yours } qualified opportunities a quarter
    [deal-value] Your average deal is worth { $yours }
    [stated-win-rate] You stated a win rate of { $yours }
    [counted-win-rate] Your decided deals give a win rate of { $yours }
    [sales-cycle] Your sales cycle is { $yours }
    [quota] Your quota attainment is { $yours }
   *[other] Your figure is { $yours }
    }

# $mine is analysis-figure-mine; $against says where it stands against the
# median ("much-longer" and "much-shorter" are said of a sales cycle only).
analysis-figure-against-median = { $mine }, { $against ->
    [same] the same as
    [much-longer] much longer than
    [much-shorter] much shorter than
    [well-above] well above
    [well-below] well below
   *[close] close to
    } the median of your peer group ({ $group }), { $median }.

# $no-median is analysis-no-median-few or analysis-no-median-yet.
analysis-figure-no-median = { $mine }; { $no-median }.

# Why a figure has no peer median, as a clause after a semicolon.
analysis-no-median-few = there is no peer median: fewer than { $minimum } peers gave theirs
analysis-no-median-yet = there is no peer median yet

# The figure beside an answer.
analysis-figure-line = { $which ->
    [stated-win-rate] Your stated win rate
   *[figure] Your figure
    }: { $yours }; the median of your peer group ({ $group }): { $median }.
analysis-figure-line-no-median = { $which ->
    [stated-win-rate] Your stated win rate
   *[figure] Your figure
    }: { $yours }; { $no-median }.

# Decided deals are those won or lost; too few of them are not read as a rate.
analysis-deals-won = You won { $won } of the { $decided } { $count ->
    [one] deal
   *[other] deals
    } decided.
analysis-few-deals = You won { $won } of the { $decided } { $count ->
    [one] deal
   *[other] deals
    } decided: too few to read as a win rate, which needs at least { $minimum } decided deals.

# A counted win rate beside the peers' median, for the sentences below:
# "31%, well above your peers' 22%".
analysis-win-rate-face = { $yours }, { $against ->
    [level] level with your peers'
    [close] close to your peers'
    [above] well above your peers'
   *[below] well below your peers'
    } { $median }

# $by-count and $by-value are analysis-win-rate-face.
analysis-win-rates-two-groups = Your { $decided } decided deals give a win rate by count of { $by-count } (your peer group: { $count-group }), and by value of { $by-value } (your peer group: { $value-group }).
analysis-win-rates-one-group = Your { $decided } decided deals give a win rate by count of { $by-count }, and by value of { $by-value } (your peer group: { $group }).
analysis-win-rate-by-count = Your { $decided } decided deals give a win rate by count of { $by-count } (your peer group: { $group }).
# Here $by-count and $by-value are plain percentages.
analysis-win-rates-no-median = Your { $decided } decided deals give { $by-count } by count and { $by-value } by value; { $no-median }.
analysis-win-rate-by-count-no-median = Your { $decided } decided deals give { $by-count } by count; { $no-median }.

# A strong answer that another answer questions. $elsewhere is "several" when
# more than one other answer pulls against it; $title names the disagreement.
analysis-strength-questioned = On its own, “{ $answer }” here would be a strength; beside { $elsewhere ->
    [several] what you answered elsewhere
   *[one] another of your answers
    } under “{ $title }”, it is a question to settle first, not a strength to keep.

# Under an answer that is part of a disagreement. $questions are the other
# questions (each a link), $title the disagreement's title (a link, already in
# quotation marks); $also is "yes" for the answer's second disagreement.
# words-tensions (report.ftl) is the heading of that part of the report.
analysis-tension-link = { $also ->
    [yes] It also disagrees with { $count ->
        [one] your answer
       *[other] your answers
    }
   *[no] This answer pulls against { $count ->
        [one] your answer
       *[other] your answers
    }
    } to { $questions }: see { $title } under { words-tensions }.

## Your numbers

numbers-qualified-opportunities = Qualified opportunities per quarter
numbers-average-deal-value = Average deal value
numbers-win-rate = Win rate
numbers-sales-cycle = Sales cycle
numbers-quota-attainment = Quota attainment
numbers-velocity-per-day = Sales velocity per day
numbers-unit-win-rate = Unit win rate (deals)
numbers-value-win-rate = Value win rate

# In place of a peer median.
numbers-no-peer-group-yet = no peer group yet
numbers-few-peers = fewer than { $minimum } peers gave it

numbers-velocity = Your sales velocity is { $per-day } of revenue per day; the executive summary shows what ten percent on each factor would make of it.
numbers-velocity-not-shown = Your sales velocity is not shown; “Sales velocity” in the executive summary says why, and what would give it a figure next time.
numbers-groups-differ = Each peer median below comes from the narrowest peer group in which at least { $minimum } responses gave that number, so the group can differ from row to row.

# After analysis-deals-won, when the executive summary says why.
numbers-why-not-a-rate = “Sales velocity” in the executive summary says why that is not read as a win rate.
numbers-win-rates = By count of deals you win { $by-count } of the deals decided; by value, { $by-value }.
numbers-smaller-deals-won-more = You win the smaller deals more often than the larger ones.
numbers-larger-deals-won-more = You win the larger deals more often than the smaller ones.
numbers-win-rate-no-value = By count of deals you win { $by-count } of the deals decided. There is no value win rate because the value won or the value lost was left blank.
numbers-no-deal-decided = There is no win rate from your deals: no deal was won or lost yet.
# $blank: which count was left blank ("won", "lost" or "both").
numbers-no-win-rate-blank = There is no win rate from your deals because { $blank ->
    [won] the number of deals won was left blank
    [lost] the number of deals lost was left blank
   *[both] the number of deals won and the number of deals lost were left blank
    }.

# Deals still open, in neither rate. $rates: how many rates are shown ("two",
# "one" or "none").
numbers-open-deals = { $count ->
    [one] { $open } deal is still open.
   *[other] { $open } deals are still open.
    }
numbers-open-deals-worth = { $count ->
    [one] { $open } deal worth { $worth } is still open.
   *[other] { $open } deals worth { $worth } are still open.
    }
numbers-open-left-out = { $rates ->
    [two] { $count ->
        [one] Neither rate counts it
       *[other] Neither rate counts them
    }
    [one] { $count ->
        [one] The win rate does not count it
       *[other] The win rate does not count them
    }
   *[none] { $count ->
        [one] It is not counted as decided
       *[other] They are not counted as decided
    }
    }: { $count ->
    [one] it may yet be won, or be a loss not yet recorded.
   *[other] some will be won, and some are losses not yet recorded.
    }
numbers-open-value = Deals worth { $worth } are still open, { $rates ->
    [two] in neither rate
    [one] not in the win rate
   *[none] not counted as decided
    }.

# The stated win rate beside the counted one. $side is "above" or "below";
# $deals is "smaller" or "larger": the deals won more often.
numbers-stated-rate-used = You stated a win rate of { $stated }, and the report uses that.
numbers-stated-and-counted = You stated a win rate of { $stated }; your { $decided } decided deals give { $by-count } by count and { $by-value } by value.
numbers-stated-and-counted-by-count = You stated a win rate of { $stated }; your { $decided } decided deals give { $by-count }.
numbers-rates-agree = Both agree with what you stated, and the report uses your stated rate.
numbers-value-matches = By value they match what you stated; by count they run { $side ->
    [above] above
   *[below] below
    }, because you win the { $deals ->
    [smaller] smaller
   *[larger] larger
    } deals more often. The report uses your stated rate.
numbers-both-ran = Last quarter ran { $side ->
    [above] above
   *[below] below
    } the rate you stated, by count and by value. The report uses your stated rate; if the next quarter runs { $side ->
    [above] above
   *[below] below
    } it too, use the counted rate instead.
numbers-count-and-value-ran = By count last quarter ran { $count-side ->
    [above] above
   *[below] below
    } the rate you stated, by value { $value-side ->
    [above] above
   *[below] below
    } it: { $deals ->
    [smaller] you won more of the smaller deals and fewer of the larger ones
   *[larger] you won fewer of the smaller deals and more of the larger ones
    }. The report uses your stated rate.
numbers-count-ran = Last quarter ran { $side ->
    [above] above
   *[below] below
    } the rate you stated. The report uses your stated rate; if the next quarter runs { $side ->
    [above] above
   *[below] below
    } it too, use the counted rate instead.

## Sales velocity (executive summary)

velocity-yours = Your numbers put your sales velocity at { $per-day } of revenue a day: { $opportunities } qualified opportunities worth { $deal-value } on average, a { $win-rate } win rate and a { $cycle-days ->
   *[other] { $cycle }-day
    } sales cycle.
velocity-peer-median = By the same measure, the median of your peer group ({ $group }) is { $median } a day.
velocity-what-if = The four factors multiply. Ten percent more opportunities, ten percent larger deals, a win rate ten percent higher and a cycle ten percent shorter would take you to { $what-if } a day: { $gain } more every day, a { $uplift } rise, as if the sales team had grown by half without one new hire.
velocity-pointer-all = The four sub-indices above show which of those practices to start with.
velocity-pointer-one = The one sub-index above with a figure shows where to start.
velocity-pointer-some = The sub-indices above that have a figure show which of those practices to start with.

velocity-not-shown-no-numbers = Your own velocity is not shown because the company numbers were left blank: give them when you assess again, and the report computes it.
# $reason is velocity-left-blank, velocity-too-few-decided, both
# (velocity-reason-both) or velocity-reason-zero-cycle; $next is
# velocity-next-time.
velocity-not-shown = Your own velocity is not shown because { $reason }: { $next }.
# A factor left blank, listed in velocity-left-blank.
velocity-factor = { $factor ->
    [opportunities] the qualified opportunities
    [deal-value] the average deal value
    [win-rate] a win rate
   *[sales-cycle] the sales cycle
    }
velocity-left-blank = { $list } { $count ->
    [one] was
   *[other] were
    } left blank
velocity-too-few-decided = your { $decided } decided { $count ->
    [one] deal is
   *[other] deals are
    } too few to read as a win rate, which needs at least { $minimum }
velocity-reason-both = { $blank }, and { $few }
velocity-reason-zero-cycle = the sales cycle was given as 0 days
velocity-next-time = { $case ->
    [cycle] give the sales cycle in days when you assess again
    [rate-or-longer] state your win rate, or count a longer period, when you assess again
    [it] give it when you assess again
    [them] give them when you assess again
    [it-and-rate] give it, and state your win rate, when you assess again
   *[them-and-rate] give them, and state your win rate, when you assess again
    }

# Which rate and day converted her amounts (English writes it in `Currency::rate_sentence`).
numbers-currency-note = Amounts are in { $name } ({ $code }). Peer figures are kept in { $reference_name } ({ $reference_code }) and shown here converted at 1 { $code } = { $rate } { $reference_code }, the rate of { $date }.
