# The report's words (analysis): see src/domain/phrases.rs.
#
# Deutsch. Die Ausführliche Analyse (analysis-…), „Ihre Zahlen“ (numbers-…) und
# die Absätze zur Vertriebsgeschwindigkeit in der Management-Zusammenfassung
# (velocity-…). Zahlen kommen bereits deutsch geschrieben an („61 %“,
# „25.000 €“); ein `$count` ist die bloße Zahl dahinter, für Singular oder Plural.

## Zahlen

analysis-days = { $count ->
    [one] { $days } Tag
   *[other] { $days } Tage
    }

analysis-list-and = {" "}und{" "}

## Ausführliche Analyse

analysis-you-answered = Ihre Antwort: { $answer }

analysis-figure-mine = { $number ->
    [opportunities] Sie bearbeiten { $yours } qualifizierte Deals pro Quartal
    [deal-value] Ihr durchschnittlicher Auftragswert beträgt { $yours }
    [stated-win-rate] Sie haben eine Abschlussquote von { $yours } angegeben
    [counted-win-rate] Ihre entschiedenen Deals ergeben eine Abschlussquote von { $yours }
    [sales-cycle] Ihr Verkaufszyklus beträgt { $yours }
    [quota] Ihre Zielerreichung beträgt { $yours }
   *[other] Ihre Kennzahl beträgt { $yours }
    }

analysis-figure-against-median = { $mine }, { $against ->
    [same] genau auf dem Median
    [much-longer] deutlich länger als der Median
    [much-shorter] deutlich kürzer als der Median
    [well-above] deutlich über dem Median
    [well-below] deutlich unter dem Median
   *[close] nahe am Median
    } Ihrer Vergleichsgruppe ({ $group }): { $median }.

analysis-figure-no-median = { $mine }; { $no-median }.

analysis-no-median-few = einen Median der Vergleichsgruppe gibt es nicht, weil weniger als { $minimum } Unternehmen diese Zahl angegeben haben
analysis-no-median-yet = einen Median der Vergleichsgruppe gibt es noch nicht

analysis-figure-line = { $which ->
    [stated-win-rate] Ihre angegebene Abschlussquote
   *[figure] Ihre Kennzahl
    }: { $yours }; Median Ihrer Vergleichsgruppe ({ $group }): { $median }.
analysis-figure-line-no-median = { $which ->
    [stated-win-rate] Ihre angegebene Abschlussquote
   *[figure] Ihre Kennzahl
    }: { $yours }; { $no-median }.

analysis-deals-won = Sie haben { $won } von { $decided } entschiedenen { $count ->
    [one] Deal
   *[other] Deals
    } gewonnen.
analysis-few-deals = Sie haben { $won } von { $decided } entschiedenen { $count ->
    [one] Deal
   *[other] Deals
    } gewonnen. Das ist zu wenig für eine Abschlussquote: Dafür braucht es mindestens { $minimum } entschiedene Deals.

analysis-win-rate-face = { $yours }, { $against ->
    [level] gleichauf mit den { $median } Ihrer Vergleichsgruppe
    [close] nahe an den { $median } Ihrer Vergleichsgruppe
    [above] deutlich über den { $median } Ihrer Vergleichsgruppe
   *[below] deutlich unter den { $median } Ihrer Vergleichsgruppe
    }

analysis-win-rates-two-groups = Ihre { $decided } entschiedenen Deals ergeben eine Abschlussquote nach Anzahl von { $by-count } ({ $count-group }), und nach Wert von { $by-value } ({ $value-group }).
analysis-win-rates-one-group = Ihre { $decided } entschiedenen Deals ergeben eine Abschlussquote nach Anzahl von { $by-count }, und nach Wert von { $by-value } (Vergleichsgruppe: { $group }).
analysis-win-rate-by-count = Ihre { $decided } entschiedenen Deals ergeben eine Abschlussquote nach Anzahl von { $by-count } (Vergleichsgruppe: { $group }).
analysis-win-rates-no-median = Ihre { $decided } entschiedenen Deals ergeben nach Anzahl { $by-count } und nach Wert { $by-value }; { $no-median }.
analysis-win-rate-by-count-no-median = Ihre { $decided } entschiedenen Deals ergeben nach Anzahl { $by-count }; { $no-median }.

analysis-strength-questioned = Für sich genommen wäre „{ $answer }“ hier eine Stärke. { $elsewhere ->
    [several] Ihre Antworten an anderer Stelle unter „{ $title }“ stellen das aber infrage
   *[one] Eine andere Ihrer Antworten unter „{ $title }“ stellt das aber infrage
    }: Klären Sie diesen Punkt zuerst, statt ihn als Stärke zu verbuchen.

analysis-tension-link = { $also ->
    [yes] Sie widerspricht außerdem { $count ->
        [one] Ihrer Antwort
       *[other] Ihren Antworten
        }
   *[no] Diese Antwort widerspricht { $count ->
        [one] Ihrer Antwort
       *[other] Ihren Antworten
        }
    } auf { $questions }: siehe { $title } unter „{ words-tensions }“.

## Ihre Zahlen

numbers-qualified-opportunities = Qualifizierte Deals pro Quartal
numbers-average-deal-value = Durchschnittlicher Auftragswert
numbers-win-rate = Abschlussquote
numbers-sales-cycle = Verkaufszyklus
numbers-quota-attainment = Zielerreichung
numbers-velocity-per-day = Vertriebsgeschwindigkeit pro Tag
numbers-unit-win-rate = Abschlussquote nach Anzahl
numbers-value-win-rate = Abschlussquote nach Wert

numbers-no-peer-group-yet = noch keine Vergleichsgruppe
numbers-few-peers = von weniger als { $minimum } Unternehmen angegeben

numbers-velocity = Ihre Vertriebsgeschwindigkeit liegt bei { $per-day } Umsatz pro Tag. Was zehn Prozent mehr bei jedem Faktor daraus machen würden, zeigt der Abschnitt „Vertriebsgeschwindigkeit“ in der Management-Zusammenfassung.
numbers-velocity-not-shown = Ihre Vertriebsgeschwindigkeit wird nicht angezeigt. Warum nicht und welche Angaben Sie beim nächsten Mal ergänzen sollten, sagt der Abschnitt „Vertriebsgeschwindigkeit“ in der Management-Zusammenfassung.
numbers-groups-differ = Jeder Median unten stammt aus der engsten Vergleichsgruppe, in der mindestens { $minimum } Antworten diese Zahl enthalten. Die Gruppe kann daher von Zeile zu Zeile wechseln.

numbers-why-not-a-rate = Warum sich daraus keine Abschlussquote errechnen lässt, sagt der Abschnitt „Vertriebsgeschwindigkeit“ in der Management-Zusammenfassung.
numbers-win-rates = Nach Anzahl gewinnen Sie { $by-count } der entschiedenen Deals, nach Wert { $by-value }.
numbers-smaller-deals-won-more = Kleinere Deals gewinnen Sie häufiger als größere.
numbers-larger-deals-won-more = Größere Deals gewinnen Sie häufiger als kleinere.
numbers-win-rate-no-value = Nach Anzahl gewinnen Sie { $by-count } der entschiedenen Deals. Eine Abschlussquote nach Wert gibt es nicht, weil der gewonnene oder der verlorene Wert fehlt.
numbers-no-deal-decided = Aus Ihren Deals ergibt sich keine Abschlussquote: Bisher wurde kein Deal gewonnen oder verloren.
numbers-no-win-rate-blank = Aus Ihren Deals ergibt sich keine Abschlussquote, weil { $blank ->
    [won] die Zahl der gewonnenen Deals fehlt
    [lost] die Zahl der verlorenen Deals fehlt
   *[both] die Zahlen der gewonnenen und der verlorenen Deals fehlen
    }.

numbers-open-deals = { $count ->
    [one] { $open } Deal ist noch offen.
   *[other] { $open } Deals sind noch offen.
    }
numbers-open-deals-worth = { $count ->
    [one] { $open } Deal im Wert von { $worth } ist noch offen.
   *[other] { $open } Deals im Wert von { $worth } sind noch offen.
    }
numbers-open-left-out = { $rates ->
    [two] { $count ->
        [one] Keine der beiden Quoten zählt ihn mit
       *[other] Keine der beiden Quoten zählt sie mit
        }
    [one] { $count ->
        [one] Die Abschlussquote zählt ihn nicht mit
       *[other] Die Abschlussquote zählt sie nicht mit
        }
   *[none] { $count ->
        [one] Er gilt nicht als entschieden
       *[other] Sie gelten nicht als entschieden
        }
    }: { $count ->
    [one] Er kann noch gewonnen werden oder ist ein Verlust, der noch nicht erfasst ist.
   *[other] Einige werden noch gewonnen, andere sind Verluste, die noch nicht erfasst sind.
    }
numbers-open-value = Deals im Wert von { $worth } sind noch offen und { $rates ->
    [two] in keiner der beiden Quoten enthalten
    [one] nicht in der Abschlussquote enthalten
   *[none] nicht als entschieden gezählt
    }.

numbers-stated-rate-used = Sie haben eine Abschlussquote von { $stated } angegeben, und der Bericht verwendet diese.
numbers-stated-and-counted = Sie haben eine Abschlussquote von { $stated } angegeben; Ihre { $decided } entschiedenen Deals ergeben { $by-count } nach Anzahl und { $by-value } nach Wert.
numbers-stated-and-counted-by-count = Sie haben eine Abschlussquote von { $stated } angegeben; Ihre { $decided } entschiedenen Deals ergeben { $by-count }.
numbers-rates-agree = Beide stimmen mit Ihrer Angabe überein, und der Bericht verwendet Ihre angegebene Quote.
numbers-value-matches = Nach Wert entspricht die gezählte Quote Ihrer Angabe, nach Anzahl liegt sie { $side ->
    [above] darüber
   *[below] darunter
    }: Sie gewinnen { $deals ->
    [smaller] kleinere
   *[larger] größere
    } Deals häufiger. Der Bericht verwendet Ihre angegebene Quote.
numbers-both-ran = Das letzte Quartal lag nach Anzahl und nach Wert { $side ->
    [above] über
   *[below] unter
    } der Quote, die Sie angegeben haben. Der Bericht verwendet Ihre angegebene Quote. Liegt auch das nächste Quartal { $side ->
    [above] darüber
   *[below] darunter
    }, verwenden Sie stattdessen die gezählte Quote.
numbers-count-and-value-ran = Nach Anzahl lag das letzte Quartal { $count-side ->
    [above] über
   *[below] unter
    } der Quote, die Sie angegeben haben, nach Wert { $value-side ->
    [above] darüber
   *[below] darunter
    }: { $deals ->
    [smaller] Sie haben mehr der kleineren und weniger der größeren Deals gewonnen
   *[larger] Sie haben weniger der kleineren und mehr der größeren Deals gewonnen
    }. Der Bericht verwendet Ihre angegebene Quote.
numbers-count-ran = Das letzte Quartal lag { $side ->
    [above] über
   *[below] unter
    } der Quote, die Sie angegeben haben. Der Bericht verwendet Ihre angegebene Quote. Liegt auch das nächste Quartal { $side ->
    [above] darüber
   *[below] darunter
    }, verwenden Sie stattdessen die gezählte Quote.

## Vertriebsgeschwindigkeit (Management-Zusammenfassung)

velocity-yours = Nach Ihren Zahlen liegt Ihre Vertriebsgeschwindigkeit bei { $per-day } Umsatz pro Tag: { $opportunities } qualifizierte Deals mit einem durchschnittlichen Auftragswert von { $deal-value }, eine Abschlussquote von { $win-rate } und ein Verkaufszyklus von { $cycle-days ->
    [one] { $cycle } Tag
   *[other] { $cycle } Tagen
    }.
velocity-peer-median = Nach derselben Rechnung liegt der Median Ihrer Vergleichsgruppe ({ $group }) bei { $median } pro Tag.
velocity-what-if = Die vier Faktoren multiplizieren sich. Zehn Prozent mehr Deals, zehn Prozent größere Aufträge, eine um zehn Prozent höhere Abschlussquote und ein um zehn Prozent kürzerer Verkaufszyklus brächten Sie auf { $what-if } pro Tag: { $gain } mehr an jedem Tag, ein Plus von { $uplift }. Das wirkt, als wäre das Vertriebsteam um die Hälfte gewachsen, ohne eine einzige Neueinstellung.
velocity-pointer-all = Die vier Teilindizes oben zeigen, wo Sie ansetzen sollten.
velocity-pointer-one = Der eine Teilindex oben, der einen Wert hat, zeigt, wo Sie ansetzen sollten.
velocity-pointer-some = Die Teilindizes oben, die einen Wert haben, zeigen, wo Sie ansetzen sollten.

velocity-not-shown-no-numbers = Ihre eigene Vertriebsgeschwindigkeit wird nicht angezeigt, weil Sie die Unternehmenszahlen nicht angegeben haben. Ergänzen Sie sie bei der nächsten Bewertung, dann berechnet der Bericht sie.
velocity-not-shown = Ihre eigene Vertriebsgeschwindigkeit wird nicht angezeigt, weil { $reason }: { $next }.
velocity-factor = { $factor ->
    [opportunities] die Zahl der qualifizierten Deals
    [deal-value] der durchschnittliche Auftragswert
    [win-rate] eine Abschlussquote
   *[sales-cycle] der Verkaufszyklus
    }
# Nach „weil“, mit dem Verb am Ende.
velocity-left-blank = { $list } { $count ->
    [one] fehlt
   *[other] fehlen
    }
velocity-too-few-decided = eine Abschlussquote mindestens { $minimum } entschiedene Deals braucht, Sie aber { $count ->
    [one] nur einen angegeben haben
   *[other] nur { $decided } angegeben haben
    }
velocity-reason-both = { $blank } und weil { $few }
velocity-reason-zero-cycle = der Verkaufszyklus mit 0 Tagen angegeben wurde
velocity-next-time = { $case ->
    [cycle] Geben Sie bei der nächsten Bewertung den Verkaufszyklus in Tagen an
    [rate-or-longer] Geben Sie bei der nächsten Bewertung Ihre Abschlussquote an oder zählen Sie über einen längeren Zeitraum
    [it] Ergänzen Sie die Angabe bei der nächsten Bewertung
    [them] Ergänzen Sie die Angaben bei der nächsten Bewertung
    [it-and-rate] Ergänzen Sie bei der nächsten Bewertung die Angabe und nennen Sie Ihre Abschlussquote
   *[them-and-rate] Ergänzen Sie bei der nächsten Bewertung die Angaben und nennen Sie Ihre Abschlussquote
    }

# Which rate and day converted her amounts (English writes it in `Currency::rate_sentence`).
numbers-currency-note = Alle Beträge in { $name } ({ $code }). Die Werte der Vergleichsgruppe werden in { $reference_name } ({ $reference_code }) geführt und hier zum Kurs vom { $date } umgerechnet: 1 { $code } = { $rate } { $reference_code }.
