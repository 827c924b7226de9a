//! The study questionnaire: its model, and the loader that reads a TOML file and
//! validates it.
//!
//! Everything the study asks and says lives in the file (see
//! `questionnaires/README.md`): questions, options and their scores, sub-index
//! weights, categories, peer rules and commentary. The loader turns the file into a
//! [`Questionnaire`] that cannot be invalid: every problem in the file is collected
//! and reported at once, each naming the file, the place and the problem.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

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

/// Whether a headline reads after the verdict word CHANGE.
pub fn reads_after_change(headline: &str) -> bool {
    CHANGE_OPENERS.iter().any(|o| headline.starts_with(o))
}

/// The placeholder in a paragraph of commentary that stands for the chosen option's
/// label, so that one paragraph can serve several options of a band without
/// hedging between them.
pub const ANSWER_PLACEHOLDER: &str = "{answer}";

/// An option's label as it reads inside a sentence: lower case, and only its name
/// where the label explains itself after a colon ("Target selection: choosing which
/// prospects to pursue" reads "target selection").
pub fn answer_words(option: &AnswerOption) -> String {
    let name = option.label.split(':').next().unwrap_or(&option.label);
    name.trim().to_lowercase()
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
    /// Said instead of the middling paragraph when the respondent gave the quoted
    /// number: the figure can settle what the answer leaves open.
    pub measured: Option<String>,
}

impl Item {
    /// The paragraph of commentary for one chosen option: the option's own paragraph
    /// when the file declares one, else the band's, with the option's label put in
    /// for the answer placeholder. `None` for an unscored item.
    pub fn paragraph_for(&self, option: usize, band: Band) -> Option<String> {
        let commentary = self.commentary.as_ref()?;
        let text = self
            .option_commentary
            .get(&option)
            .map_or_else(|| commentary.paragraph(band), String::as_str);
        let label = self
            .options
            .get(option)
            .map(answer_words)
            .unwrap_or_default();
        Some(text.replace(ANSWER_PLACEHOLDER, &label))
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
    /// Said instead of the strong or middling paragraph when the respondent's own
    /// number for this sub-index is markedly worse than the peer median.
    pub figure_disagrees: Option<String>,
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

/// The currency every amount of the study is written in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Currency {
    /// ISO code, for people reading exports ("USD").
    pub code: String,
    /// Written before the amount ("$").
    pub symbol: String,
}

impl Currency {
    /// A whole amount with the symbol and thousands separators: "$12,800".
    pub fn format(&self, amount: f64) -> String {
        let whole = super::report::format_amount(amount.abs());
        let sign = if amount.round() < 0.0 { "-" } else { "" };
        format!("{sign}{}{whole}", self.symbol)
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
    /// Decided deals (won plus lost) a counted win rate needs before the report
    /// reads it as a rate; fewer, and it says the count rests on few deals.
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
    pub currency: Currency,
    pub tensions: Vec<Tension>,
    /// Indexed by `SubIndex::position`.
    pub sub_indices: [SubIndexText; 4],
    pub parts: Vec<Part>,
    pub sections: Vec<Section>,
    pub items: Vec<Item>,
    /// Team assessments: shared profile and role groups (`[teams]`), if declared.
    pub teams: Option<super::team::TeamRules>,
    #[serde(skip)]
    item_index: HashMap<String, usize>,
}

impl Questionnaire {
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
        Questionnaire::from_toml(&source, &text)
    }

    /// Parses and validates questionnaire text; `source` names it in errors.
    ///
    /// # Errors
    /// A [`QuestionnaireError`] listing every problem found.
    pub fn from_toml(source: &str, text: &str) -> Result<Questionnaire, QuestionnaireError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| QuestionnaireError {
            file: source.to_string(),
            problems: vec![Problem::new(
                "file",
                format!("is not a valid questionnaire: {}", e.to_string().trim()),
            )],
        })?;
        let mut problems = Vec::new();
        let built = build(raw, &mut problems);
        match built {
            Some(q) if problems.is_empty() => Ok(q),
            _ => Err(QuestionnaireError {
                file: source.to_string(),
                problems,
            }),
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

// ---- The file as written: everything optional, so that all problems can be
// ---- collected instead of stopping at the first missing key.

type Extra = BTreeMap<String, toml::Value>;

#[derive(Deserialize)]
struct RawFile {
    study: Option<RawStudy>,
    #[serde(default)]
    company_categories: Vec<RawBand>,
    #[serde(default)]
    personal_categories: Vec<RawBand>,
    #[serde(default)]
    revenue_potential: Vec<RawBand>,
    #[serde(default)]
    sub_indices: BTreeMap<String, RawSubIndex>,
    #[serde(default)]
    scales: BTreeMap<String, RawScale>,
    #[serde(default)]
    parts: Vec<RawPart>,
    #[serde(default)]
    sections: Vec<RawSection>,
    #[serde(default)]
    items: Vec<RawItem>,
    #[serde(default)]
    tensions: Vec<RawTension>,
    teams: Option<super::team::RawTeams>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Deserialize)]
struct RawTension {
    id: Option<String>,
    title: Option<String>,
    first: Option<RawTensionSide>,
    second: Option<RawTensionSide>,
    paragraph: Option<String>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Deserialize)]
struct RawTensionSide {
    item: Option<String>,
    #[serde(default)]
    answers: Vec<String>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Deserialize)]
struct RawCurrency {
    code: Option<String>,
    symbol: Option<String>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Deserialize)]
struct RawStudy {
    id: Option<String>,
    version: Option<u32>,
    name: Option<String>,
    minutes: Option<u32>,
    intro: Option<String>,
    privacy: Option<String>,
    velocity: Option<String>,
    minimum_coverage: Option<f64>,
    peer_group_minimum: Option<usize>,
    minimum_decided_deals: Option<f64>,
    figure_margin: Option<f64>,
    peer_fallback: Option<Vec<Vec<String>>>,
    commentary: Option<RawThresholds>,
    quality: Option<super::quality::QualityRules>,
    potential_target: Option<f64>,
    currency: Option<RawCurrency>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Deserialize)]
struct RawThresholds {
    strong_from: f64,
    weak_below: f64,
}

#[derive(Deserialize)]
struct RawBand {
    name: Option<String>,
    from: Option<f64>,
    to: Option<f64>,
    description: Option<String>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Deserialize)]
struct RawSubIndex {
    name: Option<String>,
    meaning: Option<String>,
    strong: Option<String>,
    middling: Option<String>,
    weak: Option<String>,
    figure_disagrees: Option<String>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Deserialize)]
struct RawScale {
    #[serde(default)]
    options: Vec<RawOption>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Deserialize, Clone)]
struct RawOption {
    id: Option<String>,
    label: Option<String>,
    score: Option<f64>,
    #[serde(default)]
    excluded: bool,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Deserialize)]
struct RawPart {
    id: Option<String>,
    kind: Option<String>,
    title: Option<String>,
    intro: Option<String>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Deserialize)]
struct RawSection {
    id: Option<String>,
    part: Option<String>,
    title: Option<String>,
    intro: Option<String>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Deserialize)]
struct RawItem {
    id: Option<String>,
    section: Option<String>,
    kind: Option<String>,
    text: Option<String>,
    help: Option<String>,
    options: Option<Vec<RawOption>>,
    weights: Option<BTreeMap<String, f64>>,
    #[serde(default)]
    key_area: bool,
    #[serde(default)]
    reverse: bool,
    #[serde(default)]
    required: bool,
    dimension: Option<String>,
    #[serde(default)]
    contact: bool,
    format: Option<String>,
    unit: Option<String>,
    min: Option<f64>,
    max: Option<f64>,
    #[serde(default)]
    integer: bool,
    metric: Option<String>,
    strong: Option<String>,
    middling: Option<String>,
    weak: Option<String>,
    keep: Option<String>,
    change: Option<String>,
    stop: Option<String>,
    find_out: Option<String>,
    option_commentary: Option<BTreeMap<String, String>>,
    quotes: Option<String>,
    figure_disagrees: Option<String>,
    measured: Option<String>,
    #[serde(flatten)]
    extra: Extra,
}

fn unknown_keys(place: &str, extra: &Extra, problems: &mut Vec<Problem>) {
    for key in extra.keys() {
        problems.push(Problem::new(place, format!("unknown key `{key}`")));
    }
}

fn required_text(
    place: &str,
    key: &str,
    value: Option<String>,
    problems: &mut Vec<Problem>,
) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => v.trim().to_string(),
        _ => {
            problems.push(Problem::new(place, format!("`{key}` is missing or empty")));
            String::new()
        }
    }
}

fn is_identifier(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn identifier(place: &str, id: Option<String>, problems: &mut Vec<Problem>) -> String {
    match id {
        Some(id) if is_identifier(&id) => id,
        Some(id) => {
            problems.push(Problem::new(
                place,
                format!("id `{id}` must be lower_snake_case (a-z, 0-9, _), starting with a letter"),
            ));
            id
        }
        None => {
            problems.push(Problem::new(place, "`id` is missing"));
            String::new()
        }
    }
}

fn build_bands(list: &str, raw: Vec<RawBand>, problems: &mut Vec<Problem>) -> Bands {
    let mut bands = Vec::new();
    for (n, b) in raw.into_iter().enumerate() {
        let place = match &b.name {
            Some(name) => format!("{list} `{name}`"),
            None => format!("{list} #{}", n + 1),
        };
        unknown_keys(&place, &b.extra, problems);
        let name = required_text(&place, "name", b.name, problems);
        let description = b.description.unwrap_or_default().trim().to_string();
        match (b.from, b.to) {
            (Some(from), Some(to)) if from < to => bands.push(Band100 {
                name,
                from,
                to,
                description,
            }),
            (Some(from), Some(to)) => problems.push(Problem::new(
                place,
                format!("`from` ({from}) must be below `to` ({to})"),
            )),
            _ => problems.push(Problem::new(place, "needs both `from` and `to`")),
        }
    }
    if bands.is_empty() {
        problems.push(Problem::new(list, "no bands are declared"));
        return Bands(vec![Band100 {
            name: String::new(),
            from: 0.0,
            to: 100.0,
            description: String::new(),
        }]);
    }
    bands.sort_by(|a, b| a.from.total_cmp(&b.from));
    let mut expected = 0.0;
    for b in &bands {
        if b.from > expected {
            problems.push(Problem::new(
                list,
                format!(
                    "the bands do not cover 0-100: nothing covers {expected} to {}",
                    b.from
                ),
            ));
        } else if b.from < expected {
            problems.push(Problem::new(
                list,
                format!(
                    "the bands do not cover 0-100 exactly: `{}` starts at {} inside the band before it, which ends at {expected}",
                    b.name, b.from
                ),
            ));
        }
        expected = b.to;
    }
    if expected != 100.0 {
        problems.push(Problem::new(
            list,
            format!("the bands do not cover 0-100: the last one ends at {expected}, not 100"),
        ));
    }
    Bands(bands)
}

fn build_options(
    place: &str,
    raw: Vec<RawOption>,
    reverse: bool,
    scored: bool,
    problems: &mut Vec<Problem>,
) -> Vec<AnswerOption> {
    let mut seen = HashSet::new();
    let mut options = Vec::new();
    for (n, o) in raw.into_iter().enumerate() {
        let oplace = match &o.id {
            Some(id) => format!("{place}, option `{id}`"),
            None => format!("{place}, option #{}", n + 1),
        };
        unknown_keys(&oplace, &o.extra, problems);
        let id = identifier(&oplace, o.id, problems);
        if !seen.insert(id.clone()) {
            problems.push(Problem::new(&oplace, "duplicate option id"));
        }
        let label = required_text(&oplace, "label", o.label, problems);
        let score = match (o.score, o.excluded) {
            (Some(_), true) => {
                problems.push(Problem::new(
                    &oplace,
                    "has a score but is also `excluded`: choose one",
                ));
                None
            }
            (Some(s), false) if (0.0..=100.0).contains(&s) => {
                Some(if reverse { 100.0 - s } else { s })
            }
            (Some(s), false) => {
                problems.push(Problem::new(&oplace, format!("score {s} is outside 0-100")));
                None
            }
            (None, true) => None,
            (None, false) if !scored => None,
            (None, false) => {
                problems.push(Problem::new(
                    &oplace,
                    "has no score (give `score = 0..100`, or `excluded = true` to leave it out of the mean)",
                ));
                None
            }
        };
        options.push(AnswerOption { id, label, score });
    }
    if options.len() < 2 {
        problems.push(Problem::new(place, "needs at least two options"));
    }
    options
}

fn build(raw: RawFile, problems: &mut Vec<Problem>) -> Option<Questionnaire> {
    unknown_keys("file", &raw.extra, problems);
    let Some(study) = raw.study else {
        problems.push(Problem::new("file", "the [study] table is missing"));
        return None;
    };
    unknown_keys("[study]", &study.extra, problems);
    let id = identifier("[study]", study.id, problems);
    let version = study.version.unwrap_or_else(|| {
        problems.push(Problem::new("[study]", "`version` is missing"));
        0
    });
    let name = required_text("[study]", "name", study.name, problems);
    let intro = required_text("[study]", "intro", study.intro, problems);
    let privacy = required_text("[study]", "privacy", study.privacy, problems);
    let velocity_text = required_text("[study]", "velocity", study.velocity, problems);
    let minutes = study.minutes.unwrap_or(15);
    let minimum_coverage = study.minimum_coverage.unwrap_or(50.0);
    if !(0.0..=100.0).contains(&minimum_coverage) || minimum_coverage == 0.0 {
        problems.push(Problem::new(
            "[study]",
            format!("`minimum_coverage` {minimum_coverage} must be above 0 and at most 100"),
        ));
    }
    let peer_group_minimum = study.peer_group_minimum.unwrap_or(10);
    let minimum_decided_deals = study.minimum_decided_deals.unwrap_or(10.0);
    if minimum_decided_deals < 1.0 {
        problems.push(Problem::new(
            "[study]",
            "`minimum_decided_deals` must be at least 1",
        ));
    }
    let figure_margin = study.figure_margin.unwrap_or(15.0);
    if !(0.0..=100.0).contains(&figure_margin) {
        problems.push(Problem::new(
            "[study]",
            "`figure_margin` must be a percentage between 0 and 100",
        ));
    }
    if peer_group_minimum == 0 {
        problems.push(Problem::new(
            "[study]",
            "`peer_group_minimum` must be at least 1",
        ));
    }
    let quality = study.quality.unwrap_or_default();
    for problem in quality.problems() {
        problems.push(Problem::new("[study]", problem));
    }
    let peer_fallback = study.peer_fallback.unwrap_or_else(|| {
        vec![
            vec!["industry".into(), "company_size".into()],
            vec!["industry".into()],
            vec![],
        ]
    });
    if peer_fallback.is_empty() {
        problems.push(Problem::new("[study]", "`peer_fallback` is empty"));
    }
    let commentary = match study.commentary {
        Some(t) if t.weak_below <= t.strong_from => CommentaryThresholds {
            strong_from: t.strong_from,
            weak_below: t.weak_below,
        },
        Some(_) => {
            problems.push(Problem::new(
                "[study]",
                "`commentary.weak_below` must not be above `commentary.strong_from`",
            ));
            CommentaryThresholds {
                strong_from: 75.0,
                weak_below: 40.0,
            }
        }
        None => CommentaryThresholds {
            strong_from: 75.0,
            weak_below: 40.0,
        },
    };

    let company_categories = build_bands("company_categories", raw.company_categories, problems);
    let personal_categories = build_bands("personal_categories", raw.personal_categories, problems);
    let revenue_potential = build_bands("revenue_potential", raw.revenue_potential, problems);
    let potential_target = match study.potential_target {
        None => 100.0,
        Some(t) if !(0.0..=100.0).contains(&t) => {
            problems.push(Problem::new(
                "[study]",
                format!("`potential_target` {t} must be between 0 and 100"),
            ));
            100.0
        }
        Some(t) => {
            check_potential_agrees_with_commentary(t, &commentary, &revenue_potential, problems);
            t
        }
    };
    let currency = match study.currency {
        None => Currency {
            code: String::new(),
            symbol: String::new(),
        },
        Some(c) => {
            unknown_keys("[study.currency]", &c.extra, problems);
            Currency {
                code: required_text("[study.currency]", "code", c.code, problems),
                symbol: required_text("[study.currency]", "symbol", c.symbol, problems),
            }
        }
    };

    let mut sub_texts = raw.sub_indices;
    for key in sub_texts.keys() {
        if SubIndex::from_key(key).is_none() {
            problems.push(Problem::new(
                format!("[sub_indices.{key}]"),
                "there is no such sub-index (value, number, win_rate, sales_cycle)",
            ));
        }
    }
    let sub_indices = SubIndex::ALL.map(|sub| {
        let place = format!("[sub_indices.{}]", sub.key());
        match sub_texts.remove(sub.key()) {
            Some(t) => {
                unknown_keys(&place, &t.extra, problems);
                SubIndexText {
                    name: required_text(&place, "name", t.name, problems),
                    meaning: required_text(&place, "meaning", t.meaning, problems),
                    commentary: Commentary {
                        strong: required_text(&place, "strong", t.strong, problems),
                        middling: required_text(&place, "middling", t.middling, problems),
                        weak: required_text(&place, "weak", t.weak, problems),
                    },
                    figure_disagrees: t
                        .figure_disagrees
                        .map(|p| p.trim().to_string())
                        .filter(|p| !p.is_empty()),
                }
            }
            None => {
                problems.push(Problem::new(&place, "is missing"));
                SubIndexText {
                    name: sub.key().into(),
                    meaning: String::new(),
                    commentary: Commentary {
                        strong: String::new(),
                        middling: String::new(),
                        weak: String::new(),
                    },
                    figure_disagrees: None,
                }
            }
        }
    });

    let mut scales: HashMap<String, Vec<RawOption>> = HashMap::new();
    for (name, scale) in raw.scales {
        let place = format!("[scales.{name}]");
        unknown_keys(&place, &scale.extra, problems);
        if !["agreement", "importance", "frequency"].contains(&name.as_str()) {
            problems.push(Problem::new(
                &place,
                "no item kind uses this scale (agreement, importance, frequency)",
            ));
        }
        // Validate the scale's own options once; items reuse them.
        build_options(&place, scale.options.clone(), false, true, problems);
        scales.insert(name, scale.options);
    }

    let mut parts = Vec::new();
    let mut part_ids = HashSet::new();
    for (n, p) in raw.parts.into_iter().enumerate() {
        let place = match &p.id {
            Some(id) => format!("part `{id}`"),
            None => format!("part #{}", n + 1),
        };
        unknown_keys(&place, &p.extra, problems);
        let pid = identifier(&place, p.id, problems);
        if !part_ids.insert(pid.clone()) {
            problems.push(Problem::new(&place, "duplicate part id"));
        }
        let kind = match p.kind.as_deref() {
            Some("profile") => PartKind::Profile,
            Some("company") => PartKind::Company,
            Some("numbers") => PartKind::Numbers,
            Some("personal") => PartKind::Personal,
            other => {
                problems.push(Problem::new(
                    &place,
                    format!(
                        "`kind` {} is not one of profile, company, numbers, personal",
                        other.map_or("(missing)".to_string(), |k| format!("`{k}`"))
                    ),
                ));
                PartKind::Company
            }
        };
        parts.push(Part {
            id: pid,
            kind,
            title: required_text(&place, "title", p.title, problems),
            intro: p.intro.unwrap_or_default().trim().to_string(),
        });
    }
    for kind in [PartKind::Profile, PartKind::Company, PartKind::Personal] {
        if !parts.iter().any(|p| p.kind == kind) {
            problems.push(Problem::new(
                "parts",
                format!("there is no part of kind `{kind:?}`").to_lowercase(),
            ));
        }
    }

    let mut sections = Vec::new();
    let mut section_ids: HashMap<String, usize> = HashMap::new();
    for (n, s) in raw.sections.into_iter().enumerate() {
        let place = match &s.id {
            Some(id) => format!("section `{id}`"),
            None => format!("section #{}", n + 1),
        };
        unknown_keys(&place, &s.extra, problems);
        let sid = identifier(&place, s.id, problems);
        if section_ids.insert(sid.clone(), sections.len()).is_some() {
            problems.push(Problem::new(&place, "duplicate section id"));
        }
        let part = required_text(&place, "part", s.part, problems);
        if !part.is_empty() && !part_ids.contains(&part) {
            problems.push(Problem::new(
                &place,
                format!("names part `{part}`, which does not exist"),
            ));
        }
        sections.push(Section {
            id: sid,
            part,
            title: required_text(&place, "title", s.title, problems),
            intro: s.intro.unwrap_or_default().trim().to_string(),
            items: Vec::new(),
        });
    }

    let mut items = Vec::new();
    let mut item_index = HashMap::new();
    for (n, r) in raw.items.into_iter().enumerate() {
        let place = match &r.id {
            Some(id) => format!("item `{id}`"),
            None => format!("item #{}", n + 1),
        };
        unknown_keys(&place, &r.extra, problems);
        let iid = identifier(&place, r.id.clone(), problems);
        if item_index.insert(iid.clone(), items.len()).is_some() {
            problems.push(Problem::new(&place, "duplicate item id"));
        }
        let section = required_text(&place, "section", r.section.clone(), problems);
        let part_kind = match section_ids.get(&section) {
            Some(&si) => {
                sections[si].items.push(items.len());
                parts
                    .iter()
                    .find(|p| p.id == sections[si].part)
                    .map(|p| p.kind)
            }
            None => {
                if !section.is_empty() {
                    problems.push(Problem::new(
                        &place,
                        format!("names section `{section}`, which does not exist"),
                    ));
                }
                None
            }
        };
        items.push(build_item(
            &place, iid, section, part_kind, r, &scales, problems,
        ));
    }

    let mut dims = HashSet::new();
    for item in &items {
        if let Some(d) = &item.dimension
            && !dims.insert(d.clone())
        {
            problems.push(Problem::new(
                format!("item `{}`", item.id),
                format!("dimension `{d}` is defined by two items"),
            ));
        }
    }
    let mut metrics = HashSet::new();
    for item in &items {
        if let Some(m) = item.metric
            && !metrics.insert(m)
        {
            problems.push(Problem::new(
                format!("item `{}`", item.id),
                format!("metric `{}` is supplied by two items", m.key()),
            ));
        }
    }
    for (n, level) in peer_fallback.iter().enumerate() {
        for d in level {
            if !dims.contains(d) {
                problems.push(Problem::new(
                    "[study]",
                    format!(
                        "peer_fallback step {} names dimension `{d}`, which no profile item defines",
                        n + 1
                    ),
                ));
            }
        }
    }
    for sub in SubIndex::ALL {
        if !items.iter().any(|i| i.weights[sub.position()] > 0.0) {
            problems.push(Problem::new(
                "items",
                format!("no item feeds the `{}` sub-index", sub.key()),
            ));
        }
    }
    if !items.iter().any(|i| i.personal_weight > 0.0) {
        problems.push(Problem::new("items", "no item feeds the personal index"));
    }
    for s in &sections {
        if s.items.is_empty() {
            problems.push(Problem::new(format!("section `{}`", s.id), "has no items"));
        }
    }
    let tensions = build_tensions(raw.tensions, &items, &item_index, problems);

    let teams = raw.teams.map(|t| t.build(&items, problems));
    Some(Questionnaire {
        id,
        version,
        name,
        minutes,
        intro,
        privacy,
        velocity_text,
        minimum_coverage,
        peer_group_minimum,
        minimum_decided_deals,
        figure_margin,
        peer_fallback,
        commentary,
        quality,
        company_categories,
        personal_categories,
        revenue_potential,
        potential_target,
        currency,
        tensions,
        sub_indices,
        parts,
        sections,
        items,
        teams,
        item_index,
    })
}

/// With a declared target, revenue potential must agree with the sub-index's own
/// paragraph: a middling or weak score (below `strong_from`) is at least
/// `target - strong_from` points from the target, which must lie beyond the first
/// (smallest) potential band; a strong score is at most `max(target, 100) -
/// strong_from` from any benchmark, which must stay below the last (largest) band.
fn check_potential_agrees_with_commentary(
    target: f64,
    thresholds: &CommentaryThresholds,
    bands: &Bands,
    problems: &mut Vec<Problem>,
) {
    let (Some(first), Some(last)) = (bands.all().first(), bands.all().last()) else {
        return;
    };
    if bands.all().len() < 2 {
        problems.push(Problem::new(
            "revenue_potential",
            "with a `potential_target`, declare at least two bands",
        ));
        return;
    }
    if target - thresholds.strong_from < first.to {
        problems.push(Problem::new(
            "[study]",
            format!(
                "`potential_target` {target} is too low: a middling score just under {} would be {} points from it, which is `{}`; the target must be at least {}",
                thresholds.strong_from,
                target - thresholds.strong_from,
                first.name,
                thresholds.strong_from + first.to
            ),
        ));
    }
    if 100.0 - thresholds.strong_from >= last.from {
        problems.push(Problem::new(
            "revenue_potential",
            format!(
                "a strong score of {} could be {} points below a peer group's top decile, which is `{}`: start that band above {}",
                thresholds.strong_from,
                100.0 - thresholds.strong_from,
                last.name,
                100.0 - thresholds.strong_from
            ),
        ));
    }
}

fn build_tensions(
    raw: Vec<RawTension>,
    items: &[Item],
    item_index: &HashMap<String, usize>,
    problems: &mut Vec<Problem>,
) -> Vec<Tension> {
    let mut ids = HashSet::new();
    let mut tensions = Vec::new();
    for (n, t) in raw.into_iter().enumerate() {
        let place = match &t.id {
            Some(id) => format!("tension `{id}`"),
            None => format!("tension #{}", n + 1),
        };
        unknown_keys(&place, &t.extra, problems);
        let id = identifier(&place, t.id, problems);
        if !ids.insert(id.clone()) {
            problems.push(Problem::new(&place, "duplicate tension id"));
        }
        let title = required_text(&place, "title", t.title, problems);
        let paragraph = required_text(&place, "paragraph", t.paragraph, problems);
        let mut side = |key: &str, raw: Option<RawTensionSide>| -> TensionSide {
            let Some(raw) = raw else {
                problems.push(Problem::new(&place, format!("`{key}` is missing")));
                return TensionSide {
                    item: String::new(),
                    answers: Vec::new(),
                };
            };
            unknown_keys(&format!("{place}, {key}"), &raw.extra, problems);
            let item_id = required_text(&place, &format!("{key}.item"), raw.item, problems);
            match item_index.get(&item_id).map(|&i| &items[i]) {
                Some(item) if item.is_scored() => {
                    for a in &raw.answers {
                        if item.option(a).is_none() {
                            problems.push(Problem::new(
                                &place,
                                format!("`{key}` names answer `{a}`, which item `{item_id}` does not offer"),
                            ));
                        }
                    }
                }
                Some(_) => problems.push(Problem::new(
                    &place,
                    format!("`{key}` names item `{item_id}`, which is not scored"),
                )),
                None if item_id.is_empty() => {}
                None => problems.push(Problem::new(
                    &place,
                    format!("`{key}` names item `{item_id}`, which does not exist"),
                )),
            }
            if raw.answers.is_empty() {
                problems.push(Problem::new(&place, format!("`{key}.answers` is empty")));
            }
            TensionSide {
                item: item_id,
                answers: raw.answers,
            }
        };
        let first = side("first", t.first);
        let second = side("second", t.second);
        if !first.item.is_empty() && first.item == second.item {
            problems.push(Problem::new(&place, "both sides name the same item"));
        }
        tensions.push(Tension {
            id,
            title,
            first,
            second,
            paragraph,
        });
    }
    tensions
}

/// Checks one item's own fields; its id and section were checked by the caller.
fn build_item(
    place: &str,
    id: String,
    section: String,
    part_kind: Option<PartKind>,
    r: RawItem,
    scales: &HashMap<String, Vec<RawOption>>,
    problems: &mut Vec<Problem>,
) -> Item {
    let text = required_text(place, "text", r.text, problems);
    let kind = match r.kind.as_deref().and_then(ItemKind::from_key) {
        Some(k) => k,
        None => {
            problems.push(Problem::new(
                place,
                format!(
                    "`kind` {} is not one of agreement, importance, frequency, choice, number, text",
                    r.kind.map_or("(missing)".to_string(), |k| format!("`{k}`"))
                ),
            ));
            ItemKind::Text
        }
    };

    let scored_by_weights = r.weights.as_ref().is_some_and(|w| !w.is_empty());
    let options = match (kind.scale_name(), kind, r.options) {
        (Some(scale), _, None) => match scales.get(scale) {
            Some(raw) => build_options(place, raw.clone(), r.reverse, true, &mut Vec::new()),
            None => {
                problems.push(Problem::new(
                    place,
                    format!("uses the `{scale}` scale, which is not declared in [scales.{scale}]"),
                ));
                Vec::new()
            }
        },
        (Some(_), _, Some(_)) => {
            problems.push(Problem::new(
                place,
                "a scale item takes its options from its scale: remove `options`",
            ));
            Vec::new()
        }
        (None, ItemKind::Choice, Some(raw)) => {
            build_options(place, raw, r.reverse, scored_by_weights, problems)
        }
        (None, ItemKind::Choice, None) => {
            problems.push(Problem::new(place, "a choice item needs `options`"));
            Vec::new()
        }
        (None, _, Some(_)) => {
            problems.push(Problem::new(
                place,
                format!("a {kind:?} item has no options").to_lowercase(),
            ));
            Vec::new()
        }
        (None, _, None) => Vec::new(),
    };

    let number = if kind == ItemKind::Number {
        match (r.min, r.max) {
            (Some(min), Some(max)) if min < max => Some(NumberRange {
                unit: r.unit.unwrap_or_default(),
                min,
                max,
                integer: r.integer,
            }),
            (Some(min), Some(max)) => {
                problems.push(Problem::new(
                    place,
                    format!("`min` ({min}) must be below `max` ({max})"),
                ));
                None
            }
            _ => {
                problems.push(Problem::new(place, "a number item needs `min` and `max`"));
                None
            }
        }
    } else {
        if r.min.is_some() || r.max.is_some() || r.unit.is_some() {
            problems.push(Problem::new(
                place,
                "`min`, `max` and `unit` belong to number items only",
            ));
        }
        None
    };

    let metric = match r.metric.as_deref() {
        None => None,
        Some(m) => match Metric::from_key(m) {
            Some(metric) if kind == ItemKind::Number => Some(metric),
            Some(_) => {
                problems.push(Problem::new(
                    place,
                    "only a number item can supply a `metric`",
                ));
                None
            }
            None => {
                problems.push(Problem::new(
                    place,
                    format!("`metric` `{m}` is not a company number Dealbench knows"),
                ));
                None
            }
        },
    };

    let mut weights = [0.0; 4];
    let mut personal_weight = 0.0;
    for (key, w) in r.weights.clone().unwrap_or_default() {
        if w <= 0.0 || !w.is_finite() {
            problems.push(Problem::new(
                place,
                format!("weight `{key}` = {w} is not positive"),
            ));
            continue;
        }
        if key == PERSONAL_WEIGHT_KEY {
            personal_weight = w;
        } else if let Some(sub) = SubIndex::from_key(&key) {
            weights[sub.position()] = w;
        } else {
            problems.push(Problem::new(
                place,
                format!(
                    "weight names `{key}`, which is not a sub-index (value, number, win_rate, sales_cycle) or `personal`"
                ),
            ));
        }
    }
    // Problems follow from what the file declares, so that one bad weight is
    // reported once and not again as missing commentary or a missing weight.
    let weights_declared = r.weights.as_ref().is_some_and(|w| !w.is_empty());
    let scored = weights_declared;
    match part_kind {
        Some(PartKind::Company) => {
            if personal_weight > 0.0 {
                problems.push(Problem::new(
                    place,
                    "a company item cannot feed the personal index",
                ));
            }
            if !weights_declared {
                problems.push(Problem::new(
                    place,
                    "a company item needs `weights` on at least one sub-index",
                ));
            }
        }
        Some(PartKind::Personal) => {
            if weights.iter().any(|&w| w > 0.0) {
                problems.push(Problem::new(
                    place,
                    "a personal item feeds the personal index only: use `weights = { personal = 1 }`",
                ));
            }
            if !weights_declared {
                problems.push(Problem::new(
                    place,
                    "a personal item needs `weights = { personal = N }`",
                ));
            }
        }
        Some(PartKind::Profile | PartKind::Numbers) if r.weights.is_some() => {
            problems.push(Problem::new(
                place,
                "profile and number items are not scored: remove `weights`",
            ));
        }
        _ => {}
    }
    if scored && !kind.has_options() {
        problems.push(Problem::new(
            place,
            format!("a {kind:?} item cannot be scored").to_lowercase(),
        ));
    }
    if scored && options.iter().all(|o| o.score.is_none()) && !options.is_empty() {
        problems.push(Problem::new(
            place,
            "a scored item needs at least one scored option",
        ));
    }
    if r.key_area && !scored {
        problems.push(Problem::new(
            place,
            "only a scored item can be a `key_area`",
        ));
    }

    let commentary = if scored {
        let mut missing = Vec::new();
        let mut take = |key: &'static str, v: Option<String>| match v {
            Some(t) if !t.trim().is_empty() => t.trim().to_string(),
            _ => {
                missing.push(key);
                String::new()
            }
        };
        let c = Commentary {
            strong: take("strong", r.strong),
            middling: take("middling", r.middling),
            weak: take("weak", r.weak),
        };
        if !missing.is_empty() {
            problems.push(Problem::new(
                place,
                format!("commentary is missing: `{}`", missing.join("`, `")),
            ));
        }
        Some(c)
    } else {
        if r.strong.is_some() || r.middling.is_some() || r.weak.is_some() {
            problems.push(Problem::new(
                place,
                "commentary belongs to scored items only",
            ));
        }
        None
    };

    let headlines = match (r.keep, r.change, r.stop) {
        (None, None, None) if !r.key_area && r.find_out.is_none() => None,
        (keep, change, stop) => {
            if !r.key_area {
                problems.push(Problem::new(
                    place,
                    "`keep`, `change`, `stop` and `find_out` headlines belong to key areas only",
                ));
            }
            let mut missing = Vec::new();
            let mut take = |key: &'static str, v: Option<String>| match v {
                Some(t) if !t.trim().is_empty() => t.trim().to_string(),
                _ => {
                    missing.push(key);
                    String::new()
                }
            };
            let mut h = Headlines {
                keep: take("keep", keep),
                change: take("change", change),
                stop: take("stop", stop),
                find_out: None,
            };
            let unsure_possible = options.iter().any(|o| o.score.is_none());
            match r.find_out.clone() {
                Some(t) if !t.trim().is_empty() => h.find_out = Some(t.trim().to_string()),
                _ if unsure_possible => missing.push("find_out"),
                _ => {}
            }
            for (key, text) in [
                ("change", Some(&h.change)),
                ("find_out", h.find_out.as_ref()),
            ] {
                if let Some(t) = text.filter(|t| !t.is_empty() && !reads_after_change(t)) {
                    problems.push(Problem::new(
                        place,
                        format!(
                            "the `{key}` headline must read after CHANGE as an imperative sentence: start with what the reader changes ({}), not with {t:?}",
                            CHANGE_OPENERS.join(", ")
                        ),
                    ));
                }
            }
            if !missing.is_empty() {
                problems.push(Problem::new(
                    place,
                    format!(
                        "a key area needs a headline for each verdict; missing: `{}`",
                        missing.join("`, `")
                    ),
                ));
            }
            Some(h)
        }
    };
    let mut option_commentary = BTreeMap::new();
    for (option_id, text) in r.option_commentary.unwrap_or_default() {
        match options.iter().position(|o| o.id == option_id) {
            Some(_) if commentary.is_none() => problems.push(Problem::new(
                place,
                "`option_commentary` belongs to scored items only",
            )),
            Some(i) if !text.trim().is_empty() => {
                option_commentary.insert(i, text.trim().to_string());
            }
            Some(_) => problems.push(Problem::new(
                place,
                format!("`option_commentary.{option_id}` is empty"),
            )),
            None => problems.push(Problem::new(
                place,
                format!(
                    "`option_commentary` names option `{option_id}`, which the item does not offer"
                ),
            )),
        }
    }
    let quotes = match r.quotes.as_deref() {
        None => None,
        Some(m) => match Metric::from_key(m) {
            Some(metric) if commentary.is_some() => Some(metric),
            Some(_) => {
                problems.push(Problem::new(
                    place,
                    "only a scored item can `quotes` a company number",
                ));
                None
            }
            None => {
                problems.push(Problem::new(
                    place,
                    format!("`quotes` `{m}` is not a company number Dealbench knows"),
                ));
                None
            }
        },
    };

    let mut by_figure = |key: &str, text: Option<String>| {
        let text = text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
        if text.is_some() && quotes.is_none() {
            problems.push(Problem::new(
                place,
                format!("`{key}` needs the item to `quotes` a company number"),
            ));
        }
        text
    };
    let figure_disagrees = by_figure("figure_disagrees", r.figure_disagrees);
    let measured = by_figure("measured", r.measured);

    if let Some(d) = &r.dimension {
        if kind != ItemKind::Choice || part_kind != Some(PartKind::Profile) {
            problems.push(Problem::new(
                place,
                "a peer `dimension` must be a choice item of the profile part",
            ));
        }
        if !is_identifier(d) {
            problems.push(Problem::new(
                place,
                format!("dimension `{d}` must be lower_snake_case"),
            ));
        }
    }
    let email = match r.format.as_deref() {
        None => false,
        Some("email") if kind == ItemKind::Text => true,
        Some(f) => {
            problems.push(Problem::new(
                place,
                format!("`format` `{f}` is not known (text items may use `email`)"),
            ));
            false
        }
    };
    if r.contact && kind != ItemKind::Text {
        problems.push(Problem::new(place, "only a text item can be `contact`"));
    }
    if kind == ItemKind::Text && !r.contact {
        problems.push(Problem::new(
            place,
            "free text is collected for contact details only: mark it `contact = true`",
        ));
    }

    Item {
        id,
        section,
        kind,
        text,
        help: r
            .help
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty()),
        options,
        number,
        metric,
        dimension: r.dimension,
        contact: r.contact,
        email,
        required: r.required,
        key_area: r.key_area,
        reverse: r.reverse,
        weights,
        personal_weight,
        commentary,
        headlines,
        option_commentary,
        quotes,
        figure_disagrees,
        measured,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STUDY: &str = include_str!("../../questionnaires/dealbench-v1.toml");

    fn study() -> Questionnaire {
        Questionnaire::from_toml("dealbench-v1.toml", STUDY).expect("the shipped study is valid")
    }

    #[test]
    fn the_study_has_the_items_the_product_promises() {
        let q = study();
        let company: Vec<&Item> = q.items_of_part(PartKind::Company).collect();
        let personal: Vec<&Item> = q.items_of_part(PartKind::Personal).collect();
        assert!(company.len() >= 35, "{} company items", company.len());
        assert!(personal.len() >= 15, "{} personal items", personal.len());
        assert_eq!(q.sections_of(PartKind::Company).count(), 9);
        assert_eq!(q.sections_of(PartKind::Personal).count(), 3);
        let industry = q.item("industry").expect("industry");
        assert!(industry.options.len() >= 8);
        let dims: Vec<&str> = q.dimensions().map(|(d, _)| d).collect();
        for d in ["industry", "company_size", "region", "sales_model", "role"] {
            assert!(dims.contains(&d), "dimension {d}");
        }
        for m in Metric::ALL {
            assert!(
                q.items.iter().any(|i| i.metric == Some(m)),
                "metric {}",
                m.key()
            );
        }
        for kind in [
            ItemKind::Agreement,
            ItemKind::Importance,
            ItemKind::Frequency,
            ItemKind::Choice,
        ] {
            assert!(
                q.items.iter().any(|i| i.kind == kind && i.is_scored()),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn no_paragraph_of_commentary_is_used_twice() {
        let q = study();
        let mut seen = HashSet::new();
        for item in q.items.iter().filter(|i| i.is_scored()) {
            let c = item
                .commentary
                .as_ref()
                .expect("scored items have commentary");
            for p in [&c.strong, &c.middling, &c.weak] {
                assert!(
                    p.split_whitespace().count() >= 40,
                    "{}: short paragraph",
                    item.id
                );
                assert!(seen.insert(p.clone()), "{}: paragraph reused", item.id);
            }
        }
    }

    #[test]
    fn a_boundary_score_falls_in_the_higher_band_and_100_in_the_last() {
        let q = study();
        assert_eq!(q.company_categories.find(70.0).name, "High performer");
        assert_eq!(q.company_categories.find(69.99).name, "Established");
        assert_eq!(q.company_categories.find(100.0).name, "Top performer");
        assert_eq!(q.company_categories.find(0.0).name, "At risk");
        assert_eq!(q.company_categories.find(77.0).name, "High performer");
        assert_eq!(q.personal_categories.find(89.0).name, "Ace");
    }

    #[test]
    fn reversed_items_mirror_their_scores() {
        let text = STUDY.replacen("key_area = true\n", "key_area = true\nreverse = true\n", 1);
        let q = Questionnaire::from_toml("t", &text).expect("valid");
        let reversed = q.items.iter().find(|i| i.reverse).expect("one reversed");
        let agree = reversed.option("strongly_agree").expect("agreement").1;
        assert_eq!(agree.score, Some(0.0));
    }

    #[test]
    fn every_key_area_declares_a_headline_for_each_verdict() {
        let q = study();
        let key_areas: Vec<&Item> = q.items.iter().filter(|i| i.key_area).collect();
        assert!(key_areas.len() >= 10);
        for item in key_areas {
            let h = item.headlines.as_ref().expect("a key area has headlines");
            for headline in [&h.keep, &h.change, &h.stop].into_iter().chain(&h.find_out) {
                assert!(!headline.is_empty(), "{}", item.id);
                // Written to follow the verdict word: "STOP letting deals ...".
                assert!(
                    headline.starts_with(|c: char| c.is_lowercase()),
                    "{}: {headline}",
                    item.id
                );
            }
        }
        // CHANGE and its headline read as one imperative sentence.
        let text = STUDY.replacen(
            "change = \"how you qualify: a short written test that every deal must pass\"",
            "change = \"qualification into a short written test\"",
            1,
        );
        let err = Questionnaire::from_toml("t", &text).expect_err("not after CHANGE");
        assert!(err.problems.iter().any(|p| {
            p.message
                .contains("the `change` headline must read after CHANGE")
        }));
        for item in q.items.iter().filter(|i| i.key_area) {
            let h = item.headlines.as_ref().expect("headlines");
            for headline in std::iter::once(&h.change).chain(&h.find_out) {
                assert!(reads_after_change(headline), "{}: {headline}", item.id);
            }
        }
        let text = STUDY.replacen("stop = \"", "stoop = \"", 1);
        let err = Questionnaire::from_toml("t", &text).expect_err("missing headline");
        assert!(err.problems.iter().any(|p| {
            p.message
                .contains("a key area needs a headline for each verdict; missing: `stop`")
        }));
    }

    #[test]
    fn the_study_ships_at_least_six_tensions_between_real_answers() {
        let q = study();
        assert!(q.tensions.len() >= 6, "{} tensions", q.tensions.len());
        let text = STUDY.replacen(
            "answers = [\"negotiation\", \"closing\"]",
            "answers = [\"haggling\"]",
            1,
        );
        let err = Questionnaire::from_toml("t", &text).expect_err("unknown answer");
        assert!(
            err.problems
                .iter()
                .any(|p| p.message.contains("names answer `haggling`"))
        );
    }

    #[test]
    fn a_potential_target_that_would_call_a_middling_score_minimal_is_refused() {
        let text = STUDY.replacen("potential_target = 85", "potential_target = 80", 1);
        let err = Questionnaire::from_toml("t", &text).expect_err("target too low");
        assert!(
            err.problems
                .iter()
                .any(|p| p.message.contains("`potential_target` 80 is too low"))
        );
        assert_eq!(study().currency.format(12_800.4), "$12,800");
    }

    #[test]
    fn the_answer_placeholder_names_the_chosen_option_only() {
        let q = study();
        let item = q.item("own_stage_hardest").expect("item");
        let (i, _) = item.option("negotiation").expect("option");
        let p = item.paragraph_for(i, Band::Weak).expect("scored");
        assert!(p.starts_with("You said negotiation is the stage"), "{p}");
        let (i, _) = item.option("target_selection").expect("option");
        let p = item.paragraph_for(i, Band::Middling).expect("scored");
        assert!(
            p.starts_with("You find target selection the hardest"),
            "{p}"
        );
        let (i, _) = item.option("dont_know").expect("option");
        let p = item.paragraph_for(i, Band::Middling).expect("scored");
        assert!(p.starts_with("You are not sure which stage"), "{p}");
    }

    #[test]
    fn text_that_is_not_toml_is_one_clear_problem() {
        let err = Questionnaire::from_toml("x.toml", "[study\nid=").expect_err("invalid");
        assert_eq!(err.problems.len(), 1);
        assert!(err.to_string().starts_with("x.toml: 1 problem"));
    }

    #[test]
    fn unknown_keys_are_reported_not_ignored() {
        let text = STUDY.replacen("key_area = true\n", "key_aera = true\n", 1);
        let err = Questionnaire::from_toml("t", &text).expect_err("typo");
        assert!(
            err.problems
                .iter()
                .any(|p| p.message == "unknown key `key_aera`")
        );
    }
}
