# The respondent's pages around the questionnaire's own words: the landing
# page, every questionnaire page and the frame around them.

## Frame of every page
skip-to-content = Saltar al contenido
footer = Dealbench: un estudio comparativo de ventas. Sus respuestas permanecen en este servidor.
language-switch = Idioma

## Landing page
landing-minutes = Unos { $minutes } minutos
landing-pages = { $pages } páginas breves; sus respuestas se guardan en cada página.
landing-resume = Salga y vuelva cuando quiera
landing-resume-detail = Recibirá un enlace privado para continuar desde cualquier dispositivo.
landing-report = Su informe, al instante
landing-report-detail = Puntuaciones, comparación con empresas similares y cinco acciones, en pantalla y en PDF.
landing-asked = Qué se le preguntará
landing-privacy = Qué se hace con sus respuestas
landing-start = Comenzar el cuestionario

## A questionnaire page
page-title = { $section } ({ $page } de { $pages })
page-title-one-error = Error: una respuesta requiere su atención: { $section } ({ $page } de { $pages })
page-title-errors = Error: { $count } respuestas requieren su atención: { $section } ({ $page } de { $pages })
page-progress = Página { $page } de { $pages }: { $part }
page-errors =
    { $count ->
        [one] Una respuesta requiere su atención
        [many] { $count } respuestas requieren su atención
       *[other] { $count } respuestas requieren su atención
    }
page-numbers-check = Compruebe cómo se han interpretado sus cifras
page-numbers-check-detail = Junto a cada número se indica cómo se ha interpretado. Si alguno no corresponde a lo que quería decir, corríjalo; si no, continúe.
page-required = (obligatorio)
page-error = Error:
page-team-answer = respuesta de su equipo, la misma para todos sus compañeros, para que a todos se les compare con el mismo grupo de referencia.
page-amount-in = { $question } (en { $currency })
page-read-as = Interpretado como { $value }
page-submit = Enviar y ver mi informe
page-next = Guardar y continuar
page-back = Atrás
page-come-back = Continuar más tarde
page-come-back-detail = Sus respuestas se guardan cada vez que pasa a otra página. Para continuar desde cualquier dispositivo, guarde este enlace privado:

## What is wrong with an answer, next to its field
error-not-an-option = elija una de las respuestas propuestas
error-not-a-number = introduzca un número, por ejemplo 25000, 25.000 o 25k
error-not-an-integer = introduzca un número entero
error-out-of-range = introduzca un número entre { $min } y { $max } { $unit }
error-not-text = introduzca solo texto sin formato
error-too-long = no supere los { $max } caracteres
error-not-an-email = introduzca una dirección de correo electrónico, por ejemplo nombre@example.com
error-other-currency-named = «{ $typed }» está en { $typed_in }, pero sus importes están en { $named }: introduzca el importe en { $currency } o elija { $typed_in } como moneda de sus importes
error-other-currency = «{ $typed }» está en otra moneda: sus importes están en { $named }, así que introduzca el importe en { $currency }
error-missing = responda a esta pregunta
error-not-an-object = las respuestas deben ser un objeto JSON de identificadores de pregunta y respuestas
error-unknown-item = este cuestionario no tiene esa pregunta
error-unknown-option = no es una de las respuestas ofrecidas (elija una de: { $offered })

## The report page
report-title-company = { $company }: su informe Dealbench
report-title = Su informe Dealbench
report-download-pdf = Descargar el PDF
report-languages = Leer este informe en
# An operator's preview of a report (the console's preview, in the report's language).
report-preview-label = Vista previa.
report-preview-note = Este es el informe que recibiría una persona con { $questionnaire } versión { $version }. No se guarda nada, y { $peers ->
        [live] las cifras del grupo de referencia son las actuales, solo en lectura.
       *[none] no hay grupo de referencia.
    }
report-preview-back = Volver al cuestionario
report-preview-title = Vista previa: { $title }
report-next-steps = Próximos pasos
report-assess-again = Evaluar de nuevo
report-assess-again-detail = : responda de nuevo dentro de seis o doce meses, a partir de estas respuestas, y vea qué ha cambiado.
report-email-me = Recibir por correo
report-email-me-detail = : el enlace a este informe, o un recordatorio para evaluar de nuevo dentro de 6 o 12 meses.
report-team-member = Usted respondió como parte del equipo de un colega. El enlace al informe del equipo lo tiene el colega que le invitó: pídaselo. Su propio informe sigue aquí, y puede evaluar de nuevo cuando quiera.
report-team-assessment = Evaluación de equipo
report-team-assessment-detail = : invite a sus colegas y vea dónde directivos, mánagers y comerciales ven su organización comercial de forma distinta.
back-to-report = Volver a su informe

## The email page of a report
email-page-title = Correo electrónico
email-page-done = Hecho.
email-page-queued-link = El enlace a su informe está en camino.
email-page-queued-reminder = Recibirá un recordatorio para evaluar de nuevo.
email-page-link-heading = Enviarme el enlace a mi informe
email-page-send-to = Enviarlo a
# Followed by a hint of the address, such as (j•••@e•••.com).
email-page-to-given = La dirección que di con mis respuestas
email-page-to-typed = Otra dirección, abajo
email-page-another-address = Otra dirección
email-page-your-address = Su correo electrónico
email-page-link-submit = Enviarme el enlace
email-page-reminder-heading = Recordarme evaluar de nuevo
email-page-in-six-months = Dentro de 6 meses
email-page-in-twelve-months = Dentro de 12 meses
email-page-reminder-submit = Recordármelo
email-page-privacy = Su dirección solo se usa para el correo que pide y se borra en cuanto se envía. Nunca se muestra a nadie ni se exporta; esta página, que puede abrir cualquiera con el enlace de su informe, solo muestra una pista de la dirección que dio.
email-page-error-no-address-given = No dio ninguna dirección de correo con sus respuestas: escriba una.
email-page-error-not-an-address = Escriba una dirección de correo válida, como nombre@ejemplo.es.
email-page-error-report-bound = Este informe ha pedido { $count } correos en la última hora, el máximo permitido.
email-page-error-client-bound = Desde su red se han pedido { $count } correos en la última hora, el máximo permitido.
email-page-error-total-bound = El estudio ha enviado en la última hora tantos correos como puede.
# $why: one of the three above; $at: a time of day such as 14:05.
email-page-error-try-again =
    { $why } No se ha enviado nada. Inténtelo de nuevo dentro de { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }, después de las { $at } UTC; su elección se conserva abajo.

## Assessing again from a report
again-title = Evaluar de nuevo
again-lead = Responda de nuevo al cuestionario para ver qué ha cambiado desde el { $date }. Parte de sus respuestas anteriores: cambie lo que hoy es distinto y conserve el resto.
again-detail = Su nuevo informe muestra el cambio en cada índice y en cada respuesta que cambie, comparando lo comparable: las preguntas añadidas desde entonces se señalan como nuevas y quedan fuera del cambio.
again-start = Empezar de nuevo a partir de mis respuestas

## A team's invitation, as a colleague opens it
invitation-title = Únase a la evaluación de su equipo
invitation-heading = Únase al benchmark comercial de su equipo
invitation-lead = Un colega le ha invitado a evaluar juntos su organización comercial. Le llevará unos { $minutes } minutos, y recibirá su propio informe al instante.
invitation-profile = El perfil de su empresa se toma de las respuestas de su colega; usted responde sobre la práctica comercial de la empresa y sobre la suya propia.
invitation-figures = Su colega solo ve cifras del equipo, redondeadas para que no se puedan deducir las respuestas de nadie: nunca sus respuestas, nunca un rol con menos de { $minimum } personas.
invitation-own-report = Su propio informe está en un enlace privado que solo recibe usted.
invitation-show-name = Mostrar mi nombre en la lista de participantes del informe del equipo: el nombre que dé en la primera página, nunca junto a una cifra.

## A report's team page: the offer to start a team, or its links
team-page-title = Su evaluación de equipo
team-page-set-up = Su equipo está creado. Envíe el enlace de invitación a sus colegas de ventas: directivos, mánagers y comerciales. Cada uno responde por sí mismo y recibe su propio informe; usted ve las cifras del equipo.
team-page-invitation = Invitación para sus colegas
team-page-invitation-note = Cualquiera que tenga este enlace puede unirse a su equipo. Sus colegas responden sobre la empresa y sobre sí mismos; el perfil de la empresa se toma de sus respuestas.
team-page-report = Su informe de equipo
team-page-report-note = Guarde este enlace para usted, o compártalo con quienes deban ver las cifras del equipo. Solo muestra cifras del equipo, nunca las respuestas de una persona, y las cifras de un rol solo cuando al menos { $minimum } personas de ese rol han respondido.
team-page-notify-heading = Avisarme cuando esté listo
team-page-notify-queued = Recibirá un correo en cuanto { $count } colegas hayan respondido.
team-page-notify-note = Se usa para este único correo y después se borra.
team-page-notify-submit = Avisarme por correo cuando { $count } colegas hayan respondido
team-page-in-another-team = Su respuesta ya forma parte del equipo de un colega. Pida el informe del equipo a quien le envió la invitación.
team-page-offer = Invite a sus colegas a responder también, y vea en qué coinciden directivos, mánagers y comerciales sobre su organización comercial y en qué la ven de forma distinta.
team-page-offer-links = Recibe un enlace de invitación privado para compartir y un enlace privado al informe del equipo para usted.
team-page-offer-own-reports = Sus colegas responden sobre la empresa y sobre sí mismos, y cada uno recibe su propio informe.
team-page-offer-figures = El informe del equipo muestra las cifras del equipo y la distancia entre roles: nunca las respuestas de una persona, nunca un rol con menos de { $minimum } personas, nunca un nombre salvo que su titular haya decidido mostrarlo.
team-page-start = Iniciar una evaluación de equipo
team-page-not-offered = Este estudio no ofrece evaluaciones de equipo.

## Confirming a team's next wave
wave-confirm-title = ¿Lanzar la ronda { $next } con el equipo?
wave-confirm-lead = Los colegas que respondan a partir de ahora cuentan en la ronda { $next }, con el mismo enlace de invitación. El informe del equipo sigue mostrando las cifras de la ronda { $wave } hasta que { $minimum } personas hayan respondido a la ronda { $next }; después muestra la ronda { $next } y la compara con la ronda { $wave }.
wave-confirm-closed = La ronda { $wave } no se puede reabrir: lance una nueva ronda cuando el equipo esté listo para responder de nuevo, normalmente seis o doce meses después de la anterior.
wave-confirm-start = Lanzar la ronda { $next }
wave-confirm-keep = Seguir en la ronda { $wave }

## Error pages: a title, what went wrong and what to do
error-title-not-found = Página no encontrada
error-title-form-expired = Formulario caducado
error-title-went-wrong = Algo ha fallado
error-title-wait = Espere un momento
error-title-later = Inténtelo de nuevo más tarde
error-title-did-not-work = No ha funcionado
error-go-to-start = Ir a la página de inicio
error-go-to-console = Ir a la consola
error-page-not-found = Esta página no existe. Compruebe el enlace que recibió.
error-page-form-expired = Este formulario ha caducado o no procede de este sitio. Vuelva atrás, recargue la página e inténtelo de nuevo: sus respuestas guardadas se conservan.
error-page-in-another-team = Su respuesta ya forma parte del equipo de un colega. Pídale el informe del equipo.
error-page-answers-do-not-fit = Las respuestas no corresponden al cuestionario.
error-page-choose-what-to-send = Elija qué debemos enviar: el enlace a su informe o un recordatorio para volver a evaluarse.
error-page-choose-reminder-months = Elija un recordatorio dentro de 6 o de 12 meses.
# A form whose fields could not be read (in English, the reason itself).
error-page-bad-request = No se ha podido leer el formulario. Vuelva atrás, recargue la página e inténtelo de nuevo: sus respuestas guardadas se conservan.
error-page-too-large = Esta solicitud es demasiado grande.
error-page-too-many =
    Han llegado demasiados cuestionarios desde su red en la última hora. Sus respuestas están guardadas: use su enlace para continuar y envíelas de nuevo dentro de { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }.
error-page-method-not-allowed = Esta página no se puede usar de esa forma.
error-page-timeout = El formulario ha tardado demasiado en llegar. Compruebe su conexión y envíelo de nuevo.
error-page-headers-too-large = Las cabeceras de la solicitud son demasiado grandes: se aceptan como máximo 16 KB en total y 8 KB por línea. Borre las cookies de este sitio e inténtelo de nuevo.
error-page-uri-too-long = La dirección de la solicitud es demasiado larga: se aceptan como máximo 8 KB.
error-page-disk-full = El servidor se ha quedado sin espacio en disco; sus respuestas no se han guardado. Inténtelo más tarde.
error-page-read-only = El servidor no puede guardar nada en este momento; sus respuestas no se han guardado. Inténtelo más tarde.
error-page-damaged = El servidor no puede guardar nada en este momento: su archivo de base de datos está dañado y los responsables ya están avisados. Sus respuestas no se han guardado; inténtelo de nuevo más tarde.
error-page-loading = El servidor acaba de arrancar y aún está cargando las respuestas del estudio; sus respuestas todavía no se han guardado. Inténtelo dentro de unos segundos.
error-page-database-down = El servidor no puede acceder a su base de datos en este momento; no se ha guardado nada. Inténtelo dentro de un minuto.
# Any other reason the server cannot serve now (in English, the reason itself).
error-page-unavailable = El servidor está muy ocupado en este momento. Inténtelo de nuevo dentro de un minuto.
error-page-pdf-busy = Se están preparando muchos informes en PDF en este momento. Inténtelo de nuevo dentro de unos segundos.
error-page-internal = Algo ha fallado por nuestra parte. Sus respuestas guardadas están a salvo; inténtelo de nuevo en un momento.
