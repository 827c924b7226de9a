# The report's words (analysis): see src/domain/phrases.rs.
#
# Español. El análisis detallado (analysis-…), «Sus cifras» (numbers-…) y los
# párrafos sobre la velocidad de ventas del resumen ejecutivo (velocity-…). Las
# cifras llegan ya escritas a la española («61 %», «25.000 €»); un `$count` es
# el número sin formato detrás de una cifra, para elegir singular o plural.

## Cifras

analysis-days = { $count ->
    [one] { $days } día
   *[other] { $days } días
    }

analysis-list-and = {" "}y{" "}

## Análisis detallado

analysis-you-answered = Su respuesta: { $answer }

analysis-figure-mine = { $number ->
    [opportunities] Trabaja { $yours } oportunidades calificadas por trimestre
    [deal-value] El valor medio de sus oportunidades es de { $yours }
    [stated-win-rate] Declaró una tasa de cierre del { $yours }
    [counted-win-rate] Sus oportunidades decididas dan una tasa de cierre del { $yours }
    [sales-cycle] Su ciclo de venta es de { $yours }
    [quota] Su cumplimiento de cuota es del { $yours }
   *[other] Su cifra es { $yours }
    }

analysis-figure-against-median = { $mine }, { $against ->
    [same] exactamente igual que
    [much-longer] mucho más largo que
    [much-shorter] mucho más corto que
    [well-above] muy por encima de
    [well-below] muy por debajo de
   *[close] cerca de
    } la mediana de su grupo de referencia ({ $group }): { $median }.

analysis-figure-no-median = { $mine }; { $no-median }.

analysis-no-median-few = no hay mediana del grupo de referencia, porque menos de { $minimum } empresas dieron esa cifra
analysis-no-median-yet = todavía no hay mediana del grupo de referencia

analysis-figure-line = { $which ->
    [stated-win-rate] Su tasa de cierre declarada
   *[figure] Su cifra
    }: { $yours }; mediana de su grupo de referencia ({ $group }): { $median }.
analysis-figure-line-no-median = { $which ->
    [stated-win-rate] Su tasa de cierre declarada
   *[figure] Su cifra
    }: { $yours }; { $no-median }.

analysis-deals-won = Ganó { $won } de { $count ->
    [one] { $decided } oportunidad decidida
   *[other] las { $decided } oportunidades decididas
    }.
analysis-few-deals = Ganó { $won } de { $count ->
    [one] { $decided } oportunidad decidida
   *[other] las { $decided } oportunidades decididas
    }: una muestra demasiado pequeña para leer una tasa de cierre, que necesita al menos { $minimum } oportunidades decididas.

analysis-win-rate-face = { $yours }, { $against ->
    [level] igual que el { $median } de su grupo
    [close] cerca del { $median } de su grupo
    [above] muy por encima del { $median } de su grupo
   *[below] muy por debajo del { $median } de su grupo
    }

analysis-win-rates-two-groups = Sus { $decided } oportunidades decididas dan una tasa de cierre por número del { $by-count } ({ $count-group }) y por valor del { $by-value } ({ $value-group }).
analysis-win-rates-one-group = Sus { $decided } oportunidades decididas dan una tasa de cierre por número del { $by-count } y por valor del { $by-value } (grupo de referencia: { $group }).
analysis-win-rate-by-count = Sus { $decided } oportunidades decididas dan una tasa de cierre por número del { $by-count } (grupo de referencia: { $group }).
analysis-win-rates-no-median = Sus { $decided } oportunidades decididas dan el { $by-count } por número y el { $by-value } por valor; { $no-median }.
analysis-win-rate-by-count-no-median = Sus { $decided } oportunidades decididas dan el { $by-count } por número; { $no-median }.

analysis-strength-questioned = Por sí sola, la respuesta «{ $answer }» sería aquí una fortaleza. Pero junto a { $elsewhere ->
    [several] lo que respondió en otras preguntas
   *[one] otra de sus respuestas
    }, en «{ $title }», es ante todo una cuestión que aclarar, no una fortaleza que conservar.

analysis-tension-link = { $also ->
    [yes] También contradice { $count ->
        [one] su respuesta
       *[other] sus respuestas
        }
   *[no] Esta respuesta contradice { $count ->
        [one] su respuesta
       *[other] sus respuestas
        }
    } a { $questions }: vea { $title } en «{ words-tensions }».

## Sus cifras

numbers-qualified-opportunities = Oportunidades calificadas por trimestre
numbers-average-deal-value = Valor medio de las oportunidades
numbers-win-rate = Tasa de cierre
numbers-sales-cycle = Ciclo de venta
numbers-quota-attainment = Cumplimiento de cuota
numbers-velocity-per-day = Velocidad de ventas por día
numbers-unit-win-rate = Tasa de cierre por número
numbers-value-win-rate = Tasa de cierre por valor

numbers-no-peer-group-yet = aún sin grupo de referencia
numbers-few-peers = la dieron menos de { $minimum } empresas

numbers-velocity = Su velocidad de ventas es de { $per-day } de ingresos por día; la sección «Velocidad de ventas» del resumen ejecutivo muestra lo que haría con ella un diez por ciento más en cada factor.
numbers-velocity-not-shown = Su velocidad de ventas no se muestra; la sección «Velocidad de ventas» del resumen ejecutivo explica por qué y qué permitirá calcularla la próxima vez.
numbers-groups-differ = Cada mediana de abajo procede del grupo de referencia más estrecho en el que al menos { $minimum } respuestas dieron esa cifra, así que el grupo puede cambiar de una fila a otra.

numbers-why-not-a-rate = La sección «Velocidad de ventas» del resumen ejecutivo explica por qué eso no se lee como una tasa de cierre.
numbers-win-rates = Por número, gana el { $by-count } de las oportunidades decididas; por valor, el { $by-value }.
numbers-smaller-deals-won-more = Gana las oportunidades pequeñas con más frecuencia que las grandes.
numbers-larger-deals-won-more = Gana las oportunidades grandes con más frecuencia que las pequeñas.
numbers-win-rate-no-value = Por número, gana el { $by-count } de las oportunidades decididas. No hay tasa de cierre por valor porque dejó en blanco el valor ganado o el valor perdido.
numbers-no-deal-decided = Sus oportunidades no dan una tasa de cierre: todavía no ha ganado ni perdido ninguna.
numbers-no-win-rate-blank = Sus oportunidades no dan una tasa de cierre porque { $blank ->
    [won] dejó en blanco el número de oportunidades ganadas
    [lost] dejó en blanco el número de oportunidades perdidas
   *[both] dejó en blanco el número de oportunidades ganadas y el de perdidas
    }.

numbers-open-deals = { $count ->
    [one] { $open } oportunidad sigue abierta.
   *[other] { $open } oportunidades siguen abiertas.
    }
numbers-open-deals-worth = { $count ->
    [one] { $open } oportunidad por valor de { $worth } sigue abierta.
   *[other] { $open } oportunidades por valor de { $worth } siguen abiertas.
    }
numbers-open-left-out = { $rates ->
    [two] { $count ->
        [one] Ninguna de las dos tasas la cuenta
       *[other] Ninguna de las dos tasas las cuenta
        }
    [one] { $count ->
        [one] La tasa de cierre no la cuenta
       *[other] La tasa de cierre no las cuenta
        }
   *[none] { $count ->
        [one] No cuenta como decidida
       *[other] No cuentan como decididas
        }
    }: { $count ->
    [one] aún puede ganarse, o ser una pérdida todavía sin registrar.
   *[other] algunas se ganarán y otras son pérdidas todavía sin registrar.
    }
numbers-open-value = Siguen abiertas oportunidades por valor de { $worth }, { $rates ->
    [two] fuera de ambas tasas
    [one] fuera de la tasa de cierre
   *[none] sin contar como decididas
    }.

numbers-stated-rate-used = Declaró una tasa de cierre del { $stated }, y el informe usa esa.
numbers-stated-and-counted = Declaró una tasa de cierre del { $stated }; sus { $decided } oportunidades decididas dan el { $by-count } por número y el { $by-value } por valor.
numbers-stated-and-counted-by-count = Declaró una tasa de cierre del { $stated }; sus { $decided } oportunidades decididas dan el { $by-count }.
numbers-rates-agree = Ambas coinciden con lo que declaró, y el informe usa su tasa declarada.
numbers-value-matches = Por valor, la tasa contada coincide con lo que declaró; por número queda { $side ->
    [above] por encima
   *[below] por debajo
    }, porque gana con más frecuencia las oportunidades { $deals ->
    [smaller] pequeñas
   *[larger] grandes
    }. El informe usa su tasa declarada.
numbers-both-ran = El último trimestre quedó { $side ->
    [above] por encima
   *[below] por debajo
    } de la tasa que declaró, por número y por valor. El informe usa su tasa declarada; si el próximo trimestre también queda { $side ->
    [above] por encima
   *[below] por debajo
    }, use en su lugar la tasa contada.
numbers-count-and-value-ran = Por número, el último trimestre quedó { $count-side ->
    [above] por encima
   *[below] por debajo
    } de la tasa que declaró; por valor, { $value-side ->
    [above] por encima
   *[below] por debajo
    }: { $deals ->
    [smaller] ganó más oportunidades pequeñas y menos grandes
   *[larger] ganó menos oportunidades pequeñas y más grandes
    }. El informe usa su tasa declarada.
numbers-count-ran = El último trimestre quedó { $side ->
    [above] por encima
   *[below] por debajo
    } de la tasa que declaró. El informe usa su tasa declarada; si el próximo trimestre también queda { $side ->
    [above] por encima
   *[below] por debajo
    }, use en su lugar la tasa contada.

## Velocidad de ventas (resumen ejecutivo)

velocity-yours = Con sus cifras, su velocidad de ventas es de { $per-day } de ingresos al día: { $opportunities } oportunidades calificadas con un valor medio de { $deal-value }, una tasa de cierre del { $win-rate } y un ciclo de venta de { $cycle-days ->
    [one] { $cycle } día
   *[other] { $cycle } días
    }.
velocity-peer-median = Con la misma medida, la mediana de su grupo de referencia ({ $group }) es de { $median } al día.
velocity-what-if = Los cuatro factores se multiplican. Un diez por ciento más de oportunidades, un valor medio un diez por ciento mayor, una tasa de cierre un diez por ciento más alta y un ciclo un diez por ciento más corto le llevarían a { $what-if } al día: { $gain } más cada día, una subida del { $uplift }, como si su equipo comercial hubiera crecido un cincuenta por ciento sin una sola contratación.
velocity-pointer-all = Los cuatro subíndices de arriba muestran por cuáles de esas prácticas empezar.
velocity-pointer-one = El único subíndice de arriba con una cifra muestra por dónde empezar.
velocity-pointer-some = Los subíndices de arriba que tienen una cifra muestran por cuáles de esas prácticas empezar.

velocity-not-shown-no-numbers = Su propia velocidad de ventas no se muestra porque dejó en blanco las cifras de la empresa: indíquelas cuando evalúe de nuevo y el informe la calculará.
velocity-not-shown = Su propia velocidad de ventas no se muestra porque { $reason }: { $next }.
velocity-factor = { $factor ->
    [opportunities] el número de oportunidades calificadas
    [deal-value] el valor medio de las oportunidades
    [win-rate] una tasa de cierre
   *[sales-cycle] el ciclo de venta
    }
# Tras «porque».
velocity-left-blank = { $count ->
    [one] falta { $list }
   *[other] faltan { $list }
    }
velocity-too-few-decided = { $count ->
    [one] { $decided } oportunidad decidida es muy poco
   *[other] sus { $decided } oportunidades decididas son muy pocas
    } para leer una tasa de cierre, que necesita al menos { $minimum }
velocity-reason-both = { $blank }, y { $few }
velocity-reason-zero-cycle = el ciclo de venta se indicó como 0 días
velocity-next-time = { $case ->
    [cycle] indique el ciclo de venta en días cuando evalúe de nuevo
    [rate-or-longer] declare su tasa de cierre, o cuente un periodo más largo, cuando evalúe de nuevo
    [it] complete ese dato cuando evalúe de nuevo
    [them] complete esos datos cuando evalúe de nuevo
    [it-and-rate] complete ese dato y declare su tasa de cierre cuando evalúe de nuevo
   *[them-and-rate] complete esos datos y declare su tasa de cierre cuando evalúe de nuevo
    }

# Which rate and day converted her amounts (English writes it in `Currency::rate_sentence`).
numbers-currency-note = Los importes están en { $name } ({ $code }). Las cifras del grupo de referencia se guardan en { $reference_name } ({ $reference_code }) y se muestran aquí convertidas al tipo del { $date }: 1 { $code } = { $rate } { $reference_code }.
