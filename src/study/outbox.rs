//! Optional email: the report link on request, "your team report is ready" to a
//! team's starter who asked for it, and a reminder to assess again months later.
//!
//! With no SMTP server configured nothing is sent and no page offers email. With
//! one, a page only queues a message (one row in `email_queue`) and returns; a
//! background thread sends what is due, as plain text and HTML rendered from
//! `templates/email/`, and retries a failed message with growing pauses. The
//! address is deleted once the message is sent or given up; it is never logged.
//!
//! Whoever holds a report link can ask for email, so asking is bounded, with the
//! same rule for every page that queues a message: [`PER_REPORT_PER_HOUR`] per
//! report, [`PER_ADDRESS_PER_HOUR`] per client address and a configurable number
//! in all ([`DEFAULT_PER_HOUR`]) within any hour; past a bound the page says when
//! to try again. The bounds are counted in the database, so that every server on
//! it counts the same requests. A message's content is fixed by its template:
//! links and dates the server makes, nothing a visitor typed.
//!
//! Several servers may share one database: each message is claimed by one
//! sender at a time (the claim puts it off for [`CLAIM`]), so it is sent once.
//!
//! The worker and the pages read the time from a [`Clock`], so that a test can
//! move it and see a reminder fall due or a bound's hour pass.

use std::collections::BTreeMap;
use std::sync::{Arc, Weak};
use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport};
use serde::Serialize;
use tera::{Context, Tera};
use time::OffsetDateTime;

use super::port::QueuedEmail;
use super::records::{EmailBounds, EmailKind};
use crate::domain::Questionnaire;
use crate::domain::language::Language;
use crate::domain::phrases::{self, Arg};
use crate::study::Study;

/// Attempts before a message is given up.
pub const MAX_ATTEMPTS: u32 = 8;
/// The pause after the first failed attempt; it doubles after each.
const FIRST_RETRY: Duration = Duration::from_secs(60);
/// The longest pause between attempts.
const LONGEST_RETRY: Duration = Duration::from_secs(6 * 3600);
/// The most messages sent per round.
const BATCH: usize = 50;
/// How long a claimed message is left to its sender before another may try it
/// (a sender that stopped mid-round): longer than a round of [`BATCH`] sends.
const CLAIM: Duration = Duration::from_secs(30 * 60);
/// Emails one report may ask for within an hour: a respondent asks for one or
/// two (their link, a reminder, a team notice).
pub const PER_REPORT_PER_HOUR: u32 = 3;
/// Emails one client address may ask for within an hour, over all reports: a
/// few colleagues behind one office address stay well within it.
pub const PER_ADDRESS_PER_HOUR: u32 = 10;
/// Emails all reports together may ask for within an hour, unless configured.
pub const DEFAULT_PER_HOUR: u32 = 200;
/// The window of every email bound.
pub const BOUND_WINDOW: Duration = Duration::from_secs(3600);

/// What can stop email from starting.
#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    #[error("the SMTP URL cannot be used: {0}")]
    Url(String),
    #[error("the sender address `{0}` is not an email address")]
    From(String),
    #[error("the email templates do not parse: {0}")]
    Templates(String),
}

/// The time, as the email worker and the pages that queue messages read it.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> OffsetDateTime + Send + Sync>);

impl Clock {
    /// The system's clock.
    pub fn system() -> Clock {
        Clock(Arc::new(OffsetDateTime::now_utc))
    }

    /// A clock that reads the time from `now` (for tests).
    pub fn from_fn(now: impl Fn() -> OffsetDateTime + Send + Sync + 'static) -> Clock {
        Clock(Arc::new(now))
    }

    pub fn now(&self) -> OffsetDateTime {
        (self.0)()
    }

    /// Now plus `ahead`, as stored (RFC 3339, UTC, milliseconds).
    pub fn timestamp_in(&self, ahead: Duration) -> String {
        let at = self.now() + ahead;
        let format = time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
        );
        at.format(&format)
            .unwrap_or_else(|_| at.unix_timestamp().to_string())
    }
}

impl Default for Clock {
    fn default() -> Clock {
        Clock::system()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clock")
    }
}

/// How email is configured.
#[derive(Debug, Clone)]
pub struct EmailSettings {
    /// `smtp://host:port`, `smtp://host?tls=required` or `smtps://user:pass@host`;
    /// none: no email.
    pub smtp_url: Option<String>,
    /// The sender.
    pub from: String,
    /// How often the worker looks for messages due.
    pub poll: Duration,
    pub clock: Clock,
    /// Emails all reports together may ask for within an hour (0: no bound but
    /// the per-report and per-address ones).
    pub per_hour: u32,
}

impl Default for EmailSettings {
    fn default() -> EmailSettings {
        EmailSettings {
            smtp_url: None,
            from: "Dealbench <dealbench@localhost>".into(),
            poll: Duration::from_secs(5),
            clock: Clock::system(),
            per_hour: DEFAULT_PER_HOUR,
        }
    }
}

/// What the pages know of email: whether it is offered, the time, and the
/// bounds on asking.
#[derive(Debug, Clone)]
pub struct Outbox {
    enabled: bool,
    clock: Clock,
    per_hour: u32,
}

impl Outbox {
    /// Email off: nothing is offered or sent.
    pub fn disabled() -> Outbox {
        Outbox {
            enabled: false,
            clock: Clock::system(),
            per_hour: DEFAULT_PER_HOUR,
        }
    }

    /// Starts the worker when an SMTP URL is configured.
    ///
    /// # Errors
    /// When the URL or sender cannot be used or the templates do not parse.
    pub fn start(study: &Arc<Study>, settings: &EmailSettings) -> Result<Outbox, EmailError> {
        let Some(url) = &settings.smtp_url else {
            return Ok(Outbox::disabled());
        };
        let transport = transport(url)?;
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|_| EmailError::From(settings.from.clone()))?;
        let templates = EmailTemplates::load()?;
        let worker = Worker {
            study: Arc::downgrade(study),
            transport,
            from,
            templates,
            clock: settings.clock.clone(),
        };
        let poll = settings.poll;
        super::run_in_background("email", move || worker.run(poll));
        Ok(Outbox {
            enabled: true,
            clock: settings.clock.clone(),
            per_hour: settings.per_hour,
        })
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// The bounds every request to queue an email is counted against.
    pub fn bounds(&self) -> EmailBounds {
        EmailBounds {
            per_report: PER_REPORT_PER_HOUR,
            per_client: PER_ADDRESS_PER_HOUR,
            total: self.per_hour,
            window: BOUND_WINDOW,
        }
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }
}

/// The SMTP transport for a URL: plain, STARTTLS (`?tls=required`) or TLS
/// (`smtps://`), with a timeout so that a silent server cannot hold the worker.
fn transport(url: &str) -> Result<SmtpTransport, EmailError> {
    Ok(SmtpTransport::from_url(url)
        .map_err(|e| EmailError::Url(e.to_string()))?
        .timeout(Some(Duration::from_secs(20)))
        .build())
}

const TEMPLATES: &[(&str, &str)] = &[
    (
        "report_link.subject.txt",
        include_str!("../../templates/email/report_link.subject.txt"),
    ),
    (
        "report_link.txt",
        include_str!("../../templates/email/report_link.txt"),
    ),
    (
        "report_link.html",
        include_str!("../../templates/email/report_link.html"),
    ),
    (
        "team_ready.subject.txt",
        include_str!("../../templates/email/team_ready.subject.txt"),
    ),
    (
        "team_ready.txt",
        include_str!("../../templates/email/team_ready.txt"),
    ),
    (
        "team_ready.html",
        include_str!("../../templates/email/team_ready.html"),
    ),
    (
        "reminder.subject.txt",
        include_str!("../../templates/email/reminder.subject.txt"),
    ),
    (
        "reminder.txt",
        include_str!("../../templates/email/reminder.txt"),
    ),
    (
        "reminder.html",
        include_str!("../../templates/email/reminder.html"),
    ),
];

/// The messages' templates: a subject, a plain-text and an HTML body per kind.
struct EmailTemplates {
    tera: Tera,
}

/// What a message's templates are given.
#[derive(Serialize)]
struct MessageView<'a> {
    /// The message's language (its code), from its facts.
    lang: &'static str,
    /// The message's facts: `link`, for a reminder `earlier_on`, and the
    /// `language` of the report it is about.
    facts: &'a serde_json::Value,
    /// The message's words in its language: `subject`, `intro`, `start`, `outro`.
    m: BTreeMap<&'static str, String>,
}

impl<'a> MessageView<'a> {
    /// The view of a message of `kind` with `facts`, about study `q` (its words
    /// in the language the facts name: the report's); a team's is ready at
    /// `ready_at` members.
    fn new(
        kind: EmailKind,
        q: &Questionnaire,
        facts: &'a serde_json::Value,
        ready_at: usize,
    ) -> MessageView<'a> {
        let language = facts
            .get("language")
            .and_then(serde_json::Value::as_str)
            .and_then(Language::from_code)
            .unwrap_or_default();
        let q = q.in_language(language);
        let earlier_on = facts
            .get("earlier_on")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default();
        let earlier_on = phrases::day(language, earlier_on);
        let args = [
            ("study", Arg::from(q.name.as_str())),
            ("earlier_on", Arg::from(earlier_on)),
            ("ready_at", Arg::from(ready_at)),
        ];
        let prefix = format!("email-{}", kind.key().replace('_', "-"));
        let m = ["subject", "intro", "start", "outro"]
            .into_iter()
            .filter_map(|part| {
                phrases::find(language, &format!("{prefix}-{part}"), &args).map(|t| (part, t))
            })
            .collect();
        MessageView {
            lang: language.code(),
            facts,
            m,
        }
    }
}

/// A rendered message.
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl EmailTemplates {
    fn load() -> Result<EmailTemplates, EmailError> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        tera.add_raw_templates(TEMPLATES.iter().copied())
            .map_err(|e| EmailError::Templates(e.to_string()))?;
        Ok(EmailTemplates { tera })
    }

    fn render(&self, kind: EmailKind, view: &MessageView<'_>) -> Result<Rendered, String> {
        let context = Context::from_serialize(view).map_err(|e| e.to_string())?;
        let render = |suffix: &str| {
            self.tera
                .render(&format!("{}.{suffix}", kind.key()), &context)
                .map_err(|e| format!("{e:?}"))
        };
        Ok(Rendered {
            subject: render("subject.txt")?.trim().to_string(),
            text: render("txt")?,
            html: render("html")?,
        })
    }
}

struct Worker {
    study: Weak<Study>,
    transport: SmtpTransport,
    from: Mailbox,
    templates: EmailTemplates,
    clock: Clock,
}

impl Worker {
    /// Sends what is due every `poll`, until the study is gone.
    async fn run(self, poll: Duration) {
        while let Some(study) = self.study.upgrade() {
            if let Err(e) = self.send_due(&study).await {
                tracing::error!(error = %e, "the email queue cannot be read");
            }
            drop(study);
            tokio::time::sleep(poll).await;
        }
    }

    async fn send_due(&self, study: &Study) -> Result<(), super::StoreError> {
        let q = &study.questionnaire;
        let ready_at = q.teams.as_ref().map_or(usize::MAX, |t| t.ready_at);
        let now = self.clock.timestamp_in(Duration::ZERO);
        let lease = self.clock.timestamp_in(CLAIM);
        let due = study
            .store
            .claim_due_emails(&now, &lease, ready_at, BATCH)
            .await?;
        for email in due {
            let view = MessageView::new(email.kind, q, &email.facts, ready_at);
            match self.send(&email, &view) {
                Ok(()) => {
                    tracing::info!(kind = email.kind.key(), "email sent");
                    study.store.forget_email(email.id).await?;
                }
                Err(cause) if email.attempts + 1 >= MAX_ATTEMPTS => {
                    tracing::error!(kind = email.kind.key(), %cause, "email given up");
                    study.store.forget_email(email.id).await?;
                }
                Err(cause) => {
                    let pause = FIRST_RETRY
                        .saturating_mul(1 << email.attempts.min(16))
                        .min(LONGEST_RETRY);
                    tracing::warn!(kind = email.kind.key(), %cause, seconds = pause.as_secs(), "email will be retried");
                    study
                        .store
                        .retry_email_at(email.id, &self.clock.timestamp_in(pause))
                        .await?;
                }
            }
        }
        Ok(())
    }

    /// Renders and sends one message; the error says why not (never the address).
    fn send(&self, email: &QueuedEmail, view: &MessageView<'_>) -> Result<(), String> {
        let rendered = self.templates.render(email.kind, view)?;
        let to: Mailbox = email
            .address
            .parse()
            .map_err(|_| "the address is not valid".to_string())?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(rendered.subject)
            .multipart(MultiPart::alternative_plain_html(
                rendered.text,
                rendered.html,
            ))
            .map_err(|e| format!("the message cannot be built: {e}"))?;
        self.transport
            .send(&message)
            .map(|_| ())
            .map_err(|e| format!("the SMTP server did not take it: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_starttls_and_tls_urls_are_accepted_and_others_refused() {
        for url in [
            "smtp://127.0.0.1:2525",
            "smtp://mail.example.com:587?tls=required",
            "smtps://user:secret@mail.example.com",
        ] {
            assert!(transport(url).is_ok(), "{url}");
        }
        for url in ["http://mail.example.com", "not a url"] {
            assert!(matches!(transport(url), Err(EmailError::Url(_))), "{url}");
        }
    }

    const KINDS: [EmailKind; 3] = [
        EmailKind::ReportLink,
        EmailKind::TeamReady,
        EmailKind::Reminder,
    ];

    #[test]
    fn every_message_renders_a_subject_text_and_html_in_every_language() {
        let templates = EmailTemplates::load().expect("templates");
        let q = crate::domain::testing::study();
        for language in Language::ALL {
            let facts = serde_json::json!({
                "link": "http://x/r/1",
                "earlier_on": "2026-01-01",
                "language": language.code(),
            });
            for kind in KINDS {
                let view = MessageView::new(kind, &q, &facts, 5);
                let m = templates.render(kind, &view).expect("render");
                assert!(!m.subject.is_empty() && !m.subject.contains('\n'));
                assert!(m.text.contains("http://x/r/1"));
                assert!(m.html.contains("href=\"http://x/r/1\""));
                assert!(m.html.contains(&format!("lang=\"{}\"", language.code())));
                // Every part of the message is said, none left as a message id.
                assert!(
                    !m.text.contains("email-") && !m.text.contains("{{"),
                    "{}",
                    m.text
                );
                assert!(view.m.len() >= 3, "{language} {kind:?}");
            }
        }
    }

    #[test]
    fn a_german_reminder_is_german_with_a_german_date_and_an_english_one_english() {
        let templates = EmailTemplates::load().expect("templates");
        let q = crate::domain::testing::study();
        let facts = |language: &str| {
            serde_json::json!({
                "link": "http://x/r/1/again",
                "earlier_on": "2026-01-01",
                "language": language,
            })
        };
        let de = facts("de");
        let m = templates
            .render(
                EmailKind::Reminder,
                &MessageView::new(EmailKind::Reminder, &q, &de, 5),
            )
            .expect("render");
        assert!(
            m.subject.contains("Dealbench-Vertriebsbenchmark"),
            "{}",
            m.subject
        );
        assert!(m.text.contains("1. Januar 2026"), "{}", m.text);
        assert!(!m.text.contains("assess"), "{}", m.text);
        // Emails queued before languages were kept carry none: English.
        let old = serde_json::json!({ "link": "http://x/r/1/again", "earlier_on": "2026-01-01" });
        let m = templates
            .render(
                EmailKind::Reminder,
                &MessageView::new(EmailKind::Reminder, &q, &old, 5),
            )
            .expect("render");
        assert!(
            m.text.contains("what has moved since 2026-01-01"),
            "{}",
            m.text
        );
    }
}
