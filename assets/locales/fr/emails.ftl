# The emails a respondent asks for, in the language of their report (see src/domain/phrases.rs).
email-report-link-subject = Votre rapport { $study }
email-report-link-intro = Comme vous l’avez demandé, voici le lien vers votre rapport { $study }{"\u00A0"}:
email-report-link-outro = Gardez-le pour vous{"\u00A0"}: toute personne qui a le lien peut lire votre rapport. Le PDF est à un clic, sur la page.
email-reminder-subject = Le moment de refaire l’évaluation{"\u00A0"}: { $study }
email-reminder-intro = Vous avez demandé un rappel{"\u00A0"}: il est temps d’évaluer de nouveau votre organisation commerciale et de voir ce qui a changé depuis le { $earlier_on }.
email-reminder-start = Partez de vos réponses précédentes et modifiez ce qui a changé{"\u00A0"}:
email-reminder-outro = Votre nouveau rapport montre l’évolution de chaque indice et de chaque réponse que vous avez modifiée.
email-team-ready-subject = Votre rapport d’équipe est prêt
email-team-ready-intro = { $ready_at } collègues ont maintenant répondu{"\u00A0"}: votre rapport d’équipe montre les chiffres de l’équipe et, là où assez de personnes ont répondu dans chaque rôle, l’écart entre dirigeants, managers et commerciaux{"\u00A0"}:
email-team-ready-outro = Plus vos collègues sont nombreux, plus les chiffres sont solides{"\u00A0"}: continuez à faire suivre l’invitation.
