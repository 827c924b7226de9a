//! The report's one set of colours: ink, rules, one colour per sub-index, the
//! personal index, the answer bands and the verdicts. The PDF draws with these
//! values and the web page receives them as CSS custom properties
//! ([`Theme::css`]), so the two cannot drift apart.

use crate::questionnaire::Band;
use crate::scoring::Verdict;

/// A colour as 0xRRGGBB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u32);

impl Rgb {
    /// "#0b3c5d".
    pub fn css(self) -> String {
        format!("#{:06x}", self.0)
    }
}

/// Every colour the report uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub ink: Rgb,
    pub muted: Rgb,
    /// Rules and panel borders.
    pub line: Rgb,
    /// The empty part of a gauge.
    pub track: Rgb,
    /// The empty part of a bar.
    pub bar_track: Rgb,
    pub paper: Rgb,
    pub value: Rgb,
    pub number: Rgb,
    pub win_rate: Rgb,
    pub sales_cycle: Rgb,
    pub personal: Rgb,
    pub keep: Rgb,
    pub change: Rgb,
    pub stop: Rgb,
    /// A middling answer (strong answers take `keep`, weak ones `stop`).
    pub middling: Rgb,
}

/// The report's colours: one per sub-index, distinct in grey too.
pub const THEME: Theme = Theme {
    ink: Rgb(0x1d2530),
    muted: Rgb(0x5a6573),
    line: Rgb(0xd5dbe3),
    track: Rgb(0xe3e8ee),
    bar_track: Rgb(0xeef1f5),
    paper: Rgb(0xffffff),
    value: Rgb(0x0b3c5d),
    number: Rgb(0x3a8fd1),
    win_rate: Rgb(0xd9822b),
    sales_cycle: Rgb(0x6b9e3b),
    personal: Rgb(0x7b4fa0),
    keep: Rgb(0x2e7d32),
    change: Rgb(0xa15c00),
    stop: Rgb(0xb3261e),
    middling: Rgb(0xc98a1b),
};

impl Theme {
    /// The colour of a sub-index by its key ("value", "win_rate", ...); muted for
    /// a key the report does not know.
    pub fn sub_index(&self, key: &str) -> Rgb {
        match key {
            "value" => self.value,
            "number" => self.number,
            "win_rate" => self.win_rate,
            "sales_cycle" => self.sales_cycle,
            _ => self.muted,
        }
    }

    pub fn band(&self, band: Band) -> Rgb {
        match band {
            Band::Strong => self.keep,
            Band::Middling => self.middling,
            Band::Weak => self.stop,
        }
    }

    pub fn verdict(&self, v: Verdict) -> Rgb {
        match v {
            Verdict::Keep => self.keep,
            Verdict::Change => self.change,
            Verdict::Stop => self.stop,
        }
    }

    /// The colours as CSS custom properties: `:root { --value: #0b3c5d; ... }`.
    pub fn css(&self) -> String {
        let pairs = [
            ("ink", self.ink),
            ("muted", self.muted),
            ("line", self.line),
            ("track", self.track),
            ("bar-track", self.bar_track),
            ("card", self.paper),
            ("value", self.value),
            ("number", self.number),
            ("win-rate", self.win_rate),
            ("sales-cycle", self.sales_cycle),
            ("personal", self.personal),
            ("keep", self.keep),
            ("change", self.change),
            ("stop", self.stop),
            ("middling", self.middling),
        ];
        let mut css = String::from(":root {\n");
        for (name, colour) in pairs {
            css.push_str(&format!("  --{name}: {};\n", colour.css()));
        }
        css.push_str("}\n");
        css
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_css_states_every_colour_the_pdf_draws_with() {
        let css = THEME.css();
        assert!(css.starts_with(":root {"));
        assert!(css.contains("  --value: #0b3c5d;\n"));
        assert!(css.contains("  --win-rate: #d9822b;\n"));
        assert!(css.contains("  --middling: #c98a1b;\n"));
        assert_eq!(css.matches("--").count(), 15);
        assert_eq!(Rgb(0x0000ff).css(), "#0000ff");
        assert_eq!(THEME.band(Band::Weak), THEME.verdict(Verdict::Stop));
    }
}
