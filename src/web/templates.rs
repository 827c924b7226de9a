//! The HTML templates (`templates/`), compiled into the binary and parsed once at
//! start-up.

use tera::{Context, Tera};

use super::error::PageError;
use super::words::{Words, WordsError};

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("landing.html", include_str!("../../templates/landing.html")),
    ("page.html", include_str!("../../templates/page.html")),
    ("report.html", include_str!("../../templates/report.html")),
    (
        "report_waves.html",
        include_str!("../../templates/report_waves.html"),
    ),
    (
        "report_next_steps.html",
        include_str!("../../templates/report_next_steps.html"),
    ),
    (
        "team_report.html",
        include_str!("../../templates/team_report.html"),
    ),
    (
        "team_wave_confirm.html",
        include_str!("../../templates/team_wave_confirm.html"),
    ),
    (
        "team_links.html",
        include_str!("../../templates/team_links.html"),
    ),
    (
        "team_invitation.html",
        include_str!("../../templates/team_invitation.html"),
    ),
    (
        "admin_teams.html",
        include_str!("../../templates/admin_teams.html"),
    ),
    (
        "report_email.html",
        include_str!("../../templates/report_email.html"),
    ),
    (
        "assess_again.html",
        include_str!("../../templates/assess_again.html"),
    ),
    (
        "admin_nav.html",
        include_str!("../../templates/admin_nav.html"),
    ),
    (
        "admin_held.html",
        include_str!("../../templates/admin_held.html"),
    ),
    (
        "admin_login.html",
        include_str!("../../templates/admin_login.html"),
    ),
    (
        "admin_home.html",
        include_str!("../../templates/admin_home.html"),
    ),
    (
        "admin_compare.html",
        include_str!("../../templates/admin_compare.html"),
    ),
    (
        "admin_exports.html",
        include_str!("../../templates/admin_exports.html"),
    ),
    (
        "admin_review.html",
        include_str!("../../templates/admin_review.html"),
    ),
    (
        "admin_responses.html",
        include_str!("../../templates/admin_responses.html"),
    ),
];

pub struct Templates {
    tera: Tera,
    /// The pages' own words in every language.
    pub words: Words,
}

/// Templates or messages that do not load (a bug caught by the tests).
#[derive(Debug, thiserror::Error)]
pub enum TemplatesError {
    #[error("a template does not parse: {0}")]
    Template(#[from] tera::Error),
    #[error(transparent)]
    Words(#[from] WordsError),
}

impl Templates {
    /// Parses every template and every language's messages.
    ///
    /// # Errors
    /// A template or message file that does not parse.
    pub fn load() -> Result<Templates, TemplatesError> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        tera.add_raw_templates(TEMPLATES.iter().copied())?;
        Ok(Templates {
            tera,
            words: Words::load()?,
        })
    }

    /// Renders a template with a serialisable view.
    ///
    /// # Errors
    /// `PageError::Internal` when rendering fails.
    pub fn render(&self, name: &str, view: &impl serde::Serialize) -> Result<String, PageError> {
        let context = Context::from_serialize(view)
            .map_err(|e| PageError::Internal(format!("template context: {e}")))?;
        self.tera
            .render(name, &context)
            .map_err(|e| PageError::Internal(format!("rendering {name}: {e:?}")))
    }
}
