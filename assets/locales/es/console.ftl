# Las palabras de la consola de los operadores: sus páginas, etiquetas, notas y
# mensajes. Las cifras llegan ya formateadas; los nombres de los índices y de
# los criterios del grupo de referencia vienen del cuestionario en el mismo idioma.
# Un mensaje con marcado (<code>, <strong>) lleva la marca «HTML».

## Navegación y aviso de respuestas sintéticas
console-nav = Consola
console-participation = Participación
console-compare = Comparar grupos de referencia
console-exports = Exportaciones
console-teams = Equipos y rondas
console-held = Retenidas para revisión
console-find = Buscar y eliminar
console-questionnaire = Cuestionario
console-sign-out = Cerrar la sesión de { $operator }
console-synthetic-counted = Se cuentan las respuestas sintéticas
console-synthetic-counted-detail =
    { $real ->
        [one] Cada cifra de la consola cuenta las { $synthetic } respuestas sintéticas (de demostración) junto a { $real } respuesta real, hasta que usted las excluya.
       *[other] Cada cifra de la consola cuenta las { $synthetic } respuestas sintéticas (de demostración) junto a las { $real } reales, hasta que usted las excluya.
    }
console-synthetic-leave-out = Excluir las respuestas sintéticas
console-synthetic-only = Este estudio solo contiene respuestas sintéticas
console-synthetic-only-detail = Las { $synthetic } respuestas que pueden contar en las cifras son sintéticas (datos de demostración): todavía no cuenta ninguna real (una retenida para revisión cuenta en cuanto usted la acepta). Las cifras excluyen las respuestas sintéticas, así que todos los grupos quedan por debajo del mínimo. Inclúyalas para ver cómo funciona la consola.
console-synthetic-include = Incluir las respuestas sintéticas en todas las cifras

## Inicio de sesión
console-sign-in = Acceso a la consola
console-name = Nombre
console-password = Contraseña
console-sign-in-button = Iniciar sesión
# HTML
console-operators-added = Los accesos a la consola se crean en el servidor con <code>dealbench operator add NAME</code>.
console-too-many-attempts = Demasiados intentos fallidos. Espere unos minutos y vuelva a intentarlo.
console-busy = La consola está ocupada dando acceso a otras personas. Vuelva a intentarlo en un momento.
console-no-match = El nombre y la contraseña no coinciden.

## Participación
console-questionnaire-version = Cuestionario, versión { $version }
console-started = Iniciados en el navegador
console-completed-all = Completados (todos los canales)
console-completion-rate = Tasa de finalización
console-median-time = Tiempo mediano para completarlo
console-synthetic-responses = Respuestas sintéticas (de demostración)
console-completions-per-day = Cuestionarios completados por día
console-completions-per-day-from = Cuestionarios completados por día, del { $first } al { $last }
console-completions-chart = Cuestionarios completados por día; día con más: { $count }
console-completed-on =
    { $count ->
        [one] { $day }: { $count } completado
       *[other] { $day }: { $count } completados
    }
console-synthetic-on =
    { $count ->
        [one] { $day }: { $count } sintético
       *[other] { $day }: { $count } sintéticos
    }
console-busiest-day = día con más: { $count }
console-legend-completed = completados
console-legend-synthetic = sintéticos
console-nothing-started = Todavía no se ha iniciado ningún cuestionario.
console-none-started = todavía no se ha iniciado ningún cuestionario
console-not-yet-known = todavía no se conoce
console-minutes = { $minutes } minutos

## Filtros, comunes a «Comparar grupos de referencia» y «Exportaciones»
console-any = Cualquiera
console-answered-in = Respondido en
console-any-language = Cualquier idioma
console-submitted-from = Enviadas desde (AAAA-MM-DD)
console-submitted-until = Enviadas hasta
console-submitted-until-format = Enviadas hasta (AAAA-MM-DD)
console-synthetic-counted-note = Se cuentan las respuestas sintéticas (según lo que eligió arriba).
console-include-synthetic = Incluir las respuestas sintéticas
console-fewer-than = menos de { $k } respuestas
# Un grupo tal como lo describen sus filtros.
console-everyone = Todos
console-group-answered-in = respondido en { $language }
console-period = del { $from } al { $to }
console-period-from = desde el { $from }
console-period-until = hasta el { $to }
console-with-synthetic = con respuestas sintéticas

## Comparar grupos de referencia
console-group = Grupo { $n }
console-compare-button = Comparar
console-compare-count-before = Comparar
console-compare-count-after = grupos.
console-share-link = Enlace a esta comparación:
console-groups-compared = Los grupos comparados
console-col-group = Grupo
console-col-responses = Respuestas
console-col-export = Exportación
console-group-label = { $n }: { $label }
console-scores-csv = puntuaciones en CSV
console-answers-csv = respuestas en CSV
console-indices = Índices
console-index-by-group = { $index } por grupo
console-col-mean = Media
console-col-median = Mediana
console-col-quartiles = Cuartiles
console-quartiles = de { $q1 } a { $q3 }
console-histogram = { $index }: distribución por grupo, en tramos de 10 puntos
console-histogram-bar = grupo { $group }: { $count }
console-items = Respuestas, primero las preguntas con más diferencia
console-items-note = Cada barra muestra cómo se reparten las respuestas de un grupo entre las opciones, empezando por la primera opción a la izquierda, con los colores de la leyenda bajo la pregunta. La diferencia es la mayor proporción de respuestas que tendría que cambiar para que dos grupos respondieran igual.
console-difference = diferencia del { $difference }{"\u00A0"}%
console-split-bar = grupo { $n }:
console-option-share = { $option }: { $share }
console-options-legend = Opciones, en el orden de las barras

## Exportaciones
console-exports-intro = Descargue las respuestas de un grupo como archivos CSV para una hoja de cálculo o un programa de estadística. Elija el grupo como lo haría con un grupo de comparación; un grupo de menos de { $k } respuestas no se exporta, ya que tampoco recibe cifras en una comparación.
console-export-group = El grupo que se exporta
console-show-group = Mostrar el grupo
console-group-size =
    { $count ->
        [one] { $label }: { $count } respuesta
       *[other] { $label }: { $count } respuestas
    }
console-download-scores = Descargar las puntuaciones ({ $file })
console-download-answers = Descargar las respuestas ({ $file })
console-not-exported =
    { $count ->
        [one] No se exporta: este grupo tiene { $count } respuesta, menos de { $k }, el grupo más pequeño para el que el estudio muestra cifras.
       *[other] No se exporta: este grupo tiene { $count } respuestas, menos de { $k }, el grupo más pequeño para el que el estudio muestra cifras.
    }
console-widen = Amplíe el grupo (menos filtros, un periodo más largo).
console-widen-synthetic = Amplíe el grupo (menos filtros, un periodo más largo o incluyendo las respuestas sintéticas).
console-files-hold = Qué contienen los archivos
console-files-columns = Una fila por cada respuesta del grupo, con una fila de encabezado. Los dos archivos empiezan con las mismas columnas:
console-file-pseudonym = Un identificador seudónimo de la respuesta, el mismo en los dos archivos para poder combinarlos. Se deriva de la respuesta con un secreto de este servidor y no abre ningún informe.
console-file-submitted = Cuándo se envió la respuesta, en UTC.
console-file-version = La versión del cuestionario que se respondió.
console-file-synthetic = 1 para una respuesta sintética (de demostración), 0 para una real.
console-file-flags = Los controles de calidad que activó (demasiado rápida, siempre la misma respuesta, casi duplicada), y 1 mientras esté apartada de las cifras del grupo de referencia a la espera de revisión.
# HTML
console-file-language = El idioma en que se respondió el cuestionario (<code>en</code>, <code>de</code>, <code>fr</code>, <code>es</code>); todos los idiomas comparten las mismas preguntas, identificadores y cifras del grupo de referencia.
console-file-dimensions = El perfil del grupo de referencia: para cada criterio, el identificador de la opción elegida.
console-file-team = (al final) Un identificador seudónimo del equipo de quien respondió, si lo hay, y la ronda: la del equipo o la de su propia serie de evaluaciones (1 para la primera).
# HTML
console-file-scores = Después, el índice de empresa (<code>overall</code>), sus cuatro subíndices y el índice personal, cada uno de 0 a 100, vacío si se respondieron demasiado pocas preguntas para calcularlo.
console-all-columns = Las { $count } columnas
# HTML; $currency: «dólares estadounidenses (USD)»
console-file-answers = Después, una columna por pregunta, con el nombre de su identificador en el cuestionario (consulte la página Cuestionario): el identificador de la opción elegida, el número o el texto indicado, vacío si la pregunta no se respondió. Los importes están en la moneda de referencia del estudio ({ $currency }), sea cual sea la moneda en que los indicó quien respondió.
# HTML; $column: el identificador de la pregunta sobre la moneda
console-file-answers-currency = Después, una columna por pregunta, con el nombre de su identificador en el cuestionario (consulte la página Cuestionario): el identificador de la opción elegida, el número o el texto indicado, vacío si la pregunta no se respondió. Los importes están en la moneda de referencia del estudio ({ $currency }), sea cual sea la moneda en que los indicó quien respondió; esa moneda figura en la columna <code>{ $column }</code> (vacía: la de referencia).
console-never-exported = Nunca se exporta
console-never-exported-detail = Los nombres, las empresas y las direcciones de correo electrónico, los enlaces a los informes y para continuar, y las direcciones de los clientes no figuran en ninguno de los dos archivos.

## Retenidas para revisión
console-held-intro = Estas respuestas activaron un control de calidad. Quienes las enviaron recibieron su informe, pero no cuentan en ninguna cifra del grupo de referencia hasta que usted las acepte. Elimine las que no sean auténticas.
console-accepted = Aceptada: la respuesta ya cuenta en las cifras del grupo de referencia.
console-held-responses = Respuestas retenidas
console-col-submitted = Enviada
console-col-pseudonym = Identificador seudónimo
console-col-why-held = Motivo de la retención
console-col-decision = Decisión
console-accept = Aceptar
console-response-named = la respuesta { $pseudonym }
console-confirm-delete-named = Sí, eliminar { $pseudonym }
console-delete = Eliminar
console-none-held = No hay ninguna respuesta retenida.
console-flag-speeder = completada en menos tiempo que el mínimo declarado
console-flag-straight-liner = la misma respuesta en casi todas las preguntas de valoración
console-flag-near-duplicate = casi las mismas respuestas que otra respuesta reciente desde la misma dirección
console-flag-too-many = más respuestas desde la misma dirección en un día de las que compara el control de casi duplicados

## Buscar y eliminar
console-find-title = Buscar y eliminar una respuesta
console-deleted = Eliminada. Ya no está en los archivos de la base de datos, las exportaciones, las estadísticas del grupo de referencia, su informe ni su PDF; el registro de eliminaciones solo conserva su identificador seudónimo.
console-search-label = Enlace al informe, enlace para continuar, correo electrónico o empresa
console-search-help = Un correo electrónico encuentra las coincidencias exactas, sin distinguir mayúsculas y minúsculas; una empresa encuentra todos los nombres que la contienen (al menos 3 caracteres). También se encuentran los cuestionarios sin terminar.
console-find-button = Buscar
console-not-found = Nada coincide con ese enlace, correo electrónico o empresa.
console-found-draft = Cuestionario sin terminar { $pseudonym }
console-found-response = Respuesta { $pseudonym }
console-last-saved = Guardado por última vez
console-company-given = Empresa indicada
console-email-given = Correo electrónico indicado
console-none = ninguno
console-confirm-delete-draft = Lo confirmo: eliminar este cuestionario sin terminar en todas partes. No se puede deshacer.
console-confirm-delete-response = Lo confirmo: eliminar esta respuesta en todas partes. No se puede deshacer.
console-deletion-log = Registro de eliminaciones
console-col-deleted-at = Eliminada el
console-col-by = Por
console-col-what = Qué
console-kind-response = respuesta
console-kind-draft = borrador
console-nothing-deleted = Todavía no se ha eliminado nada.

## Equipos y rondas
console-teams-started = Equipos creados
console-teams-with-members = Equipos con miembros
console-members-median = Miembros por equipo (mediana)
console-members-range = Miembros por equipo (rango)
console-second-wave = Equipos con una segunda ronda
console-repeat-responses = Respuestas de una nueva evaluación
console-repeat-rate = Tasa de repetición
console-repeat-note = La tasa de repetición es la proporción de primeras evaluaciones ({ $count }; las respuestas sintéticas nunca se cuentan) cuya persona volvió a evaluarse.
console-col-index-mean = Índice (media)
console-col-first = Primera ({ $n })
console-col-second = Segunda ({ $n })
console-col-change = Cambio
console-not-shown = No se muestra: cada grupo necesita al menos { $k } respuestas (ahora { $first } y { $second }).
console-no-members = todavía sin miembros
console-members-from-to = de { $from } a { $to }
console-no-responses = todavía sin respuestas
console-team-waves = Equipos: primera y segunda ronda
console-repeat-waves = Personas que volvieron a evaluarse: primera y segunda evaluación

## Cuestionario
# HTML; $source: la ruta del archivo
console-review-intro-file = El cuestionario tal como lo lee un revisor: cada pregunta con sus opciones y sus puntuaciones, a qué contribuye y cada párrafo que el informe puede mostrar sobre ella. Se lee del archivo <code>{ $source }</code>. Edite el archivo, vuelva a cargar esta página para ver el cambio y el resultado de la comprobación, y reinicie Dealbench para ponerlo en servicio.
# HTML
console-review-intro-builtin = El cuestionario tal como lo lee un revisor: cada pregunta con sus opciones y sus puntuaciones, a qué contribuye y cada párrafo que el informe puede mostrar sobre ella. Es el cuestionario integrado en Dealbench (escriba una copia editable con <code>dealbench questionnaire copy FOLDER</code> y póngala en servicio). Edite el archivo, vuelva a cargar esta página para ver el cambio y el resultado de la comprobación, y reinicie Dealbench para ponerlo en servicio.
console-versions = Versiones
console-version-running = En servicio: { $questionnaire } versión { $version } (la reciben los nuevos participantes)
console-version-file = { $file }: { $questionnaire } versión { $version }, tal como está ahora el archivo
console-version-fails = { $file }: no supera la comprobación
console-preview = Vista previa de un informe
console-preview-running = Vea el informe que recibiría una persona con { $questionnaire } versión { $version }. No se guarda nada y nada cuenta en ninguna cifra; la persona se sitúa entre las cifras actuales del grupo de referencia, solo en lectura.
console-preview-other = Vea el informe que recibiría una persona con { $questionnaire } versión { $version }. No se guarda nada y nada cuenta en ninguna cifra; un cuestionario que no está en servicio se muestra con las cifras actuales del grupo de referencia de su estudio, o sin ellas si es de otro estudio.
# HTML
console-paste-answers = O pegue un archivo de respuestas (JSON, tal como lo lee <code>dealbench score</code>)
console-preview-answers = Vista previa de estas respuestas
console-preview-language = Idioma del informe
# A date filter that is not a date: $group is "none" on a page with one group.
console-refused-date-from = La fecha «{ $value }» en «Enviadas desde»{ $group ->
        [none] {""}
       *[other] { " " }del grupo { $group }
    } no es una fecha. Escriba AAAA-MM-DD, por ejemplo 2026-03-31, o deje el campo vacío.
console-refused-date-until = La fecha «{ $value }» en «Enviadas hasta»{ $group ->
        [none] {""}
       *[other] { " " }del grupo { $group }
    } no es una fecha. Escriba AAAA-MM-DD, por ejemplo 2026-03-31, o deje el campo vacío.
console-refused-unconfirmed = Marque la casilla para confirmar la eliminación.
console-refused-no-example = No hay ningún ejemplo llamado «{ $name }».
console-refused-no-answers = Pegue primero un archivo de respuestas (JSON) en el campo.
console-refused-not-json = Estas respuestas no se pueden leer como JSON con cada pregunta una sola vez: revise la línea { $line }, columna { $column }.
# $problems: what the questionnaire check found, as it reports it.
console-refused-preview-fails = { $file } no supera la comprobación, así que no tiene informe que previsualizar: { $problems }
console-refused-preview-answers = Estas respuestas no encajan con { $questionnaire } versión { $version }: { $problems }
console-questionnaire-named = { $name } ({ $questionnaire } versión { $version })
console-settings = Configuración
console-sub-indices = Subíndices y sus párrafos de resumen
console-bands = Tramos y categorías
console-col-band = Tramo
console-col-score = Puntuación
console-col-what-it-says = Qué significa
console-questions = Preguntas
console-optional = opcional
console-key-area = área clave
console-feeds = Contribuye a { $feeds }.
console-help = Ayuda: { $help }
console-answered-as-number = Se responde con un número, { $range }.
console-col-option = Opción
console-own-paragraph = Párrafo propio: { $paragraph }
console-headlines = Titulares por recomendación
console-commentary = Comentario por tramo
console-measured = Intermedio, con una cifra propia { $standing }
console-figure-disagrees = Fuerte, cuando la cifra lo contradice
console-figure-better = Intermedio o débil, cuando la cifra es claramente mejor
console-tensions = Tensiones
console-tensions-intro = Dos respuestas que tiran en direcciones opuestas; el informe dice entonces lo que eso suele significar.
console-tension-when = Cuando { $first } y { $second }:
console-no-tensions = Ninguna.
console-file-fails = El archivo elegido no supera la comprobación: sus problemas aparecen arriba. Corríjalos y vuelva a cargar esta página.
# Lo que la página dice de una pregunta, un tramo, un ajuste.
console-kind-agreement = escala de acuerdo
console-kind-importance = escala de importancia
console-kind-frequency = escala de frecuencia
console-kind-choice = elección
console-kind-number = número
console-kind-text = texto
console-band-strong = Fuerte
console-band-middling = Intermedio
console-band-weak = Débil
console-dont-know = { $verdict } (no lo sabe)
console-weight = { $name } (peso { $weight })
console-personal-weight = Índice personal (peso { $weight })
console-company-number = la cifra de la empresa `{ $metric }`
console-not-scored = sin puntuación
console-feeds-nothing = No contribuye a nada (sin puntuación).
console-number-range = de { $min } a { $max } { $unit }
console-number-range-whole = de { $min } a { $max } { $unit }, números enteros
console-range = de { $from } a { $to }
console-standing-worse = peor que la mediana del grupo de referencia
console-standing-level = al mismo nivel
console-standing-better = mejor
console-company-categories = Categorías de la empresa
console-personal-categories = Categorías personales
console-revenue-potential = Potencial de ingresos
console-tension-side = la respuesta a «{ $question }» es { $answers }
console-or = o
console-everyone-fallback = todos
console-and = y
console-then = después
console-setting-k = Grupo de referencia más pequeño que se muestra (K)
console-setting-k-value = { $k } respuestas
console-setting-fallback = Grupo de referencia, probado en orden
console-setting-coverage = Un índice se calcula a partir de
console-setting-coverage-value = el { $share }{"\u00A0"}% de su peso respondido
console-setting-bands = Tramos del comentario
console-setting-bands-value = fuerte desde { $strong }, débil por debajo de { $weak } (puntuaciones de las opciones de 0 a 100)
console-setting-deals = Una tasa de cierre contada necesita
console-setting-deals-value = { $deals } oportunidades decididas
console-setting-margin = Una cifra contradice una respuesta cuando es
console-setting-margin-value = un { $margin }{"\u00A0"}% peor que la mediana del grupo de referencia
console-setting-potential = Objetivo de potencial de ingresos
console-setting-currency = Moneda
console-setting-currency-value = { $code } ({ $symbol }), en la que se guardan y comparan los importes
console-setting-currency-other = ; { $code } ({ $symbol }) a { $rate } { $reference } cada uno, al cambio del { $date }
console-setting-held = Se retiene para revisión si
console-setting-held-value = se completó en menos de { $seconds } segundos; el { $share }{"\u00A0"}% de al menos { $items } respuestas de valoración en la misma posición; el { $duplicate }{"\u00A0"}% de las respuestas igual a otra respuesta desde la misma dirección en menos de { $hours } horas
console-setting-minutes = Minutos para responder, según la página de inicio
