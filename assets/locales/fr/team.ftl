# The report's words (team): see src/domain/phrases.rs.
# The team report: its sentences, figures in words, headings and labels.
# (A non-breaking space stands before : ; ? ! and inside « ».)

## Who answered
team-answered =
    Vague { $wave } : { $count ->
        [one] { $count } personne a répondu
       *[other] { $count } personnes ont répondu
    }.
team-newer-wave =
    La vague { $newest } a commencé : { $count ->
        [one] { $count } personne a répondu
       *[other] { $count } personnes ont répondu
    } jusqu’ici. Les chiffres ci-dessous restent ceux de la vague { $wave } jusqu’à ce que { $minimum ->
        [one] { $minimum } personne ait répondu
       *[other] { $minimum } personnes aient répondu
    } à la vague { $newest }.
team-taking-part = Participent : { $names }.
team-coverage-none =
    Les chiffres de l’équipe apparaissent dès que { $minimum ->
        [one] { $minimum } personne a répondu
       *[other] { $minimum } personnes ont répondu
    }, pour que personne ne puisse reconstituer les réponses d’un collègue. Envoyez l’invitation à d’autres collègues.
team-coverage-earlier-wave =
    Ces chiffres sont ceux { $count ->
        [one] de la première personne qui a répondu
       *[other] des { $count } premières personnes qui ont répondu
    } à la vague { $wave }.
team-coverage =
    Ces chiffres sont ceux { $count ->
        [one] de la première personne qui a répondu
       *[other] des { $count } premières personnes qui ont répondu
    }. Ils changeront quand { $next } personnes auront répondu : plusieurs personnes à la fois, jamais une seule, pour que le changement ne trahisse les réponses de personne.

## The team's figures
team-legend-spread = Le trait foncé est la moyenne de l’équipe ; la bande claire, sa dispersion.
team-legend = Le trait foncé est la moyenne de l’équipe.
team-spread =
    La dispersion est le score moyen de la moitié basse de l’équipe et celui de la moitié haute. Elle s’affiche dès que { $minimum ->
        [one] { $minimum } personne a
       *[other] { $minimum } personnes ont
    } un score.
team-rounding = Les chiffres de l’équipe sont volontairement arrondis et brouillés. Personne ne peut en déduire les réponses ou les scores d’un membre, même en connaissant ceux de tous les autres.
team-rounding-steps = Les moyennes de l’équipe vont par paliers de { $step } points, et le score de chaque personne y entre avec un bruit qui lui est propre. Une moyenne est donc en général à { $typical } points au plus de la valeur exacte, et presque toujours à { $nearly } au plus. Les chiffres d’un rôle reposent sur moins de personnes et sont plus brouillés : seul un écart large entre rôles a du sens. Lisez-les comme un portrait de l’équipe, pas comme des scores exacts.
team-no-peers = Aucun groupe de pairs comptant assez de réponses ne correspond encore à votre entreprise. L’équipe n’est donc pas encore comparée à ses pairs.
team-figure-spread = { $mean } (la moitié basse de l’équipe est en moyenne à { $lower }, la moitié haute à { $upper })
team-figure-no-spread = { $mean } (la dispersion s’affiche dès que { $minimum } personnes ont un score sur cet indice)
team-figure-not-yet = pas encore de chiffre : il apparaît dès que { $minimum } personnes ont répondu
team-figure-none = pas de chiffre : moins de { $minimum } personnes ont un score
team-peers-top-everyone = En tête de l’ensemble de l’étude ({ $size } réponses).
team-peers-top = En tête de votre groupe de pairs ({ $dimensions }, { $size } réponses).
team-peers-higher-everyone = Au-dessus de { $share } de l’ensemble de l’étude ({ $size } réponses).
team-peers-higher = Au-dessus de { $share } de votre groupe de pairs ({ $dimensions }, { $size } réponses).
team-mean-at = à { $mean }
team-mean-between = entre { $low } et { $high }

## Roles and gaps
team-roles = { $roles }.
team-role-answered = { $role } : { $count } ont répondu
team-role-too-few = { $role } : moins de { $minimum } ont répondu, aucun chiffre n’est donc affiché
team-no-gap =
    L’écart de perception apparaît dès qu’au moins deux rôles comptent chacun { $minimum ->
        [one] { $minimum } personne
       *[other] { $minimum } personnes
    } parmi celles que couvrent les chiffres. Aucun chiffre n’est affiché pour un rôle plus petit, pour que personne ne puisse reconstituer les réponses d’un collègue.
team-gaps-higher =
    les { $higher } donnent des scores plus élevés que les { $lower } sur { $scope ->
        [every] chaque indice
        [one] un indice
       *[these] ces indices
    } : { $gaps }
team-gaps-by =
    { $index } de { $shown } { $points ->
        [one] point
       *[other] points
    }
team-gaps-alike = sur { $indices }, les chiffres des rôles sont à { $points } points au plus les uns des autres
team-gaps-rounded-same =
    les rôles diffèrent de { $shown } { $points ->
        [one] point
       *[other] points
    } { $scope ->
        [every] sur chaque indice
       *[listed] sur { $indices }
    }, pas plus que ce que l’arrondi et le bruit produisent à eux seuls dans des groupes aussi petits
team-gaps-rounded-each = les rôles diffèrent sur { $indices }, pas plus que ce que l’arrondi et le bruit produisent à eux seuls dans des groupes aussi petits
team-index-points =
    { $index } ({ $shown } { $points ->
        [one] point
       *[other] points
    })
team-gap-index =
    { $index } : les { $higher } notent { $shown } { $points ->
        [one] point
       *[other] points
    } plus haut que les { $lower }.
team-gap-item =
    Les { $higher } notent cette question { $shown } { $points ->
        [one] point
       *[other] points
    } plus haut que les { $lower }.
team-gap-level = Les chiffres des rôles sont au même niveau. Dans des groupes aussi petits, l’arrondi et le bruit qui protègent les réponses peuvent masquer un écart.
team-gap-within =
    Les chiffres des rôles sont à { $shown } { $points ->
        [one] point
       *[other] points
    } d’écart, pas plus que ce que l’arrondi et le bruit qui protègent les réponses produisent dans des groupes aussi petits.
team-items-none =
    Les questions où les rôles divergent le plus apparaissent dès qu’au moins deux rôles comptent chacun { $minimum ->
        [one] { $minimum } personne qui y a répondu
       *[other] { $minimum } personnes qui y ont répondu
    } parmi celles que couvrent les chiffres.
team-items = Le chiffre d’un rôle sur une question demande { $minimum } personnes de ce rôle. Une réponse à l’une ou l’autre extrémité de l’échelle y compte comme sa voisine, pour qu’aucune réponse ne puisse être isolée.
team-items-example = Le chiffre d’un rôle sur une question demande { $minimum } personnes de ce rôle. Une réponse à l’une ou l’autre extrémité de l’échelle y compte comme sa voisine (« { $top } » comme « { $next } »), pour qu’aucune réponse ne puisse être isolée.

## Waves
team-first-wave = C’est la première vague de votre équipe. Relancez l’équipe dans six ou douze mois pour voir ce qui a bougé.
team-wave-change =
    { $mean } ({ $change } { $points ->
        [one] point
       *[other] points
    })
team-wave-change-within =
    { $mean } ({ $change } { $points ->
        [one] point
       *[other] points
    }, dans les limites de l’arrondi et du bruit)
team-too-few = trop peu de réponses
team-wave-answered =
    { $members ->
        [one] { $members } réponse
       *[other] { $members } réponses
    }
team-wave-answered-covered = { $members } réponses (chiffres des { $covered } premières)
team-wave-figure = { $index } { $figure }
team-wave-line = Vague { $wave } : { $answered }. { $figures }.
team-wave-line-none = Vague { $wave } : { $answered } ; les chiffres apparaissent à partir de { $minimum }.

## Lists and quotations
team-and = { $rest } et { $last }
team-clauses = { $rest } ; { $next }
team-quoted = « { $text } »

## Headings and labels of the page and the PDF
team-title = Le rapport de benchmark de votre équipe
team-download-pdf = Télécharger le PDF
team-heading-team = L’équipe
team-chart-label = Moyenne et dispersion de l’équipe par indice
team-heading-reading = Ce que cela signifie pour votre équipe
team-heading-gap = Écart de perception par rôle
team-gap-chart-label = Écart de perception par rôle et par indice
team-gap-table-caption = Chiffre de chaque rôle par indice
team-column-index = Indice
team-heading-items = Là où les rôles divergent le plus
team-item-chart-label = Les questions où les rôles divergent le plus
team-heading-waves = Vagues
team-new-wave-note = Une nouvelle vague utilise le même lien d’invitation. Les collègues qui répondent à partir de maintenant comptent dans la vague suivante. Une confirmation vous sera demandée.
team-new-wave-button = Relancer l’équipe pour une nouvelle vague
team-heading-invitation = Invitation pour vos collègues
team-no-figure = pas de chiffre
team-bookmark-summary = Synthèse de l’équipe
team-bookmark-meaning = Ce que cela signifie
team-pdf-subject = Rapport de benchmark commercial de l’équipe
team-generated = Généré le { $date }.
team-generated-footer = Généré le { $date }. Rapport d’équipe : { $study }
