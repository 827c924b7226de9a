# The report's words (report): see src/domain/phrases.rs.
# Títulos, etiquetas y frases del resumen, en español. Las cifras llegan ya
# escritas a la española («61 %», «25.000 €»).

## Títulos y etiquetas
words-title = Su informe de benchmark
words-title-company = { $company }: su informe de benchmark
words-meta = Enviado el { $date }.
words-meta-respondent = Preparado para { $respondent }. Enviado el { $date }.
words-summary = Visión general
words-your-company = Su empresa
words-you = Usted
words-you-respondent = Usted: { $respondent }
words-category = Categoría
words-peer-group = Grupo de referencia
words-sub-indices = Subíndices
words-not-enough-answers = Respuestas insuficientes
words-no-score = n/d
words-no-score-bar = respuestas insuficientes
words-executive-summary = Resumen ejecutivo
words-sales-velocity = Velocidad de ventas
words-tensions = Donde sus respuestas no coinciden
words-actions = Sus primeras acciones: qué mantener, qué cambiar, qué dejar de hacer
words-detailed-analysis = Análisis detallado
words-band-legend = La barra junto a cada respuesta indica su puntuación:
words-band-strong = fuerte
words-band-middling = intermedia
words-band-weak = débil
words-personal-report = Informe personal
words-your-numbers = Sus cifras
words-figure = Indicador
words-yours = Su valor
words-peer-median = Mediana del grupo de referencia
words-not-available = no disponible
words-since-last-time = Desde la última evaluación
words-column-index = Índice
words-column-number = Indicador
words-column-last-time = La última vez
words-column-now = Ahora
words-column-change = Cambio
words-trend = El índice de su empresa a lo largo del tiempo
words-answers-changed = Respuestas que usted cambió
words-new-this-time = Nuevo en esta evaluación
words-note-higher-than = «Por encima del 70 %» significa que el 70 % de su grupo de referencia obtuvo una puntuación igual o inferior a la suya.
words-note-median-tick = La marca oscura de cada barra e indicador señala la mediana del grupo de referencia.

## Los índices y los veredictos
index-company = Índice de empresa
index-personal = Índice personal
verdict-keep = MANTENER
verdict-change = CAMBIAR
verdict-stop = DEJAR DE

## Dónde se sitúa un índice frente al grupo
summary-relative-top = primero del grupo
summary-relative-top-long = en cabeza de su grupo de referencia
summary-relative-lowest = último puesto del grupo
summary-relative-lowest-long = en el último puesto de su grupo de referencia
summary-relative-bottom-tenth = décimo inferior del grupo
summary-relative-bottom-tenth-long = en el décimo inferior de su grupo de referencia
summary-relative-bottom-quarter = cuarto inferior del grupo
summary-relative-bottom-quarter-long = en el cuarto inferior de su grupo de referencia
summary-relative-higher = por encima del { $percent }
summary-relative-higher-long = por encima del { $percent } de su grupo de referencia
summary-standing-in-group = { $standing } ({ $group })
summary-group =
    { $n ->
        [one] { $dimensions }, { $count } respuesta
       *[other] { $dimensions }, { $count } respuestas
    }
summary-all-respondents = todos los participantes
summary-unranked-no-score = sin comparar, porque no tiene puntuación
summary-unranked-no-score-short = Sin comparar
summary-unranked-few-peers = sin comparar, porque menos de { $minimum } empresas del grupo tienen puntuación en él
summary-unranked-few-peers-short = Sin comparar
summary-unranked-no-group = aún sin comparar, porque todavía no hay grupo de referencia
summary-unranked-no-group-short = Aún sin comparar
summary-median-line = Mediana del grupo: { $median }
summary-median-line-tick = Mediana del grupo: { $median } (la marca oscura)

## Los subíndices en el resumen ejecutivo
summary-sub-index-heading = { $name }: { $score }
summary-index-no-score = respuestas insuficientes
summary-against-peers = Frente al grupo: { $standing }.
summary-against-peers-median = Frente al grupo: { $standing }; la mediana del grupo es del { $median }.
summary-potential-line = Potencial de aumento de ingresos: { $level }.
summary-potential-line-reason = Potencial de aumento de ingresos: { $level }, { $reason }.
summary-potential-reason =
    { $points ->
        [0] a la altura o por encima
        [one] 1 punto por debajo
       *[other] { $gap } puntos por debajo
    } { $benchmark ->
        [peer] del 10 % superior de su grupo de referencia, que empieza en el { $percent }
        [target] del objetivo del estudio, fijado en el { $percent }
       *[scale] del máximo de la escala
    }
summary-not-scored = Sin puntuación: las preguntas que usted respondió representan el { $coverage } del peso del subíndice «{ $name }», y una puntuación requiere el { $needed }.
summary-unknown-behind =
    Su puntuación de «{ $name }» se basa en las respuestas que usted dio, { $unknown ->
        [one] no en la única de sus { $questions } preguntas que respondió con «No lo sé».
       *[other] no en las { $unknown } de sus { $questions } preguntas que respondió con «No lo sé».
    }

## Las frases de apertura
summary-overall =
    Según sus respuestas, el índice de su empresa es del { $score }, en la categoría «{ $category }»{ $compared ->
        [ranked] : { $standing }
        [unranked] . Frente al grupo: { $standing }
       *[none] {""}
    }.
summary-overall-company =
    Según sus respuestas, { $company } tiene un índice de empresa del { $score }, en la categoría «{ $category }»{ $compared ->
        [ranked] : { $standing }
        [unranked] . Frente al grupo: { $standing }
       *[none] {""}
    }.
summary-overall-median = La mediana del grupo de referencia es del { $median }.
summary-overall-missing = No hubo respuestas suficientes para calcular el índice de su empresa ni ninguno de sus subíndices. Cuando vuelva a evaluar, responda a las preguntas que omitió o cuya respuesta no sabía, si hace falta con un colega que las conozca.
summary-overall-missing-sub-indices = No hubo respuestas suficientes para calcular el índice de su empresa, que necesita los cuatro subíndices. Cuando vuelva a evaluar, responda a las preguntas que omitió o cuya respuesta no sabía, si hace falta con un colega que las conozca.
# $initial solo cuenta en inglés (an/a): aquí hay una sola forma.
summary-personal-opening =
    { $initial ->
       *[other] Su índice personal es del { $score }, lo que le sitúa en la categoría «{ $category }».
    }
summary-personal-against = Frente al grupo: { $standing }.
summary-personal-against-median = Frente al grupo: { $standing }; la mediana es del { $median }.
summary-personal-missing = No hubo respuestas suficientes sobre su propia práctica para calcular su índice personal. Lo tendrá cuando vuelva a evaluar y responda a más de esas preguntas.
summary-peer-group = Su grupo de referencia: { $group }, a { $date }. Cada cifra indica en cuántas respuestas se basa.
summary-no-peer-group = Aún no hay grupo de referencia: el { $date } el estudio tenía menos de { $minimum } respuestas, por lo que no se muestra el rendimiento relativo.

## Cuánto se respondió
summary-coverage =
    Usted respondió { $all ->
        [yes] a las { $total } preguntas puntuadas
       *[no] a { $answered } de las { $total } preguntas puntuadas
    }{ $unknown ->
        [0] {""}
        [one] {" "}y contestó «No lo sé» una vez
       *[other] {" "}y contestó «No lo sé» { $unknown } veces
    }.
summary-coverage-dont-know = Un «No lo sé» no cuenta ni a favor ni en contra: queda fuera de todas las puntuaciones, de modo que cada una se basa solo en las respuestas que usted dio.

## Acciones y contradicciones
summary-action-answered = Usted respondió «{ $answer }» a: { $question }
summary-tension-in-action = Qué suele significar esto, y qué hacer al respecto, lo encontrará en sus primeras acciones: { $verdict } { $headline }.
summary-entry-in-action = Una de sus primeras acciones: { $verdict } { $headline }. El resumen ejecutivo dice qué hacer.
summary-answered-first = Usted respondió «{ $answer }» a { $question }
summary-answered-next = , «{ $answer }» a { $question }
summary-answered-last = {" "}y «{ $answer }» a { $question }
summary-see-tension = Véase { $title }.
summary-not-yet-a-strength = Esta respuesta aún no es un punto fuerte.
