//! The PDF's colours, from the report theme the web page's stylesheet also
//! states, and the paragraphs of the report model as coloured spans.

use super::*;

// Colours: the report theme's, which the web page receives as CSS properties.
pub(super) const INK: Colour = Colour::hex(THEME.ink.0);
pub(super) const MUTED: Colour = Colour::hex(THEME.muted.0);
pub(super) const RULE: Colour = Colour::hex(THEME.line.0);
pub(super) const TRACK: Colour = Colour::hex(THEME.track.0);
pub(super) const BAR_TRACK: Colour = Colour::hex(THEME.bar_track.0);
pub(super) const WHITE: Colour = Colour::hex(THEME.paper.0);
pub(super) const VALUE: Colour = Colour::hex(THEME.value.0);
pub(super) const NUMBER: Colour = Colour::hex(THEME.number.0);
pub(super) const PERSONAL: Colour = Colour::hex(THEME.personal.0);

/// The colour of a sub-index (by its key), as on the web.
pub(super) fn sub_index_colour(key: &str) -> Colour {
    Colour::hex(THEME.sub_index(key).0)
}

pub(super) fn band_colour(band: Band) -> Colour {
    Colour::hex(THEME.band(band).0)
}

pub(super) fn verdict_colour(v: Verdict) -> Colour {
    Colour::hex(THEME.verdict(v).0)
}

/// A paragraph of the report model as spans: strong runs bold in `strong`, the
/// rest in `style` and `plain`.
pub(super) fn paragraph_spans(
    p: &Paragraph,
    style: FontStyle,
    plain: Colour,
    strong: Colour,
) -> Vec<Span<'_>> {
    p.0.iter()
        .map(|r| {
            if r.strong {
                span(&r.text, FontStyle::Bold, strong)
            } else {
                span(&r.text, style, plain)
            }
        })
        .collect()
}
