//! The study questionnaire: its model, and the loader that reads a TOML file and
//! validates it.
//!
//! Everything the study asks and says lives in the file (see
//! `questionnaires/README.md`): questions, options and their scores, sub-index
//! weights, categories, peer rules and commentary. The loader turns the file into a
//! [`Questionnaire`] that cannot be invalid: every problem in the file is collected
//! and reported at once, each naming the file, the place and the problem.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::language::Language;

/// One factor of sales velocity, scored by its own sub-index of the company index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubIndex {
    Value,
    Number,
    WinRate,
    SalesCycle,
}

impl SubIndex {
    pub const ALL: [SubIndex; 4] = [
        SubIndex::Value,
        SubIndex::Number,
        SubIndex::WinRate,
        SubIndex::SalesCycle,
    ];

    /// The key used in files and JSON (`win_rate`).
    pub fn key(self) -> &'static str {
        match self {
            SubIndex::Value => "value",
            SubIndex::Number => "number",
            SubIndex::WinRate => "win_rate",
            SubIndex::SalesCycle => "sales_cycle",
        }
    }

    pub fn from_key(key: &str) -> Option<SubIndex> {
        SubIndex::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Position in `SubIndex::ALL`, for fixed-size arrays indexed by sub-index.
    pub fn position(self) -> usize {
        self as usize
    }
}

/// The weight key that puts an item in the personal index instead of a sub-index.
pub const PERSONAL_WEIGHT_KEY: &str = "personal";

/// What a part of the questionnaire is about; decides how its items are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// About you and your company: the peer-group dimensions and contact details.
    Profile,
    /// Company practices, feeding the four sub-indices.
    Company,
    /// The optional company numbers, feeding sales velocity and win rates.
    Numbers,
    /// The respondent's own practice, feeding the personal index.
    Personal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Agreement,
    Importance,
    Frequency,
    Choice,
    Number,
    Text,
}

impl ItemKind {
    fn from_key(key: &str) -> Option<ItemKind> {
        Some(match key {
            "agreement" => ItemKind::Agreement,
            "importance" => ItemKind::Importance,
            "frequency" => ItemKind::Frequency,
            "choice" => ItemKind::Choice,
            "number" => ItemKind::Number,
            "text" => ItemKind::Text,
            _ => return None,
        })
    }

    /// The kinds whose options come from a scale declared once in the file.
    fn scale_name(self) -> Option<&'static str> {
        match self {
            ItemKind::Agreement => Some("agreement"),
            ItemKind::Importance => Some("importance"),
            ItemKind::Frequency => Some("frequency"),
            _ => None,
        }
    }

    pub fn has_options(self) -> bool {
        !matches!(self, ItemKind::Number | ItemKind::Text)
    }
}

/// A company number that feeds sales velocity or win rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    QualifiedOpportunities,
    AverageDealValue,
    WinRate,
    SalesCycleDays,
    QuotaAttainment,
    DealsWon,
    DealsWonValue,
    DealsLost,
    DealsLostValue,
    DealsOpen,
    DealsOpenValue,
}

impl Metric {
    pub const ALL: [Metric; 11] = [
        Metric::QualifiedOpportunities,
        Metric::AverageDealValue,
        Metric::WinRate,
        Metric::SalesCycleDays,
        Metric::QuotaAttainment,
        Metric::DealsWon,
        Metric::DealsWonValue,
        Metric::DealsLost,
        Metric::DealsLostValue,
        Metric::DealsOpen,
        Metric::DealsOpenValue,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Metric::QualifiedOpportunities => "qualified_opportunities",
            Metric::AverageDealValue => "average_deal_value",
            Metric::WinRate => "win_rate",
            Metric::SalesCycleDays => "sales_cycle_days",
            Metric::QuotaAttainment => "quota_attainment",
            Metric::DealsWon => "deals_won",
            Metric::DealsWonValue => "deals_won_value",
            Metric::DealsLost => "deals_lost",
            Metric::DealsLostValue => "deals_lost_value",
            Metric::DealsOpen => "deals_open",
            Metric::DealsOpenValue => "deals_open_value",
        }
    }

    fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.key() == key)
    }

    /// An amount of money, written in the study's currency.
    pub fn is_money(self) -> bool {
        matches!(
            self,
            Metric::AverageDealValue
                | Metric::DealsWonValue
                | Metric::DealsLostValue
                | Metric::DealsOpenValue
        )
    }
}

/// One answer option. `score` is `None` for options left out of the mean
/// ("don't know", "not applicable"). Scores of reversed items are already mirrored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerOption {
    pub id: String,
    pub label: String,
    pub score: Option<f64>,
    /// How a paragraph names this answer where it writes `{answer}`: "essential",
    /// "neither agree nor disagree". By default the label, as it reads in a
    /// sentence (see [`answer_words`]).
    #[serde(skip)]
    pub named: String,
    /// Further ways of naming it, for `{answer:KEY}`: `often = "never"` reads
    /// "You never ask ...", `that = "neither agree nor disagree that"`.
    #[serde(skip)]
    pub forms: BTreeMap<String, String>,
    /// Phrases that say this answer was given ("you are unsure", "you rarely"): a
    /// paragraph said for another answer of the same question never holds one.
    #[serde(skip)]
    pub names: Vec<String>,
    /// Words a paragraph said for this answer may not use, because the answer
    /// does not support them: "consistency" for "50-75%" of deals.
    #[serde(skip)]
    pub overclaims: Vec<String>,
}

impl AnswerOption {
    /// `text` with this option put in for `{answer}` and `{answer:KEY}`; a form
    /// the option does not declare is left as written (the loader refuses it).
    pub fn put_in(&self, text: &str) -> String {
        // Most paragraphs name no answer: a search for one byte settles it (every
        // report puts each of its paragraphs through here).
        if !text.contains('{') {
            return text.to_string();
        }
        let mut out = text.replace(ANSWER_PLACEHOLDER, &self.named);
        if out.contains("{answer:") {
            for (key, form) in &self.forms {
                out = out.replace(&format!("{{answer:{key}}}"), form);
            }
        }
        out
    }
}

/// The three paragraphs of commentary of a scored item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Commentary {
    pub strong: String,
    pub middling: String,
    pub weak: String,
}

/// Which of the three paragraphs an answer earns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Strong,
    Middling,
    Weak,
}

impl Commentary {
    pub fn paragraph(&self, band: Band) -> &str {
        match band {
            Band::Strong => &self.strong,
            Band::Middling => &self.middling,
            Band::Weak => &self.weak,
        }
    }
}

/// The imperative headline of each Keep / Change / Stop verdict of a key area, written
/// to follow the verdict word: KEEP "winning executive sponsorship early".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headlines {
    pub keep: String,
    pub change: String,
    pub stop: String,
    /// For "don't know", a CHANGE too: what to find out. Required where the item
    /// offers an unscored option.
    pub find_out: Option<String>,
}

/// Which headline of a key area: one per verdict, and `find_out` for a CHANGE
/// on "don't know".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadlineKind {
    Keep,
    Change,
    Stop,
    FindOut,
}

/// How a CHANGE headline may start, so that "CHANGE" and the headline read as one
/// imperative sentence: "CHANGE how you qualify: ...", "CHANGE your stage
/// definitions into ...", "CHANGE a guess into a fact: find out ...".
pub const CHANGE_OPENERS: [&str; 9] = [
    "how ",
    "the way ",
    "what ",
    "when ",
    "where ",
    "who ",
    "which ",
    "your ",
    "a guess into a fact: ",
];

/// Whether a headline reads after the verdict word CHANGE: it starts with one of
/// [`CHANGE_OPENERS`], and what it changes is a practice, never the respondent's
/// answers ("CHANGE your pipeline answers into one picture" reads as "answer
/// differently"), in one imperative clause before at most one colon.
pub fn reads_after_change(headline: &str) -> bool {
    let changed = headline.split(':').next().unwrap_or_default();
    CHANGE_OPENERS.iter().any(|o| headline.starts_with(o))
        && !changed
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "answers" || w == "answer")
        && headline.matches(':').count() <= 1
        && !headline.contains(';')
}

/// The placeholder in a paragraph of commentary that stands for the chosen option's
/// label, so that one paragraph can serve several options of a band without
/// hedging between them.
pub const ANSWER_PLACEHOLDER: &str = "{answer}";

/// A label as it reads inside a sentence: lower case, and only its name where the
/// label explains itself after a colon ("Target selection: choosing which
/// prospects to pursue" reads "target selection"). What `{answer}` stands for
/// unless the option declares `named`.
pub fn label_words(label: &str, lower_case: bool) -> String {
    let name = label.split(':').next().unwrap_or(label).trim();
    if lower_case {
        name.to_lowercase()
    } else {
        name.to_string()
    }
}

/// How a paragraph names an option where it writes `{answer}`.
pub fn answer_words(option: &AnswerOption) -> String {
    option.named.clone()
}

/// The allowed range of a number item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberRange {
    pub unit: String,
    pub min: f64,
    pub max: f64,
    pub integer: bool,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub id: String,
    pub section: String,
    pub kind: ItemKind,
    pub text: String,
    pub help: Option<String>,
    pub options: Vec<AnswerOption>,
    pub number: Option<NumberRange>,
    pub metric: Option<Metric>,
    /// The peer-group dimension a profile choice defines (`industry`).
    pub dimension: Option<String>,
    /// Contact details (name, company, email): never shown to others or exported.
    pub contact: bool,
    /// An email address is expected.
    pub email: bool,
    pub required: bool,
    pub key_area: bool,
    pub reverse: bool,
    /// Weight per sub-index, indexed by `SubIndex::position`; zero when not fed.
    #[serde(serialize_with = "weights_as_map")]
    pub weights: [f64; 4],
    /// Weight in the personal index; zero when not fed.
    #[serde(skip_serializing_if = "is_zero")]
    pub personal_weight: f64,
    pub commentary: Option<Commentary>,
    /// Key areas: the headline of each verdict.
    pub headlines: Option<Headlines>,
    /// Paragraphs written for one option, by option index; they replace the band's
    /// paragraph for that answer.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub option_commentary: BTreeMap<usize, String>,
    /// The company number whose figure (and peer median) the report quotes after
    /// this item's commentary.
    pub quotes: Option<Metric>,
    /// Said instead of the strong paragraph when the quoted number is markedly worse
    /// than the peer median: the answer and the figure disagree.
    pub figure_disagrees: Option<String>,
    /// Said instead of the weak paragraph when the quoted number is markedly better
    /// than the peer median: the answer is harsher than the figure.
    pub figure_better: Option<String>,
    /// Said instead of the middling paragraph when the respondent gave the quoted
    /// number: what the figure settles, one paragraph per place it stands.
    pub measured: Option<Measured>,
    /// What the item says to one audience (`[audiences]`) instead, by group id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub variants: BTreeMap<String, ItemVariant>,
}

/// Where a company number stands against its peer median, by the study's
/// `figure_margin`: markedly worse, about level, or markedly better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureStanding {
    Worse,
    Level,
    Better,
}

/// The paragraphs of a middling answer once the respondent's own number settles
/// it: one for each place the number stands against the peer median.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measured {
    pub worse: String,
    pub level: String,
    pub better: String,
}

impl Measured {
    pub fn for_standing(&self, standing: FigureStanding) -> &str {
        match standing {
            FigureStanding::Worse => &self.worse,
            FigureStanding::Level => &self.level,
            FigureStanding::Better => &self.better,
        }
    }

    pub fn all(&self) -> [&str; 3] {
        [&self.worse, &self.level, &self.better]
    }
}

/// What an item says to one audience instead of its default texts: any of its
/// paragraphs and headlines; what is not given is the default.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ItemVariant {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strong: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middling: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weak: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub option_commentary: BTreeMap<usize, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub find_out: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure_disagrees: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure_better: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured: Option<Measured>,
}

impl Item {
    /// The paragraph of commentary for one chosen option, as said to `audience`:
    /// the option's own paragraph when the file declares one, else the band's,
    /// with the option put in for the answer placeholders. `None` for an unscored
    /// item.
    pub fn paragraph_for(
        &self,
        option: usize,
        band: Band,
        audience: Option<&str>,
    ) -> Option<String> {
        let text = self.paragraph_text(option, band, audience)?;
        Some(
            self.options
                .get(option)
                .map_or_else(|| text.to_string(), |o| o.put_in(text)),
        )
    }

    /// The paragraph as written in the file, placeholders and all: the most
    /// specific text wins (the option's own before the band's, the audience's
    /// before the default's).
    pub fn paragraph_text(
        &self,
        option: usize,
        band: Band,
        audience: Option<&str>,
    ) -> Option<&str> {
        self.paragraph_source(option, band, audience)
            .map(|(_, t)| t)
    }

    /// As [`Item::paragraph_text`], with where the paragraph comes from in the
    /// file ("`option_commentary.dont_know`"), for the loader's messages.
    pub fn paragraph_source(
        &self,
        option: usize,
        band: Band,
        audience: Option<&str>,
    ) -> Option<(String, &str)> {
        let commentary = self.commentary.as_ref()?;
        let variant = self.variant(audience);
        let group = audience.unwrap_or_default();
        let option_id = self.options.get(option).map_or("", |o| o.id.as_str());
        let band_key = match band {
            Band::Strong => "strong",
            Band::Middling => "middling",
            Band::Weak => "weak",
        };
        if let Some(t) = variant.and_then(|v| v.option_commentary.get(&option)) {
            return Some((
                format!("`variants.{group}.option_commentary.{option_id}`"),
                t,
            ));
        }
        if let Some(t) = self.option_commentary.get(&option) {
            return Some((format!("`option_commentary.{option_id}`"), t));
        }
        let own = variant.and_then(|v| match band {
            Band::Strong => v.strong.as_deref(),
            Band::Middling => v.middling.as_deref(),
            Band::Weak => v.weak.as_deref(),
        });
        Some(match own {
            Some(t) => (format!("`variants.{group}.{band_key}`"), t),
            None => (
                format!("the `{band_key}` paragraph"),
                commentary.paragraph(band),
            ),
        })
    }

    /// The item's texts for one audience, if the file gives it any.
    pub fn variant(&self, audience: Option<&str>) -> Option<&ItemVariant> {
        audience.and_then(|a| self.variants.get(a))
    }

    /// The headline of a verdict for `audience`: `keep`, `change`, `stop`, or
    /// `find_out` for a CHANGE on "don't know".
    pub fn headline(&self, verdict: HeadlineKind, audience: Option<&str>) -> Option<String> {
        let h = self.headlines.as_ref()?;
        let v = self.variant(audience);
        let pick = |own: Option<&String>, default: &String| own.unwrap_or(default).clone();
        Some(match verdict {
            HeadlineKind::Keep => pick(v.and_then(|v| v.keep.as_ref()), &h.keep),
            HeadlineKind::Change => pick(v.and_then(|v| v.change.as_ref()), &h.change),
            HeadlineKind::Stop => pick(v.and_then(|v| v.stop.as_ref()), &h.stop),
            HeadlineKind::FindOut => match v.and_then(|v| v.find_out.as_ref()) {
                Some(t) => t.clone(),
                None => h
                    .find_out
                    .clone()
                    .unwrap_or_else(|| pick(v.and_then(|v| v.change.as_ref()), &h.change)),
            },
        })
    }

    /// `figure_disagrees` as said to `audience`.
    pub fn figure_disagrees_for(&self, audience: Option<&str>) -> Option<&str> {
        self.variant(audience)
            .and_then(|v| v.figure_disagrees.as_deref())
            .or(self.figure_disagrees.as_deref())
    }

    /// `figure_better` as said to `audience`.
    pub fn figure_better_for(&self, audience: Option<&str>) -> Option<&str> {
        self.variant(audience)
            .and_then(|v| v.figure_better.as_deref())
            .or(self.figure_better.as_deref())
    }

    /// `measured` as said to `audience`.
    pub fn measured_for(&self, audience: Option<&str>) -> Option<&Measured> {
        self.variant(audience)
            .and_then(|v| v.measured.as_ref())
            .or(self.measured.as_ref())
    }

    pub fn option(&self, id: &str) -> Option<(usize, &AnswerOption)> {
        self.options.iter().enumerate().find(|(_, o)| o.id == id)
    }

    /// The item's weight in ranking Keep / Change / Stop actions.
    pub fn total_weight(&self) -> f64 {
        self.weights.iter().sum::<f64>() + self.personal_weight
    }

    pub fn is_scored(&self) -> bool {
        self.total_weight() > 0.0
    }
}

fn weights_as_map<S: serde::Serializer>(weights: &[f64; 4], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(None)?;
    for sub in SubIndex::ALL {
        let w = weights[sub.position()];
        if w > 0.0 {
            map.serialize_entry(sub.key(), &w)?;
        }
    }
    map.end()
}

fn is_zero(v: &f64) -> bool {
    *v == 0.0
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    pub id: String,
    pub kind: PartKind,
    pub title: String,
    pub intro: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub id: String,
    pub part: String,
    pub title: String,
    pub intro: String,
    /// Indices into `Questionnaire::items`, in file order.
    #[serde(skip)]
    pub items: Vec<usize>,
}

/// A named band of an index (a category) or of a gap (revenue potential).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band100 {
    pub name: String,
    pub from: f64,
    pub to: f64,
    pub description: String,
    /// The description of a company category said instead when a STOP is among
    /// the first actions: the summary line agrees with the actions beneath it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_stop: Option<String>,
}

/// A list of bands that covers 0 to 100 without gaps or overlaps.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Bands(Vec<Band100>);

impl Bands {
    /// The band a value falls in; a boundary value belongs to the higher band and 100
    /// to the last.
    pub fn find(&self, value: f64) -> &Band100 {
        let v = value.clamp(0.0, 100.0);
        self.0
            .iter()
            .rev()
            .find(|b| v >= b.from)
            .unwrap_or(&self.0[0])
    }

    pub fn all(&self) -> &[Band100] {
        &self.0
    }
}

/// The executive-summary text of one sub-index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubIndexText {
    pub name: String,
    pub meaning: String,
    pub commentary: Commentary,
    /// Said instead of the strong paragraph when the respondent's own number for
    /// this sub-index is markedly worse than the peer median: practice strong,
    /// number weak.
    pub figure_disagrees: Option<String>,
    /// Said instead of the middling or weak paragraph when the respondent's own
    /// number is markedly better than the peer median: the number runs ahead of
    /// the practice.
    pub figure_better: Option<String>,
    /// What the sub-index says to one audience instead, by group id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub variants: BTreeMap<String, SubIndexVariant>,
}

/// A sub-index's paragraphs for one audience; what is not given is the default.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SubIndexVariant {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strong: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middling: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weak: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure_disagrees: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure_better: Option<String>,
}

impl SubIndexText {
    /// The paragraph of a band, as said to `audience`.
    pub fn paragraph(&self, band: Band, audience: Option<&str>) -> &str {
        let v = audience.and_then(|a| self.variants.get(a));
        let own = v.and_then(|v| match band {
            Band::Strong => v.strong.as_deref(),
            Band::Middling => v.middling.as_deref(),
            Band::Weak => v.weak.as_deref(),
        });
        own.unwrap_or_else(|| self.commentary.paragraph(band))
    }

    /// `figure_disagrees` as said to `audience`.
    pub fn figure_disagrees_for(&self, audience: Option<&str>) -> Option<&str> {
        audience
            .and_then(|a| self.variants.get(a))
            .and_then(|v| v.figure_disagrees.as_deref())
            .or(self.figure_disagrees.as_deref())
    }

    /// `figure_better` as said to `audience`.
    pub fn figure_better_for(&self, audience: Option<&str>) -> Option<&str> {
        audience
            .and_then(|a| self.variants.get(a))
            .and_then(|v| v.figure_better.as_deref())
            .or(self.figure_better.as_deref())
    }
}

/// The thresholds on an option's score that choose its commentary paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CommentaryThresholds {
    pub strong_from: f64,
    pub weak_below: f64,
}

impl CommentaryThresholds {
    /// The paragraph an answer earns; an unscored answer ("don't know") gets the
    /// middling one.
    pub fn band(&self, score: Option<f64>) -> Band {
        match score {
            Some(s) if s >= self.strong_from => Band::Strong,
            Some(s) if s < self.weak_below => Band::Weak,
            _ => Band::Middling,
        }
    }
}

/// A currency of the study: the reference currency every amount is kept and
/// compared in, or one a respondent may give their amounts in instead, with
/// its rate to the reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Currency {
    /// ISO code, for people reading exports ("USD").
    pub code: String,
    /// Written before the amount ("$").
    pub symbol: String,
    /// As a sentence names it ("US dollars"); the code when not declared.
    pub name: String,
    /// Units of the reference currency one unit of this one is worth (1 for
    /// the reference).
    pub rate: f64,
    /// The day of the rate, "2026-11-30" (empty for the reference).
    pub rate_date: String,
    /// The reference currency's code and name (empty for the reference).
    pub reference_code: String,
    pub reference_name: String,
}

impl Currency {
    /// Whether a currency mark typed with an amount ("$", "usd", "dollars")
    /// names this currency.
    pub fn is_named_by(&self, mark: &str) -> bool {
        let mark = mark.trim().to_lowercase();
        let (symbol, code) = (self.symbol.to_lowercase(), self.code.to_lowercase());
        mark == symbol
            || mark == code
            // "US$" names US dollars; "A$" and "C$" do not.
            || mark
                .strip_suffix(symbol.as_str())
                .is_some_and(|p| !p.is_empty() && code.starts_with(p))
            || self
                .name
                .to_lowercase()
                .split_whitespace()
                .any(|w| w.len() > 3 && (w == mark || w.trim_end_matches('s') == mark))
    }

    /// Whether this is the reference currency itself.
    pub fn is_reference(&self) -> bool {
        self.reference_code.is_empty()
    }

    /// An amount typed in this currency, in the reference currency, to the
    /// cent (25,000 EUR at 1.16 is 29,000 USD, not 28,999.999...).
    pub fn to_reference(&self, typed: f64) -> f64 {
        if self.is_reference() {
            typed
        } else {
            (typed * self.rate * 100.0).round() / 100.0
        }
    }

    /// An amount kept in the reference currency, in this one, to the cent
    /// (29,000 USD at 1.16 is 25,000 EUR, as it was typed).
    pub fn from_reference(&self, kept: f64) -> f64 {
        if self.is_reference() {
            kept
        } else {
            (kept / self.rate * 100.0).round() / 100.0
        }
    }

    /// An amount kept in the reference currency, shown whole in this one with
    /// its symbol and thousands separators: "$12,800", "€11,034".
    pub fn format(&self, kept: f64) -> String {
        // Rounded once, to the whole unit.
        self.format_typed(kept / self.rate)
    }

    /// An amount already in this currency, shown as [`Currency::format`] does.
    pub fn format_typed(&self, amount: f64) -> String {
        let whole = super::report::format_amount(amount.abs());
        let sign = if amount.round() < 0.0 { "-" } else { "" };
        format!("{sign}{}{whole}", self.symbol)
    }

    /// Once in a report given in another currency than the reference: which
    /// rate and day turned the peer figures into it. `None` for the reference.
    pub fn rate_sentence(&self) -> Option<String> {
        (!self.is_reference()).then(|| {
            format!(
                "Amounts are in {} ({}). Peer figures are kept in {} ({}) and shown here converted at 1 {} = {} {}, the rate of {}.",
                self.name,
                self.code,
                self.reference_name,
                self.reference_code,
                self.code,
                crate::answers::format_number((self.rate * 10_000.0).round() / 10_000.0),
                self.reference_code,
                long_date(&self.rate_date)
            )
        })
    }
}

/// "2026-11-30" as "30 November 2026"; as given when it is not such a date.
pub fn long_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
            (Ok(m @ 1..=12), Ok(d @ 1..=31)) if y.len() == 4 => {
                format!("{d} {} {y}", MONTHS[m - 1])
            }
            _ => date.to_string(),
        },
        _ => date.to_string(),
    }
}

/// One side of a tension: an item and the answers (option ids) that pull one way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TensionSide {
    pub item: String,
    pub answers: Vec<String>,
}

/// Two answers that pull in opposite directions, and what that usually means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tension {
    pub id: String,
    pub title: String,
    pub first: TensionSide,
    pub second: TensionSide,
    pub paragraph: String,
    /// The paragraph as said to one audience instead, by group id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub variants: BTreeMap<String, String>,
}

impl Tension {
    /// The paragraph as said to `audience`.
    pub fn paragraph_for(&self, audience: Option<&str>) -> &str {
        audience
            .and_then(|a| self.variants.get(a))
            .map_or(&self.paragraph, String::as_str)
    }
}

/// Company questions about one practice, judged together: when some of their
/// answers say it works and others that it does not, the report says so once,
/// keeps none of the strong ones and gives the group one action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    pub id: String,
    pub title: String,
    pub items: Vec<String>,
    /// The headline of the group's one action when its answers disagree: it
    /// says so, neutrally, and reads after CHANGE ("a guess into a fact: ...").
    pub headline: String,
    /// What the disagreement usually means, and what to do.
    pub paragraph: String,
    /// Its answers measure one thing (retention and renewals): a strong answer
    /// beside a middling one disagrees too, not only beside a weak one.
    pub tight: bool,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub variants: BTreeMap<String, String>,
}

impl Related {
    /// The paragraph as said to `audience`.
    pub fn paragraph_for(&self, audience: Option<&str>) -> &str {
        audience
            .and_then(|a| self.variants.get(a))
            .map_or(&self.paragraph, String::as_str)
    }
}

/// Something an answer says the company does not have: "We have no CRM". Advice
/// never presumes it: no text of the study mentions it (`mentions`, whole words)
/// except the question that asks and the questions that presume it, and those
/// say their `instead` paragraph to a respondent who gave one of `options`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Absence {
    pub id: String,
    /// The question whose answer can deny it.
    pub item: String,
    /// The options of `item` that say the company does not have it.
    pub options: Vec<String>,
    /// The words that name it, in lower case ("crm").
    pub mentions: Vec<String>,
    /// By item id: the paragraph a question that presumes it says instead
    /// (`{answer}` and its forms stand for that question's own answer).
    pub instead: BTreeMap<String, String>,
    /// The part (by id) whose texts may not presume it; every text when none
    /// ("a defined sales process" is judged in the respondent's own practice,
    /// where the company questions about it judge themselves together).
    pub within: Option<String>,
}

/// Who a report speaks to: the respondent's answer to the role question puts
/// them in one group (leaders, managers, reps), and each text may have a
/// variant for a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audiences {
    /// The profile item that gives the role.
    pub item: String,
    pub groups: Vec<AudienceGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AudienceGroup {
    pub id: String,
    /// Option ids of the role item that belong to the group.
    pub options: Vec<String>,
    /// Phrases never said to this group ("coach reps"): the loader refuses any
    /// text the group would read that holds one.
    pub not_said: Vec<String>,
    /// Phrases no question put to this group holds ("your manager" to an
    /// executive): the loader refuses any question or help text holding one.
    pub not_asked: Vec<String>,
}

/// A loaded, valid questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Questionnaire {
    pub id: String,
    pub version: u32,
    pub name: String,
    pub minutes: u32,
    pub intro: String,
    pub privacy: String,
    pub velocity_text: String,
    /// Minimum share (percent) of an index's weight that must be answered.
    pub minimum_coverage: f64,
    /// K: the smallest peer group that is ever shown.
    pub peer_group_minimum: usize,
    /// Decided deals (won plus lost) a counted win rate needs before it is read
    /// as a rate anywhere (report, API, velocity, peer medians: see
    /// `velocity::reads_as_rate`); fewer, and the report says the count rests on
    /// too few deals.
    pub minimum_decided_deals: f64,
    /// Percent by which a company number must be worse than the peer median before
    /// the report says the number disagrees with a confident answer.
    pub figure_margin: f64,
    /// Peer-group dimensions tried in order; an empty list is everyone.
    pub peer_fallback: Vec<Vec<String>>,
    pub commentary: CommentaryThresholds,
    /// Thresholds of the data-quality flags.
    pub quality: super::quality::QualityRules,
    pub company_categories: Bands,
    pub personal_categories: Bands,
    pub revenue_potential: Bands,
    /// The absolute target (0-100) a sub-index is measured against for revenue
    /// potential, beside the peer group's top decile.
    pub potential_target: f64,
    /// The reference currency: every amount is kept and compared in it.
    pub currency: Currency,
    /// Every currency respondents may give amounts in, the reference first.
    pub currencies: Vec<Currency>,
    /// The item whose answer (a currency code) chooses a respondent's
    /// currency; without one, everyone answers in the reference.
    pub currency_item: Option<String>,
    pub tensions: Vec<Tension>,
    /// Groups of company questions judged together.
    pub related: Vec<Related>,
    /// What an answer can say the company does not have (a CRM), and what the
    /// questions that presume it say instead.
    pub absences: Vec<Absence>,
    /// Who the report speaks to, by role (`[audiences]`), if declared.
    pub audiences: Option<Audiences>,
    /// Indexed by `SubIndex::position`.
    pub sub_indices: [SubIndexText; 4],
    pub parts: Vec<Part>,
    pub sections: Vec<Section>,
    pub items: Vec<Item>,
    /// Team assessments: shared profile and role groups (`[teams]`), if declared.
    pub teams: Option<super::team::TeamRules>,
    #[serde(skip)]
    item_index: HashMap<String, usize>,
    /// The questionnaire in each language its translation files give
    /// ([`translation`]): the same ids, scores and weights in other words.
    #[serde(skip)]
    pub translations: BTreeMap<Language, Arc<Questionnaire>>,
    /// The language of its words: the study file's own (English), or a
    /// translation's. Numbers typed into its form are read its way.
    #[serde(skip)]
    pub language: Language,
    /// The study file's text in this questionnaire's language: what its
    /// translations are checked against and built from.
    #[serde(skip)]
    pub(crate) source_text: Arc<str>,
}

/// Which of the loader's rules a study file is held to: all of them, or, for
/// a study file with a translation's texts put in, all but the wording rules
/// written in English phrases (`names`, `not_said`, the CHANGE openers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rules {
    Study,
    Translation(Language),
}

impl Rules {
    /// Whether `{answer}` names a choice (not a scale step) in lower case:
    /// "negotiation", but German keeps a noun's capital ("Verhandlung").
    pub(crate) fn lower_case_choices(self) -> bool {
        self != Rules::Translation(Language::German)
    }
}

impl Questionnaire {
    /// The questionnaire in `language`: its translation, or the study file's
    /// own words when it has none in that language.
    pub fn in_language(&self, language: Language) -> &Questionnaire {
        self.translations.get(&language).map_or(self, Arc::as_ref)
    }

    /// The languages respondents can answer in: the study file's own, then
    /// those its translations give.
    pub fn languages(&self) -> Vec<Language> {
        let mut out = vec![Language::English];
        out.extend(self.translations.keys().copied());
        out
    }

    /// Adds the translations `files` give, each (language, its name in
    /// messages, its text), after checking each against this questionnaire.
    ///
    /// # Errors
    /// A [`QuestionnaireError`] for the first translation file with problems,
    /// listing every one of them.
    pub fn with_translations(
        mut self,
        files: &[(Language, String, String)],
    ) -> Result<Questionnaire, QuestionnaireError> {
        for (language, source, text) in files {
            let t = translation::Translation::from_toml(*language, text).map_err(|p| {
                QuestionnaireError {
                    file: source.clone(),
                    problems: vec![p],
                }
            })?;
            let problems = t.problems(&self);
            if !problems.is_empty() {
                return Err(QuestionnaireError {
                    file: source.clone(),
                    problems,
                });
            }
            let translated = t.apply(&self).map_err(|problems| QuestionnaireError {
                file: source.clone(),
                problems,
            })?;
            self.translations.insert(*language, Arc::new(translated));
        }
        Ok(self)
    }

    /// The translation files beside the study file at `path`
    /// (`dealbench-v1.de.toml` beside `dealbench-v1.toml`), read.
    fn translation_files(
        path: &Path,
    ) -> Result<Vec<(Language, String, String)>, QuestionnaireError> {
        let mut out = Vec::new();
        let (Some(folder), Some(stem)) = (path.parent(), path.file_stem()) else {
            return Ok(out);
        };
        for language in Language::ALL.into_iter().skip(1) {
            let file = folder.join(format!(
                "{}.{}.toml",
                stem.to_string_lossy(),
                language.code()
            ));
            if !file.is_file() {
                continue;
            }
            let source = file.display().to_string();
            let text = std::fs::read_to_string(&file).map_err(|e| QuestionnaireError {
                file: source.clone(),
                problems: vec![Problem::new("file", format!("cannot be read: {e}"))],
            })?;
            out.push((language, source, text));
        }
        Ok(out)
    }

    /// Reads and validates a questionnaire file.
    ///
    /// # Errors
    /// A [`QuestionnaireError`] naming the file and every problem found in it.
    pub fn load(path: &Path) -> Result<Questionnaire, QuestionnaireError> {
        let source = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| QuestionnaireError {
            file: source.clone(),
            problems: vec![Problem::new("file", format!("cannot be read: {e}"))],
        })?;
        Questionnaire::from_toml(&source, &text)?
            .with_translations(&Questionnaire::translation_files(path)?)
    }

    /// Parses and validates questionnaire text; `source` names it in errors.
    ///
    /// # Errors
    /// A [`QuestionnaireError`] listing every problem found.
    pub fn from_toml(source: &str, text: &str) -> Result<Questionnaire, QuestionnaireError> {
        Questionnaire::from_toml_with(text, Rules::Study).map_err(|problems| QuestionnaireError {
            file: source.to_string(),
            problems,
        })
    }

    /// Parses and validates questionnaire text under `rules`.
    pub(crate) fn from_toml_with(text: &str, rules: Rules) -> Result<Questionnaire, Vec<Problem>> {
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            vec![Problem::new(
                "file",
                format!("is not a valid questionnaire: {}", e.to_string().trim()),
            )]
        })?;
        let mut problems = Vec::new();
        match build(raw, rules, &mut problems) {
            Some(mut q) if problems.is_empty() => {
                q.source_text = Arc::from(text);
                Ok(q)
            }
            _ => Err(problems),
        }
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.item_index.get(id).map(|&i| &self.items[i])
    }

    pub fn item_position(&self, id: &str) -> Option<usize> {
        self.item_index.get(id).copied()
    }

    pub fn part(&self, id: &str) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }

    pub fn part_of(&self, item: &Item) -> Option<&Part> {
        self.sections
            .iter()
            .find(|s| s.id == item.section)
            .and_then(|s| self.part(&s.part))
    }

    pub fn sub_index_text(&self, sub: SubIndex) -> &SubIndexText {
        &self.sub_indices[sub.position()]
    }

    /// The peer-group dimensions, in questionnaire order, with the item defining each.
    pub fn dimensions(&self) -> impl Iterator<Item = (&str, &Item)> {
        self.items
            .iter()
            .filter_map(|i| i.dimension.as_deref().map(|d| (d, i)))
    }

    /// The items of the sections of one part kind, in order.
    pub fn items_of_part(&self, kind: PartKind) -> impl Iterator<Item = &Item> {
        self.sections
            .iter()
            .filter(move |s| self.part(&s.part).is_some_and(|p| p.kind == kind))
            .flat_map(|s| s.items.iter().map(|&i| &self.items[i]))
    }

    /// The sections of one part kind, in order.
    pub fn sections_of(&self, kind: PartKind) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(move |s| self.part(&s.part).is_some_and(|p| p.kind == kind))
    }

    /// The audience group of a role option (`executive` -> `leader`), if any.
    pub fn audience_of_role(&self, role_option: &str) -> Option<&str> {
        self.audiences.as_ref().and_then(|a| {
            a.groups
                .iter()
                .find(|g| g.options.iter().any(|o| o == role_option))
                .map(|g| g.id.as_str())
        })
    }

    /// The related groups an item belongs to (one practice can be judged
    /// beside several others: an executive sponsor on a major account, and
    /// access to executives).
    pub fn related_groups<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Related> {
        self.related
            .iter()
            .filter(move |g| g.items.iter().any(|i| i == item))
    }

    /// The first related group an item belongs to.
    pub fn related_group(&self, item: &str) -> Option<&Related> {
        self.related
            .iter()
            .find(|r| r.items.iter().any(|i| i == item))
    }
}

/// Every problem found in one questionnaire file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct QuestionnaireError {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for QuestionnaireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "{}: {} problem{}",
            self.file,
            n,
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            write!(f, "\n  {}: {}: {}", self.file, p.place, p.message)?;
        }
        Ok(())
    }
}

/// One problem: where in the file (`item \`x\``) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: String,
    pub message: String,
}

impl Problem {
    fn new(place: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            place: place.into(),
            message: message.into(),
        }
    }
}

mod item;
mod load;
mod raw;
pub mod translation;
mod wording;

/// The currencies of a study and a respondent's choice among them.
impl Questionnaire {
    /// The currency with this code, among those respondents may use.
    pub fn currency_by_code(&self, code: &str) -> Option<&Currency> {
        self.currencies
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }

    /// The reference currency, whatever currency this questionnaire is read
    /// in ([`Questionnaire::in_currency`]).
    pub fn reference_currency(&self) -> &Currency {
        self.currencies.first().unwrap_or(&self.currency)
    }

    /// The currency a respondent gave their amounts in: their answer to the
    /// currency item, or the reference when there is none.
    pub fn chosen_currency(&self, answers: &crate::answers::Answers) -> &Currency {
        self.currency_item
            .as_deref()
            .and_then(|id| {
                let pos = self.item_position(id)?;
                match answers.get(pos)? {
                    crate::answers::Answer::Option(i) => {
                        self.currency_by_code(&self.items[pos].options.get(*i)?.id)
                    }
                    _ => None,
                }
            })
            .unwrap_or(self.reference_currency())
    }

    /// This questionnaire as read in `currency`: every amount it formats is
    /// shown in that currency (a report for a respondent who answered in it).
    pub fn in_currency(&self, currency: &Currency) -> Questionnaire {
        let mut q = self.clone();
        q.currency = currency.clone();
        q
    }
}

use load::build;
use raw::RawFile;
pub use wording::{HEDGES, holds_phrase};
#[cfg(test)]
mod tests;
