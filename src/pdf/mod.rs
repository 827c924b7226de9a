//! The PDF of a respondent's report: the file they forward to their boss.
//!
//! It says what the web report says, in the same order: a one-page infographic
//! (A4 landscape: the company's index as a gauge, its category, peer relative
//! performance and the four sub-indices as bars; the respondent's personal index
//! beside it), then A4 portrait pages with the executive summary, the detailed
//! analysis, the personal report and, when given, the respondent's numbers.
//!
//! Rendering happens in two steps. [`layout()`] typesets the report into pages of
//! placed text runs and vector shapes, measuring every line from the glyph
//! advances of the embedded fonts (Inter, SIL Open Font License 1.1), so a test
//! can check that nothing leaves the page or overlaps. [`render`] writes that
//! same layout: printpdf builds the document (page tree, subset fonts with their
//! widths and `/ToUnicode` maps, metadata, outline) and each page's drawing is
//! written straight from the layout as real, selectable text, then compressed.
//! Characters the fonts cannot draw are printed as "?".
//!
//! Fonts are parsed once ([`PdfFonts::load`]) and shared by every render.

mod content;
mod document;
mod layout;
pub mod team;

use std::collections::BTreeSet;

use printpdf::{
    DateTime, FontId, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Pt, TextItem,
};

use crate::domain::Report;
use crate::domain::phrases::say;
pub use layout::{Colour, FontStyle};

const INTER_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
const INTER_BOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-Bold.otf");
const INTER_ITALIC: &[u8] = include_bytes!("../../assets/fonts/Inter-Italic.otf");

/// What can go wrong making a PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// An embedded font could not be parsed: the binary was built with a broken
    /// font file.
    #[error("the embedded font {0} could not be parsed")]
    Font(&'static str),
    /// The PDF writer reported an error; the file would be broken.
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// One face: the parsed font and its advance widths.
struct Face {
    font: ParsedFont,
    /// Advance widths of U+0000 to U+024F in thousandths of an em, as the
    /// PDF's `/W` array will state them; `None` where the face has no glyph.
    latin: Vec<Option<u32>>,
    units_per_em: f32,
    /// Ascender and descender, in ems (both positive).
    ascent: f32,
    descent: f32,
}

impl Face {
    fn parse(bytes: &[u8], name: &'static str) -> Result<Face, PdfError> {
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or(PdfError::Font(name))?;
        let units_per_em = f32::from(font.font_metrics.units_per_em);
        if units_per_em <= 0.0 {
            return Err(PdfError::Font(name));
        }
        let mut face = Face {
            latin: Vec::new(),
            units_per_em,
            ascent: font.font_metrics.ascent.abs() / units_per_em,
            descent: font.font_metrics.descent.abs() / units_per_em,
            font,
        };
        face.latin = (0u32..0x250)
            .map(|cp| char::from_u32(cp).and_then(|c| face.lookup(c)))
            .collect();
        if face
            .latin
            .get(usize::from(b'a'))
            .copied()
            .flatten()
            .is_none()
        {
            return Err(PdfError::Font(name));
        }
        Ok(face)
    }

    fn lookup(&self, c: char) -> Option<u32> {
        let id = self.font.lookup_glyph_index(c as u32)?;
        if id == 0 {
            return None;
        }
        let advance = f32::from(self.font.get_horizontal_advance(id));
        // Truncated like the widths printpdf writes, so that the viewer's pen
        // lands exactly where the layout put it.
        Some((advance * 1000.0 / self.units_per_em) as u32)
    }

    fn advance(&self, c: char) -> Option<u32> {
        match self.latin.get(c as usize) {
            Some(g) => *g,
            None => self.lookup(c),
        }
    }
}

/// The report's fonts, parsed once at start-up and shared by every render.
pub struct PdfFonts {
    faces: [Face; 3],
}

impl PdfFonts {
    /// Parses the fonts embedded in the binary.
    ///
    /// # Errors
    ///
    /// [`PdfError::Font`] if a font does not parse (a broken build).
    pub fn load() -> Result<PdfFonts, PdfError> {
        Ok(PdfFonts {
            faces: [
                Face::parse(INTER_REGULAR, "Inter Regular")?,
                Face::parse(INTER_BOLD, "Inter Bold")?,
                Face::parse(INTER_ITALIC, "Inter Italic")?,
            ],
        })
    }

    /// The characters of `text` some face of the report cannot draw
    /// (whitespace aside), each once, in order.
    pub fn cannot_draw(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            if !missing.contains(&c) && self.faces.iter().any(|f| f.advance(c).is_none()) {
                missing.push(c);
            }
        }
        missing
    }

    fn face(&self, style: FontStyle) -> &Face {
        &self.faces[style.index()]
    }

    /// Height above the baseline of the tallest glyph, in ems.
    pub(crate) fn ascent(&self) -> f32 {
        self.faces.iter().map(|f| f.ascent).fold(0.0, f32::max)
    }

    /// Depth below the baseline of the deepest glyph, in ems.
    pub(crate) fn descent(&self) -> f32 {
        self.faces.iter().map(|f| f.descent).fold(0.0, f32::max)
    }
}

impl layout::Metrics for PdfFonts {
    fn advance(&self, style: FontStyle, c: char) -> Option<u32> {
        self.face(style).advance(c)
    }
}

/// A run of text placed on a page: one style, one colour, one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Page number, from 1.
    pub page: usize,
    /// Left edge, in points from the left of the page.
    pub x: f32,
    /// Baseline, in points from the bottom of the page.
    pub y: f32,
    /// Width as drawn, justification included, in points.
    pub width: f32,
    /// Font size, in points.
    pub size: f32,
    /// Extent above and below the baseline, in points.
    pub ascent: f32,
    pub descent: f32,
    pub text: String,
    pub style: FontStyle,
    pub colour: Colour,
    /// Extra width added to each space, in points (justification).
    pub word_spacing: f32,
}

impl TextRun {
    /// The top of the run's tallest possible glyph.
    pub fn top(&self) -> f32 {
        self.y + self.ascent
    }

    /// The bottom of the run's deepest possible glyph.
    pub fn bottom(&self) -> f32 {
        self.y - self.descent
    }

    /// The right edge.
    pub fn right(&self) -> f32 {
        self.x + self.width
    }
}

/// A vector shape placed on a page; coordinates in points from the bottom left.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle with optionally rounded corners, filled and/or outlined.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        radius: f32,
        fill: Option<Colour>,
        stroke: Option<(Colour, f32)>,
    },
    /// A band of a circle between two radii, from `start` to `end` degrees
    /// (counter-clockwise from three o'clock): a gauge's track or value.
    Arc {
        cx: f32,
        cy: f32,
        inner: f32,
        outer: f32,
        start: f32,
        end: f32,
        fill: Colour,
    },
    /// A straight line.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        colour: Colour,
        width: f32,
    },
}

/// The distance from each edge of the page that nothing is printed in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

/// One typeset page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLayout {
    /// Page number, from 1.
    pub number: usize,
    /// Size in points.
    pub width: f32,
    pub height: f32,
    pub margins: Margins,
    pub runs: Vec<TextRun>,
    pub shapes: Vec<Shape>,
    /// The outline entry that starts on this page, if any.
    pub bookmark: Option<String>,
}

/// Typesets `report` into pages, without writing a PDF.
///
/// `generated_on` is the date printed in the footer.
///
/// # Errors
///
/// None today; the signature leaves room for layout that can fail.
pub fn layout(
    report: &Report,
    fonts: &PdfFonts,
    generated_on: &str,
) -> Result<Vec<PageLayout>, PdfError> {
    Ok(document::typeset(report, fonts, generated_on))
}

/// Renders `report` as a PDF file.
///
/// `generated_on` is the date printed in the footer of every page.
///
/// # Errors
///
/// [`PdfError::Write`] if the PDF writer reports an error.
pub fn render(report: &Report, fonts: &PdfFonts, generated_on: &str) -> Result<Vec<u8>, PdfError> {
    let pages = layout(report, fonts, generated_on)?;
    let language = report.language;
    let subject = match &report.company {
        Some(c) => say(
            language,
            "pdf-subject-company",
            &[("company", c.as_str().into())],
        ),
        None => say(language, "pdf-subject", &[]),
    };
    write(
        &pages,
        fonts,
        &document::title(report),
        &report.study_name,
        &subject,
        language.code(),
    )
}

/// Writes typeset pages as a PDF file with the given metadata: the one writer
/// behind every report's PDF.
///
/// # Errors
///
/// [`PdfError::Write`] if the PDF writer reports an error.
pub(crate) fn write(
    pages: &[PageLayout],
    fonts: &PdfFonts,
    title: &str,
    author: &str,
    subject: &str,
    language: &str,
) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(title);
    let now = DateTime::now_utc();
    let info = &mut doc.metadata.info;
    info.author = author.to_string();
    info.creator = author.to_string();
    info.producer = "Dealbench".to_string();
    info.subject = subject.to_string();
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;

    // Every character each face draws, so printpdf embeds exactly those glyphs.
    let mut used: [BTreeSet<char>; 3] = Default::default();
    for run in pages.iter().flat_map(|p| &p.runs) {
        used[run.style.index()].extend(run.text.chars());
    }
    let ids: Vec<FontId> = FontStyle::ALL
        .iter()
        .map(|&s| doc.add_font(&fonts.face(s).font))
        .collect();
    let select_all: Vec<Op> = ids
        .iter()
        .map(|id| Op::SetFont {
            font: PdfFontHandle::External(id.clone()),
            size: Pt(10.0),
        })
        .collect();
    // Placeholder pages with the page sizes and font resources; their content
    // streams are replaced below. The first lists the glyphs in use.
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|p| {
            let mut ops = vec![Op::StartTextSection];
            ops.extend(select_all.iter().cloned());
            if p.number == 1 {
                for (id, chars) in ids.iter().zip(&used) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(id.clone()),
                        size: Pt(10.0),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(chars.iter().collect())],
                    });
                }
            }
            ops.push(Op::EndTextSection);
            PdfPage::new(Mm::from(Pt(p.width)), Mm::from(Pt(p.height)), ops)
        })
        .collect();
    for page in pages {
        if let Some(name) = &page.bookmark {
            doc.add_bookmark(name, page.number);
        }
    }
    doc.with_pages(pdf_pages);

    let mut warnings = Vec::new();
    let options = PdfSaveOptions {
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(PdfError::Write(w.msg.clone()));
    }
    let broken = |what: &str| PdfError::Write(format!("the written document has no {what}"));
    let page_ids = pdf.get_pages();

    // The code printpdf gave each character, from each font's /ToUnicode map.
    let first = *page_ids.get(&1).ok_or_else(|| broken("first page"))?;
    let mut codes = Vec::with_capacity(ids.len());
    for id in &ids {
        let map = pdf
            .get_dictionary(first)
            .and_then(|page| page.get(b"Resources"))
            .and_then(|r| pdf.dereference(r))
            .and_then(|(_, r)| r.as_dict())
            .and_then(|r| r.get(b"Font"))
            .and_then(|f| pdf.dereference(f))
            .and_then(|(_, f)| f.as_dict())
            .and_then(|f| f.get(id.0.as_bytes()))
            .and_then(|f| pdf.dereference(f))
            .and_then(|(_, f)| f.as_dict())
            .and_then(|f| f.get(b"ToUnicode"))
            .and_then(|t| pdf.dereference(t))
            .and_then(|(_, t)| t.as_stream())
            .map(|t| content::parse_to_unicode(&t.content));
        // A face with no text has no font resource: nothing to look up.
        codes.push(content::FontCodes::new(&id.0, map.unwrap_or_default()));
    }

    // The pages' drawing, straight from the layout.
    for page in pages {
        let stream = content::page(page, &codes).map_err(|c| {
            PdfError::Write(format!("no glyph code for {c:?} on page {}", page.number))
        })?;
        let contents = page_ids
            .get(&(page.number as u32))
            .and_then(|&id| pdf.get_dictionary(id).ok())
            .and_then(|p| p.get(b"Contents").ok())
            .and_then(|c| c.as_reference().ok())
            .ok_or_else(|| broken("page contents"))?;
        pdf.get_object_mut(contents)
            .and_then(|o| o.as_stream_mut())
            .map_err(|_| broken("page content stream"))?
            .set_content(stream);
    }

    // The writer states an empty PDF/X version and empty fields; a viewer would
    // take the first for a claim of PDF/X conformance.
    if let Ok(id) = pdf.trailer.get(b"Info").and_then(|o| o.as_reference())
        && let Ok(info) = pdf.get_object_mut(id).and_then(|o| o.as_dict_mut())
    {
        for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Keywords"] {
            info.remove(key);
        }
    }
    // The language its text is in (what a screen reader reads it with), and the
    // title, not the file name, in a viewer's window.
    if let Ok(catalog) = pdf.catalog_mut() {
        catalog.set("Lang", lopdf::Object::string_literal(language));
        catalog.set(
            "ViewerPreferences",
            lopdf::Dictionary::from_iter([("DisplayDocTitle", lopdf::Object::Boolean(true))]),
        );
    }
    // Compressed here rather than by the writer, which always uses the slowest
    // level.
    for object in pdf.objects.values_mut() {
        if let Ok(stream) = object.as_stream_mut()
            && stream.allows_compression
            && stream.dict.get(b"Filter").is_err()
        {
            // Level 1: the fastest, a little larger than the best level.
            let packed = miniz_oxide::deflate::compress_to_vec_zlib(&stream.content, 1);
            if packed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(packed);
            }
        }
    }
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests;
