# The report's words (waves): see src/domain/phrases.rs.
# "Since last time": what moved between an earlier assessment and this one.

## The table of indices and numbers
waves-score-missing = zu wenige Antworten
waves-not-comparable = nicht vergleichbar
waves-not-given = nicht angegeben
waves-unchanged = unverändert
waves-points =
    { $shown } { $points ->
        [one] Punkt
       *[other] Punkte
    } { $direction ->
        [up] mehr
       *[down] weniger
    }
waves-amount-up = { $amount } mehr
waves-amount-down = { $amount } weniger
waves-days =
    { $days ->
        [one] { $shown } Tag
       *[other] { $shown } Tage
    }
waves-days-longer =
    { $days ->
        [one] { $shown } Tag länger
       *[other] { $shown } Tage länger
    }
waves-days-shorter =
    { $days ->
        [one] { $shown } Tag kürzer
       *[other] { $shown } Tage kürzer
    }
waves-number =
    { $number ->
        [qualified-opportunities] Qualifizierte Deals
        [average-deal-value] Durchschnittlicher Auftragswert
        [win-rate] Abschlussquote
        [sales-cycle] Verkaufszyklus
        [quota-attainment] Zielerreichung
       *[sales-velocity] Vertriebsgeschwindigkeit pro Tag
    }
waves-number-in-sentence =
    { $number ->
        [qualified-opportunities] Qualifizierte Deals
        [average-deal-value] Durchschnittlicher Auftragswert
        [win-rate] Abschlussquote
        [sales-cycle] Verkaufszyklus
        [quota-attainment] Zielerreichung
       *[sales-velocity] Vertriebsgeschwindigkeit pro Tag
    }

## What was compared with what
waves-intro =
    Verglichen mit Ihrer Bewertung vom { $date }, auf gleicher Grundlage: { $questions ->
        [one] 1 Frage, die beide Male gestellt wurde
       *[other] { $questions } Fragen, die beide Male gestellt wurden
    }.
waves-intro-changed =
    Der Fragebogen hat sich seitdem geändert: { $new ->
        [0] Keine Frage ist neu
        [one] 1 neue Frage bleibt beim Vergleich außen vor
       *[other] { $new } neue Fragen bleiben beim Vergleich außen vor
    }, und { $retired ->
        [0] keine der früheren Fragen ist entfallen
        [one] 1 frühere Frage wird nicht mehr gestellt
       *[other] { $retired } frühere Fragen werden nicht mehr gestellt
    }.
waves-intro-recomputed = Die Werte hier sind nur auf Basis der gemeinsamen Fragen neu berechnet. Sie können daher leicht von denen in den beiden Berichten abweichen.
waves-answer-changed = { $question } ({ $section }): beim letzten Mal „{ $before }“, jetzt „{ $after }“.
waves-no-answer-changed = Auf alle Fragen, die beide Male gestellt wurden, haben Sie genauso geantwortet wie beim letzten Mal.

## What moved and why
waves-company-unchanged = Ihr Unternehmensindex ist unverändert bei { $now }
waves-company-moved =
    Ihr Unternehmensindex ist um { $shown } { $points ->
        [one] Punkt
       *[other] Punkte
    } { $direction ->
        [up] gestiegen
       *[down] gesunken
    }, von { $before } auf { $now }
waves-personal-unchanged = Ihr persönlicher Index ist unverändert bei { $now }
waves-personal-moved =
    Ihr persönlicher Index ist um { $shown } { $points ->
        [one] Punkt
       *[other] Punkte
    } { $direction ->
        [up] gestiegen
       *[down] gesunken
    }, von { $before } auf { $now }
waves-index-moved =
    { $index } um { $shown } { $points ->
        [one] Punkt
       *[other] Punkte
    } { $direction ->
        [up] gestiegen
       *[down] gesunken
    }
waves-indices-unchanged = { $indices } unverändert
waves-company-and-subs = { $company } ({ $subs })
waves-clauses = { $first }; { $second }
waves-answers-moved =
    { $count ->
        [1] Eine Antwort hat sich geändert
        [2] Zwei Antworten haben sich geändert
        [3] Drei Antworten haben sich geändert
        [4] Vier Antworten haben sich geändert
        [5] Fünf Antworten haben sich geändert
        [6] Sechs Antworten haben sich geändert
        [7] Sieben Antworten haben sich geändert
        [8] Acht Antworten haben sich geändert
        [9] Neun Antworten haben sich geändert
        [10] Zehn Antworten haben sich geändert
       *[other] { $count } Antworten haben sich geändert
    }{ $direction ->
        [better]
            { $count ->
                [1] , und zwar zum Besseren
               *[other] , alle zum Besseren
            }
        [worse]
            { $count ->
                [1] , und zwar zum Schlechteren
               *[other] , alle zum Schlechteren
            }
       *[mixed] {""}
    }{ $lead ->
        [largest] . Am meisten bewegt haben diese
       *[other] {""}
    }: { $movers }.
waves-mover = „{ $question }“, jetzt „{ $after }“ (beim letzten Mal „{ $before }“), fließt ein in { $indices }
waves-number-moved = { $number }: vorher { $before }, jetzt { $after } ({ $change })
waves-numbers-moved = Auch Ihre Zahlen haben sich bewegt. { $changes }.

## Lists
waves-and = { $rest } und { $last }
waves-list-next = { $rest }; { $next }
waves-list-last = { $rest }; { $last }
