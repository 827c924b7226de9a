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
page-team-answer = réponse de votre équipe, identique pour tous vos collègues afin que vous soyez tous comparés au même groupe de pairs.
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

## The report page
report-title-company = { $company } : votre rapport Dealbench
report-title = Votre rapport Dealbench
report-download-pdf = Télécharger le PDF
report-languages = Lire ce rapport en
report-next-steps = Prochaines étapes
report-assess-again = Refaire l’évaluation
report-assess-again-detail = {"\u00A0"}: répondez de nouveau dans six ou douze mois, à partir de ces réponses, et voyez ce qui a changé.
report-email-me = Recevoir par e-mail
report-email-me-detail = {"\u00A0"}: le lien vers ce rapport, ou un rappel pour refaire l’évaluation dans 6 ou 12 mois.
report-team-member = Vous avez répondu dans le cadre de l’équipe d’un collègue. Le lien du rapport d’équipe est chez le collègue qui vous a invité : demandez-le-lui. Votre propre rapport reste ici, et vous pouvez refaire l’évaluation quand vous le souhaitez.
report-team-assessment = Évaluation d’équipe
report-team-assessment-detail = {"\u00A0"}: invitez vos collègues et voyez où dirigeants, managers et commerciaux voient votre organisation commerciale différemment.
