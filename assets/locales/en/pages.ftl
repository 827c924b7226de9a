# The respondent's pages around the questionnaire's own words: the landing
# page, every questionnaire page and the frame around them.

## Frame of every page
skip-to-content = Skip to content
footer = Dealbench: a sales benchmark study. Your answers stay on this server.
language-switch = Language

## Landing page
landing-minutes = About { $minutes } minutes
landing-pages = { $pages } short pages; your answers are saved on every page.
landing-resume = Leave and come back
landing-resume-detail = You get a private link to resume on any device.
landing-report = Your report, at once
landing-report-detail = Scores, peer comparison and five actions, on screen and as a PDF.
landing-asked = What you will be asked
landing-privacy = What happens to your answers
landing-start = Start the questionnaire

## A questionnaire page
page-title = { $section } ({ $page } of { $pages })
page-title-one-error = Error: one answer needs attention: { $section } ({ $page } of { $pages })
page-title-errors = Error: { $count } answers need attention: { $section } ({ $page } of { $pages })
page-progress = Page { $page } of { $pages }: { $part }
page-errors =
    { $count ->
        [one] One answer needs your attention
       *[other] { $count } answers need your attention
    }
page-numbers-check = Check how your numbers were read
page-numbers-check-detail = Each number below shows how it was read. If one is not what you meant, correct it; otherwise continue.
page-required = (required)
page-error = Error:
page-team-answer = your team's answer, the same for every colleague so that you are all compared with the same peer group.
page-amount-in = { $question } (in { $currency })
page-read-as = Read as { $value }
page-submit = Submit and see my report
page-next = Save and continue
page-back = Back
page-come-back = Come back later
page-come-back-detail = Your answers are saved each time you move to another page. To continue on any device, keep this private link:

## What is wrong with an answer, next to its field
error-not-an-option = choose one of the answers offered
error-not-a-number = enter a number, such as 25000, 25,000 or 25k
error-not-an-integer = enter a whole number
error-out-of-range = enter a number from { $min } to { $max } { $unit }
error-not-text = enter plain text
error-too-long = keep this to { $max } characters or fewer
error-not-an-email = enter an email address such as name@example.com
error-other-currency-named = “{ $typed }” is in { $typed_in }, but your numbers are in { $named }: enter the amount in { $currency }, or choose { $typed_in } as the currency of your numbers
error-other-currency = “{ $typed }” is in another currency: your numbers are in { $named }, so enter the amount in { $currency }
error-missing = please answer this question
error-not-an-object = the answers must be a JSON object of question ids and answers
error-unknown-item = this questionnaire has no such question
error-unknown-option = that is not one of the answers offered (choose one of: { $offered })

## The report page
report-title-company = { $company }: your Dealbench report
report-title = Your Dealbench report
report-download-pdf = Download PDF
report-languages = Read this report in
# An operator's preview of a report (the console's preview, in the report's language).
report-preview-label = Preview.
report-preview-note = This is the report a respondent would get against { $questionnaire } version { $version }. Nothing is stored, and { $peers ->
        [live] the peer figures are the live ones, read only.
       *[none] it has no peer group.
    }
report-preview-back = Back to the questionnaire
report-preview-title = Preview: { $title }
report-next-steps = Next steps
report-assess-again = Assess again
report-assess-again-detail = : answer again in six or twelve months, starting from these answers, and see what moved.
report-email-me = Email me
report-email-me-detail = {" "}the link to this report, or a reminder to assess again in 6 or 12 months.
report-team-member = You answered as part of a colleague's team. The team report's link is with the colleague who invited you: ask them for it. Your own report stays here, and you can assess again whenever you like.
report-team-assessment = Team assessment
report-team-assessment-detail = : invite colleagues and see where leaders, managers and reps see your sales organisation differently.
back-to-report = Back to your report

## The email page of a report
email-page-title = Email
email-page-done = Done.
email-page-queued-link = The link to your report is on its way.
email-page-queued-reminder = You will get a reminder to assess again.
email-page-link-heading = Send me the link to my report
email-page-send-to = Send it to
# Followed by a hint of the address, such as (j•••@e•••.com).
email-page-to-given = The address I gave with my answers
email-page-to-typed = Another address, below
email-page-another-address = Another address
email-page-your-address = Your email
email-page-link-submit = Email me the link
email-page-reminder-heading = Remind me to assess again
email-page-in-six-months = In 6 months
email-page-in-twelve-months = In 12 months
email-page-reminder-submit = Remind me
email-page-privacy = Your address is used for the email you ask for and deleted once it is sent. It is never shown to anyone else or exported; this page, which anyone with your report link can open, shows only a hint of the address you gave.
email-page-error-no-address-given = You gave no email address with your answers: please type one.
email-page-error-not-an-address = Please enter a valid email address, like name@example.com.
email-page-error-report-bound = This report has asked for { $count } emails in the last hour, the most it may.
email-page-error-client-bound = { $count } emails have been asked for from your network in the last hour, the most it may.
email-page-error-total-bound = The study has sent as many emails in the last hour as it may.
# $why: one of the three above; $at: a time of day such as 14:05.
email-page-error-try-again =
    { $why } Nothing was sent. Please try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }, after { $at } UTC; your choice is kept below.

## Assessing again from a report
again-title = Assess again
again-lead = Answer the questionnaire again to see what has moved since { $date }. It starts from your earlier answers: change what is different now and keep the rest.
again-detail = Your new report shows the change in every index and in each answer you changed, compared like for like: questions added since are named as new and left out of the change.
again-start = Start again from my answers

## A team's invitation, as a colleague opens it
invitation-title = Join your team's assessment
invitation-heading = Join your team's sales benchmark
invitation-lead = A colleague has invited you to benchmark your sales organisation together. It takes about { $minutes } minutes, and you get your own report at once.
invitation-profile = Your company's profile is filled in from your colleague's answers; you answer about the company's sales practice and your own.
invitation-figures = Your colleague sees team figures only, rounded so that no one's answers can be worked out from them: never your answers, never a role with fewer than { $minimum } people.
invitation-own-report = Your own report is at a private link only you receive.
invitation-show-name = Show my name in the team report's list of who took part: the name you give on the first page, never next to any figure.

## A report's team page: the offer to start a team, or its links
team-page-title = Your team assessment
team-page-set-up = Your team is set up. Send the invitation link to colleagues in sales: leaders, managers and reps. Each answers for themselves and gets their own report; you see the team's figures.
team-page-invitation = Invitation for your colleagues
team-page-invitation-note = Anyone with this link can join your team. Your colleagues answer about the company and themselves; the company profile is taken from your answers.
team-page-report = Your team report
team-page-report-note = Keep this link to yourself, or share it with the people who should see the team's figures. It shows team figures only, never one person's answers, and a role's figures only once at least { $minimum } people in that role have answered.
team-page-notify-heading = Tell me when it is ready
team-page-notify-queued = You will get one email once { $count } colleagues have answered.
team-page-notify-note = Used for this one email and then deleted.
team-page-notify-submit = Email me when { $count } colleagues have answered
team-page-in-another-team = Your response is part of a colleague's team already. Ask whoever sent you the invitation for the team report.
team-page-offer = Invite colleagues to answer too, and see where leaders, managers and reps agree about your sales organisation and where they see it differently.
team-page-offer-links = You get a private invitation link to pass on, and a private team report link for yourself.
team-page-offer-own-reports = Colleagues answer about the company and themselves, and each gets their own report.
team-page-offer-figures = The team report shows the team's figures and the gap between roles: never one person's answers, never a role with fewer than { $minimum } people, never a name unless its owner chose to show it.
team-page-start = Start a team assessment
team-page-not-offered = This study does not offer team assessments.

## Confirming a team's next wave
wave-confirm-title = Run the team again as wave { $next }?
wave-confirm-lead = Colleagues who answer from now on count in wave { $next }, through the same invitation link. The team report keeps showing wave { $wave }'s figures until { $minimum } people have answered wave { $next }; after that it shows wave { $next } and compares it with wave { $wave }.
wave-confirm-closed = Wave { $wave } cannot be reopened: run a new wave when the team is ready to answer again, usually six or twelve months after the last.
wave-confirm-start = Start wave { $next }
wave-confirm-keep = Keep wave { $wave }

## Error pages: a title, what went wrong and what to do
error-title-not-found = Not found
error-title-form-expired = Form expired
error-title-went-wrong = Something went wrong
error-title-wait = Please wait
error-title-later = Please try again later
error-title-did-not-work = That did not work
error-go-to-start = Go to the start page
error-go-to-console = Go to the console
error-page-not-found = This page does not exist. Check the link you were given.
error-page-form-expired = This form has expired or did not come from this site. Go back, reload the page and try again: your saved answers are kept.
error-page-in-another-team = Your response is part of a colleague's team already. Ask them for the team report.
error-page-answers-do-not-fit = The answers do not fit the questionnaire.
error-page-choose-what-to-send = Choose what to send: the link to your report, or a reminder to assess again.
error-page-choose-reminder-months = Choose a reminder in 6 or 12 months.
# A form whose fields could not be read (in English, the reason itself).
error-page-bad-request = The form could not be read. Go back, reload the page and try again: your saved answers are kept.
error-page-too-large = That request is too large.
error-page-too-many =
    Too many questionnaires have come from your network in the last hour. Your answers are saved: use your resume link to submit again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
error-page-method-not-allowed = This page cannot be used that way.
error-page-timeout = The form took too long to arrive. Check your connection and send it again.
error-page-headers-too-large = The request's headers are too large: at most 16 KB in all and 8 KB a line are accepted. Clear this site's cookies and try again.
error-page-uri-too-long = The address of the request is too long: at most 8 KB is accepted.
error-page-disk-full = The server is out of disk space; your answers were not saved, try again later.
error-page-read-only = The server cannot save anything at the moment; your answers were not saved, try again later.
error-page-damaged = The server cannot save anything at the moment: its database file is damaged, and the operators have been told. Your answers were not saved; please try again later.
error-page-loading = The server has just started and is still loading the study's responses; your answers were not saved yet, try again in a few seconds.
error-page-database-down = The server cannot reach its database at the moment; nothing was saved, try again in a minute.
# Any other reason the server cannot serve now (in English, the reason itself).
error-page-unavailable = The server is busy at the moment. Please try again in a minute.
error-page-pdf-busy = Many reports are being prepared as PDF at this moment. Please try again in a few seconds.
error-page-internal = Something went wrong on our side. Your saved answers are safe; please try again in a moment.
