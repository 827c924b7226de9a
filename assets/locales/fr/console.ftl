# Les mots de la console des opérateurs : ses pages, libellés, remarques et
# messages. Les chiffres arrivent formatés ; les noms des indices et des
# critères du groupe de pairs viennent du questionnaire dans la même langue.
# Un message qui contient du balisage (<code>, <strong>) est marqué « HTML ».

## Navigation et bandeau des réponses synthétiques
console-nav = Console
console-participation = Participation
console-compare = Comparer des groupes de pairs
console-exports = Exports
console-teams = Équipes et vagues
console-held = En attente de vérification
console-find = Rechercher et supprimer
console-questionnaire = Questionnaire
console-sign-out = Se déconnecter ({ $operator })
console-synthetic-counted = Les réponses synthétiques sont comptées
console-synthetic-counted-detail =
    { $real ->
        [one] Chaque chiffre de la console compte les { $synthetic } réponses synthétiques (démo) en plus de { $real } réponse réelle, jusqu’à ce que vous les excluiez.
       *[other] Chaque chiffre de la console compte les { $synthetic } réponses synthétiques (démo) en plus des { $real } réponses réelles, jusqu’à ce que vous les excluiez.
    }
console-synthetic-leave-out = Exclure les réponses synthétiques
console-synthetic-only = Cette étude ne contient que des réponses synthétiques
console-synthetic-only-detail = Les { $synthetic } réponses que les chiffres peuvent compter sont toutes synthétiques (données de démo){"\u00A0"}: aucune réponse réelle ne compte encore (une réponse retenue pour vérification compte dès que vous l’acceptez). Les chiffres excluent les réponses synthétiques, si bien que chaque groupe reste sous le minimum. Incluez-les pour voir comment fonctionne la console.
console-synthetic-include = Inclure les réponses synthétiques dans tous les chiffres

## Connexion
console-sign-in = Connexion à la console
console-name = Nom
console-password = Mot de passe
console-sign-in-button = Se connecter
# HTML
console-operators-added = Les accès à la console se créent sur le serveur, avec <code>dealbench operator add NAME</code>.
console-too-many-attempts = Trop de tentatives échouées. Patientez quelques minutes, puis réessayez.
console-busy = La console est occupée à connecter d’autres personnes. Réessayez dans un instant.
console-no-match = Ce nom et ce mot de passe ne correspondent pas.

## Participation
console-questionnaire-version = Questionnaire, version { $version }
console-started = Commencés dans le navigateur
console-completed-all = Remplis (tous canaux)
console-completion-rate = Taux d’achèvement
console-median-time = Durée médiane de réponse
console-synthetic-responses = Réponses synthétiques (démo)
console-completions-per-day = Questionnaires remplis par jour
console-completions-per-day-from = Questionnaires remplis par jour, du { $first } au { $last }
console-completions-chart = Questionnaires remplis par jour, { $count } le jour le plus chargé
console-completed-on =
    { $count ->
        [one] { $day }{"\u00A0"}: { $count } rempli
       *[other] { $day }{"\u00A0"}: { $count } remplis
    }
console-synthetic-on =
    { $count ->
        [one] { $day }{"\u00A0"}: { $count } synthétique
       *[other] { $day }{"\u00A0"}: { $count } synthétiques
    }
console-busiest-day = jour le plus chargé{"\u00A0"}: { $count }
console-legend-completed = remplis
console-legend-synthetic = synthétiques
console-nothing-started = Aucun questionnaire n’a encore été commencé.
console-none-started = aucun questionnaire commencé
console-not-yet-known = pas encore connue
console-minutes = { $minutes } minutes

## Filtres, communs à « Comparer des groupes de pairs » et « Exports »
console-any = Tous
console-answered-in = Langue de réponse
console-any-language = Toutes les langues
console-submitted-from = Envoyées à partir du (AAAA-MM-JJ)
console-submitted-until = Envoyées jusqu’au
console-submitted-until-format = Envoyées jusqu’au (AAAA-MM-JJ)
console-synthetic-counted-note = Les réponses synthétiques sont comptées (votre choix en haut de page).
console-include-synthetic = Inclure les réponses synthétiques
console-fewer-than = moins de { $k } réponses
# Un groupe tel que ses filtres le décrivent.
console-everyone = Tout le monde
console-group-answered-in = réponses en { $language }
console-period = du { $from } au { $to }
console-period-from = à partir du { $from }
console-period-until = jusqu’au { $to }
console-with-synthetic = réponses synthétiques comprises

## Comparer des groupes de pairs
console-group = Groupe { $n }
console-compare-button = Comparer
console-compare-count-before = Comparer
console-compare-count-after = groupes.
console-share-link = Lien vers cette comparaison{"\u00A0"}:
console-groups-compared = Les groupes comparés
console-col-group = Groupe
console-col-responses = Réponses
console-col-export = Export
console-group-label = { $n }{"\u00A0"}: { $label }
console-scores-csv = scores en CSV
console-answers-csv = réponses en CSV
console-indices = Indices
console-index-by-group = { $index } par groupe
console-col-mean = Moyenne
console-col-median = Médiane
console-col-quartiles = Quartiles
console-quartiles = de { $q1 } à { $q3 }
console-histogram = { $index }{"\u00A0"}: répartition par groupe, par tranches de 10 points
console-histogram-bar = groupe { $group }{"\u00A0"}: { $count }
console-items = Réponses, les questions aux écarts les plus marqués d’abord
console-items-note = Chaque barre montre comment les réponses d’un groupe se répartissent entre les options, de la première option à gauche, aux couleurs de la légende sous la question. L’écart est la plus grande part de réponses qui devrait changer pour que deux groupes répondent de la même façon.
console-difference = écart de { $difference }{"\u00A0"}%
console-split-bar = groupe { $n }{"\u00A0"}:
console-option-share = { $option }{"\u00A0"}: { $share }
console-options-legend = Options, dans l’ordre des barres

## Exports
console-exports-intro = Téléchargez les réponses d’un groupe sous forme de fichiers CSV pour un tableur ou un logiciel de statistiques. Choisissez le groupe comme un groupe de comparaison{"\u00A0"}; un groupe de moins de { $k } réponses n’est pas exporté, puisqu’il n’obtient aucun chiffre dans une comparaison.
console-export-group = Le groupe à exporter
console-show-group = Afficher le groupe
console-group-size =
    { $count ->
        [one] { $label }{"\u00A0"}: { $count } réponse
       *[other] { $label }{"\u00A0"}: { $count } réponses
    }
console-download-scores = Télécharger les scores ({ $file })
console-download-answers = Télécharger les réponses ({ $file })
console-not-exported =
    { $count ->
        [one] Pas d’export{"\u00A0"}: ce groupe compte { $count } réponse, moins de { $k }, le plus petit groupe pour lequel l’étude affiche des chiffres.
       *[other] Pas d’export{"\u00A0"}: ce groupe compte { $count } réponses, moins de { $k }, le plus petit groupe pour lequel l’étude affiche des chiffres.
    }
console-widen = Élargissez le groupe (moins de filtres, une période plus longue).
console-widen-synthetic = Élargissez le groupe (moins de filtres, une période plus longue, ou en incluant les réponses synthétiques).
console-files-hold = Ce que contiennent les fichiers
console-files-columns = Une ligne par réponse du groupe, avec une ligne d’en-tête. Les deux fichiers commencent par les mêmes colonnes{"\u00A0"}:
console-file-pseudonym = Un identifiant pseudonyme de la réponse, le même dans les deux fichiers pour pouvoir les joindre. Il est dérivé de la réponse avec un secret de ce serveur et n’ouvre aucun rapport.
console-file-submitted = La date d’envoi de la réponse, en UTC.
console-file-version = La version du questionnaire auquel elle répond.
console-file-synthetic = 1 pour une réponse synthétique (démo), 0 pour une réponse réelle.
console-file-flags = Les contrôles de qualité qu’elle a déclenchés (trop rapide, réponses en ligne droite, quasi-doublon), et 1 tant qu’elle est écartée des chiffres des pairs en attente de vérification.
# HTML
console-file-language = La langue dans laquelle le questionnaire a été rempli (<code>en</code>, <code>de</code>, <code>fr</code>, <code>es</code>){"\u00A0"}; toutes les langues partagent les mêmes questions, identifiants et chiffres des pairs.
console-file-dimensions = Le profil du groupe de pairs{"\u00A0"}: pour chaque critère, l’identifiant de l’option choisie.
console-file-team = (en dernier) Un identifiant pseudonyme de l’équipe du répondant, le cas échéant, et la vague{"\u00A0"}: celle de l’équipe, ou celle de sa propre série d’évaluations (1 pour la première).
# HTML
console-file-scores = Puis l’indice entreprise (<code>overall</code>), ses quatre sous-indices et l’indice personnel, chacun de 0 à 100, vide là où trop peu de questions ont reçu une réponse pour le calculer.
console-all-columns = Les { $count } colonnes
# HTML ; $currency : « dollars américains (USD) »
console-file-answers = Puis une colonne par question, nommée d’après son identifiant dans le questionnaire (voir la page Questionnaire){"\u00A0"}: l’identifiant de l’option choisie, le nombre ou le texte saisi, vide si la question est restée sans réponse. Les montants sont exprimés dans la devise de référence de l’étude ({ $currency }), quelle que soit la devise dans laquelle le répondant les a saisis.
# HTML ; $column : l’identifiant de la question sur la devise
console-file-answers-currency = Puis une colonne par question, nommée d’après son identifiant dans le questionnaire (voir la page Questionnaire){"\u00A0"}: l’identifiant de l’option choisie, le nombre ou le texte saisi, vide si la question est restée sans réponse. Les montants sont exprimés dans la devise de référence de l’étude ({ $currency }), quelle que soit la devise dans laquelle le répondant les a saisis{"\u00A0"}; celle-ci figure dans la colonne <code>{ $column }</code> (vide{"\u00A0"}: la devise de référence).
console-never-exported = Jamais exporté
console-never-exported-detail = Les noms, entreprises et adresses e-mail, les liens vers les rapports et de reprise ainsi que les adresses des clients ne figurent dans aucun des deux fichiers.

## En attente de vérification
console-held-intro = Ces réponses ont déclenché un contrôle de qualité. Leurs répondants ont reçu leur rapport, mais elles ne comptent dans aucun chiffre des pairs tant que vous ne les avez pas acceptées. Supprimez celles qui ne sont pas authentiques.
console-accepted = Acceptée{"\u00A0"}: la réponse compte désormais dans les chiffres des pairs.
console-held-responses = Réponses en attente
console-col-submitted = Envoyée le
console-col-pseudonym = Identifiant pseudonyme
console-col-why-held = Motif de la mise en attente
console-col-decision = Décision
console-accept = Accepter
console-response-named = la réponse { $pseudonym }
console-confirm-delete-named = Oui, supprimer { $pseudonym }
console-delete = Supprimer
console-none-held = Aucune réponse n’est en attente.
console-flag-speeder = remplie plus vite que la durée minimale déclarée
console-flag-straight-liner = la même réponse à presque toutes les questions d’évaluation
console-flag-near-duplicate = presque les mêmes réponses qu’une autre réponse récente venant de la même adresse
console-flag-too-many = plus de réponses de la même adresse en une journée que le contrôle des quasi-doublons n’en compare

## Rechercher et supprimer
console-find-title = Rechercher et supprimer une réponse
console-deleted = Supprimée. Elle a disparu des fichiers de la base de données, des exports, des statistiques des pairs, de son rapport et de son PDF{"\u00A0"}; le journal des suppressions ne garde que son identifiant pseudonyme.
console-search-label = Lien du rapport, lien de reprise, e-mail ou entreprise
console-search-help = Une adresse e-mail trouve les correspondances exactes, majuscules ou minuscules{"\u00A0"}; une entreprise trouve tous les noms qui la contiennent (3 caractères au moins). Les questionnaires inachevés sont trouvés aussi.
console-find-button = Rechercher
console-not-found = Rien ne correspond à ce lien, à cet e-mail ou à cette entreprise.
console-found-draft = Questionnaire inachevé { $pseudonym }
console-found-response = Réponse { $pseudonym }
console-last-saved = Dernier enregistrement
console-company-given = Entreprise indiquée
console-email-given = E-mail indiqué
console-none = aucun
console-confirm-delete-draft = Je confirme{"\u00A0"}: supprimer ce questionnaire inachevé partout. Cette action est irréversible.
console-confirm-delete-response = Je confirme{"\u00A0"}: supprimer cette réponse partout. Cette action est irréversible.
console-deletion-log = Journal des suppressions
console-col-deleted-at = Supprimée le
console-col-by = Par
console-col-what = Quoi
console-kind-response = réponse
console-kind-draft = brouillon
console-nothing-deleted = Rien n’a encore été supprimé.

## Équipes et vagues
console-teams-started = Équipes créées
console-teams-with-members = Équipes avec des membres
console-members-median = Membres par équipe (médiane)
console-members-range = Membres par équipe (étendue)
console-second-wave = Équipes avec une deuxième vague
console-repeat-responses = Réponses issues d’une nouvelle évaluation
console-repeat-rate = Taux de réévaluation
console-repeat-note = Le taux de réévaluation est la part des premières évaluations ({ $count }{"\u00A0"}; les réponses synthétiques ne sont jamais comptées) dont le répondant s’est évalué de nouveau.
console-col-index-mean = Indice (moyenne)
console-col-first = Première ({ $n })
console-col-second = Deuxième ({ $n })
console-col-change = Évolution
console-not-shown = Non affiché{"\u00A0"}: chaque groupe doit compter au moins { $k } réponses (actuellement { $first } et { $second }).
console-no-members = pas encore de membres
console-members-from-to = de { $from } à { $to }
console-no-responses = pas encore de réponses
console-team-waves = Équipes{"\u00A0"}: première et deuxième vague
console-repeat-waves = Répondants qui se sont évalués de nouveau{"\u00A0"}: première et deuxième évaluation

## Questionnaire
# HTML ; $source : le chemin du fichier
console-review-intro-file = Le questionnaire tel qu’un relecteur le lit{"\u00A0"}: chaque question avec ses options et leurs scores, ce qu’elle alimente, et chaque paragraphe que le rapport peut afficher pour elle. Il est lu dans le fichier <code>{ $source }</code>. Modifiez le fichier, rechargez cette page pour voir la modification et le résultat du contrôle, puis redémarrez Dealbench pour le mettre en service.
# HTML
console-review-intro-builtin = Le questionnaire tel qu’un relecteur le lit{"\u00A0"}: chaque question avec ses options et leurs scores, ce qu’elle alimente, et chaque paragraphe que le rapport peut afficher pour elle. C’est le questionnaire intégré à Dealbench (créez-en une copie modifiable avec <code>dealbench questionnaire copy FOLDER</code> et mettez-la en service). Modifiez le fichier, rechargez cette page pour voir la modification et le résultat du contrôle, puis redémarrez Dealbench pour le mettre en service.
console-versions = Versions
console-version-running = En service{"\u00A0"}: { $questionnaire } version { $version } (les nouveaux répondants le reçoivent)
console-version-file = { $file }{"\u00A0"}: { $questionnaire } version { $version }, tel que le fichier se lit maintenant
console-version-fails = { $file }{"\u00A0"}: ne passe pas le contrôle
console-preview = Aperçu d’un rapport
console-preview-running = Voyez le rapport qu’un répondant obtiendrait avec { $questionnaire } version { $version }. Rien n’est enregistré et rien ne compte dans aucun chiffre{"\u00A0"}; le répondant est situé parmi les chiffres des pairs actuels, en lecture seule.
console-preview-other = Voyez le rapport qu’un répondant obtiendrait avec { $questionnaire } version { $version }. Rien n’est enregistré et rien ne compte dans aucun chiffre{"\u00A0"}; un questionnaire qui n’est pas en service est prévisualisé avec les chiffres des pairs actuels de son étude, ou sans pairs s’il s’agit d’une autre étude.
# HTML
console-paste-answers = Ou collez un fichier de réponses (JSON, tel que <code>dealbench score</code> le lit)
console-preview-answers = Prévisualiser ces réponses
console-preview-language = Langue du rapport
# A date filter that is not a date: $group is "none" on a page with one group.
console-refused-date-from = La date «{"\u00A0"}{ $value }{"\u00A0"}» sous «{"\u00A0"}Envoyées à partir du{"\u00A0"}»{ $group ->
        [none] {""}
       *[other] { " " }du groupe { $group }
    } n’est pas une date. Écrivez AAAA-MM-JJ, par exemple 2026-03-31, ou laissez le champ vide.
console-refused-date-until = La date «{"\u00A0"}{ $value }{"\u00A0"}» sous «{"\u00A0"}Envoyées jusqu’au{"\u00A0"}»{ $group ->
        [none] {""}
       *[other] { " " }du groupe { $group }
    } n’est pas une date. Écrivez AAAA-MM-JJ, par exemple 2026-03-31, ou laissez le champ vide.
console-refused-unconfirmed = Cochez la case pour confirmer la suppression.
console-refused-no-example = Il n’y a pas d’exemple nommé «{"\u00A0"}{ $name }{"\u00A0"}».
console-refused-no-answers = Collez d’abord un fichier de réponses (JSON) dans le champ.
console-refused-not-json = Ces réponses ne se lisent pas comme du JSON où chaque question figure une seule fois{"\u00A0"}: regardez la ligne { $line }, colonne { $column }.
# $problems: what the questionnaire check found, as it reports it.
console-refused-preview-fails = { $file } ne passe pas la vérification et n’a donc pas de rapport à prévisualiser{"\u00A0"}: { $problems }
console-refused-preview-answers = Ces réponses ne correspondent pas à { $questionnaire } version { $version }{"\u00A0"}: { $problems }
console-questionnaire-named = { $name } ({ $questionnaire } version { $version })
console-settings = Paramètres
console-sub-indices = Sous-indices et leurs paragraphes de synthèse
console-bands = Tranches et catégories
console-col-band = Tranche
console-col-score = Score
console-col-what-it-says = Ce qu’elle signifie
console-questions = Questions
console-optional = réponse facultative
console-key-area = domaine clé
console-feeds = Alimente { $feeds }.
console-help = Aide{"\u00A0"}: { $help }
console-answered-as-number = Réponse sous forme de nombre, { $range }.
console-col-option = Option
console-own-paragraph = Paragraphe propre{"\u00A0"}: { $paragraph }
console-headlines = Titres par recommandation
console-commentary = Commentaire par tranche
console-measured = Moyen, quand le chiffre du répondant est { $standing }
console-figure-disagrees = Fort, quand le chiffre contredit la réponse
console-figure-better = Moyen ou faible, quand le chiffre est nettement meilleur
console-tensions = Tensions
console-tensions-intro = Deux réponses qui tirent dans des directions opposées{"\u00A0"}; le rapport dit alors ce que cela signifie le plus souvent.
console-tension-when = Quand { $first }, et { $second }{"\u00A0"}:
console-no-tensions = Aucune.
console-file-fails = Le fichier choisi ne passe pas le contrôle{"\u00A0"}: ses problèmes sont listés plus haut. Corrigez-les et rechargez cette page.
# Ce que la page dit d’une question, d’une tranche, d’un paramètre.
console-kind-agreement = échelle d’accord
console-kind-importance = échelle d’importance
console-kind-frequency = échelle de fréquence
console-kind-choice = choix
console-kind-number = nombre
console-kind-text = texte
console-band-strong = Fort
console-band-middling = Moyen
console-band-weak = Faible
console-dont-know = { $verdict } (ne sait pas)
console-weight = { $name } (poids { $weight })
console-personal-weight = Indice personnel (poids { $weight })
console-company-number = le chiffre de l’entreprise `{ $metric }`
console-not-scored = sans score
console-feeds-nothing = N’alimente rien (sans score).
console-number-range = de { $min } à { $max } { $unit }
console-number-range-whole = de { $min } à { $max } { $unit }, nombres entiers
console-range = de { $from } à { $to }
console-standing-worse = moins bon que la médiane des pairs
console-standing-level = au même niveau
console-standing-better = meilleur
console-company-categories = Catégories de l’entreprise
console-personal-categories = Catégories personnelles
console-revenue-potential = Potentiel de chiffre d’affaires
console-tension-side = la réponse à «{"\u00A0"}{ $question }{"\u00A0"}» est { $answers }
console-or = ou
console-everyone-fallback = tout le monde
console-and = et
console-then = puis
console-setting-k = Plus petit groupe de pairs affiché (K)
console-setting-k-value = { $k } réponses
console-setting-fallback = Groupe de pairs, essayé dans l’ordre
console-setting-coverage = Un indice est calculé à partir de
console-setting-coverage-value = { $share }{"\u00A0"}% de son poids ayant reçu une réponse
console-setting-bands = Tranches du commentaire
console-setting-bands-value = fort à partir de { $strong }, faible sous { $weak } (scores des options de 0 à 100)
console-setting-deals = Un taux de transformation n’est compté qu’avec
console-setting-deals-value = { $deals } affaires décidées
console-setting-margin = Un chiffre contredit une réponse quand il est
console-setting-margin-value = { $margin }{"\u00A0"}% moins bon que la médiane des pairs
console-setting-potential = Objectif de potentiel de chiffre d’affaires
console-setting-currency = Devise
console-setting-currency-value = { $code } ({ $symbol }), dans laquelle les montants sont conservés et comparés
console-setting-currency-other = {"\u00A0"}; { $code } ({ $symbol }) à { $rate } { $reference } l’unité, au cours du { $date }
console-setting-held = Mise en attente de vérification quand
console-setting-held-value = rempli en moins de { $seconds } secondes{"\u00A0"}; { $share }{"\u00A0"}% d’au moins { $items } réponses d’évaluation sur la même position{"\u00A0"}; { $duplicate }{"\u00A0"}% des réponses identiques à une autre réponse de la même adresse en moins de { $hours } heures
console-setting-minutes = Minutes pour répondre, comme l’indique la page d’accueil
