# The respondent's pages around the questionnaire's own words: the landing
# page, every questionnaire page and the frame around them.

## Frame of every page
skip-to-content = Aller au contenu
footer = Dealbench : une étude de benchmark commercial. Vos réponses restent sur ce serveur.
language-switch = Langue

## Landing page
landing-minutes = Environ { $minutes } minutes
landing-pages = { $pages } pages courtes ; vos réponses sont enregistrées à chaque page.
landing-resume = Interrompez, reprenez plus tard
landing-resume-detail = Vous recevez un lien privé pour reprendre sur n’importe quel appareil.
landing-report = Votre rapport, tout de suite
landing-report-detail = Scores, comparaison avec vos pairs et cinq actions, à l’écran et en PDF.
landing-asked = Les questions qui vous seront posées
landing-privacy = Ce que deviennent vos réponses
landing-start = Commencer le questionnaire

## A questionnaire page
page-title = { $section } ({ $page } sur { $pages })
page-title-one-error = Erreur : une réponse est à revoir – { $section } ({ $page } sur { $pages })
page-title-errors = Erreur : { $count } réponses sont à revoir – { $section } ({ $page } sur { $pages })
page-progress = Page { $page } sur { $pages } : { $part }
page-errors =
    { $count ->
        [one] Une réponse demande votre attention
       *[other] { $count } réponses demandent votre attention
    }
page-numbers-check = Vérifiez comment vos chiffres ont été interprétés
page-numbers-check-detail = Pour chaque chiffre ci-dessous, vous voyez comment il a été interprété. Si l’un d’eux ne correspond pas à ce que vous vouliez dire, corrigez-le ; sinon, continuez.
page-required = (obligatoire)
page-error = Erreur :
page-team-answer = réponse de votre équipe, identique pour tous vos collègues afin que toute l’équipe soit comparée au même groupe de pairs.
page-amount-in = { $question } (en { $currency })
page-read-as = Interprété comme { $value }
page-submit = Valider et voir mon rapport
page-next = Enregistrer et continuer
page-back = Retour
page-come-back = Reprendre plus tard
page-come-back-detail = Vos réponses sont enregistrées à chaque changement de page. Pour continuer sur n’importe quel appareil, conservez ce lien privé :

## What is wrong with an answer, next to its field
error-not-an-option = choisissez l’une des réponses proposées
error-not-a-number = saisissez un nombre, par exemple 25000, 25 000 ou 25k
error-not-an-integer = saisissez un nombre entier
error-out-of-range = saisissez un nombre compris entre { $min } et { $max } { $unit }
error-not-text = saisissez du texte simple
error-too-long = ne dépassez pas { $max } caractères
error-not-an-email = saisissez une adresse e-mail, par exemple nom@example.com
error-other-currency-named = « { $typed } » est en { $typed_in }, mais vos montants sont en { $named } : saisissez le montant en { $currency } ou choisissez { $typed_in } comme devise de vos montants
error-other-currency = « { $typed } » est dans une autre devise : vos montants sont en { $named }, saisissez donc le montant en { $currency }
error-missing = veuillez répondre à cette question
error-not-an-object = les réponses doivent être un objet JSON associant les identifiants des questions à leurs réponses
error-unknown-item = ce questionnaire n’a pas cette question
error-unknown-option = ce n’est pas l’une des réponses proposées (choisissez parmi{"\u00A0"}: { $offered })

## The report page
report-title-company = { $company }{"\u00A0"}: votre rapport Dealbench
report-title = Votre rapport Dealbench
report-download-pdf = Télécharger le PDF
report-languages = Lire ce rapport en
# An operator's preview of a report (the console's preview, in the report's language).
report-preview-label = Aperçu.
report-preview-note = Voici le rapport qu’un répondant obtiendrait avec { $questionnaire } version { $version }. Rien n’est enregistré, et { $peers ->
        [live] les chiffres des pairs sont les chiffres actuels, en lecture seule.
       *[none] il n’y a pas de groupe de pairs.
    }
report-preview-back = Retour au questionnaire
report-preview-title = Aperçu{"\u00A0"}: { $title }
report-next-steps = Prochaines étapes
report-assess-again = Refaire l’évaluation
report-assess-again-detail = {"\u00A0"}: répondez de nouveau dans six ou douze mois, à partir de ces réponses, et voyez ce qui a changé.
report-email-me = Recevoir par e-mail
report-email-me-detail = {"\u00A0"}: le lien vers ce rapport, ou un rappel pour refaire l’évaluation dans 6 ou 12 mois.
report-team-member = Vous avez répondu dans le cadre de l’équipe d’un collègue. Le lien du rapport d’équipe est entre les mains du collègue à l’origine de l’invitation{"\u00A0"}: demandez-le-lui. Votre propre rapport reste ici, et vous pouvez refaire l’évaluation quand vous le souhaitez.
report-team-assessment = Évaluation d’équipe
report-team-assessment-detail = {"\u00A0"}: invitez vos collègues et voyez où dirigeants, managers et commerciaux voient votre organisation commerciale différemment.
back-to-report = Retour à votre rapport

## The email page of a report
email-page-title = E-mail
email-page-done = C’est fait.
email-page-queued-link = Le lien vers votre rapport est en route.
email-page-queued-reminder = Vous recevrez un rappel pour refaire l’évaluation.
email-page-link-heading = M’envoyer le lien vers mon rapport
email-page-send-to = L’envoyer à
# Followed by a hint of the address, such as (j•••@e•••.com).
email-page-to-given = L’adresse donnée avec mes réponses
email-page-to-typed = Une autre adresse, ci-dessous
email-page-another-address = Autre adresse
email-page-your-address = Votre adresse e-mail
email-page-link-submit = M’envoyer le lien
email-page-reminder-heading = Me rappeler de refaire l’évaluation
email-page-in-six-months = Dans 6 mois
email-page-in-twelve-months = Dans 12 mois
email-page-reminder-submit = Me le rappeler
email-page-privacy = Votre adresse sert uniquement à l’e-mail demandé et est effacée dès son envoi. Elle n’est jamais montrée à personne ni exportée{"\u00A0"}; cette page, que toute personne disposant du lien de votre rapport peut ouvrir, n’en montre qu’un indice.
email-page-error-no-address-given = Vous n’avez pas donné d’adresse e-mail avec vos réponses{"\u00A0"}: saisissez-en une.
email-page-error-not-an-address = Saisissez une adresse e-mail valide, par exemple nom@example.com.
email-page-error-report-bound = Ce rapport a demandé { $count } e-mails au cours de la dernière heure, le maximum autorisé.
email-page-error-client-bound = { $count } e-mails ont été demandés depuis votre réseau au cours de la dernière heure, le maximum autorisé.
email-page-error-total-bound = L’étude a atteint le nombre maximal d’e-mails qu’elle peut envoyer en une heure.
# $why: one of the three above; $at: a time of day such as 14:05.
email-page-error-try-again =
    { $why } Rien n’a été envoyé. Réessayez dans { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }, après { $at } UTC{"\u00A0"}; votre choix est conservé ci-dessous.

## Assessing again from a report
again-title = Refaire l’évaluation
again-lead = Répondez de nouveau au questionnaire pour voir ce qui a changé depuis le { $date }. Il reprend vos réponses précédentes{"\u00A0"}: modifiez ce qui a changé et gardez le reste.
again-detail = Votre nouveau rapport montre l’évolution de chaque indice et de chaque réponse modifiée, à périmètre constant{"\u00A0"}: les questions ajoutées depuis sont signalées comme nouvelles et exclues de l’évolution.
again-start = Recommencer à partir de mes réponses

## A team's invitation, as a colleague opens it
invitation-title = Rejoindre l’évaluation de votre équipe
invitation-heading = Rejoignez le benchmark commercial de votre équipe
invitation-lead = Un collègue vous invite à évaluer ensemble votre organisation commerciale. Comptez environ { $minutes } minutes{"\u00A0"}; vous recevez aussitôt votre propre rapport.
invitation-profile = Le profil de votre entreprise reprend les réponses de votre collègue{"\u00A0"}; vous répondez sur les pratiques commerciales de l’entreprise et sur les vôtres.
invitation-figures = Votre collègue ne voit que des chiffres d’équipe, arrondis pour qu’on ne puisse en déduire aucune réponse individuelle{"\u00A0"}: jamais vos réponses, jamais un rôle de moins de { $minimum } personnes.
invitation-own-report = Votre propre rapport est accessible par un lien privé que personne d’autre ne reçoit.
invitation-show-name = Afficher mon nom dans la liste des participants du rapport d’équipe{"\u00A0"}: le nom donné en première page, jamais à côté d’un chiffre.

## A report's team page: the offer to start a team, or its links
team-page-title = Votre évaluation d’équipe
team-page-set-up = Votre équipe est créée. Envoyez le lien d’invitation à vos collègues de l’organisation commerciale{"\u00A0"}: dirigeants, managers et commerciaux. Chacun répond pour lui-même et reçoit son propre rapport{"\u00A0"}; vous voyez les chiffres de l’équipe.
team-page-invitation = Invitation pour vos collègues
team-page-invitation-note = Toute personne disposant de ce lien peut rejoindre votre équipe. Vos collègues répondent sur l’entreprise et sur eux-mêmes{"\u00A0"}; le profil de l’entreprise reprend vos réponses.
team-page-report = Votre rapport d’équipe
team-page-report-note = Gardez ce lien pour vous, ou partagez-le avec les personnes qui doivent voir les chiffres de l’équipe. Il ne montre que des chiffres d’équipe, jamais les réponses d’une personne, et les chiffres d’un rôle seulement une fois qu’au moins { $minimum } personnes de ce rôle ont répondu.
team-page-notify-heading = Me prévenir quand il est prêt
team-page-notify-queued = Vous recevrez un e-mail dès que { $count } collègues auront répondu.
team-page-notify-note = Utilisée pour ce seul e-mail, puis effacée.
team-page-notify-submit = Me prévenir par e-mail quand { $count } collègues auront répondu
team-page-in-another-team = Votre réponse fait déjà partie de l’équipe d’un collègue. Demandez le rapport d’équipe à la personne qui vous a envoyé l’invitation.
team-page-offer = Invitez vos collègues à répondre aussi, et voyez où dirigeants, managers et commerciaux s’accordent sur votre organisation commerciale et où leurs avis divergent.
team-page-offer-links = Vous recevez un lien d’invitation privé à transmettre, et un lien privé vers le rapport d’équipe pour vous-même.
team-page-offer-own-reports = Vos collègues répondent sur l’entreprise et sur eux-mêmes, et chacun reçoit son propre rapport.
team-page-offer-figures = Le rapport d’équipe montre les chiffres de l’équipe et les écarts entre rôles{"\u00A0"}: jamais les réponses d’une personne, jamais un rôle de moins de { $minimum } personnes, jamais un nom sans l’accord de son titulaire.
team-page-start = Lancer une évaluation d’équipe
team-page-not-offered = Cette étude ne propose pas d’évaluation d’équipe.

## Confirming a team's next wave
wave-confirm-title = Relancer l’équipe pour la vague { $next }{"\u00A0"}?
wave-confirm-lead = Les collègues qui répondent à partir de maintenant comptent dans la vague { $next }, par le même lien d’invitation. Le rapport d’équipe continue d’afficher les chiffres de la vague { $wave } jusqu’à ce que { $minimum } personnes aient répondu à la vague { $next }{"\u00A0"}; il affiche ensuite la vague { $next } et la compare à la vague { $wave }.
wave-confirm-closed = La vague { $wave } ne peut pas être rouverte{"\u00A0"}: lancez une nouvelle vague quand l’équipe est prête à répondre de nouveau, en général six ou douze mois après la précédente.
wave-confirm-start = Lancer la vague { $next }
wave-confirm-keep = Rester sur la vague { $wave }

## Error pages: a title, what went wrong and what to do
error-title-not-found = Page introuvable
error-title-form-expired = Formulaire expiré
error-title-went-wrong = Une erreur s’est produite
error-title-wait = Veuillez patienter
error-title-later = Veuillez réessayer plus tard
error-title-did-not-work = Cela n’a pas fonctionné
error-go-to-start = Aller à la page d’accueil
error-go-to-console = Aller à la console
error-page-not-found = Cette page n’existe pas. Vérifiez le lien que vous avez reçu.
error-page-form-expired = Ce formulaire a expiré ou ne vient pas de ce site. Revenez en arrière, rechargez la page et réessayez{"\u00A0"}: vos réponses enregistrées sont conservées.
error-page-in-another-team = Votre réponse fait déjà partie de l’équipe d’un collègue. Demandez-lui le rapport d’équipe.
error-page-answers-do-not-fit = Les réponses ne correspondent pas au questionnaire.
error-page-choose-what-to-send = Choisissez ce que nous devons envoyer{"\u00A0"}: le lien vers votre rapport, ou un rappel pour vous évaluer de nouveau.
error-page-choose-reminder-months = Choisissez un rappel dans 6 ou dans 12 mois.
# A form whose fields could not be read (in English, the reason itself).
error-page-bad-request = Le formulaire n’a pas pu être lu. Revenez en arrière, rechargez la page et réessayez{"\u00A0"}: vos réponses enregistrées sont conservées.
error-page-too-large = Cette requête est trop volumineuse.
error-page-too-many =
    Trop de questionnaires ont été envoyés depuis votre réseau au cours de la dernière heure. Vos réponses sont enregistrées{"\u00A0"}: utilisez votre lien de reprise pour les envoyer de nouveau dans { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
error-page-method-not-allowed = Cette page ne s’utilise pas de cette façon.
error-page-timeout = Le formulaire a mis trop de temps à arriver. Vérifiez votre connexion et envoyez-le de nouveau.
error-page-headers-too-large = Les en-têtes de la requête sont trop volumineux{"\u00A0"}: 16 Ko au total et 8 Ko par ligne au plus. Effacez les cookies de ce site et réessayez.
error-page-uri-too-long = L’adresse de la requête est trop longue{"\u00A0"}: 8 Ko au plus.
error-page-disk-full = Le serveur n’a plus d’espace disque{"\u00A0"}; vos réponses n’ont pas été enregistrées. Réessayez plus tard.
error-page-read-only = Le serveur ne peut rien enregistrer pour le moment{"\u00A0"}; vos réponses n’ont pas été enregistrées. Réessayez plus tard.
error-page-damaged = Le serveur ne peut rien enregistrer pour le moment{"\u00A0"}: son fichier de base de données est endommagé, et les responsables en sont informés. Vos réponses n’ont pas été enregistrées{"\u00A0"}; veuillez réessayer plus tard.
error-page-loading = Le serveur vient de démarrer et charge encore les réponses de l’étude{"\u00A0"}; vos réponses ne sont pas encore enregistrées. Réessayez dans quelques secondes.
error-page-database-down = Le serveur ne parvient pas à joindre sa base de données pour le moment{"\u00A0"}; rien n’a été enregistré. Réessayez dans une minute.
# Any other reason the server cannot serve now (in English, the reason itself).
error-page-unavailable = Le serveur est très sollicité en ce moment. Veuillez réessayer dans une minute.
error-page-pdf-busy = De nombreux rapports sont en cours de préparation en PDF. Veuillez réessayer dans quelques secondes.
error-page-internal = Une erreur s’est produite de notre côté. Vos réponses enregistrées sont en sécurité{"\u00A0"}; veuillez réessayer dans un instant.
