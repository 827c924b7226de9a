# The report's words (team): see src/domain/phrases.rs.
# The team report: its sentences, figures in words, headings and labels.

## Who answered
team-answered =
    Runde { $wave }: { $count ->
        [one] 1 Person hat
       *[other] { $count } Personen haben
    } geantwortet.
team-newer-wave =
    Runde { $newest } läuft: Bisher { $count ->
        [one] hat 1 Person
       *[other] haben { $count } Personen
    } geantwortet. Die Werte unten bleiben die der Runde { $wave }, bis { $minimum ->
        [one] 1 Person in Runde { $newest } geantwortet hat
       *[other] { $minimum } Personen in Runde { $newest } geantwortet haben
    }.
team-taking-part = Es nehmen teil: { $names }.
team-coverage-none =
    Teamwerte erscheinen, sobald { $minimum ->
        [one] 1 Person geantwortet hat
       *[other] { $minimum } Personen geantwortet haben
    }. So lassen sich keine einzelnen Antworten ableiten. Schicken Sie die Einladung an weitere Kolleginnen und Kollegen.
team-coverage-earlier-wave =
    Diese Werte beruhen auf { $count ->
        [one] der ersten Person, die in Runde { $wave } geantwortet hat
       *[other] den ersten { $count } Personen, die in Runde { $wave } geantwortet haben
    }.
team-coverage =
    Diese Werte beruhen auf { $count ->
        [one] der ersten Person, die geantwortet hat
       *[other] den ersten { $count } Personen, die geantwortet haben
    }. Sie ändern sich erst, wenn { $next } Personen geantwortet haben: immer um mehrere Personen auf einmal, nie um eine, damit an der Veränderung niemandes Antworten sichtbar werden.

## The team's figures
team-legend-spread = Die dunkle Markierung ist der Mittelwert des Teams, das helle Band seine Streuung.
team-legend = Die dunkle Markierung ist der Mittelwert des Teams.
team-spread =
    Die Streuung zeigt den Durchschnittswert der unteren und den der oberen Hälfte des Teams. Sie erscheint, sobald { $minimum ->
        [one] 1 Person einen Wert hat
       *[other] { $minimum } Personen einen Wert haben
    }.
team-rounding = Teamwerte sind bewusst gerundet und unscharf. So lassen sich daraus keine einzelnen Antworten oder Werte ableiten, auch nicht von jemandem, der die Antworten aller anderen kennt.
team-rounding-steps = Die Mittelwerte des Teams stehen in Schritten von { $step } Punkten, und der Wert jeder Person geht mit einem eigenen Rauschen ein. Ein Mittelwert liegt daher meist höchstens { $typical } Punkte neben dem exakten Wert und fast immer höchstens { $nearly }. Die Werte einer Rolle beruhen auf weniger Personen und sind stärker verrauscht; nur ein großer Unterschied zwischen Rollen ist aussagekräftig. Lesen Sie sie als Bild des Teams, nicht als exakte Werte.
team-no-peers = Zu Ihrem Unternehmen passt noch keine Vergleichsgruppe mit genügend Antworten. Das Team wird deshalb noch nicht mit anderen verglichen.
team-figure-spread = { $mean } (die untere Hälfte des Teams liegt im Schnitt bei { $lower }, die obere bei { $upper })
team-figure-no-spread = { $mean } (die Streuung erscheint, sobald { $minimum } Personen einen Wert für diesen Index haben)
team-figure-not-yet = noch kein Wert; er wird gezeigt, sobald { $minimum } Personen geantwortet haben
team-figure-none = kein Wert: Weniger als { $minimum } Personen haben einen Wert
team-peers-top-everyone = An der Spitze aller Teilnehmenden der Studie ({ $size } Antworten).
team-peers-top = An der Spitze Ihrer Vergleichsgruppe ({ $dimensions }, { $size } Antworten).
team-peers-higher-everyone = Höher als { $share } aller Teilnehmenden der Studie ({ $size } Antworten).
team-peers-higher = Höher als { $share } Ihrer Vergleichsgruppe ({ $dimensions }, { $size } Antworten).
team-mean-at = bei { $mean }
team-mean-between = zwischen { $low } und { $high }

## Roles and gaps
team-roles = { $roles }.
team-role-answered = { $role }: { $count } haben geantwortet
team-role-too-few = { $role }: weniger als { $minimum } haben geantwortet, daher wird kein Wert gezeigt
team-no-gap =
    Der Wahrnehmungsunterschied erscheint, sobald mindestens zwei Rollen jeweils { $minimum ->
        [one] 1 Person
       *[other] { $minimum } Personen
    } unter denen haben, auf denen die Werte beruhen. Für eine kleinere Rolle wird kein Wert gezeigt, damit sich keine einzelnen Antworten ableiten lassen.
team-gaps-higher =
    { $higher } bewerten { $scope ->
        [every] jeden Index
        [one] einen Index
       *[these] diese Indizes
    } höher als { $lower }: { $gaps }
team-gaps-by =
    { $index } um { $shown } { $points ->
        [one] Punkt
       *[other] Punkte
    }
team-gaps-alike = bei { $indices } liegen die Werte der Rollen höchstens { $points } Punkte auseinander
team-gaps-rounded-same =
    die Rollen unterscheiden sich um { $shown } { $points ->
        [one] Punkt
       *[other] Punkte
    } { $scope ->
        [every] bei jedem Index
       *[listed] bei { $indices }
    }, nicht mehr, als Rundung und Rauschen in so kleinen Gruppen allein bewirken
team-gaps-rounded-each = die Rollen unterscheiden sich bei { $indices }, nicht mehr, als Rundung und Rauschen in so kleinen Gruppen allein bewirken
team-index-points =
    { $index } ({ $shown } { $points ->
        [one] Punkt
       *[other] Punkte
    })
team-gap-index =
    { $index }: { $higher } vergeben { $shown } { $points ->
        [one] Punkt
       *[other] Punkte
    } mehr als { $lower }.
team-gap-item =
    { $higher } vergeben hier { $shown } { $points ->
        [one] Punkt
       *[other] Punkte
    } mehr als { $lower }.
team-gap-level = Die Werte der Rollen liegen gleichauf. In so kleinen Gruppen können Rundung und Rauschen, die die Antworten schützen, einen Unterschied verdecken.
team-gap-within =
    Die Werte der Rollen liegen { $shown } { $points ->
        [one] Punkt
       *[other] Punkte
    } auseinander. Das ist nicht mehr, als Rundung und Rauschen, die die Antworten schützen, in so kleinen Gruppen bewirken.
team-items-none =
    Die Fragen, bei denen die Rollen am weitesten auseinanderliegen, erscheinen, sobald mindestens zwei Rollen jeweils { $minimum ->
        [one] 1 Person
       *[other] { $minimum } Personen
    } unter denen haben, auf denen die Werte beruhen, und diese die Frage beantwortet haben.
team-items = Der Wert einer Rolle zu einer Frage braucht { $minimum } Personen dieser Rolle. Eine Antwort am Ende der Skala zählt wie die benachbarte, damit sich keine einzelne Antwort erkennen lässt.
team-items-example = Der Wert einer Rolle zu einer Frage braucht { $minimum } Personen dieser Rolle. Eine Antwort am Ende der Skala zählt wie die benachbarte („{ $top }“ wie „{ $next }“), damit sich keine einzelne Antwort erkennen lässt.

## Waves
team-first-wave = Dies ist die erste Runde Ihres Teams. Befragen Sie das Team in sechs oder zwölf Monaten erneut, um zu sehen, was sich bewegt hat.
team-wave-change =
    { $mean } ({ $change } { $points ->
        [one] Punkt
       *[other] Punkte
    })
team-wave-change-within =
    { $mean } ({ $change } { $points ->
        [one] Punkt
       *[other] Punkte
    }, im Rahmen von Rundung und Rauschen)
team-too-few = zu wenige Antworten
team-wave-answered =
    { $members ->
        [one] 1 Antwort
       *[other] { $members } Antworten
    }
team-wave-answered-covered = { $members } Antworten (Werte der ersten { $covered })
team-wave-figure = { $index } { $figure }
team-wave-line = Runde { $wave }: { $answered }. { $figures }.
team-wave-line-none = Runde { $wave }: { $answered }; Werte erscheinen ab { $minimum }.

## Lists and quotations
team-and = { $rest } und { $last }
team-clauses = { $rest }; { $next }
team-quoted = „{ $text }“

## Headings and labels of the page and the PDF
team-title = Der Benchmark-Bericht Ihres Teams
team-download-pdf = PDF herunterladen
team-heading-team = Das Team
team-chart-label = Mittelwert und Streuung des Teams je Index
team-heading-reading = Was das für Ihr Team bedeutet
team-heading-gap = Wahrnehmungsunterschiede nach Rolle
team-gap-chart-label = Wahrnehmungsunterschiede nach Rolle je Index
team-gap-table-caption = Wert jeder Rolle je Index
team-column-index = Index
team-heading-items = Wo die Rollen am weitesten auseinanderliegen
team-item-chart-label = Die Fragen, bei denen die Rollen am weitesten auseinanderliegen
team-heading-waves = Runden
team-new-wave-note = Eine neue Runde nutzt denselben Einladungslink. Wer ab jetzt antwortet, zählt zur nächsten Runde. Sie werden vorher um Bestätigung gebeten.
team-new-wave-button = Team in einer neuen Runde erneut befragen
team-heading-invitation = Einladung für Ihre Kolleginnen und Kollegen
team-no-figure = kein Wert
team-bookmark-summary = Das Team im Überblick
team-bookmark-meaning = Was das bedeutet
team-pdf-subject = Vertriebsbenchmark-Bericht des Teams
team-generated = Erstellt am { $date }.
team-generated-footer = Erstellt am { $date }. Teambericht: { $study }
