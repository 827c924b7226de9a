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
landing-report-detail = Ihre Indexwerte, der Vergleich mit ähnlichen Unternehmen und Ihre fünf ersten Schritte – am Bildschirm und als PDF.
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
error-not-an-object = die Antworten müssen ein JSON-Objekt aus Fragen-IDs und Antworten sein
error-unknown-item = diese Frage gibt es in diesem Fragebogen nicht
error-unknown-option = das ist keine der angebotenen Antworten (wählen Sie eine von: { $offered })

## The report page
report-title-company = { $company }: Ihr Dealbench-Bericht
report-title = Ihr Dealbench-Bericht
report-download-pdf = PDF herunterladen
report-languages = Diesen Bericht lesen auf
# An operator's preview of a report (the console's preview, in the report's language).
report-preview-label = Vorschau.
report-preview-note = So sähe der Bericht aus, den eine antwortende Person mit { $questionnaire }, Version { $version } erhielte. Nichts wird gespeichert; { $peers ->
        [live] die Vergleichswerte sind die aktuellen und werden nur gelesen.
       *[none] es gibt keine Vergleichsgruppe.
    }
report-preview-back = Zurück zum Fragebogen
report-preview-title = Vorschau: { $title }
report-next-steps = Nächste Schritte
report-assess-again = Erneut bewerten
report-assess-again-detail = : Antworten Sie in sechs oder zwölf Monaten erneut, ausgehend von diesen Antworten, und sehen Sie, was sich bewegt hat.
report-email-me = Per E-Mail senden
report-email-me-detail = : den Link zu diesem Bericht oder eine Erinnerung, in 6 oder 12 Monaten erneut zu bewerten.
report-team-member = Sie haben als Teil eines Teams geantwortet. Den Link zum Teambericht hat die Person, die Sie eingeladen hat: Fragen Sie sie danach. Ihr eigener Bericht bleibt hier, und Sie können jederzeit erneut bewerten.
report-team-assessment = Teambewertung
report-team-assessment-detail = : Laden Sie Kolleginnen und Kollegen ein und sehen Sie, wo Führungskräfte, Teamleitungen und Vertriebsmitarbeitende Ihre Vertriebsorganisation unterschiedlich sehen.
back-to-report = Zurück zu Ihrem Bericht

## The email page of a report
email-page-title = E-Mail
email-page-done = Erledigt.
email-page-queued-link = Der Link zu Ihrem Bericht ist unterwegs.
email-page-queued-reminder = Sie erhalten eine Erinnerung, erneut zu bewerten.
email-page-link-heading = Link zu meinem Bericht senden
email-page-send-to = Senden an
# Followed by a hint of the address, such as (j•••@e•••.com).
email-page-to-given = Die Adresse, die ich mit meinen Antworten angegeben habe
email-page-to-typed = Eine andere Adresse, unten
email-page-another-address = Andere Adresse
email-page-your-address = Ihre E-Mail-Adresse
email-page-link-submit = Link per E-Mail senden
email-page-reminder-heading = An eine erneute Bewertung erinnern
email-page-in-six-months = In 6 Monaten
email-page-in-twelve-months = In 12 Monaten
email-page-reminder-submit = Erinnern
email-page-privacy = Ihre Adresse wird nur für die angeforderte E-Mail verwendet und nach dem Versand gelöscht. Sie wird niemandem angezeigt und nicht exportiert; diese Seite, die jeder mit dem Link zu Ihrem Bericht öffnen kann, zeigt nur einen Hinweis auf die angegebene Adresse.
email-page-error-no-address-given = Sie haben mit Ihren Antworten keine E-Mail-Adresse angegeben: Bitte geben Sie eine ein.
email-page-error-not-an-address = Bitte geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.com.
email-page-error-report-bound = Für diesen Bericht wurden in der letzten Stunde { $count } E-Mails angefordert, mehr sind nicht möglich.
email-page-error-client-bound = Aus Ihrem Netzwerk wurden in der letzten Stunde { $count } E-Mails angefordert, mehr sind nicht möglich.
email-page-error-total-bound = Die Studie hat in der letzten Stunde so viele E-Mails versendet, wie sie darf.
# $why: one of the three above; $at: a time of day such as 14:05.
email-page-error-try-again =
    { $why } Es wurde nichts gesendet. Bitte versuchen Sie es in { $minutes ->
        [one] einer Minute
       *[other] { $minutes } Minuten
    } erneut, nach { $at } Uhr UTC; Ihre Auswahl bleibt unten erhalten.

## Assessing again from a report
again-title = Erneut bewerten
again-lead = Beantworten Sie den Fragebogen erneut, um zu sehen, was sich seit dem { $date } bewegt hat. Er beginnt mit Ihren früheren Antworten: Ändern Sie, was heute anders ist, und behalten Sie den Rest.
again-detail = Ihr neuer Bericht zeigt die Veränderung jedes Index und jeder geänderten Antwort, genau vergleichbar: Seitdem hinzugekommene Fragen werden als neu gekennzeichnet und nicht in die Veränderung eingerechnet.
again-start = Mit meinen Antworten neu beginnen

## A team's invitation, as a colleague opens it
invitation-title = Treten Sie der Bewertung Ihres Teams bei
invitation-heading = Der Vertriebs-Benchmark Ihres Teams
invitation-lead = Sie wurden eingeladen, Ihre Vertriebsorganisation gemeinsam mit Ihrem Team zu bewerten. Es dauert etwa { $minutes } Minuten, und Sie erhalten sofort Ihren eigenen Bericht.
invitation-profile = Das Profil Ihres Unternehmens wird aus den Antworten der Person übernommen, die Sie eingeladen hat; Sie antworten zur Vertriebspraxis des Unternehmens und zu Ihrer eigenen.
invitation-figures = Diese Person sieht nur Teamzahlen, so gerundet, dass niemandes Antworten daraus abzulesen sind: nie Ihre Antworten, nie eine Rolle mit weniger als { $minimum } Personen.
invitation-own-report = Ihr eigener Bericht liegt unter einem privaten Link, den nur Sie erhalten.
invitation-show-name = Meinen Namen in der Teilnehmerliste des Teamberichts zeigen: den Namen, den ich auf der ersten Seite angebe, nie neben einer Zahl.

## A report's team page: the offer to start a team, or its links
team-page-title = Ihre Teambewertung
team-page-set-up = Ihr Team ist eingerichtet. Senden Sie den Einladungslink an Kolleginnen und Kollegen im Vertrieb: Führungskräfte, Teamleitungen und Vertriebsmitarbeitende. Alle antworten für sich und erhalten einen eigenen Bericht; Sie sehen die Zahlen des Teams.
team-page-invitation = Einladung für Ihre Kolleginnen und Kollegen
team-page-invitation-note = Jeder mit diesem Link kann Ihrem Team beitreten. Ihre Kolleginnen und Kollegen antworten zum Unternehmen und zu sich selbst; das Unternehmensprofil wird aus Ihren Antworten übernommen.
team-page-report = Ihr Teambericht
team-page-report-note = Behalten Sie diesen Link für sich, oder geben Sie ihn an die Personen weiter, die die Zahlen des Teams sehen sollen. Er zeigt nur Teamzahlen, nie die Antworten einer einzelnen Person, und die Zahlen einer Rolle erst, wenn mindestens { $minimum } Personen in dieser Rolle geantwortet haben.
team-page-notify-heading = Benachrichtigen, sobald er vorliegt
team-page-notify-queued = Sie erhalten eine E-Mail, sobald { $count } Kolleginnen und Kollegen geantwortet haben.
team-page-notify-note = Nur für diese eine E-Mail verwendet und danach gelöscht.
team-page-notify-submit = Per E-Mail benachrichtigen, sobald { $count } Kolleginnen und Kollegen geantwortet haben
team-page-in-another-team = Ihre Antwort gehört bereits zu einem Team, zu dem Sie eingeladen wurden. Fragen Sie die Person, die Ihnen die Einladung geschickt hat, nach dem Teambericht.
team-page-offer = Laden Sie Kolleginnen und Kollegen ein, ebenfalls zu antworten, und sehen Sie, wo Führungskräfte, Teamleitungen und Vertriebsmitarbeitende Ihre Vertriebsorganisation gleich sehen und wo unterschiedlich.
team-page-offer-links = Sie erhalten einen privaten Einladungslink zum Weitergeben und einen privaten Link zum Teambericht für sich selbst.
team-page-offer-own-reports = Ihre Kolleginnen und Kollegen antworten zum Unternehmen und zu sich selbst, und alle erhalten einen eigenen Bericht.
team-page-offer-figures = Der Teambericht zeigt die Zahlen des Teams und die Unterschiede zwischen den Rollen: nie die Antworten einer einzelnen Person, nie eine Rolle mit weniger als { $minimum } Personen, nie einen Namen, es sei denn, die Person hat ihn freigegeben.
team-page-start = Teambewertung starten
team-page-not-offered = Diese Studie bietet keine Teambewertungen an.

## Confirming a team's next wave
wave-confirm-title = Das Team in Runde { $next } erneut befragen?
wave-confirm-lead = Wer ab jetzt über denselben Einladungslink antwortet, zählt zu Runde { $next }. Der Teambericht zeigt weiter die Zahlen der Runde { $wave }, bis { $minimum } Personen in Runde { $next } geantwortet haben; danach zeigt er Runde { $next } und vergleicht sie mit Runde { $wave }.
wave-confirm-closed = Runde { $wave } lässt sich nicht wieder öffnen: Starten Sie eine neue Runde, wenn das Team bereit ist, erneut zu antworten, meist sechs oder zwölf Monate nach der letzten.
wave-confirm-start = Runde { $next } starten
wave-confirm-keep = Bei Runde { $wave } bleiben

## Error pages: a title, what went wrong and what to do
error-title-not-found = Nicht gefunden
error-title-form-expired = Formular abgelaufen
error-title-went-wrong = Etwas ist schiefgelaufen
error-title-wait = Bitte warten Sie
error-title-later = Bitte versuchen Sie es später erneut
error-title-did-not-work = Das hat nicht funktioniert
error-go-to-start = Zur Startseite
error-go-to-console = Zur Konsole
error-page-not-found = Diese Seite gibt es nicht. Prüfen Sie den Link, den Sie erhalten haben.
error-page-form-expired = Dieses Formular ist abgelaufen oder stammt nicht von dieser Website. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut: Ihre gespeicherten Antworten bleiben erhalten.
error-page-in-another-team = Ihre Antwort gehört bereits zu einem Team, zu dem Sie eingeladen wurden. Fragen Sie die Person, die Sie eingeladen hat, nach dem Teambericht.
error-page-answers-do-not-fit = Die Antworten passen nicht zum Fragebogen.
error-page-choose-what-to-send = Wählen Sie, was wir senden sollen: den Link zu Ihrem Bericht oder eine Erinnerung an die nächste Einschätzung.
error-page-choose-reminder-months = Wählen Sie eine Erinnerung in 6 oder in 12 Monaten.
# A form whose fields could not be read (in English, the reason itself).
error-page-bad-request = Das Formular konnte nicht gelesen werden. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut: Ihre gespeicherten Antworten bleiben erhalten.
error-page-too-large = Diese Anfrage ist zu groß.
error-page-too-many =
    Aus Ihrem Netzwerk kamen in der letzten Stunde zu viele Fragebögen. Ihre Antworten sind gespeichert: Senden Sie sie über Ihren Link zum Fortsetzen in { $minutes ->
        [one] einer Minute
       *[other] { $minutes } Minuten
    } erneut ab.
error-page-method-not-allowed = Diese Seite lässt sich so nicht verwenden.
error-page-timeout = Das Formular kam zu spät an. Prüfen Sie Ihre Verbindung und senden Sie es erneut.
error-page-headers-too-large = Die Kopfzeilen der Anfrage sind zu groß: Insgesamt werden höchstens 16 KB und je Zeile 8 KB angenommen. Löschen Sie die Cookies dieser Website und versuchen Sie es erneut.
error-page-uri-too-long = Die Adresse der Anfrage ist zu lang: Es werden höchstens 8 KB angenommen.
error-page-disk-full = Der Server hat keinen Speicherplatz mehr; Ihre Antworten wurden nicht gespeichert. Versuchen Sie es später erneut.
error-page-read-only = Der Server kann im Moment nichts speichern; Ihre Antworten wurden nicht gespeichert. Versuchen Sie es später erneut.
error-page-damaged = Der Server kann im Moment nichts speichern: Seine Datenbankdatei ist beschädigt, und die Betreiber sind informiert. Ihre Antworten wurden nicht gespeichert; bitte versuchen Sie es später erneut.
error-page-loading = Der Server ist gerade gestartet und lädt noch die Antworten der Studie; Ihre Antworten wurden noch nicht gespeichert. Versuchen Sie es in ein paar Sekunden erneut.
error-page-database-down = Der Server erreicht seine Datenbank im Moment nicht; nichts wurde gespeichert. Versuchen Sie es in einer Minute erneut.
# Any other reason the server cannot serve now (in English, the reason itself).
error-page-unavailable = Der Server ist im Moment ausgelastet. Bitte versuchen Sie es in einer Minute erneut.
error-page-pdf-busy = Gerade werden viele Berichte als PDF erstellt. Bitte versuchen Sie es in ein paar Sekunden erneut.
error-page-internal = Bei uns ist etwas schiefgelaufen. Ihre gespeicherten Antworten sind sicher; bitte versuchen Sie es gleich noch einmal.
