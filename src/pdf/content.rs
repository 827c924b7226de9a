//! Page content streams, written straight from the layout.
//!
//! printpdf builds the document around them: the page tree, the subset fonts
//! with their widths and `/ToUnicode` maps, the metadata and the outline. Going
//! through printpdf's per-glyph operations as well would cost more than the
//! rest of the report together, so the pages' drawing operators are written
//! here, with the glyph codes printpdf assigned (read back from the fonts'
//! `/ToUnicode` maps, so copied text is exactly what is drawn).

use std::collections::HashMap;

use super::layout::Colour;
use super::{PageLayout, Shape, TextRun};

/// Each face's resource name and the code of each character in it.
pub(crate) struct FontCodes<'a> {
    name: &'a str,
    /// Codes of U+0000 to U+024F, by character.
    latin: Vec<Option<u16>>,
    other: HashMap<char, u16>,
}

impl<'a> FontCodes<'a> {
    pub fn new(name: &'a str, codes: HashMap<char, u16>) -> FontCodes<'a> {
        let mut latin = vec![None; 0x250];
        let mut other = HashMap::new();
        for (c, code) in codes {
            match latin.get_mut(c as usize) {
                Some(slot) => *slot = Some(code),
                None => {
                    other.insert(c, code);
                }
            }
        }
        FontCodes { name, latin, other }
    }

    fn code(&self, c: char) -> Option<u16> {
        match self.latin.get(c as usize) {
            Some(code) => *code,
            None => self.other.get(&c).copied(),
        }
    }
}

/// Reads the character-to-code map out of a `/ToUnicode` CMap: its `bfchar`
/// lines are `<code> <UTF-16BE text>`.
pub(crate) fn parse_to_unicode(cmap: &[u8]) -> HashMap<char, u16> {
    let mut codes = HashMap::new();
    let text = String::from_utf8_lossy(cmap);
    let mut in_bfchar = false;
    for line in text.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") {
            in_bfchar = true;
            continue;
        }
        if line == "endbfchar" {
            in_bfchar = false;
            continue;
        }
        if !in_bfchar {
            continue;
        }
        let mut parts = line
            .split(['<', '>'])
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let (Some(code), Some(target)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(code) = u16::from_str_radix(code, 16) else {
            continue;
        };
        let units: Vec<u16> = (0..target.len() / 4)
            .filter_map(|i| target.get(i * 4..i * 4 + 4))
            .filter_map(|h| u16::from_str_radix(h, 16).ok())
            .collect();
        let mut chars = char::decode_utf16(units);
        if let (Some(Ok(c)), None) = (chars.next(), chars.next()) {
            codes.entry(c).or_insert(code);
        }
    }
    codes
}

/// A number as PDF wants it: rounded to `decimals` (at most 3) decimals, no
/// trailing zeros, no exponent.
fn fixed(out: &mut Vec<u8>, v: f32, decimals: u32) {
    let scale = 10i64.pow(decimals.min(3));
    let scaled = (f64::from(v) * scale as f64).round() as i64;
    if scaled < 0 {
        out.push(b'-');
    }
    let abs = scaled.unsigned_abs();
    let (int, mut frac) = (abs / scale as u64, abs % scale as u64);
    digits(out, int);
    if frac > 0 {
        out.push(b'.');
        let mut width = decimals.min(3);
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        let start = out.len();
        digits(out, frac);
        // Leading zeros of the fraction ("0.05").
        let missing = width as usize - (out.len() - start);
        for _ in 0..missing {
            out.insert(start, b'0');
        }
    }
}

fn digits(out: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// A coordinate or size, to a hundredth of a point.
fn num(out: &mut Vec<u8>, v: f32) {
    fixed(out, v, 2);
}

fn nums(out: &mut Vec<u8>, values: &[f32], op: &str) {
    for &v in values {
        num(out, v);
        out.push(b' ');
    }
    out.extend_from_slice(op.as_bytes());
    out.push(b'\n');
}

fn colour(out: &mut Vec<u8>, c: Colour, op: &str) {
    for v in [c.0, c.1, c.2] {
        fixed(out, f32::from(v) / 255.0, 3);
        out.push(b' ');
    }
    out.extend_from_slice(op.as_bytes());
    out.push(b'\n');
}

/// Appends a circular arc from `a0` to `a1` (radians) as cubic Béziers of at
/// most a quarter circle each; the current point must be the arc's start.
fn arc(out: &mut Vec<u8>, cx: f32, cy: f32, r: f32, a0: f32, a1: f32) {
    let segments = ((a1 - a0).abs() / std::f32::consts::FRAC_PI_4)
        .ceil()
        .max(1.0) as usize;
    let step = (a1 - a0) / segments as f32;
    let k = 4.0 / 3.0 * (step / 4.0).tan();
    for i in 0..segments {
        let t0 = a0 + step * i as f32;
        let t1 = t0 + step;
        let (s0, c0) = t0.sin_cos();
        let (s1, c1) = t1.sin_cos();
        nums(
            out,
            &[
                cx + r * (c0 - k * s0),
                cy + r * (s0 + k * c0),
                cx + r * (c1 + k * s1),
                cy + r * (s1 - k * c1),
                cx + r * c1,
                cy + r * s1,
            ],
            "c",
        );
    }
}

fn rect_path(out: &mut Vec<u8>, x: f32, y: f32, w: f32, h: f32, r: f32) {
    use std::f32::consts::{FRAC_PI_2, PI};
    let r = r.min(w / 2.0).min(h / 2.0).max(0.0);
    if r <= 0.0 {
        nums(out, &[x, y, w, h], "re");
        return;
    }
    nums(out, &[x + r, y], "m");
    nums(out, &[x + w - r, y], "l");
    arc(out, x + w - r, y + r, r, -FRAC_PI_2, 0.0);
    nums(out, &[x + w, y + h - r], "l");
    arc(out, x + w - r, y + h - r, r, 0.0, FRAC_PI_2);
    nums(out, &[x + r, y + h], "l");
    arc(out, x + r, y + h - r, r, FRAC_PI_2, PI);
    nums(out, &[x, y + r], "l");
    arc(out, x + r, y + r, r, PI, 1.5 * PI);
    out.extend_from_slice(b"h\n");
}

fn shape(out: &mut Vec<u8>, s: &Shape) {
    match *s {
        Shape::Rect {
            x,
            y,
            width,
            height,
            radius,
            fill,
            stroke,
        } => {
            if let Some(f) = fill {
                colour(out, f, "rg");
                rect_path(out, x, y, width, height, radius);
                out.extend_from_slice(b"f\n");
            }
            if let Some((c, w)) = stroke {
                colour(out, c, "RG");
                nums(out, &[w], "w");
                rect_path(out, x, y, width, height, radius);
                out.extend_from_slice(b"S\n");
            }
        }
        Shape::Arc {
            cx,
            cy,
            inner,
            outer,
            start,
            end,
            fill,
        } => {
            let (a0, a1) = (start.to_radians(), end.to_radians());
            colour(out, fill, "rg");
            nums(out, &[cx + outer * a0.cos(), cy + outer * a0.sin()], "m");
            arc(out, cx, cy, outer, a0, a1);
            nums(out, &[cx + inner * a1.cos(), cy + inner * a1.sin()], "l");
            arc(out, cx, cy, inner, a1, a0);
            out.extend_from_slice(b"h\nf\n");
        }
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            colour: c,
            width,
        } => {
            colour(out, c, "RG");
            nums(out, &[width], "w");
            nums(out, &[x1, y1], "m");
            nums(out, &[x2, y2], "l");
            out.extend_from_slice(b"S\n");
        }
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn hex_code(out: &mut Vec<u8>, code: u16) {
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from((code >> shift) & 0xF)]);
    }
}

/// The glyph codes of a run's text, with each space widened by the run's
/// word spacing as a `TJ` adjustment (word spacing proper does not apply to
/// two-byte codes).
fn show(out: &mut Vec<u8>, run: &TextRun, font: &FontCodes<'_>) -> Result<(), char> {
    let justify = run.word_spacing > 0.0 && run.text.contains(' ');
    out.push(if justify { b'[' } else { b'<' });
    if justify {
        out.push(b'<');
    }
    let adjust = -run.word_spacing * 1000.0 / run.size;
    let mut chars = run.text.chars().peekable();
    while let Some(c) = chars.next() {
        let code = font.code(c).ok_or(c)?;
        hex_code(out, code);
        if justify && c == ' ' && chars.peek().is_some() {
            out.extend_from_slice(b"> ");
            num(out, adjust);
            out.extend_from_slice(b" <");
        }
    }
    if justify {
        out.extend_from_slice(b">] TJ\n");
    } else {
        out.extend_from_slice(b"> Tj\n");
    }
    Ok(())
}

/// The content stream of `page`. `fonts` is indexed like [`FontStyle::ALL`].
///
/// # Errors
///
/// The first character that has no code in its font.
///
/// [`FontStyle::ALL`]: super::layout::FontStyle
pub(crate) fn page(page: &PageLayout, fonts: &[FontCodes<'_>]) -> Result<Vec<u8>, char> {
    let glyphs: usize = page.runs.iter().map(|r| r.text.len()).sum();
    let mut out = Vec::with_capacity(glyphs * 5 + page.runs.len() * 40 + page.shapes.len() * 60);
    out.extend_from_slice(b"q\n");
    for s in &page.shapes {
        shape(&mut out, s);
    }
    out.extend_from_slice(b"Q\nBT\n");
    let mut font: Option<(usize, f32)> = None;
    let mut fill: Option<Colour> = None;
    // Text positions move relative to the last line start, rounded as written
    // so that moves never accumulate error.
    let (mut lx, mut ly) = (0.0f32, 0.0f32);
    let round = |v: f32| (v * 100.0).round() / 100.0;
    for run in &page.runs {
        let index = run.style.index();
        let Some(f) = fonts.get(index) else {
            continue;
        };
        if font != Some((index, run.size)) {
            out.push(b'/');
            out.extend_from_slice(f.name.as_bytes());
            out.push(b' ');
            nums(&mut out, &[run.size], "Tf");
            font = Some((index, run.size));
        }
        if fill != Some(run.colour) {
            colour(&mut out, run.colour, "rg");
            fill = Some(run.colour);
        }
        let (x, y) = (round(run.x), round(run.y));
        nums(&mut out, &[x - lx, y - ly], "Td");
        (lx, ly) = (x, y);
        show(&mut out, run, f)?;
    }
    out.extend_from_slice(b"ET\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::FontStyle;

    #[test]
    fn to_unicode_bfchar_lines_give_codes() {
        let cmap = b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
                     3 beginbfchar\n<0001> <0041>\n<0002> <00FC>\n<0003> <D83DDE00>\nendbfchar\n\
                     endcmap\n";
        let codes = parse_to_unicode(cmap);
        assert_eq!(codes.get(&'A'), Some(&1));
        assert_eq!(codes.get(&'ü'), Some(&2));
        assert_eq!(codes.get(&'😀'), Some(&3));
        assert_eq!(codes.len(), 3);
    }

    #[test]
    fn numbers_are_short() {
        let mut out = Vec::new();
        for v in [
            1.0, 0.5, 12.345, -0.001, 100.0, 595.28046, 0.05, -3.07, 12.0001,
        ] {
            num(&mut out, v);
            out.push(b' ');
        }
        fixed(&mut out, 0.043137256, 3);
        assert_eq!(
            String::from_utf8_lossy(&out),
            "1 0.5 12.35 0 100 595.28 0.05 -3.07 12 0.043"
        );
    }

    fn run(text: &str, x: f32, word_spacing: f32) -> TextRun {
        TextRun {
            page: 1,
            x,
            y: 700.0,
            width: 100.0,
            size: 10.0,
            ascent: 9.7,
            descent: 2.4,
            text: text.to_string(),
            style: FontStyle::Regular,
            colour: Colour(0, 0, 0),
            word_spacing,
        }
    }

    #[test]
    fn text_is_drawn_with_codes_and_justified_with_adjustments() {
        let codes: HashMap<char, u16> = [('a', 1), ('b', 2), (' ', 3)].into_iter().collect();
        let fonts: Vec<FontCodes<'_>> = ["R", "B", "I"]
            .into_iter()
            .map(|name| FontCodes::new(name, codes.clone()))
            .collect();
        let page = PageLayout {
            number: 1,
            width: 595.0,
            height: 842.0,
            margins: crate::pdf::Margins {
                left: 0.0,
                right: 0.0,
                top: 0.0,
                bottom: 0.0,
            },
            runs: vec![run("ab a", 50.0, 2.0), run("b", 80.0, 0.0)],
            shapes: Vec::new(),
            bookmark: None,
        };
        let stream = String::from_utf8(super::page(&page, &fonts).expect("codes")).expect("ascii");
        assert!(stream.contains("/R 10 Tf"));
        assert!(stream.contains("50 700 Td\n[<000100020003> -200 <0001>] TJ"));
        assert!(stream.contains("30 0 Td\n<0002> Tj"));
        let mut bad = page.clone();
        bad.runs[0].text = "c".into();
        assert_eq!(super::page(&bad, &fonts), Err('c'));
    }
}
