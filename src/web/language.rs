//! Which language a respondent's pages speak: the one a link asks for
//! (`?lang=de`, kept in a cookie from then on), else the one the cookie keeps,
//! else the one the draft was last saved in (a resume link opened on another
//! device), else the browser's preference (`Accept-Language`) among those the
//! questionnaire has; and the switch between them on every page.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use serde::Serialize;

use std::collections::BTreeMap;

use super::cookies;
use super::words::Words;
use crate::domain::language::Language;

/// The cookie that keeps a respondent's choice of language.
const COOKIE: &str = "lang";

/// The language of a page, and the cookie to set when a link chose it.
pub struct Chosen {
    pub language: Language,
    pub cookie: Option<Cookie<'static>>,
}

/// The language to speak to `req` among `offered` (the questionnaire's);
/// `kept` is the draft's, if the page belongs to one.
pub fn chosen(req: &HttpRequest, offered: &[Language], kept: Option<Language>) -> Chosen {
    let available = |l: Option<Language>| l.filter(|l| offered.contains(l));
    let asked = query_language(req.query_string());
    if let Some(language) = available(asked) {
        let secure = cookies::secure(req);
        let cookie = Cookie::build(
            cookies::name(COOKIE, secure).into_owned(),
            language.code().to_string(),
        )
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish();
        return Chosen {
            language,
            cookie: Some(cookie),
        };
    }
    let cookie = cookies::value(req, COOKIE).and_then(|c| Language::from_code(&c));
    let language = available(cookie).or(available(kept)).unwrap_or_else(|| {
        let header = req
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        available(Some(Language::negotiate(header))).unwrap_or(Language::English)
    });
    Chosen {
        language,
        cookie: None,
    }
}

/// The language a link asks for (`?lang=de`), if it names one of ours.
pub fn asked(req: &HttpRequest) -> Option<Language> {
    query_language(req.query_string())
}

/// The language of a page around a stored report (its email and assess-again
/// pages): the one its link asks for among `offered`, else the one the report
/// was answered in, as the report itself.
pub fn of_report(req: &HttpRequest, offered: &[Language], answered: Language) -> Language {
    asked(req)
        .filter(|l| offered.contains(l))
        .unwrap_or(answered)
}

/// The `lang` parameter of a query string.
fn query_language(query: &str) -> Option<Language> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Language::from_code(v))
}

/// What the frame of a page (`base.html`) says in the page's language: its
/// code (`lang`), the pages' words (`w`) and the switch between the
/// `offered` languages, whose links lead to `here` in each.
#[derive(Serialize)]
pub struct Frame<'a> {
    pub lang: &'static str,
    pub w: &'a BTreeMap<String, String>,
    pub languages: Vec<LanguageLink>,
    pub here: String,
}

impl<'a> Frame<'a> {
    pub fn new(
        words: &'a Words,
        offered: &[Language],
        language: Language,
        here: impl Into<String>,
    ) -> Frame<'a> {
        Frame {
            lang: language.code(),
            w: words.plain(language),
            languages: links(offered, language),
            here: here.into(),
        }
    }
}

/// One language in the switch between them.
#[derive(Serialize)]
pub struct LanguageLink {
    pub code: &'static str,
    pub name: &'static str,
    pub current: bool,
}

/// The switch between `offered` languages, `current` marked.
pub fn links(offered: &[Language], current: Language) -> Vec<LanguageLink> {
    offered
        .iter()
        .map(|l| LanguageLink {
            code: l.code(),
            name: l.name(),
            current: *l == current,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_s_language_is_read_from_its_query() {
        assert_eq!(query_language("lang=de"), Some(Language::German));
        assert_eq!(query_language("check=true&lang=fr"), Some(Language::French));
        assert_eq!(query_language("lang=it"), None);
        assert_eq!(query_language(""), None);
    }
}
