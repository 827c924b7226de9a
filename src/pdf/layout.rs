//! Line breaking and justification from glyph advance widths.
//!
//! Text comes in as styled spans; it goes out as lines of styled pieces whose
//! widths are the sums of the glyph advances the PDF viewer will use, so a line
//! measured here is exactly as wide on paper. Lines break at spaces; a word wider
//! than the line is cut (after a hyphen or slash when one is close enough, else
//! between characters), never left to overflow.

use std::borrow::Cow;

/// The faces the report is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FontStyle {
    Regular,
    Bold,
    Italic,
}

impl FontStyle {
    pub(crate) const ALL: [FontStyle; 3] = [FontStyle::Regular, FontStyle::Bold, FontStyle::Italic];

    pub(crate) fn index(self) -> usize {
        match self {
            FontStyle::Regular => 0,
            FontStyle::Bold => 1,
            FontStyle::Italic => 2,
        }
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    /// A colour from `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Colour {
        Colour((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
    }
}

/// Glyph metrics of the faces text is measured in.
pub(crate) trait Metrics {
    /// Advance width of `c`, in thousandths of an em, or `None` when the face has
    /// no glyph for it.
    fn advance(&self, style: FontStyle, c: char) -> Option<u32>;
}

/// A run of text in one style and colour.
#[derive(Debug, Clone)]
pub(crate) struct Span<'a> {
    pub text: Cow<'a, str>,
    pub style: FontStyle,
    pub colour: Colour,
}

impl<'a> Span<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>, style: FontStyle, colour: Colour) -> Span<'a> {
        Span {
            text: text.into(),
            style,
            colour,
        }
    }
}

/// How the lines of a paragraph sit between its edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Centre,
    Right,
    /// Flush with both edges, except the last line of the paragraph.
    Justify,
}

/// A piece of a line: consecutive words in one style and colour.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub text: String,
    pub style: FontStyle,
    pub colour: Colour,
    /// Offset from the start of the line, before justification, in points.
    pub x: f32,
    /// Natural width, spaces included, in points.
    pub width: f32,
    /// Spaces inside `text` (each widened by justification).
    pub spaces: usize,
    /// Word gaps on the line before this piece starts.
    pub gaps_before: usize,
}

/// One line of a wrapped paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub pieces: Vec<Piece>,
    /// Width at natural word spacing, in points.
    pub width: f32,
    /// Word gaps on the line.
    pub gaps: usize,
    /// Whether this is the last line of its paragraph.
    pub last: bool,
}

/// A piece placed on a line: where it starts and how much each of its spaces
/// is widened.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlacedPiece<'l> {
    pub piece: &'l Piece,
    pub x: f32,
    pub width: f32,
    pub extra_per_space: f32,
}

/// The replacement for characters that no face of the report can draw.
const MISSING: char = '?';

/// One character of a paragraph, with its advance and the span it came from.
#[derive(Debug, Clone, Copy)]
struct Glyph {
    c: char,
    span: usize,
    width: f32,
}

/// A word: a range of glyphs between spaces.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    width: f32,
    /// Width of the space before this word, in the style it was typed in.
    space_before: f32,
    /// The span that space was typed in.
    gap_span: Option<usize>,
}

fn char_width(m: &impl Metrics, style: FontStyle, c: char, size: f32) -> (char, f32) {
    match m.advance(style, c) {
        Some(w) => (c, w as f32 * size / 1000.0),
        None => {
            let w = m.advance(style, MISSING).unwrap_or(500);
            (MISSING, w as f32 * size / 1000.0)
        }
    }
}

/// Width of `text` in `style` at `size` points.
pub(crate) fn text_width(m: &impl Metrics, style: FontStyle, text: &str, size: f32) -> f32 {
    text.chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| char_width(m, style, c, size).1)
        .sum()
}

fn is_invisible(c: char) -> bool {
    // Soft hyphen, zero-width space and joiners, byte order mark.
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}')
}

/// Measures every character and splits the text into words. Whitespace
/// separates words; a word may change style in the middle ("**77%**." is one
/// word in two styles).
fn words(spans: &[Span<'_>], size: f32, m: &impl Metrics) -> (Vec<Glyph>, Vec<Word>) {
    let total: usize = spans.iter().map(|s| s.text.len()).sum();
    let mut glyphs = Vec::with_capacity(total);
    let mut words: Vec<Word> = Vec::with_capacity(total / 5 + 1);
    let mut start = 0;
    let mut width = 0.0f32;
    let mut pending_gap: Option<usize> = None;
    let mut gap = (0.0f32, None);
    for (si, span) in spans.iter().enumerate() {
        for c in span.text.chars() {
            if is_break_space(c) {
                if glyphs.len() > start {
                    words.push(Word {
                        start,
                        end: glyphs.len(),
                        width,
                        space_before: gap.0,
                        gap_span: gap.1,
                    });
                }
                start = glyphs.len();
                width = 0.0;
                pending_gap = Some(si);
                continue;
            }
            if is_invisible(c) || c.is_control() {
                continue;
            }
            if glyphs.len() == start {
                gap = match (pending_gap.take(), words.is_empty()) {
                    (Some(g), false) => (char_width(m, spans[g].style, ' ', size).1, Some(g)),
                    _ => (0.0, None),
                };
            }
            let (c, w) = char_width(m, span.style, c, size);
            glyphs.push(Glyph {
                c,
                span: si,
                width: w,
            });
            width += w;
        }
    }
    if glyphs.len() > start {
        words.push(Word {
            start,
            end: glyphs.len(),
            width,
            space_before: gap.0,
            gap_span: gap.1,
        });
    }
    (glyphs, words)
}

/// Cuts a word wider than `width` into parts that each fit, preferring to cut
/// just after a hyphen or slash in the back half of a part.
fn split_word(word: Word, glyphs: &[Glyph], width: f32, out: &mut Vec<Word>) {
    let mut start = word.start;
    let mut first = true;
    while start < word.end {
        let mut end = start;
        let mut w = 0.0;
        while end < word.end && (end == start || w + glyphs[end].width <= width) {
            w += glyphs[end].width;
            end += 1;
        }
        if end < word.end {
            let half = start + (end - start) / 2;
            if let Some(p) = (half.max(start + 1)..end)
                .rev()
                .find(|&i| matches!(glyphs[i - 1].c, '-' | '/' | '\u{2010}' | '\u{2013}'))
            {
                end = p;
            }
        }
        out.push(Word {
            start,
            end,
            width: glyphs[start..end].iter().map(|g| g.width).sum(),
            space_before: if first { word.space_before } else { 0.0 },
            gap_span: if first { word.gap_span } else { None },
        });
        first = false;
        start = end;
    }
}

/// Breaks `spans` into lines no wider than `width` points at `size` points.
pub(crate) fn wrap(spans: &[Span<'_>], size: f32, width: f32, m: &impl Metrics) -> Vec<Line> {
    let width = width.max(size); // at least one character always fits
    let (glyphs, words) = words(spans, size, m);
    // Each line as a range of words (after cutting words too wide to fit).
    let mut parts: Vec<Word> = Vec::with_capacity(words.len());
    let mut breaks: Vec<usize> = Vec::new();
    let mut line_w = 0.0f32;
    for word in words {
        let first_part = parts.len();
        if word.width > width {
            split_word(word, &glyphs, width, &mut parts);
        } else {
            parts.push(word);
        }
        for (i, w) in parts.iter().enumerate().skip(first_part) {
            let continuation = i > first_part; // a cut word's next part starts a line
            if i == 0 {
                breaks.push(0);
                line_w = w.width;
            } else if !continuation && line_w + w.space_before + w.width <= width + 0.001 {
                line_w += w.space_before + w.width;
            } else {
                breaks.push(i);
                line_w = w.width;
            }
        }
    }
    let n = breaks.len();
    (0..n)
        .map(|li| {
            let end = breaks.get(li + 1).copied().unwrap_or(parts.len());
            build_line(&parts[breaks[li]..end], &glyphs, spans, li + 1 == n)
        })
        .collect()
}

fn build_line(words: &[Word], glyphs: &[Glyph], spans: &[Span<'_>], last: bool) -> Line {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut x = 0.0f32;
    let mut gaps = 0usize;
    let key = |span: usize| (spans[span].style, spans[span].colour);
    for (wi, word) in words.iter().enumerate() {
        if wi > 0 {
            // The space joins the previous piece when it is in the same style
            // as both neighbours; otherwise it is only a distance.
            let next = key(glyphs[word.start].span);
            let same = pieces.last().is_some_and(|p| {
                (p.style, p.colour) == next && word.gap_span.is_none_or(|g| key(g) == next)
            });
            gaps += 1;
            if same && let Some(p) = pieces.last_mut() {
                p.text.push(' ');
                p.width += word.space_before;
                p.spaces += 1;
            }
            x += word.space_before;
        }
        for (gi, g) in glyphs[word.start..word.end].iter().enumerate() {
            let (style, colour) = key(g.span);
            let joins = pieces.last().is_some_and(|p| {
                p.style == style && p.colour == colour && (gi > 0 || p.text.ends_with(' '))
            });
            match pieces.last_mut() {
                Some(p) if joins => {
                    p.text.push(g.c);
                    p.width += g.width;
                }
                _ => pieces.push(Piece {
                    text: g.c.to_string(),
                    style,
                    colour,
                    x,
                    width: g.width,
                    spaces: 0,
                    gaps_before: gaps,
                }),
            }
            x += g.width;
        }
    }
    Line {
        pieces,
        width: x,
        gaps,
        last,
    }
}

/// Word spacing beyond this many ems makes a justified line look gappy; such a
/// line is set flush left instead.
const MAX_EXTRA_EM: f32 = 0.9;

/// Places the pieces of `line` between `x` and `x + width`.
pub(crate) fn place(
    line: &Line,
    x: f32,
    width: f32,
    align: Align,
    size: f32,
) -> Vec<PlacedPiece<'_>> {
    let slack = (width - line.width).max(0.0);
    let (start, extra) = match align {
        Align::Left => (x, 0.0),
        Align::Centre => (x + slack / 2.0, 0.0),
        Align::Right => (x + slack, 0.0),
        Align::Justify => {
            let extra = if line.last || line.gaps == 0 {
                0.0
            } else {
                slack / line.gaps as f32
            };
            if extra > MAX_EXTRA_EM * size {
                (x, 0.0)
            } else {
                (x, extra)
            }
        }
    };
    line.pieces
        .iter()
        .map(|p| PlacedPiece {
            piece: p,
            x: start + p.x + extra * p.gaps_before as f32,
            width: p.width + extra * p.spaces as f32,
            extra_per_space: extra,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character is half an em wide, except 'W' (a full em) and '€',
    /// which this face cannot draw.
    struct Fixed;

    impl Metrics for Fixed {
        fn advance(&self, _style: FontStyle, c: char) -> Option<u32> {
            match c {
                '€' => None,
                'W' => Some(1000),
                ' ' => Some(250),
                _ => Some(500),
            }
        }
    }

    const INK: Colour = Colour(0, 0, 0);

    fn plain(text: &str) -> Vec<Span<'_>> {
        vec![Span::new(text, FontStyle::Regular, INK)]
    }

    fn line_text(line: &Line) -> String {
        let mut s = String::new();
        for (i, p) in line.pieces.iter().enumerate() {
            if i > 0 && !s.ends_with(' ') && p.gaps_before > line.pieces[i - 1].gaps_before {
                s.push(' ');
            }
            s.push_str(&p.text);
        }
        s
    }

    #[test]
    fn lines_are_never_wider_than_the_measure() {
        let text = "Revenue is the product of four things: how many qualified opportunities \
                    your team works, what each is worth, the share you win, and how long they \
                    take to close.";
        for width in [20.0, 37.0, 60.0, 100.0, 250.0, 1000.0] {
            for line in wrap(&plain(text), 10.0, width, &Fixed) {
                assert!(line.width <= width + 1e-3, "{} > {width}", line.width);
                let sum: f32 = line.pieces.iter().map(|p| p.width).sum();
                assert!(sum <= line.width + 1e-3);
            }
        }
    }

    #[test]
    fn wrapping_keeps_every_word_in_order() {
        let text = "one two three four five six seven eight nine ten";
        let lines = wrap(&plain(text), 10.0, 40.0, &Fixed);
        assert!(lines.len() > 1);
        let joined: Vec<String> = lines.iter().map(line_text).collect();
        assert_eq!(joined.join(" "), text);
        assert!(lines.last().is_some_and(|l| l.last));
        assert!(lines.iter().rev().skip(1).all(|l| !l.last));
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        let word = "x".repeat(50);
        let lines = wrap(&plain(&word), 10.0, 52.0, &Fixed);
        // 5 pt per character, 52 pt per line: ten characters a line.
        assert_eq!(lines.len(), 5);
        assert!(lines.iter().all(|l| l.width <= 52.0));
        let back: String = lines.iter().map(line_text).collect();
        assert_eq!(back, word);
    }

    #[test]
    fn a_long_word_breaks_after_its_hyphen_when_it_can() {
        let lines = wrap(&plain("O'Brien-Łukasiewicz"), 10.0, 60.0, &Fixed);
        assert_eq!(line_text(&lines[0]), "O'Brien-");
        assert_eq!(line_text(&lines[1]), "Łukasiewicz");
    }

    #[test]
    fn a_long_word_after_short_ones_starts_on_its_own_line() {
        let lines = wrap(&plain("ab cd xxxxxxxxxxxxxxxxxxxx"), 10.0, 50.0, &Fixed);
        assert_eq!(line_text(&lines[0]), "ab cd");
        assert!(lines.iter().all(|l| l.width <= 50.0));
    }

    #[test]
    fn justified_lines_fill_the_measure_except_the_last() {
        let text = "aaa bb cccc d eeeee ff ggg hhhh ii jjjjj kk l mmm";
        let width = 80.0;
        let lines = wrap(&plain(text), 10.0, width, &Fixed);
        assert!(lines.len() >= 3);
        for line in &lines {
            let placed = place(line, 30.0, width, Align::Justify, 10.0);
            let (first, last) = (&placed[0], &placed[placed.len() - 1]);
            let right = last.x + last.width;
            assert!((first.x - 30.0).abs() < 1e-3);
            if line.last {
                assert!((right - (30.0 + line.width)).abs() < 1e-3);
            } else {
                assert!(
                    (right - (30.0 + width)).abs() < 1e-3,
                    "line ends at {right}"
                );
            }
            assert!(right <= 30.0 + width + 1e-3);
        }
    }

    #[test]
    fn a_gappy_line_is_not_justified() {
        // "a" then a word that fills the next line: justifying "a b" over the
        // whole measure would leave a hole.
        let lines = wrap(&plain("a b xxxxxxxxxx"), 10.0, 50.0, &Fixed);
        let placed = place(&lines[0], 0.0, 50.0, Align::Justify, 10.0);
        assert_eq!(placed[0].extra_per_space, 0.0);
    }

    #[test]
    fn centred_and_right_lines_sit_inside_the_measure() {
        let lines = wrap(&plain("centre me"), 10.0, 100.0, &Fixed);
        let c = place(&lines[0], 0.0, 100.0, Align::Centre, 10.0);
        let r = place(&lines[0], 0.0, 100.0, Align::Right, 10.0);
        let w = lines[0].width;
        assert!((c[0].x - (100.0 - w) / 2.0).abs() < 1e-3);
        assert!((r[0].x + r[0].width - 100.0).abs() < 1e-3);
    }

    #[test]
    fn styles_change_inside_a_word_without_a_space() {
        let spans = vec![
            Span::new("index of ", FontStyle::Regular, INK),
            Span::new("77%", FontStyle::Bold, INK),
            Span::new(". Next", FontStyle::Regular, INK),
        ];
        let lines = wrap(&spans, 10.0, 500.0, &Fixed);
        assert_eq!(lines.len(), 1);
        let texts: Vec<&str> = lines[0].pieces.iter().map(|p| p.text.as_str()).collect();
        // The space before the bold word is a distance, not part of either piece.
        assert_eq!(texts, ["index of", "77%", ". Next"]);
        // "index of " is 7 characters and 2 spaces: 40 pt at 10 pt.
        assert!((lines[0].pieces[1].x - 40.0).abs() < 1e-3);
    }

    #[test]
    fn characters_the_face_lacks_are_replaced_and_measured() {
        let lines = wrap(&plain("5 €"), 10.0, 100.0, &Fixed);
        assert_eq!(lines[0].pieces[0].text, "5 ?");
        assert!((lines[0].width - 12.5).abs() < 1e-3);
    }

    #[test]
    fn whitespace_of_any_kind_is_one_gap() {
        let lines = wrap(&plain("  a\n\tb   c  "), 10.0, 500.0, &Fixed);
        assert_eq!(lines.len(), 1);
        assert_eq!(line_text(&lines[0]), "a b c");
        assert_eq!(lines[0].gaps, 2);
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(wrap(&plain(""), 10.0, 100.0, &Fixed).is_empty());
        assert!(wrap(&plain("   "), 10.0, 100.0, &Fixed).is_empty());
    }
}
