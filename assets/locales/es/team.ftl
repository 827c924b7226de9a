# The report's words (team): see src/domain/phrases.rs.
# The team report: its sentences, figures in words, headings and labels.

## Who answered
team-answered =
    Ronda { $wave }: { $count ->
        [one] respondió 1 persona
       *[other] respondieron { $count } personas
    }.
team-newer-wave =
    La ronda { $newest } ha comenzado: { $count ->
        [one] hasta ahora ha respondido 1 persona
       *[other] hasta ahora han respondido { $count } personas
    }. Las cifras de abajo siguen siendo las de la ronda { $wave } hasta que { $minimum ->
        [one] responda 1 persona
       *[other] respondan { $minimum } personas
    } a la ronda { $newest }.
team-taking-part = Participan: { $names }.
team-coverage-none =
    Las cifras del equipo aparecen cuando { $minimum ->
        [one] haya respondido 1 persona
       *[other] hayan respondido { $minimum } personas
    }, para que nadie pueda deducir las respuestas de otro. Envíe la invitación a más compañeros.
team-coverage-earlier-wave =
    Estas cifras son las { $count ->
        [one] de la primera persona que respondió
       *[other] de las primeras { $count } personas que respondieron
    } a la ronda { $wave }.
team-coverage =
    Estas cifras son las { $count ->
        [one] de la primera persona que respondió
       *[other] de las primeras { $count } personas que respondieron
    }. Cambiarán cuando hayan respondido { $next }: varias personas a la vez, nunca una sola, para que el cambio no deje ver las respuestas de nadie.

## The team's figures
team-legend-spread = La marca oscura es la media del equipo; la franja clara, su dispersión.
team-legend = La marca oscura es la media del equipo.
team-spread =
    La dispersión es la puntuación media de la mitad inferior del equipo y la de la mitad superior. Se muestra cuando { $minimum ->
        [one] 1 persona tiene
       *[other] { $minimum } personas tienen
    } puntuación.
team-rounding = Las cifras del equipo se redondean y se difuminan a propósito. Así nadie puede deducir de ellas las respuestas o puntuaciones de otra persona, ni siquiera quien conozca las de todos los demás.
team-rounding-steps = Las medias del equipo van en pasos de { $step } puntos, y la puntuación de cada persona entra con un ruido propio. Por eso una media suele quedar a { $typical } puntos o menos de la exacta, y casi siempre a { $nearly } o menos. Las cifras de un rol se basan en menos personas y se difuminan más: solo una diferencia amplia entre roles significa algo. Léalas como un retrato del equipo, no como puntuaciones exactas.
team-no-peers = Todavía no hay ningún grupo de referencia con suficientes respuestas que coincida con su empresa, así que el equipo aún no se compara con otros.
team-figure-spread = { $mean } (la mitad inferior del equipo promedia { $lower }; la superior, { $upper })
team-figure-no-spread = { $mean } (la dispersión se muestra cuando { $minimum } personas tengan puntuación en este índice)
team-figure-not-yet = aún sin cifra: aparece cuando hayan respondido { $minimum } personas
team-figure-none = sin cifra: menos de { $minimum } personas tienen puntuación
team-peers-top-everyone = A la cabeza de todo el estudio ({ $size } respuestas).
team-peers-top = A la cabeza de su grupo de referencia ({ $dimensions }, { $size } respuestas).
team-peers-higher-everyone = Por encima del { $share } de todo el estudio ({ $size } respuestas).
team-peers-higher = Por encima del { $share } de su grupo de referencia ({ $dimensions }, { $size } respuestas).
team-mean-at = en { $mean }
team-mean-between = entre { $low } y { $high }

## Roles and gaps
team-roles = { $roles }.
team-role-answered = { $role }: respondieron { $count }
team-role-too-few = { $role }: respondieron menos de { $minimum }, así que no se muestra ninguna cifra
team-no-gap =
    La brecha de percepción aparece cuando al menos dos roles tienen cada uno { $minimum ->
        [one] 1 persona
       *[other] { $minimum } personas
    } entre las que cubren las cifras. Para un rol más pequeño no se muestra ninguna cifra, para que nadie pueda deducir las respuestas de otro.
team-gaps-higher =
    los { $higher } puntúan más alto que los { $lower } en { $scope ->
        [every] todos los índices
        [one] un índice
       *[these] estos índices
    }: { $gaps }
team-gaps-by =
    { $index } ({ $shown } { $points ->
        [one] punto
       *[other] puntos
    } más)
team-gaps-alike = en { $indices }, las cifras de los roles quedan a { $points } puntos o menos entre sí
team-gaps-rounded-same =
    los roles difieren en { $shown } { $points ->
        [one] punto
       *[other] puntos
    } { $scope ->
        [every] en todos los índices
       *[listed] en { $indices }
    }, no más de lo que el redondeo y el ruido producen por sí solos en grupos tan pequeños
team-gaps-rounded-each = los roles difieren en { $indices }, no más de lo que el redondeo y el ruido producen por sí solos en grupos tan pequeños
team-index-points =
    { $index } ({ $shown } { $points ->
        [one] punto
       *[other] puntos
    })
team-gap-index =
    { $index }: los { $higher } puntúan { $shown } { $points ->
        [one] punto
       *[other] puntos
    } más alto que los { $lower }.
team-gap-item =
    Los { $higher } puntúan esta pregunta { $shown } { $points ->
        [one] punto
       *[other] puntos
    } más alto que los { $lower }.
team-gap-level = Las cifras de los roles están a la par. En grupos tan pequeños, el redondeo y el ruido que protegen las respuestas pueden ocultar una diferencia.
team-gap-within =
    Las cifras de los roles están a { $shown } { $points ->
        [one] punto
       *[other] puntos
    } de distancia, dentro de lo que el redondeo y el ruido que protegen las respuestas producen en grupos tan pequeños.
team-items-none =
    Las preguntas en las que más difieren los roles aparecen cuando al menos dos roles tienen cada uno { $minimum ->
        [one] 1 persona que las respondió
       *[other] { $minimum } personas que las respondieron
    } entre las que cubren las cifras.
team-items = La cifra de un rol en una pregunta requiere { $minimum } personas de ese rol. Una respuesta en cualquiera de los extremos de la escala cuenta como la contigua, para que ninguna respuesta pueda identificarse.
team-items-example = La cifra de un rol en una pregunta requiere { $minimum } personas de ese rol. Una respuesta en cualquiera de los extremos de la escala cuenta como la contigua («{ $top }» como «{ $next }»), para que ninguna respuesta pueda identificarse.

## Waves
team-first-wave = Es la primera ronda de su equipo. Vuelva a lanzarla dentro de seis o doce meses para ver qué ha cambiado.
team-wave-change =
    { $mean } ({ $change } { $points ->
        [one] punto
       *[other] puntos
    })
team-wave-change-within =
    { $mean } ({ $change } { $points ->
        [one] punto
       *[other] puntos
    }, dentro del redondeo y el ruido)
team-too-few = respondieron muy pocos
team-wave-answered =
    { $members ->
        [one] 1 respuesta
       *[other] { $members } respuestas
    }
team-wave-answered-covered = { $members } respuestas (cifras de las primeras { $covered })
team-wave-figure = { $index } { $figure }
team-wave-line = Ronda { $wave }: { $answered }. { $figures }.
team-wave-line-none = Ronda { $wave }: { $answered }; las cifras aparecen a partir de { $minimum }.

## Lists and quotations
team-and = { $rest } y { $last }
team-clauses = { $rest }; { $next }
team-quoted = «{ $text }»

## Headings and labels of the page and the PDF
team-title = El informe de benchmark de su equipo
team-download-pdf = Descargar PDF
team-heading-team = El equipo
team-chart-label = Media y dispersión del equipo por índice
team-heading-reading = Qué significa para su equipo
team-heading-gap = Brecha de percepción por rol
team-gap-chart-label = Brecha de percepción por rol e índice
team-gap-table-caption = Cifra de cada rol por índice
team-column-index = Índice
team-heading-items = Donde más difieren los roles
team-item-chart-label = Las preguntas en las que más difieren los roles
team-heading-waves = Rondas
team-new-wave-note = Una nueva ronda usa el mismo enlace de invitación. Los compañeros que respondan a partir de ahora cuentan en la ronda siguiente. Se le pedirá que lo confirme.
team-new-wave-button = Lanzar una nueva ronda con el equipo
team-heading-invitation = Invitación para sus compañeros
team-no-figure = sin cifra
team-bookmark-summary = Resumen del equipo
team-bookmark-meaning = Qué significa
team-pdf-subject = Informe de benchmark comercial del equipo
team-generated = Generado el { $date }.
team-generated-footer = Generado el { $date }. Informe del equipo: { $study }
