# The emails a respondent asks for, in the language of their report (see src/domain/phrases.rs).
email-report-link-subject = Your { $study } report
email-report-link-intro = Here is the link to your { $study } report, as you asked:
email-report-link-outro = Keep it to yourself: anyone with the link can read your report. The PDF is one click away on the page.
email-reminder-subject = Time to assess again: { $study }
email-reminder-intro = You asked to be reminded: it is time to assess your sales organisation again and see what has moved since { $earlier_on }.
email-reminder-start = Start from your earlier answers and change what is different now:
email-reminder-outro = Your new report shows the change in every index and in each answer you changed.
email-team-ready-subject = Your team report is ready
email-team-ready-intro = { $ready_at } colleagues have now answered, so your team report shows the team's figures and, where enough people in each role answered, the gap between leaders, managers and reps:
email-team-ready-outro = More colleagues make the figures firmer: keep passing on the invitation.
