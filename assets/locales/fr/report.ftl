# The report's words (report): see src/domain/phrases.rs.
# Titres, libellés et phrases de la synthèse, en français. Les chiffres
# arrivent déjà écrits à la française (« 61 % », « 25 000 € »).

## Titres et libellés
words-title = Votre rapport de benchmark
words-title-company = { $company } : votre rapport de benchmark
words-meta = Réponses envoyées le { $date }.
words-meta-respondent = Préparé pour { $respondent }. Réponses envoyées le { $date }.
words-summary = Vue d’ensemble
words-your-company = Votre entreprise
words-you = Vous
words-you-respondent = Vous : { $respondent }
words-category = Catégorie
words-peer-group = Groupe de pairs
words-sub-indices = Sous-indices
words-not-enough-answers = Réponses insuffisantes
words-no-score = n. d.
words-no-score-bar = réponses insuffisantes
words-executive-summary = Synthèse pour la direction
words-sales-velocity = Vélocité commerciale
words-tensions = Là où vos réponses divergent
words-actions = Vos premières actions : conserver, changer, arrêter
words-detailed-analysis = Analyse détaillée
words-band-legend = La barre à côté de chaque réponse indique son niveau :
words-band-strong = fort
words-band-middling = moyen
words-band-weak = faible
words-personal-report = Rapport personnel
words-your-numbers = Vos chiffres
words-figure = Indicateur
words-yours = Votre valeur
words-peer-median = Médiane du groupe de pairs
words-not-available = non disponible
words-since-last-time = Depuis la dernière évaluation
words-column-index = Indice
words-column-number = Indicateur
words-column-last-time = La dernière fois
words-column-now = Aujourd’hui
words-column-change = Évolution
words-trend = L’indice de votre entreprise dans le temps
words-answers-changed = Les réponses que vous avez modifiées
words-new-this-time = Nouveau dans cette évaluation
words-note-higher-than = « Au-dessus de 70 % » signifie que 70 % de votre groupe de pairs ont obtenu un score égal ou inférieur au vôtre.
words-note-median-tick = Le trait foncé sur chaque barre et chaque jauge marque la médiane du groupe de pairs.

## Les indices et les verdicts
index-company = Indice entreprise
index-personal = Indice personnel
verdict-keep = CONSERVER
verdict-change = CHANGER
verdict-stop = ARRÊTER

## La position d’un indice face aux pairs
summary-relative-top = en tête du groupe
summary-relative-top-long = en tête de votre groupe de pairs
summary-relative-lowest = dernier rang du groupe
summary-relative-lowest-long = au dernier rang de votre groupe de pairs
summary-relative-bottom-tenth = dernier dixième du groupe
summary-relative-bottom-tenth-long = dans le dernier dixième de votre groupe de pairs
summary-relative-bottom-quarter = dernier quart du groupe
summary-relative-bottom-quarter-long = dans le dernier quart de votre groupe de pairs
summary-relative-higher = au-dessus de { $percent }
summary-relative-higher-long = au-dessus de { $percent } de votre groupe de pairs
summary-standing-in-group = { $standing } ({ $group })
summary-group =
    { $n ->
        [one] { $dimensions }, { $count } réponse
       *[other] { $dimensions }, { $count } réponses
    }
summary-all-respondents = tous les répondants
summary-unranked-no-score = non comparé, faute de score
summary-unranked-no-score-short = Non comparé
summary-unranked-few-peers = non comparé, car moins de { $minimum } pairs ont un score pour cet indice
summary-unranked-few-peers-short = Non comparé
summary-unranked-no-group = pas encore comparé, car il n’y a pas encore de groupe de pairs
summary-unranked-no-group-short = Pas encore comparé
summary-median-line = Médiane des pairs : { $median }
summary-median-line-tick = Médiane des pairs : { $median } (le trait foncé)

## Les sous-indices dans la synthèse pour la direction
summary-sub-index-heading = { $name } : { $score }
summary-index-no-score = réponses insuffisantes
summary-against-peers = Face aux pairs : { $standing }.
summary-against-peers-median = Face aux pairs : { $standing } ; la médiane du groupe est de { $median }.
summary-potential-line = Potentiel de hausse du chiffre d’affaires : { $level }.
summary-potential-line-reason = Potentiel de hausse du chiffre d’affaires : { $level }, { $reason }.
summary-potential-reason =
    { $points ->
        [0] au niveau ou au-dessus
        [one] 1 point en dessous
       *[other] { $gap } points en dessous
    } { $benchmark ->
        [peer] des 10 % les meilleurs de votre groupe de pairs, qui commencent à { $percent }
        [target] de l’objectif de l’étude, fixé à { $percent }
       *[scale] du haut de l’échelle
    }
summary-not-scored = Pas de score : les questions auxquelles vous avez répondu représentent { $coverage } du poids du sous-indice « { $name } », et un score en demande { $needed }.
summary-unknown-behind =
    Votre score « { $name } » repose sur les réponses que vous avez données, { $unknown ->
        [one] pas sur celle de ses { $questions } questions à laquelle vous avez répondu « Je ne sais pas ».
       *[other] pas sur les { $unknown } de ses { $questions } questions auxquelles vous avez répondu « Je ne sais pas ».
    }

## Les phrases d’ouverture
summary-overall =
    D’après vos réponses, l’indice de votre entreprise est de { $score }, dans la catégorie « { $category } »{ $compared ->
        [ranked]  : { $standing }
        [unranked] . Face aux pairs : { $standing }
       *[none] {""}
    }.
summary-overall-company =
    D’après vos réponses, { $company } a un indice entreprise de { $score }, dans la catégorie « { $category } »{ $compared ->
        [ranked]  : { $standing }
        [unranked] . Face aux pairs : { $standing }
       *[none] {""}
    }.
summary-overall-median = La médiane du groupe de pairs est de { $median }.
summary-overall-missing = Vos réponses ne suffisent pas pour calculer l’indice de votre entreprise ni aucun de ses sous-indices. Lors de votre prochaine évaluation, répondez aux questions que vous avez passées ou dont vous ne connaissiez pas la réponse, au besoin avec un collègue qui les maîtrise.
summary-overall-missing-sub-indices = Vos réponses ne suffisent pas pour calculer l’indice de votre entreprise, qui exige les quatre sous-indices. Lors de votre prochaine évaluation, répondez aux questions que vous avez passées ou dont vous ne connaissiez pas la réponse, au besoin avec un collègue qui les maîtrise.
# $initial ne sert qu’en anglais (an/a) : une seule forme ici.
summary-personal-opening =
    { $initial ->
       *[other] Votre indice personnel est de { $score }, ce qui vous place dans la catégorie « { $category } ».
    }
summary-personal-against = Face aux pairs : { $standing }.
summary-personal-against-median = Face aux pairs : { $standing } ; la médiane est de { $median }.
summary-personal-missing = Vos réponses sur votre propre pratique ne suffisent pas pour calculer votre indice personnel. Vous en aurez un lors d’une prochaine évaluation, si vous répondez à davantage de ces questions.
summary-peer-group = Votre groupe de pairs : { $group }, au { $date }. Chaque chiffre indique le nombre de réponses sur lequel il repose.
summary-no-peer-group = Pas encore de groupe de pairs : l’étude comptait moins de { $minimum } réponses le { $date }. La performance relative n’est donc pas affichée.

## Ce qui a été répondu
summary-coverage =
    Vous avez répondu { $all ->
        [yes] aux { $total } questions notées
       *[no] à { $answered } des { $total } questions notées
    }{ $unknown ->
        [0] {""}
        [one] {" "}et choisi « Je ne sais pas » une fois
       *[other] {" "}et choisi « Je ne sais pas » { $unknown } fois
    }.
summary-coverage-dont-know = Un « Je ne sais pas » ne compte ni pour ni contre vous : il est exclu de tous les scores, qui reposent donc uniquement sur les réponses que vous avez données.

## Actions et divergences
summary-action-answered = Vous avez répondu « { $answer } » à : { $question }
summary-tension-in-action = Ce que cela signifie en général, et ce qu’il faut faire, figure dans vos premières actions : { $verdict } { $headline }.
summary-entry-in-action = L’une de vos premières actions : { $verdict } { $headline }. La synthèse pour la direction explique ce qu’il faut faire.
summary-answered-first = Vous avez répondu « { $answer } » à { $question }
summary-answered-next = , « { $answer } » à { $question }
summary-answered-last = {" "}et « { $answer } » à { $question }
summary-see-tension = Voir { $title }.
summary-not-yet-a-strength = Cette réponse n’est pas encore un point fort.
