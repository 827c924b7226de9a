//! The HTML templates (`templates/`), compiled into the binary and parsed once at
//! start-up.

use tera::{Context, Tera};

use super::error::PageError;

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
        "team_report.html",
        include_str!("../../templates/team_report.html"),
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
}

impl Templates {
    /// Parses every template.
    ///
    /// # Errors
    /// A template that does not parse (a bug caught by the tests).
    pub fn load() -> Result<Templates, tera::Error> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        tera.add_raw_templates(TEMPLATES.iter().copied())?;
        Ok(Templates { tera })
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
