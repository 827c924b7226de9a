# The report's words (waves): see src/domain/phrases.rs.
# "Since last time": what moved between an earlier assessment and this one.

## The table of indices and numbers
waves-score-missing = respuestas insuficientes
waves-not-comparable = no comparable
waves-not-given = sin dato
waves-unchanged = sin cambios
waves-points =
    { $direction ->
        [up] sube
       *[down] baja
    } { $shown } { $points ->
        [one] punto
       *[other] puntos
    }
waves-amount-up = sube { $amount }
waves-amount-down = baja { $amount }
waves-days =
    { $days ->
        [one] { $shown } día
       *[other] { $shown } días
    }
waves-days-longer =
    { $days ->
        [one] { $shown } día más
       *[other] { $shown } días más
    }
waves-days-shorter =
    { $days ->
        [one] { $shown } día menos
       *[other] { $shown } días menos
    }
waves-number =
    { $number ->
        [qualified-opportunities] Oportunidades calificadas
        [average-deal-value] Valor medio de la oportunidad
        [win-rate] Tasa de cierre
        [sales-cycle] Ciclo de venta
        [quota-attainment] Cumplimiento de la cuota
       *[sales-velocity] Velocidad de ventas por día
    }
waves-number-in-sentence =
    { $number ->
        [qualified-opportunities] oportunidades calificadas
        [average-deal-value] valor medio de la oportunidad
        [win-rate] tasa de cierre
        [sales-cycle] ciclo de venta
        [quota-attainment] cumplimiento de la cuota
       *[sales-velocity] velocidad de ventas por día
    }

## What was compared with what
waves-intro =
    Comparado con su evaluación del { $date }, en igualdad de condiciones: { $questions ->
        [one] 1 pregunta formulada
       *[other] { $questions } preguntas formuladas
    } las dos veces.
waves-intro-changed =
    El cuestionario cambió entretanto: { $new ->
        [0] no hay ninguna pregunta nueva
        [one] 1 pregunta nueva queda fuera de la comparación
       *[other] { $new } preguntas nuevas quedan fuera de la comparación
    }, y { $retired ->
        [0] no se retiró ninguna de las anteriores
        [one] 1 pregunta anterior ya no se formula
       *[other] { $retired } preguntas anteriores ya no se formulan
    }.
waves-intro-recomputed = Aquí las puntuaciones se recalculan solo con las preguntas comunes, así que pueden diferir ligeramente de las de cada informe.
waves-answer-changed = { $question } ({ $section }): la última vez «{ $before }»; ahora «{ $after }».
waves-no-answer-changed = Ha dado las mismas respuestas que la última vez a todas las preguntas formuladas las dos veces.

## What moved and why
waves-company-unchanged = su índice de empresa se mantiene en { $now }
waves-company-moved =
    su índice de empresa { $direction ->
        [up] ha subido
       *[down] ha bajado
    } { $shown } { $points ->
        [one] punto
       *[other] puntos
    }, de { $before } a { $now }
waves-personal-unchanged = su índice personal se mantiene en { $now }
waves-personal-moved =
    su índice personal { $direction ->
        [up] ha subido
       *[down] ha bajado
    } { $shown } { $points ->
        [one] punto
       *[other] puntos
    }, de { $before } a { $now }
waves-index-moved =
    { $index } { $direction ->
        [up] sube
       *[down] baja
    } { $shown } { $points ->
        [one] punto
       *[other] puntos
    }
waves-indices-unchanged = { $indices } sin cambios
waves-company-and-subs = { $company } ({ $subs })
waves-clauses = { $first }; { $second }
waves-answers-moved =
    { $count ->
        [1] Cambió una respuesta
        [2] Cambiaron dos respuestas
        [3] Cambiaron tres respuestas
        [4] Cambiaron cuatro respuestas
        [5] Cambiaron cinco respuestas
        [6] Cambiaron seis respuestas
        [7] Cambiaron siete respuestas
        [8] Cambiaron ocho respuestas
        [9] Cambiaron nueve respuestas
        [10] Cambiaron diez respuestas
       *[other] Cambiaron { $count } respuestas
    }{ $direction ->
        [better]
            { $count ->
                [1] , a mejor
               *[other] , todas a mejor
            }
        [worse]
            { $count ->
                [1] , a peor
               *[other] , todas a peor
            }
       *[mixed] {""}
    }; { $lead ->
        [largest] los mayores cambios vienen de
       *[other] se trata de
    } { $movers }.
waves-mover = «{ $question }», ahora «{ $after }» (la última vez «{ $before }»), que influye en { $indices }
waves-number-moved = { $number }, de { $before } a { $after } ({ $change })
waves-numbers-moved = Sus cifras también se movieron: { $changes }.

## Lists
waves-and = { $rest } y { $last }
waves-list-next = { $rest }; { $next }
waves-list-last = { $rest }; y { $last }
