# The emails a respondent asks for, in the language of their report (see src/domain/phrases.rs).
email-report-link-subject = Ihr Bericht: { $study }
email-report-link-intro = Wie gewünscht, hier der Link zu Ihrem Bericht der Studie „{ $study }“:
email-report-link-outro = Behalten Sie ihn für sich: Jeder, der den Link hat, kann Ihren Bericht lesen. Das PDF erreichen Sie mit einem Klick auf der Seite.
email-reminder-subject = Zeit für eine neue Bewertung: { $study }
email-reminder-intro = Sie wollten erinnert werden: Es ist Zeit, Ihre Vertriebsorganisation erneut zu bewerten und zu sehen, was sich seit dem { $earlier_on } bewegt hat.
email-reminder-start = Beginnen Sie mit Ihren früheren Antworten und ändern Sie, was heute anders ist:
email-reminder-outro = Ihr neuer Bericht zeigt die Veränderung bei jedem Index und bei jeder Antwort, die Sie geändert haben.
email-team-ready-subject = Ihr Teambericht ist fertig
email-team-ready-intro = Inzwischen haben { $ready_at } Kolleginnen und Kollegen geantwortet. Ihr Teambericht zeigt daher die Werte des Teams und, wo in einer Rolle genug Personen geantwortet haben, den Abstand zwischen Führungskräften, Teamleitungen und Vertriebsmitarbeitenden:
email-team-ready-outro = Je mehr Kolleginnen und Kollegen antworten, desto belastbarer die Werte: Geben Sie die Einladung weiter.
