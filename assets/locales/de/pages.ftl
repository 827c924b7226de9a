# The respondent's pages around the questionnaire's own words: the landing
# page, every questionnaire page and the frame around them.

## Frame of every page
skip-to-content = Zum Inhalt springen
footer = Dealbench: eine Benchmark-Studie zum Vertrieb. Ihre Antworten bleiben auf diesem Server.
language-switch = Sprache

## Landing page
landing-minutes = Etwa { $minutes } Minuten
landing-pages = { $pages } kurze Seiten; Ihre Antworten werden auf jeder Seite gespeichert.
landing-resume = Unterbrechen und später weitermachen
landing-resume-detail = Sie erhalten einen privaten Link, mit dem Sie auf jedem Gerät fortfahren können.
landing-report = Ihr Bericht, sofort
landing-report-detail = Punktwerte, Vergleich mit ähnlichen Unternehmen und fünf Maßnahmen – am Bildschirm und als PDF.
landing-asked = Worum es in den Fragen geht
landing-privacy = Was mit Ihren Antworten geschieht
landing-start = Fragebogen starten

## A questionnaire page
page-title = { $section } ({ $page } von { $pages })
page-title-one-error = Fehler: Bitte prüfen Sie eine Antwort – { $section } ({ $page } von { $pages })
page-title-errors = Fehler: Bitte prüfen Sie { $count } Antworten – { $section } ({ $page } von { $pages })
page-progress = Seite { $page } von { $pages }: { $part }
page-errors =
    { $count ->
        [one] Bitte prüfen Sie eine Antwort
       *[other] Bitte prüfen Sie { $count } Antworten
    }
page-numbers-check = Bitte prüfen Sie, wie Ihre Zahlen erfasst wurden
page-numbers-check-detail = Bei jeder Zahl unten sehen Sie, wie sie erfasst wurde. Wenn eine nicht dem entspricht, was Sie gemeint haben, korrigieren Sie sie; andernfalls fahren Sie einfach fort.
page-required = (Pflichtfeld)
page-error = Fehler:
page-team-answer = die Antwort Ihres Teams – für alle Kolleginnen und Kollegen gleich, damit Sie alle mit derselben Vergleichsgruppe verglichen werden.
page-amount-in = { $question } (in { $currency })
page-read-as = Erfasst als { $value }
page-submit = Absenden und Bericht ansehen
page-next = Speichern und weiter
page-back = Zurück
page-come-back = Später fortfahren
page-come-back-detail = Ihre Antworten werden bei jedem Seitenwechsel gespeichert. Um auf einem beliebigen Gerät fortzufahren, bewahren Sie diesen privaten Link auf:

## What is wrong with an answer, next to its field
error-not-an-option = wählen Sie eine der vorgegebenen Antworten
error-not-a-number = geben Sie eine Zahl ein, z. B. 25000, 25.000 oder 25k
error-not-an-integer = geben Sie eine ganze Zahl ein
error-out-of-range = geben Sie eine Zahl von { $min } bis { $max } { $unit } ein
error-not-text = geben Sie reinen Text ein
error-too-long = verwenden Sie hier höchstens { $max } Zeichen
error-not-an-email = geben Sie eine E-Mail-Adresse ein, z. B. name@example.com
error-other-currency-named = „{ $typed }“ ist in { $typed_in } angegeben, Ihre Beträge aber in { $named }: Geben Sie den Betrag in { $currency } an oder wählen Sie { $typed_in } als Währung Ihrer Beträge
error-other-currency = „{ $typed }“ ist in einer anderen Währung angegeben: Ihre Beträge sind in { $named }, geben Sie den Betrag also in { $currency } an
error-missing = bitte beantworten Sie diese Frage

## The report page
report-title-company = { $company }: Ihr Dealbench-Bericht
report-title = Ihr Dealbench-Bericht
report-download-pdf = PDF herunterladen
report-languages = Diesen Bericht lesen auf
report-next-steps = Nächste Schritte
report-assess-again = Erneut bewerten
report-assess-again-detail = : Antworten Sie in sechs oder zwölf Monaten erneut, ausgehend von diesen Antworten, und sehen Sie, was sich bewegt hat.
report-email-me = Per E-Mail senden
report-email-me-detail = : den Link zu diesem Bericht oder eine Erinnerung, in 6 oder 12 Monaten erneut zu bewerten.
report-team-member = Sie haben als Teil des Teams eines Kollegen geantwortet. Den Link zum Teambericht hat der Kollege, der Sie eingeladen hat: Fragen Sie ihn danach. Ihr eigener Bericht bleibt hier, und Sie können jederzeit erneut bewerten.
report-team-assessment = Teambewertung
report-team-assessment-detail = : Laden Sie Kollegen ein und sehen Sie, wo Führungskräfte, Manager und Vertriebsmitarbeiter Ihre Vertriebsorganisation unterschiedlich sehen.
