# Die Wörter der Betreiberkonsole: ihre Seiten, Beschriftungen, Hinweise und
# Meldungen. Zahlen kommen formatiert an; die Namen der Indizes und der
# Merkmale der Vergleichsgruppe kommen aus dem Fragebogen in derselben Sprache.
# Eine Meldung mit Auszeichnungen (<code>, <strong>) ist mit "HTML" markiert.

## Navigation und Hinweis auf synthetische Antworten
console-nav = Konsole
console-participation = Teilnahme
console-compare = Vergleichsgruppen vergleichen
console-exports = Exporte
console-teams = Teams und Runden
console-held = Zur Prüfung zurückgehalten
console-find = Suchen und löschen
console-questionnaire = Fragebogen
console-sign-out = { $operator } abmelden
console-synthetic-counted = Synthetische Antworten werden mitgezählt
console-synthetic-counted-detail = Jede Zahl in der Konsole zählt die { $synthetic } synthetischen Antworten (Demodaten) neben { $real } echten mit, bis Sie sie ausschließen.
console-synthetic-leave-out = Synthetische Antworten ausschließen
console-synthetic-only = Diese Studie enthält nur synthetische Antworten
console-synthetic-only-detail = Alle { $synthetic } Antworten, die in die Zahlen eingehen können, sind synthetisch (Demodaten): Noch zählt keine echte Antwort (eine zur Prüfung zurückgehaltene zählt, sobald Sie sie annehmen). Die Zahlen lassen synthetische Antworten außen vor, daher liegt jede Gruppe unter dem Minimum. Nehmen Sie sie hinzu, um zu sehen, wie die Konsole arbeitet.
console-synthetic-include = Synthetische Antworten in alle Zahlen einbeziehen

## Anmeldung
console-sign-in = Anmeldung zur Konsole
console-name = Name
console-password = Passwort
console-sign-in-button = Anmelden
# HTML
console-operators-added = Zugänge zur Konsole werden auf dem Server angelegt, mit <code>dealbench operator add NAME</code>.
console-too-many-attempts = Zu viele fehlgeschlagene Versuche. Warten Sie einige Minuten und versuchen Sie es dann erneut.
console-busy = Die Konsole meldet gerade andere Personen an. Versuchen Sie es gleich noch einmal.
console-no-match = Name und Passwort passen nicht zusammen.

## Teilnahme
console-questionnaire-version = Fragebogen, Version { $version }
console-started = Im Browser begonnen
console-completed-all = Ausgefüllt (alle Kanäle)
console-completion-rate = Ausfüllquote
console-median-time = Mittlere Bearbeitungszeit (Median)
console-synthetic-responses = Synthetische Antworten (Demodaten)
console-completions-per-day = Ausgefüllte Fragebogen pro Tag
console-completions-per-day-from = Ausgefüllte Fragebogen pro Tag, { $first } bis { $last }
console-completions-chart = Ausgefüllte Fragebogen pro Tag; stärkster Tag: { $count }
console-completed-on = { $day }: { $count } ausgefüllt
console-synthetic-on = { $day }: { $count } synthetisch
console-busiest-day = stärkster Tag: { $count }
console-legend-completed = ausgefüllt
console-legend-synthetic = synthetisch
console-nothing-started = Bisher wurde noch kein Fragebogen begonnen.
console-none-started = noch keine Fragebogen begonnen
console-not-yet-known = noch nicht bekannt
console-minutes = { $minutes } Minuten

## Filter, auf „Vergleichsgruppen vergleichen“ und „Exporte“
console-any = Alle
console-answered-in = Beantwortet auf
console-any-language = Alle Sprachen
console-submitted-from = Eingegangen ab (JJJJ-MM-TT)
console-submitted-until = Eingegangen bis
console-submitted-until-format = Eingegangen bis (JJJJ-MM-TT)
console-synthetic-counted-note = Synthetische Antworten werden mitgezählt (Ihre Wahl oben auf der Seite).
console-include-synthetic = Synthetische Antworten einbeziehen
console-fewer-than = weniger als { $k } Antworten
# Eine Gruppe, wie ihre Filter sie beschreiben.
console-everyone = Alle Teilnehmenden
console-group-answered-in = beantwortet auf { $language }
console-period = { $from } bis { $to }
console-period-from = ab { $from }
console-period-until = bis { $to }
console-with-synthetic = einschließlich synthetischer Antworten

## Vergleichsgruppen vergleichen
console-group = Gruppe { $n }
console-compare-button = Vergleichen
console-compare-count-before = Vergleichen Sie
console-compare-count-after = Gruppen.
console-share-link = Link zu diesem Vergleich:
console-groups-compared = Die verglichenen Gruppen
console-col-group = Gruppe
console-col-responses = Antworten
console-col-export = Export
console-group-label = { $n }: { $label }
console-scores-csv = Werte als CSV
console-answers-csv = Antworten als CSV
console-indices = Indizes
console-index-by-group = { $index } nach Gruppe
console-col-mean = Mittelwert
console-col-median = Median
console-col-quartiles = Quartile
console-quartiles = { $q1 } bis { $q3 }
console-histogram = { $index }: Verteilung nach Gruppe, in Stufen von 10 Punkten
console-histogram-bar = Gruppe { $group }: { $count }
console-items = Antworten, die Fragen mit dem größten Unterschied zuerst
console-items-note = Jeder Balken zeigt, wie sich die Antworten einer Gruppe auf die Optionen verteilen, links beginnend mit der ersten Option, in den Farben der Legende unter der Frage. Der Unterschied ist der größte Anteil an Antworten, der sich verschieben müsste, damit zwei Gruppen gleich antworten.
console-difference = Unterschied { $difference }{"\u00A0"}%
console-split-bar = Gruppe { $n }:
console-option-share = { $option }: { $share }
console-options-legend = Optionen, in der Reihenfolge der Balken

## Exporte
console-exports-intro = Laden Sie die Antworten einer Gruppe als CSV-Dateien für eine Tabellenkalkulation oder ein Statistikprogramm herunter. Wählen Sie die Gruppe wie eine Vergleichsgruppe; eine Gruppe mit weniger als { $k } Antworten wird nicht exportiert, da sie auch im Vergleich keine Zahlen erhält.
console-export-group = Die zu exportierende Gruppe
console-show-group = Gruppe anzeigen
console-group-size =
    { $count ->
        [one] { $label }: { $count } Antwort
       *[other] { $label }: { $count } Antworten
    }
console-download-scores = Werte herunterladen ({ $file })
console-download-answers = Antworten herunterladen ({ $file })
console-not-exported =
    { $count ->
        [one] Nicht exportiert: Diese Gruppe umfasst { $count } Antwort, weniger als { $k }, die kleinste Gruppe, für die die Studie Zahlen zeigt.
       *[other] Nicht exportiert: Diese Gruppe umfasst { $count } Antworten, weniger als { $k }, die kleinste Gruppe, für die die Studie Zahlen zeigt.
    }
console-widen = Fassen Sie die Gruppe weiter (weniger Filter, ein längerer Zeitraum).
console-widen-synthetic = Fassen Sie die Gruppe weiter (weniger Filter, ein längerer Zeitraum oder synthetische Antworten einbezogen).
console-files-hold = Was die Dateien enthalten
console-files-columns = Eine Zeile pro Antwort der Gruppe, mit einer Kopfzeile. Beide Dateien beginnen mit denselben Spalten:
console-file-pseudonym = Eine pseudonyme ID der Antwort, in beiden Dateien gleich, sodass sie sich verknüpfen lassen. Sie wird mit einem Geheimnis dieses Servers aus der Antwort abgeleitet und öffnet keinen Bericht.
console-file-submitted = Wann die Antwort eingegangen ist, in UTC.
console-file-version = Die Version des Fragebogens, der beantwortet wurde.
console-file-synthetic = 1 für eine synthetische Antwort (Demodaten), 0 für eine echte.
console-file-flags = Die Qualitätsprüfungen, die angeschlagen haben (zu schnell, immer dieselbe Antwort, fast identisch mit einer anderen), und 1, solange die Antwort zur Prüfung aus den Vergleichswerten herausgehalten wird.
# HTML
console-file-language = Die Sprache, in der der Fragebogen beantwortet wurde (<code>en</code>, <code>de</code>, <code>fr</code>, <code>es</code>); alle Sprachen teilen dieselben Fragen, IDs und Vergleichswerte.
console-file-dimensions = Das Profil für die Vergleichsgruppe: jeweils die ID der gewählten Option.
console-file-team = (am Ende) Eine pseudonyme ID des Teams der antwortenden Person, falls vorhanden, und die Runde: die des Teams oder die der eigenen Reihe von Einschätzungen (1 für die erste).
# HTML
console-file-scores = Danach der Unternehmensindex (<code>overall</code>), seine vier Teilindizes und der persönliche Index, jeweils von 0 bis 100, leer, wo zu wenige Fragen für einen Wert beantwortet wurden.
console-all-columns = Alle { $count } Spalten
# HTML; $currency: „US-Dollar (USD)“
console-file-answers = Danach eine Spalte pro Frage, benannt nach ihrer ID im Fragebogen (siehe die Seite „Fragebogen“): die ID der gewählten Option, die angegebene Zahl oder der Text, leer, wo die Frage nicht beantwortet wurde. Beträge stehen in der Referenzwährung der Studie ({ $currency }), gleich in welcher Währung sie angegeben wurden.
# HTML; $column: die ID der Frage nach der Währung
console-file-answers-currency = Danach eine Spalte pro Frage, benannt nach ihrer ID im Fragebogen (siehe die Seite „Fragebogen“): die ID der gewählten Option, die angegebene Zahl oder der Text, leer, wo die Frage nicht beantwortet wurde. Beträge stehen in der Referenzwährung der Studie ({ $currency }), gleich in welcher Währung sie angegeben wurden; diese steht in der Spalte <code>{ $column }</code> (leer: die Referenzwährung).
console-never-exported = Nie exportiert
console-never-exported-detail = Namen, Unternehmen und E-Mail-Adressen, Links zu Berichten und zum Fortsetzen sowie die Adressen der Aufrufenden stehen in keiner der beiden Dateien.

## Zur Prüfung zurückgehalten
console-held-intro = Diese Antworten haben eine Qualitätsprüfung ausgelöst. Die Antwortenden haben ihre Berichte erhalten, aber die Antworten zählen in keinem Vergleichswert, bis Sie sie annehmen. Löschen Sie die, die nicht echt sind.
console-accepted = Angenommen: Die Antwort zählt jetzt in den Vergleichswerten.
console-held-responses = Zurückgehaltene Antworten
console-col-submitted = Eingegangen
console-col-pseudonym = Pseudonyme ID
console-col-why-held = Grund der Zurückhaltung
console-col-decision = Entscheidung
console-accept = Annehmen
console-response-named = Antwort { $pseudonym }
console-confirm-delete-named = Ja, { $pseudonym } löschen
console-delete = Löschen
console-none-held = Keine Antwort wird zurückgehalten.
console-flag-speeder = schneller ausgefüllt als die angegebene Mindestzeit
console-flag-straight-liner = fast bei jeder Bewertungsfrage dieselbe Antwort
console-flag-near-duplicate = fast dieselben Antworten wie eine andere aktuelle Antwort von derselben Adresse
console-flag-too-many = mehr Antworten von derselben Adresse innerhalb eines Tages, als die Prüfung auf Beinahe-Duplikate vergleicht

## Suchen und löschen
console-find-title = Eine Antwort suchen und löschen
console-deleted = Gelöscht. Sie ist aus den Datenbankdateien, den Exporten, den Vergleichsstatistiken, ihrem Bericht und ihrem PDF entfernt; das Löschprotokoll behält nur ihre pseudonyme ID.
console-search-label = Link zum Bericht, Link zum Fortsetzen, E-Mail-Adresse oder Unternehmen
console-search-help = Eine E-Mail-Adresse findet genaue Treffer, unabhängig von Groß- und Kleinschreibung; ein Unternehmen findet jeden Namen, der es enthält (mindestens 3 Zeichen). Nicht abgeschlossene Fragebogen werden ebenfalls gefunden.
console-find-button = Suchen
console-not-found = Zu diesem Link, dieser E-Mail-Adresse oder diesem Unternehmen passt nichts.
console-found-draft = Nicht abgeschlossener Fragebogen { $pseudonym }
console-found-response = Antwort { $pseudonym }
console-last-saved = Zuletzt gespeichert
console-company-given = Angegebenes Unternehmen
console-email-given = Angegebene E-Mail-Adresse
console-none = keine
console-confirm-delete-draft = Ich bestätige: Diesen nicht abgeschlossenen Fragebogen überall löschen. Das lässt sich nicht rückgängig machen.
console-confirm-delete-response = Ich bestätige: Diese Antwort überall löschen. Das lässt sich nicht rückgängig machen.
console-deletion-log = Löschprotokoll
console-col-deleted-at = Gelöscht am
console-col-by = Von
console-col-what = Was
console-kind-response = Antwort
console-kind-draft = Entwurf
console-nothing-deleted = Bisher wurde nichts gelöscht.

## Teams und Runden
console-teams-started = Begonnene Teams
console-teams-with-members = Teams mit Mitgliedern
console-members-median = Mitglieder pro Team (Median)
console-members-range = Mitglieder pro Team (Spanne)
console-second-wave = Teams mit einer zweiten Runde
console-repeat-responses = Antworten aus einer erneuten Einschätzung
console-repeat-rate = Wiederholungsquote
console-repeat-note = Die Wiederholungsquote ist der Anteil der ersten Einschätzungen ({ $count }; synthetische Antworten zählen nie mit), deren Antwortende sich erneut eingeschätzt haben.
console-col-index-mean = Index (Mittelwert)
console-col-first = Erste ({ $n })
console-col-second = Zweite ({ $n })
console-col-change = Veränderung
console-not-shown = Nicht angezeigt: Jede Gruppe braucht mindestens { $k } Antworten (derzeit { $first } und { $second }).
console-no-members = noch keine Mitglieder
console-members-from-to = { $from } bis { $to }
console-no-responses = noch keine Antworten
console-team-waves = Teams: erste und zweite Runde
console-repeat-waves = Antwortende, die sich erneut eingeschätzt haben: erste und zweite Einschätzung

## Fragebogen
# HTML; $source: der Pfad der Datei
console-review-intro-file = Der Fragebogen, wie ihn eine Prüferin oder ein Prüfer liest: jede Frage mit ihren Optionen und deren Punktwerten, worin sie einfließt, und jeder Absatz, den der Bericht dazu zeigen kann. Er wird aus der Datei <code>{ $source }</code> gelesen. Bearbeiten Sie die Datei, laden Sie diese Seite neu, um die Änderung und das Ergebnis der Prüfung zu sehen, und starten Sie Dealbench neu, um sie auszuliefern.
# HTML
console-review-intro-builtin = Der Fragebogen, wie ihn eine Prüferin oder ein Prüfer liest: jede Frage mit ihren Optionen und deren Punktwerten, worin sie einfließt, und jeder Absatz, den der Bericht dazu zeigen kann. Er ist der in Dealbench eingebaute Fragebogen (schreiben Sie mit <code>dealbench questionnaire copy FOLDER</code> eine bearbeitbare Kopie und liefern Sie diese aus). Bearbeiten Sie die Datei, laden Sie diese Seite neu, um die Änderung und das Ergebnis der Prüfung zu sehen, und starten Sie Dealbench neu, um sie auszuliefern.
console-versions = Versionen
console-version-running = In Betrieb: { $questionnaire }, Version { $version } (neue Teilnehmende erhalten sie)
console-version-file = { $file }: { $questionnaire }, Version { $version }, wie die Datei jetzt lautet
console-version-fails = { $file }: besteht die Prüfung nicht
console-preview = Vorschau eines Berichts
console-preview-running = Sehen Sie den Bericht, den eine antwortende Person mit { $questionnaire }, Version { $version } erhielte. Nichts wird gespeichert und nichts zählt in irgendeiner Zahl; die Person wird in die aktuellen Vergleichswerte eingeordnet, die nur gelesen werden.
console-preview-other = Sehen Sie den Bericht, den eine antwortende Person mit { $questionnaire }, Version { $version } erhielte. Nichts wird gespeichert und nichts zählt in irgendeiner Zahl; ein Fragebogen, der nicht in Betrieb ist, wird mit den aktuellen Vergleichswerten seiner Studie gezeigt, bei einer anderen Studie ohne Vergleichswerte.
# HTML
console-paste-answers = Oder fügen Sie eine Antwortdatei ein (JSON, wie <code>dealbench score</code> sie liest)
console-preview-answers = Vorschau dieser Antworten
console-preview-language = Sprache des Berichts
# A date filter that is not a date: $group is "none" on a page with one group.
console-refused-date-from = Das Datum „{ $value }“ unter „Eingegangen ab“{ $group ->
        [none] {""}
       *[other] { " " }in Gruppe { $group }
    } ist kein Datum. Schreiben Sie JJJJ-MM-TT, zum Beispiel 2026-03-31, oder lassen Sie das Feld leer.
console-refused-date-until = Das Datum „{ $value }“ unter „Eingegangen bis“{ $group ->
        [none] {""}
       *[other] { " " }in Gruppe { $group }
    } ist kein Datum. Schreiben Sie JJJJ-MM-TT, zum Beispiel 2026-03-31, oder lassen Sie das Feld leer.
console-refused-unconfirmed = Setzen Sie das Häkchen, um das Löschen zu bestätigen.
console-refused-no-example = Es gibt kein Beispiel namens „{ $name }“.
console-refused-no-answers = Fügen Sie zuerst eine Antwortdatei (JSON) in das Feld ein.
console-refused-not-json = Diese Antworten lassen sich nicht als JSON mit jeder Frage genau einmal lesen: Sehen Sie sich Zeile { $line }, Spalte { $column } an.
# $problems: what the questionnaire check found, as it reports it.
console-refused-preview-fails = { $file } besteht die Prüfung nicht und hat daher keinen Bericht zur Vorschau: { $problems }
console-refused-preview-answers = Diese Antworten passen nicht zu { $questionnaire }, Version { $version }: { $problems }
console-questionnaire-named = { $name } ({ $questionnaire }, Version { $version })
console-settings = Einstellungen
console-sub-indices = Teilindizes und ihre zusammenfassenden Absätze
console-bands = Stufen und Kategorien
console-col-band = Stufe
console-col-score = Punktwert
console-col-what-it-says = Was sie aussagt
console-questions = Fragen
console-optional = optional
console-key-area = Schlüsselbereich
console-feeds = Fließt ein in: { $feeds }.
console-help = Hilfe: { $help }
console-answered-as-number = Beantwortet als Zahl, { $range }.
console-col-option = Option
console-own-paragraph = Eigener Absatz: { $paragraph }
console-headlines = Überschriften je Empfehlung
console-commentary = Kommentar je Stufe
console-measured = Mittel, wenn die eigene Zahl { $standing } ist
console-figure-disagrees = Stark, wenn die Zahl widerspricht
console-figure-better = Mittel oder schwach, wenn die Zahl deutlich besser ist
console-tensions = Spannungen
console-tensions-intro = Zwei Antworten, die in entgegengesetzte Richtungen ziehen; der Bericht sagt dann, was das meist bedeutet.
console-tension-when = Wenn { $first } und { $second }:
console-no-tensions = Keine.
console-file-fails = Die gewählte Datei besteht die Prüfung nicht: Ihre Probleme stehen oben. Beheben Sie sie und laden Sie diese Seite neu.
# Was die Seite über eine Frage, eine Stufe, eine Einstellung sagt.
console-kind-agreement = Zustimmungsskala
console-kind-importance = Wichtigkeitsskala
console-kind-frequency = Häufigkeitsskala
console-kind-choice = Auswahl
console-kind-number = Zahl
console-kind-text = Text
console-band-strong = Stark
console-band-middling = Mittel
console-band-weak = Schwach
console-dont-know = { $verdict } (weiß nicht)
console-weight = { $name } (Gewicht { $weight })
console-personal-weight = Persönlicher Index (Gewicht { $weight })
console-company-number = die Unternehmenszahl `{ $metric }`
console-not-scored = ohne Punktwert
console-feeds-nothing = Fließt in keinen Index ein (ohne Punktwert).
console-number-range = { $min } bis { $max } { $unit }
console-number-range-whole = { $min } bis { $max } { $unit }, ganze Zahlen
console-range = { $from } bis { $to }
console-standing-worse = schlechter als der Median der Vergleichsgruppe
console-standing-level = auf gleicher Höhe
console-standing-better = besser
console-company-categories = Unternehmenskategorien
console-personal-categories = Persönliche Kategorien
console-revenue-potential = Umsatzpotenzial
console-tension-side = „{ $question }“ mit { $answers } beantwortet wurde
console-or = oder
console-everyone-fallback = alle
console-and = und
console-then = dann
console-setting-k = Kleinste angezeigte Vergleichsgruppe (K)
console-setting-k-value = { $k } Antworten
console-setting-fallback = Vergleichsgruppe, der Reihe nach versucht
console-setting-coverage = Ein Index erhält einen Wert ab
console-setting-coverage-value = { $share }{"\u00A0"}% seines Gewichts beantwortet
console-setting-bands = Stufen des Kommentars
console-setting-bands-value = stark ab { $strong }, schwach unter { $weak } (Punktwerte der Optionen 0 bis 100)
console-setting-deals = Eine gezählte Abschlussquote braucht
console-setting-deals-value = { $deals } entschiedene Deals
console-setting-margin = Eine Zahl widerspricht einer Antwort, wenn sie
console-setting-margin-value = { $margin }{"\u00A0"}% schlechter als der Median der Vergleichsgruppe ist
console-setting-potential = Zielwert für das Umsatzpotenzial
console-setting-currency = Währung
console-setting-currency-value = { $code } ({ $symbol }), in der Beträge gespeichert und verglichen werden
console-setting-currency-other = ; { $code } ({ $symbol }) zu je { $rate } { $reference }, Kurs vom { $date }
console-setting-held = Zur Prüfung zurückgehalten, wenn
console-setting-held-value = in weniger als { $seconds } Sekunden ausgefüllt; { $share }{"\u00A0"}% von mindestens { $items } Bewertungsantworten auf derselben Position; { $duplicate }{"\u00A0"}% der Antworten gleich einer anderen Antwort von derselben Adresse innerhalb von { $hours } Stunden
console-setting-minutes = Minuten zum Ausfüllen, wie die Startseite sagt
