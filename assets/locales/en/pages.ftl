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

## The report page
report-title-company = { $company }: your Dealbench report
report-title = Your Dealbench report
report-download-pdf = Download PDF
report-languages = Read this report in
report-next-steps = Next steps
report-assess-again = Assess again
report-assess-again-detail = : answer again in six or twelve months, starting from these answers, and see what moved.
report-email-me = Email me
report-email-me-detail = {" "}the link to this report, or a reminder to assess again in 6 or 12 months.
report-team-member = You answered as part of a colleague's team. The team report's link is with the colleague who invited you: ask them for it. Your own report stays here, and you can assess again whenever you like.
report-team-assessment = Team assessment
report-team-assessment-detail = : invite colleagues and see where leaders, managers and reps see your sales organisation differently.
