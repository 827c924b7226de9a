# The emails a respondent asks for, in the language of their report (see src/domain/phrases.rs).
email-report-link-subject = Su informe { $study }
email-report-link-intro = Como pidió, este es el enlace a su informe { $study }:
email-report-link-outro = No lo comparta: cualquiera que tenga el enlace puede leer su informe. El PDF está a un clic, en la página.
email-reminder-subject = Es hora de evaluar de nuevo: { $study }
email-reminder-intro = Pidió que se lo recordáramos: es hora de evaluar de nuevo su organización comercial y ver qué ha cambiado desde el { $earlier_on }.
email-reminder-start = Parta de sus respuestas anteriores y cambie lo que sea distinto ahora:
email-reminder-outro = Su nuevo informe muestra el cambio en cada índice y en cada respuesta que haya cambiado.
email-team-ready-subject = Su informe de equipo está listo
email-team-ready-intro = Ya han respondido { $ready_at } colegas, así que su informe de equipo muestra las cifras del equipo y, donde respondieron suficientes personas de cada rol, la diferencia entre directivos, mánagers y comerciales:
email-team-ready-outro = Cuantos más colegas respondan, más sólidas serán las cifras: siga compartiendo la invitación.
