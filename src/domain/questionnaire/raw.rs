//! The questionnaire file as written: every key optional, so that the loader can
//! collect all problems instead of stopping at the first missing key.

use std::collections::BTreeMap;

use serde::Deserialize;

// ---- The file as written: everything optional, so that all problems can be
// ---- collected instead of stopping at the first missing key.

pub(super) type Extra = BTreeMap<String, toml::Value>;

#[derive(Deserialize)]
pub(super) struct RawFile {
    pub(super) study: Option<RawStudy>,
    #[serde(default)]
    pub(super) company_categories: Vec<RawBand>,
    #[serde(default)]
    pub(super) personal_categories: Vec<RawBand>,
    #[serde(default)]
    pub(super) revenue_potential: Vec<RawBand>,
    #[serde(default)]
    pub(super) sub_indices: BTreeMap<String, RawSubIndex>,
    #[serde(default)]
    pub(super) scales: BTreeMap<String, RawScale>,
    #[serde(default)]
    pub(super) parts: Vec<RawPart>,
    #[serde(default)]
    pub(super) sections: Vec<RawSection>,
    #[serde(default)]
    pub(super) items: Vec<RawItem>,
    #[serde(default)]
    pub(super) tensions: Vec<RawTension>,
    #[serde(default)]
    pub(super) related: Vec<RawRelated>,
    #[serde(default)]
    pub(super) absences: Vec<RawAbsence>,
    pub(super) audiences: Option<RawAudiences>,
    pub(super) teams: Option<crate::team::RawTeams>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawTension {
    pub(super) id: Option<String>,
    pub(super) title: Option<String>,
    pub(super) first: Option<RawTensionSide>,
    pub(super) second: Option<RawTensionSide>,
    pub(super) paragraph: Option<String>,
    pub(super) variants: Option<BTreeMap<String, RawTextVariant>>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

/// Something an answer says the company does not have (`[[absences]]`).
#[derive(Deserialize)]
pub(super) struct RawAbsence {
    pub(super) id: Option<String>,
    pub(super) item: Option<String>,
    #[serde(default)]
    pub(super) options: Vec<String>,
    #[serde(default)]
    pub(super) mentions: Vec<String>,
    #[serde(default)]
    pub(super) instead: BTreeMap<String, String>,
    pub(super) within: Option<String>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

/// A paragraph for one audience (of a tension or a related group).
#[derive(Deserialize)]
pub(super) struct RawTextVariant {
    pub(super) paragraph: Option<String>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawRelated {
    pub(super) id: Option<String>,
    pub(super) title: Option<String>,
    #[serde(default)]
    pub(super) items: Vec<String>,
    pub(super) headline: Option<String>,
    pub(super) paragraph: Option<String>,
    #[serde(default)]
    pub(super) tight: bool,
    pub(super) variants: Option<BTreeMap<String, RawTextVariant>>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawAudiences {
    pub(super) item: Option<String>,
    #[serde(default)]
    pub(super) groups: Vec<RawAudienceGroup>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawAudienceGroup {
    pub(super) id: Option<String>,
    #[serde(default)]
    pub(super) options: Vec<String>,
    #[serde(default)]
    pub(super) not_said: Vec<String>,
    #[serde(default)]
    pub(super) not_asked: Vec<String>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawTensionSide {
    pub(super) item: Option<String>,
    #[serde(default)]
    pub(super) answers: Vec<String>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawCurrency {
    pub(super) code: Option<String>,
    pub(super) symbol: Option<String>,
    pub(super) name: Option<String>,
    /// Units of the reference currency one unit of this one is worth (only
    /// for the currencies besides the reference).
    pub(super) rate: Option<f64>,
    /// The day of that rate, "2026-11-30".
    pub(super) rate_date: Option<String>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawStudy {
    pub(super) id: Option<String>,
    pub(super) version: Option<u32>,
    pub(super) name: Option<String>,
    pub(super) minutes: Option<u32>,
    pub(super) intro: Option<String>,
    pub(super) privacy: Option<String>,
    pub(super) velocity: Option<String>,
    pub(super) minimum_coverage: Option<f64>,
    pub(super) peer_group_minimum: Option<usize>,
    pub(super) minimum_decided_deals: Option<f64>,
    pub(super) figure_margin: Option<f64>,
    pub(super) peer_fallback: Option<Vec<Vec<String>>>,
    pub(super) commentary: Option<RawThresholds>,
    pub(super) quality: Option<crate::quality::QualityRules>,
    pub(super) potential_target: Option<f64>,
    pub(super) currency: Option<RawCurrency>,
    /// The other currencies respondents may give their amounts in.
    pub(super) currencies: Option<Vec<RawCurrency>>,
    /// The item whose options (currency codes) choose a respondent's currency.
    pub(super) currency_item: Option<String>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawThresholds {
    pub(super) strong_from: f64,
    pub(super) weak_below: f64,
}

#[derive(Deserialize)]
pub(super) struct RawBand {
    pub(super) name: Option<String>,
    pub(super) from: Option<f64>,
    pub(super) to: Option<f64>,
    pub(super) description: Option<String>,
    pub(super) with_stop: Option<String>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawSubIndex {
    pub(super) name: Option<String>,
    pub(super) meaning: Option<String>,
    pub(super) strong: Option<String>,
    pub(super) middling: Option<String>,
    pub(super) weak: Option<String>,
    pub(super) figure_disagrees: Option<String>,
    pub(super) figure_better: Option<String>,
    pub(super) variants: Option<BTreeMap<String, RawSubIndexVariant>>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawSubIndexVariant {
    pub(super) strong: Option<String>,
    pub(super) middling: Option<String>,
    pub(super) weak: Option<String>,
    pub(super) figure_disagrees: Option<String>,
    pub(super) figure_better: Option<String>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawScale {
    #[serde(default)]
    pub(super) options: Vec<RawOption>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize, Clone)]
pub(super) struct RawOption {
    pub(super) id: Option<String>,
    pub(super) label: Option<String>,
    pub(super) score: Option<f64>,
    #[serde(default)]
    pub(super) excluded: bool,
    pub(super) named: Option<String>,
    pub(super) forms: Option<BTreeMap<String, String>>,
    pub(super) names: Option<Vec<String>>,
    pub(super) overclaims: Option<Vec<String>>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawPart {
    pub(super) id: Option<String>,
    pub(super) kind: Option<String>,
    pub(super) title: Option<String>,
    pub(super) intro: Option<String>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawSection {
    pub(super) id: Option<String>,
    pub(super) part: Option<String>,
    pub(super) title: Option<String>,
    pub(super) intro: Option<String>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

#[derive(Deserialize)]
pub(super) struct RawItem {
    pub(super) id: Option<String>,
    pub(super) section: Option<String>,
    pub(super) kind: Option<String>,
    pub(super) text: Option<String>,
    pub(super) help: Option<String>,
    pub(super) options: Option<Vec<RawOption>>,
    pub(super) weights: Option<BTreeMap<String, f64>>,
    #[serde(default)]
    pub(super) key_area: bool,
    #[serde(default)]
    pub(super) reverse: bool,
    #[serde(default)]
    pub(super) required: bool,
    pub(super) dimension: Option<String>,
    #[serde(default)]
    pub(super) contact: bool,
    pub(super) format: Option<String>,
    pub(super) unit: Option<String>,
    pub(super) min: Option<f64>,
    pub(super) max: Option<f64>,
    #[serde(default)]
    pub(super) integer: bool,
    pub(super) metric: Option<String>,
    pub(super) strong: Option<String>,
    pub(super) middling: Option<String>,
    pub(super) weak: Option<String>,
    pub(super) keep: Option<String>,
    pub(super) change: Option<String>,
    pub(super) stop: Option<String>,
    pub(super) find_out: Option<String>,
    pub(super) option_commentary: Option<BTreeMap<String, String>>,
    pub(super) quotes: Option<String>,
    pub(super) figure_disagrees: Option<String>,
    pub(super) figure_better: Option<String>,
    /// A table of `worse`, `level` and `better`; read loosely so that the older
    /// single paragraph gets its own message.
    pub(super) measured: Option<toml::Value>,
    pub(super) variants: Option<BTreeMap<String, RawItemVariant>>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}

/// What an item says to one audience instead of its defaults.
#[derive(Deserialize)]
pub(super) struct RawItemVariant {
    pub(super) strong: Option<String>,
    pub(super) middling: Option<String>,
    pub(super) weak: Option<String>,
    pub(super) option_commentary: Option<BTreeMap<String, String>>,
    pub(super) keep: Option<String>,
    pub(super) change: Option<String>,
    pub(super) stop: Option<String>,
    pub(super) find_out: Option<String>,
    pub(super) figure_disagrees: Option<String>,
    pub(super) figure_better: Option<String>,
    pub(super) measured: Option<toml::Value>,
    #[serde(flatten)]
    pub(super) extra: Extra,
}
