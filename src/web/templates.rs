//! The HTML templates (`templates/`), compiled into the binary and parsed once at
//! start-up.

use std::sync::Arc;

use fluent_bundle::FluentValue;
use tera::{Context, Tera};

use super::error::PageError;
use super::words::{Words, WordsError};
use crate::domain::language::Language;

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
    pub words: Arc<Words>,
}

/// `t(id="console-busiest-day", lang=lang, count=3)` in a template: a message
/// with variables in the page's language (`lang`, a code), where the view
/// does not format it beforehand. Numbers keep their plural rules.
struct Say(Arc<Words>);

impl tera::Function<tera::TeraResult<String>> for Say {
    fn call(&self, kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
        let id: &str = kwargs.must_get("id")?;
        let language = kwargs
            .get::<&str>("lang")?
            .and_then(Language::from_code)
            .unwrap_or(Language::English);
        let values: Vec<(String, FluentValue<'_>)> = kwargs
            .iter()
            .filter_map(|(name, value)| {
                let name = name.as_str()?;
                if name == "id" || name == "lang" {
                    return None;
                }
                let value = match (value.as_f64(), value.as_str()) {
                    (Some(n), _) => FluentValue::from(n),
                    (None, Some(s)) => FluentValue::from(s.to_string()),
                    (None, None) => FluentValue::from(value.to_string()),
                };
                Some((name.to_string(), value))
            })
            .collect();
        let args: Vec<(&str, FluentValue<'_>)> = values
            .iter()
            .map(|(name, value)| (name.as_str(), value.clone()))
            .collect();
        Ok(self.0.say(language, id, &args))
    }
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
        let words = Arc::new(Words::load()?);
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        tera.register_function("t", Say(Arc::clone(&words)));
        tera.add_raw_templates(TEMPLATES.iter().copied())?;
        Ok(Templates { tera, words })
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
