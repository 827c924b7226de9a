# The report's words (report): see src/domain/phrases.rs.
# Überschriften, Beschriftungen und die Sätze der Zusammenfassung, auf Deutsch.
# Zahlen kommen bereits im deutschen Format an („61 %“, „25.000 €“).

## Überschriften und Beschriftungen
words-title = Ihr Benchmark-Bericht
words-title-company = { $company }: Ihr Benchmark-Bericht
words-meta = Eingereicht am { $date }.
words-meta-respondent = Erstellt für { $respondent }. Eingereicht am { $date }.
words-summary = Übersicht
words-your-company = Ihr Unternehmen
words-you = Sie
words-you-respondent = Sie: { $respondent }
words-category = Kategorie
words-peer-group = Vergleichsgruppe
words-sub-indices = Teilindizes
words-not-enough-answers = Zu wenige Antworten
words-no-score = k. A.
words-no-score-bar = zu wenige Antworten
words-executive-summary = Management-Zusammenfassung
words-sales-velocity = Vertriebsgeschwindigkeit
words-tensions = Wo Ihre Antworten auseinandergehen
words-actions = Ihre ersten Schritte: was bleibt, was sich ändert, was aufhört
words-detailed-analysis = Detailanalyse
words-band-legend = Der Balken neben jeder Antwort zeigt ihre Bewertung:
words-band-strong = stark
words-band-middling = mittel
words-band-weak = schwach
words-personal-report = Persönlicher Bericht
words-your-numbers = Ihre Zahlen
words-figure = Kennzahl
words-yours = Ihr Wert
words-peer-median = Median der Vergleichsgruppe
words-not-available = nicht verfügbar
words-since-last-time = Seit der letzten Bewertung
words-column-index = Index
words-column-number = Kennzahl
words-column-last-time = Letztes Mal
words-column-now = Jetzt
words-column-change = Veränderung
words-trend = Ihr Unternehmensindex im Zeitverlauf
words-answers-changed = Geänderte Antworten
words-new-this-time = Neu in dieser Bewertung
words-note-higher-than = „Höher als 70 %“ bedeutet: 70 % Ihrer Vergleichsgruppe haben genauso gut wie Sie oder schlechter abgeschnitten.
words-note-median-tick = Die dunkle Markierung auf jedem Balken und jeder Skala zeigt den Median der Vergleichsgruppe.

## Indizes und Urteile
index-company = Unternehmensindex
index-personal = Persönlicher Index
verdict-keep = WEITERHIN
verdict-change = KÜNFTIG
verdict-stop = NICHT MEHR

## Wo ein Index im Vergleich steht
summary-relative-top = Spitze der Gruppe
summary-relative-top-long = an der Spitze Ihrer Vergleichsgruppe
summary-relative-lowest = Schlusslicht der Gruppe
summary-relative-lowest-long = ganz unten in Ihrer Vergleichsgruppe
summary-relative-bottom-tenth = unterstes Zehntel der Gruppe
summary-relative-bottom-tenth-long = im untersten Zehntel Ihrer Vergleichsgruppe
summary-relative-bottom-quarter = unterstes Viertel der Gruppe
summary-relative-bottom-quarter-long = im untersten Viertel Ihrer Vergleichsgruppe
summary-relative-higher = höher als { $percent }
summary-relative-higher-long = höher als { $percent } Ihrer Vergleichsgruppe
summary-standing-in-group = { $standing } ({ $group })
summary-group =
    { $n ->
        [one] { $dimensions }, { $count } Antwort
       *[other] { $dimensions }, { $count } Antworten
    }
summary-all-respondents = alle Teilnehmenden
summary-unranked-no-score = nicht eingeordnet, da kein Ergebnis vorliegt
summary-unranked-no-score-short = Nicht eingeordnet
summary-unranked-few-peers = nicht eingeordnet, da weniger als { $minimum } Unternehmen der Vergleichsgruppe hier einen Wert haben
summary-unranked-few-peers-short = Nicht eingeordnet
summary-unranked-no-group = noch nicht eingeordnet, da es noch keine Vergleichsgruppe gibt
summary-unranked-no-group-short = Noch nicht eingeordnet
summary-median-line = Median der Vergleichsgruppe: { $median }
summary-median-line-tick = Median der Vergleichsgruppe: { $median } (dunkle Markierung)

## Die Teilindizes in der Management-Zusammenfassung
summary-sub-index-heading = { $name }: { $score }
summary-index-no-score = zu wenige Antworten
summary-against-peers = Im Vergleich: { $standing }.
summary-against-peers-median = Im Vergleich: { $standing }; der Median der Vergleichsgruppe liegt bei { $median }.
summary-potential-line = Umsatzsteigerungspotenzial: { $level }.
summary-potential-line-reason = Umsatzsteigerungspotenzial: { $level }, { $reason }.
summary-potential-reason =
    { $points ->
        [0] auf oder über
        [one] 1 Punkt unter
       *[other] { $gap } Punkte unter
    } { $benchmark ->
        [peer] dem obersten Zehntel Ihrer Vergleichsgruppe, das bei { $percent } beginnt
        [target] dem Zielwert der Studie von { $percent }
       *[scale] dem Höchstwert der Skala
    }
summary-not-scored = Kein Ergebnis: Die Fragen, die Sie beantwortet haben, tragen { $coverage } zum Gewicht des Teilindex „{ $name }“ bei; für ein Ergebnis sind { $needed } nötig.
summary-unknown-behind =
    Ihr Wert für „{ $name }“ beruht auf den Antworten, die Sie gegeben haben – nicht auf { $unknown ->
        [one] der einen
       *[other] den { $unknown }
    } von { $questions } Fragen, die Sie mit „Weiß nicht“ beantwortet haben.

## Die einleitenden Sätze
summary-overall =
    Nach Ihren Antworten liegt Ihr Unternehmensindex bei { $score } und damit in der Kategorie „{ $category }“{ $compared ->
        [ranked] : { $standing }
        [unranked] . Im Vergleich: { $standing }
       *[none] {""}
    }.
summary-overall-company =
    Nach Ihren Antworten hat { $company } einen Unternehmensindex von { $score } und liegt damit in der Kategorie „{ $category }“{ $compared ->
        [ranked] : { $standing }
        [unranked] . Im Vergleich: { $standing }
       *[none] {""}
    }.
summary-overall-median = Der Median der Vergleichsgruppe liegt bei { $median }.
summary-overall-missing = Es gab nicht genug Antworten, um Ihren Unternehmensindex oder einen seiner Teilindizes zu berechnen. Beantworten Sie bei der nächsten Bewertung die Fragen, die Sie übersprungen haben oder nicht beantworten konnten – bei Bedarf gemeinsam mit jemandem, der sich damit auskennt.
summary-overall-missing-sub-indices = Es gab nicht genug Antworten, um Ihren Unternehmensindex zu berechnen; dafür braucht es alle vier Teilindizes. Beantworten Sie bei der nächsten Bewertung die Fragen, die Sie übersprungen haben oder nicht beantworten konnten – bei Bedarf gemeinsam mit jemandem, der sich damit auskennt.
# $initial zählt nur im Englischen (an/a); hier gibt es nur eine Form.
summary-personal-opening =
    { $initial ->
       *[other] Ihr persönlicher Index liegt bei { $score }. Damit gehören Sie zur Kategorie „{ $category }“.
    }
summary-personal-against = Im Vergleich: { $standing }.
summary-personal-against-median = Im Vergleich: { $standing }; der Median liegt bei { $median }.
summary-personal-missing = Es gab nicht genug Antworten zu Ihrer eigenen Arbeitsweise, um Ihren persönlichen Index zu berechnen. Sie erhalten ihn, wenn Sie bei der nächsten Bewertung mehr dieser Fragen beantworten.
summary-peer-group = Ihre Vergleichsgruppe: { $group }, Stand { $date }. Jede Kennzahl nennt die Zahl der Antworten, auf denen sie beruht.
summary-no-peer-group = Noch keine Vergleichsgruppe: Am { $date } lagen der Studie weniger als { $minimum } Antworten vor. Deshalb zeigt der Bericht noch keinen Vergleich.

## Wie viel beantwortet wurde
summary-coverage =
    Sie haben { $all ->
        [yes] alle { $total } bewerteten Fragen
       *[no] { $answered } der { $total } bewerteten Fragen
    } beantwortet{ $unknown ->
        [0] {""}
        [one] {" "}und einmal „Weiß nicht“ angegeben
       *[other] {" "}und { $unknown }-mal „Weiß nicht“ angegeben
    }.
summary-coverage-dont-know = Ein „Weiß nicht“ zählt weder für noch gegen Sie: Es fließt in keinen Wert ein. Jeder Wert beruht also nur auf den Antworten, die Sie gegeben haben.

## Schritte und Widersprüche
summary-action-answered = Sie antworteten „{ $answer }“ auf: { $question }
summary-tension-in-action = Was das meist bedeutet und was zu tun ist, steht bei Ihren ersten Schritten unter „{ $verdict } { $headline }“.
summary-entry-in-action = Einer Ihrer ersten Schritte lautet: { $verdict } { $headline }. Was zu tun ist, steht in der Management-Zusammenfassung.
summary-answered-first = Sie antworteten „{ $answer }“ auf { $question }
summary-answered-next = , „{ $answer }“ auf { $question }
summary-answered-last = {" "}und „{ $answer }“ auf { $question }
summary-see-tension = Siehe { $title }.
summary-not-yet-a-strength = Diese Antwort ist noch keine Stärke.
