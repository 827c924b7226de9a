# The report's words (waves): see src/domain/phrases.rs.
# "Since last time": what moved between an earlier assessment and this one.
# (A non-breaking space stands before : ; ? ! and inside « ».)

## The table of indices and numbers
waves-score-missing = pas assez de réponses
waves-not-comparable = non comparable
waves-not-given = non renseigné
waves-unchanged = inchangé
waves-points =
    { $direction ->
        [up] en hausse
       *[down] en baisse
    } de { $shown } { $points ->
        [one] point
       *[other] points
    }
waves-amount-up = en hausse de { $amount }
waves-amount-down = en baisse de { $amount }
waves-days =
    { $days ->
        [one] { $shown } jour
       *[other] { $shown } jours
    }
waves-days-longer =
    { $days ->
        [one] { $shown } jour de plus
       *[other] { $shown } jours de plus
    }
waves-days-shorter =
    { $days ->
        [one] { $shown } jour de moins
       *[other] { $shown } jours de moins
    }
waves-number =
    { $number ->
        [qualified-opportunities] Opportunités qualifiées
        [average-deal-value] Valeur moyenne d’une affaire
        [win-rate] Taux de transformation
        [sales-cycle] Cycle de vente
        [quota-attainment] Atteinte des objectifs
       *[sales-velocity] Vélocité commerciale par jour
    }
waves-number-in-sentence =
    { $number ->
        [qualified-opportunities] opportunités qualifiées
        [average-deal-value] valeur moyenne d’une affaire
        [win-rate] taux de transformation
        [sales-cycle] cycle de vente
        [quota-attainment] atteinte des objectifs
       *[sales-velocity] vélocité commerciale par jour
    }

## What was compared with what
waves-intro =
    Comparaison avec votre évaluation du { $date }, à périmètre constant : { $questions ->
        [one] { $questions } question posée
       *[other] { $questions } questions posées
    } les deux fois.
waves-intro-changed =
    Le questionnaire a changé entre-temps : { $new ->
        [0] aucune question n’est nouvelle
        [one] 1 nouvelle question reste hors de la comparaison
       *[other] { $new } nouvelles questions restent hors de la comparaison
    }, et { $retired ->
        [0] aucune des anciennes n’a été retirée
        [one] 1 ancienne question n’est plus posée
       *[other] { $retired } anciennes questions ne sont plus posées
    }.
waves-intro-recomputed = Les scores sont recalculés ici sur les seules questions communes. Ils peuvent donc différer légèrement de ceux de chacun des deux rapports.
waves-answer-changed = { $question } ({ $section }) : la dernière fois « { $before } » ; aujourd’hui « { $after } ».
waves-no-answer-changed = Vous avez donné les mêmes réponses que la dernière fois à toutes les questions posées les deux fois.

## What moved and why
waves-company-unchanged = votre indice entreprise est inchangé, à { $now }
waves-company-moved =
    votre indice entreprise est { $direction ->
        [up] en hausse
       *[down] en baisse
    } de { $shown } { $points ->
        [one] point
       *[other] points
    }, de { $before } à { $now }
waves-personal-unchanged = votre indice personnel est inchangé, à { $now }
waves-personal-moved =
    votre indice personnel est { $direction ->
        [up] en hausse
       *[down] en baisse
    } de { $shown } { $points ->
        [one] point
       *[other] points
    }, de { $before } à { $now }
waves-index-moved =
    { $index } { $direction ->
        [up] en hausse
       *[down] en baisse
    } de { $shown } { $points ->
        [one] point
       *[other] points
    }
waves-indices-unchanged = { $indices } sans changement
waves-company-and-subs = { $company } ({ $subs })
waves-clauses = { $first } ; { $second }
waves-answers-moved =
    { $count ->
        [1] Une réponse a changé
        [2] Deux réponses ont changé
        [3] Trois réponses ont changé
        [4] Quatre réponses ont changé
        [5] Cinq réponses ont changé
        [6] Six réponses ont changé
        [7] Sept réponses ont changé
        [8] Huit réponses ont changé
        [9] Neuf réponses ont changé
        [10] Dix réponses ont changé
       *[other] { $count } réponses ont changé
    }{ $direction ->
        [better]
            { $count ->
                [1] , dans le bon sens
               *[other] , toutes dans le bon sens
            }
        [worse]
            { $count ->
                [1] , dans le mauvais sens
               *[other] , toutes dans le mauvais sens
            }
       *[mixed] {""}
    } ; { $lead ->
        [largest] les plus grands mouvements viennent de
       *[other] il s’agit de
    } { $movers }.
waves-mover = « { $question } », désormais « { $after } » (la dernière fois « { $before } »), qui alimente { $indices }
waves-number-moved = { $number } de { $before } à { $after } ({ $change })
waves-numbers-moved = Vos chiffres ont bougé aussi : { $changes }.

## Lists
waves-and = { $rest } et { $last }
waves-list-next = { $rest } ; { $next }
waves-list-last = { $rest } ; et { $last }
