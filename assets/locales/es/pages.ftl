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

## The report page
report-title-company = { $company }: su informe Dealbench
report-title = Su informe Dealbench
report-download-pdf = Descargar el PDF
report-languages = Leer este informe en
report-next-steps = Próximos pasos
report-assess-again = Evaluar de nuevo
report-assess-again-detail = : responda de nuevo dentro de seis o doce meses, a partir de estas respuestas, y vea qué ha cambiado.
report-email-me = Recibir por correo
report-email-me-detail = : el enlace a este informe, o un recordatorio para evaluar de nuevo dentro de 6 o 12 meses.
report-team-member = Usted respondió como parte del equipo de un colega. El enlace al informe del equipo lo tiene el colega que le invitó: pídaselo. Su propio informe sigue aquí, y puede evaluar de nuevo cuando quiera.
report-team-assessment = Evaluación de equipo
report-team-assessment-detail = : invite a sus colegas y vea dónde directivos, mánagers y comerciales ven su organización comercial de forma distinta.
