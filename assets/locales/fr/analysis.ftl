# The report's words (analysis): see src/domain/phrases.rs.
#
# Français. L’analyse détaillée (analysis-…), « Vos chiffres » (numbers-…) et
# les paragraphes sur la vélocité commerciale de la synthèse (velocity-…). Les
# chiffres arrivent déjà écrits à la française (« 61 % », « 25 000 € ») ; un
# `$count` est le nombre brut derrière un chiffre, pour le singulier ou le pluriel.

## Chiffres

analysis-days = { $count ->
    [one] { $days } jour
   *[other] { $days } jours
    }

analysis-list-and = {" "}et{" "}

## Analyse détaillée

analysis-you-answered = Votre réponse : { $answer }

analysis-figure-mine = { $number ->
    [opportunities] Vous travaillez { $yours } opportunités qualifiées par trimestre
    [deal-value] La valeur moyenne de vos affaires est de { $yours }
    [stated-win-rate] Vous avez indiqué un taux de transformation de { $yours }
    [counted-win-rate] Vos affaires décidées donnent un taux de transformation de { $yours }
    [sales-cycle] Votre cycle de vente est de { $yours }
    [quota] Votre taux d’atteinte des objectifs est de { $yours }
   *[other] Votre chiffre est de { $yours }
    }

analysis-figure-against-median = { $mine }, { $against ->
    [same] exactement au niveau de
    [much-longer] nettement plus long que
    [much-shorter] nettement plus court que
    [well-above] nettement au-dessus de
    [well-below] nettement en dessous de
   *[close] proche de
    } la médiane de votre groupe de pairs ({ $group }) : { $median }.

analysis-figure-no-median = { $mine } ; { $no-median }.

analysis-no-median-few = il n’y a pas de médiane du groupe de pairs, car moins de { $minimum } entreprises ont indiqué ce chiffre
analysis-no-median-yet = il n’y a pas encore de médiane du groupe de pairs

analysis-figure-line = { $which ->
    [stated-win-rate] Votre taux de transformation déclaré
   *[figure] Votre chiffre
    } : { $yours } ; médiane de votre groupe de pairs ({ $group }) : { $median }.
analysis-figure-line-no-median = { $which ->
    [stated-win-rate] Votre taux de transformation déclaré
   *[figure] Votre chiffre
    } : { $yours } ; { $no-median }.

analysis-deals-won = Sur { $decided } { $count ->
    [one] affaire décidée
   *[other] affaires décidées
    }, vous en avez gagné { $won }.
analysis-few-deals = Sur { $decided } { $count ->
    [one] affaire décidée
   *[other] affaires décidées
    }, vous en avez gagné { $won } : c’est trop peu pour en tirer un taux de transformation, qui demande au moins { $minimum } affaires décidées.

analysis-win-rate-face = { $yours }, { $against ->
    [level] au même niveau que les { $median } de vos pairs
    [close] proche des { $median } de vos pairs
    [above] nettement au-dessus des { $median } de vos pairs
   *[below] nettement en dessous des { $median } de vos pairs
    }

analysis-win-rates-two-groups = Vos { $decided } affaires décidées donnent un taux de transformation en nombre de { $by-count } ({ $count-group }), et en valeur de { $by-value } ({ $value-group }).
analysis-win-rates-one-group = Vos { $decided } affaires décidées donnent un taux de transformation en nombre de { $by-count } et en valeur de { $by-value } (groupe de pairs : { $group }).
analysis-win-rate-by-count = Vos { $decided } affaires décidées donnent un taux de transformation en nombre de { $by-count } (groupe de pairs : { $group }).
analysis-win-rates-no-median = Vos { $decided } affaires décidées donnent { $by-count } en nombre et { $by-value } en valeur ; { $no-median }.
analysis-win-rate-by-count-no-median = Vos { $decided } affaires décidées donnent { $by-count } en nombre ; { $no-median }.

analysis-strength-questioned = Prise isolément, la réponse « { $answer } » serait ici une force. Mais face à { $elsewhere ->
    [several] ce que vous avez répondu ailleurs
   *[one] une autre de vos réponses
    }, sous « { $title } », c’est d’abord une question à trancher, pas une force à préserver.

analysis-tension-link = { $also ->
    [yes] Elle contredit aussi { $count ->
        [one] votre réponse
       *[other] vos réponses
        }
   *[no] Cette réponse contredit { $count ->
        [one] votre réponse
       *[other] vos réponses
        }
    } à { $questions } : voir { $title } sous « { words-tensions } ».

## Vos chiffres

numbers-qualified-opportunities = Opportunités qualifiées par trimestre
numbers-average-deal-value = Valeur moyenne des affaires
numbers-win-rate = Taux de transformation
numbers-sales-cycle = Cycle de vente
numbers-quota-attainment = Taux d’atteinte des objectifs
numbers-velocity-per-day = Vélocité commerciale par jour
numbers-unit-win-rate = Taux de transformation en nombre
numbers-value-win-rate = Taux de transformation en valeur

numbers-no-peer-group-yet = pas encore de groupe de pairs
numbers-few-peers = indiqué par moins de { $minimum } entreprises

numbers-velocity = Votre vélocité commerciale est de { $per-day } de chiffre d’affaires par jour ; la section « Vélocité commerciale » de la synthèse pour la direction montre ce que dix pour cent de mieux sur chaque facteur en feraient.
numbers-velocity-not-shown = Votre vélocité commerciale n’est pas indiquée ; la section « Vélocité commerciale » de la synthèse pour la direction explique pourquoi, et ce qui permettra de la calculer la prochaine fois.
numbers-groups-differ = Chaque médiane ci-dessous vient du groupe de pairs le plus restreint dans lequel au moins { $minimum } réponses donnent ce chiffre : le groupe peut donc changer d’une ligne à l’autre.

numbers-why-not-a-rate = La section « Vélocité commerciale » de la synthèse pour la direction explique pourquoi ce chiffre n’est pas lu comme un taux de transformation.
numbers-win-rates = En nombre, vous gagnez { $by-count } des affaires décidées ; en valeur, { $by-value }.
numbers-smaller-deals-won-more = Vous gagnez les petites affaires plus souvent que les grosses.
numbers-larger-deals-won-more = Vous gagnez les grosses affaires plus souvent que les petites.
numbers-win-rate-no-value = En nombre, vous gagnez { $by-count } des affaires décidées. Il n’y a pas de taux de transformation en valeur, car la valeur gagnée ou la valeur perdue n’a pas été renseignée.
numbers-no-deal-decided = Vos affaires ne donnent pas de taux de transformation : aucune n’a encore été gagnée ni perdue.
numbers-no-win-rate-blank = Vos affaires ne donnent pas de taux de transformation, car { $blank ->
    [won] le nombre d’affaires gagnées n’a pas été renseigné
    [lost] le nombre d’affaires perdues n’a pas été renseigné
   *[both] ni le nombre d’affaires gagnées ni celui des affaires perdues n’ont été renseignés
    }.

numbers-open-deals = { $count ->
    [one] { $open } affaire est encore en cours.
   *[other] { $open } affaires sont encore en cours.
    }
numbers-open-deals-worth = { $count ->
    [one] { $open } affaire d’une valeur de { $worth } est encore en cours.
   *[other] { $open } affaires d’une valeur de { $worth } sont encore en cours.
    }
numbers-open-left-out = { $rates ->
    [two] { $count ->
        [one] Aucun des deux taux ne la compte
       *[other] Aucun des deux taux ne les compte
        }
    [one] { $count ->
        [one] Le taux de transformation ne la compte pas
       *[other] Le taux de transformation ne les compte pas
        }
   *[none] { $count ->
        [one] Elle n’est pas comptée comme décidée
       *[other] Elles ne sont pas comptées comme décidées
        }
    } : { $count ->
    [one] elle peut encore être gagnée, ou être une perte pas encore enregistrée.
   *[other] certaines seront gagnées, d’autres sont des pertes pas encore enregistrées.
    }
numbers-open-value = Des affaires d’une valeur de { $worth } sont encore en cours, { $rates ->
    [two] hors des deux taux
    [one] hors du taux de transformation
   *[none] sans être comptées comme décidées
    }.

numbers-stated-rate-used = Vous avez indiqué un taux de transformation de { $stated }, et le rapport utilise ce chiffre.
numbers-stated-and-counted = Vous avez indiqué un taux de transformation de { $stated } ; vos { $decided } affaires décidées donnent { $by-count } en nombre et { $by-value } en valeur.
numbers-stated-and-counted-by-count = Vous avez indiqué un taux de transformation de { $stated } ; vos { $decided } affaires décidées donnent { $by-count }.
numbers-rates-agree = Les deux concordent avec ce que vous avez indiqué, et le rapport utilise votre taux déclaré.
numbers-value-matches = En valeur, le taux calculé correspond à ce que vous avez indiqué ; en nombre, il est { $side ->
    [above] au-dessus
   *[below] en dessous
    }, car vous gagnez plus souvent les { $deals ->
    [smaller] petites
   *[larger] grosses
    } affaires. Le rapport utilise votre taux déclaré.
numbers-both-ran = Le dernier trimestre s’est situé { $side ->
    [above] au-dessus
   *[below] en dessous
    } du taux que vous avez indiqué, en nombre comme en valeur. Le rapport utilise votre taux déclaré ; si le prochain trimestre se situe lui aussi { $side ->
    [above] au-dessus
   *[below] en dessous
    }, utilisez plutôt le taux calculé.
numbers-count-and-value-ran = En nombre, le dernier trimestre s’est situé { $count-side ->
    [above] au-dessus
   *[below] en dessous
    } du taux que vous avez indiqué, en valeur { $value-side ->
    [above] au-dessus
   *[below] en dessous
    } : { $deals ->
    [smaller] vous avez gagné plus de petites affaires et moins de grosses
   *[larger] vous avez gagné moins de petites affaires et plus de grosses
    }. Le rapport utilise votre taux déclaré.
numbers-count-ran = Le dernier trimestre s’est situé { $side ->
    [above] au-dessus
   *[below] en dessous
    } du taux que vous avez indiqué. Le rapport utilise votre taux déclaré ; si le prochain trimestre se situe lui aussi { $side ->
    [above] au-dessus
   *[below] en dessous
    }, utilisez plutôt le taux calculé.

## Vélocité commerciale (synthèse)

velocity-yours = Vos chiffres placent votre vélocité commerciale à { $per-day } de chiffre d’affaires par jour : { $opportunities } opportunités qualifiées d’une valeur moyenne de { $deal-value }, un taux de transformation de { $win-rate } et un cycle de vente de { $cycle-days ->
    [one] { $cycle } jour
   *[other] { $cycle } jours
    }.
velocity-peer-median = Selon le même calcul, la médiane de votre groupe de pairs ({ $group }) est de { $median } par jour.
velocity-what-if = Les quatre facteurs se multiplient. Dix pour cent d’opportunités en plus, des affaires dix pour cent plus grosses, un taux de transformation dix pour cent plus élevé et un cycle dix pour cent plus court vous porteraient à { $what-if } par jour : { $gain } de plus chaque jour, soit une hausse de { $uplift }, comme si l’équipe commerciale avait grandi de moitié sans un seul recrutement.
velocity-pointer-all = Les quatre sous-indices ci-dessus montrent par quel levier commencer.
velocity-pointer-one = Le seul sous-indice chiffré ci-dessus montre par où commencer.
velocity-pointer-some = Les sous-indices chiffrés ci-dessus montrent par quel levier commencer.

velocity-not-shown-no-numbers = Votre propre vélocité n’est pas indiquée, car les chiffres de l’entreprise n’ont pas été renseignés : renseignez-les lors de votre prochaine évaluation, et le rapport la calculera.
velocity-not-shown = Votre propre vélocité n’est pas indiquée, car { $reason } : { $next }.
velocity-factor = { $factor ->
    [opportunities] les opportunités qualifiées
    [deal-value] la valeur moyenne des affaires
    [win-rate] un taux de transformation
   *[sales-cycle] le cycle de vente
    }
# Après « car ».
velocity-left-blank = { $count ->
   *[other] il manque { $list }
    }
velocity-too-few-decided = { $count ->
    [one] { $decided } affaire décidée ne suffit pas
   *[other] vos { $decided } affaires décidées ne suffisent pas
    } pour en tirer un taux de transformation, qui demande au moins { $minimum } affaires décidées
velocity-reason-both = { $blank }, et { $few }
velocity-reason-zero-cycle = le cycle de vente a été indiqué à 0 jour
velocity-next-time = { $case ->
    [cycle] indiquez la durée du cycle de vente en jours lors de votre prochaine évaluation
    [rate-or-longer] indiquez votre taux de transformation, ou comptez vos affaires décidées sur une période plus longue, lors de votre prochaine évaluation
    [it] complétez cette donnée lors de votre prochaine évaluation
    [them] complétez ces données lors de votre prochaine évaluation
    [it-and-rate] complétez cette donnée et indiquez votre taux de transformation lors de votre prochaine évaluation
   *[them-and-rate] complétez ces données et indiquez votre taux de transformation lors de votre prochaine évaluation
    }

# Which rate and day converted her amounts (English writes it in `Currency::rate_sentence`).
numbers-currency-note = Les montants sont en { $name } ({ $code }). Les chiffres des pairs sont tenus en { $reference_name } ({ $reference_code }) et convertis ici au taux du { $date }{"\u00A0"}: 1 { $code } = { $rate } { $reference_code }.
