//! Everything of a DOCX but its body: built once per process with docx-rs, finished,
//! deflated once, and copied into every document as compressed bytes.
//!
//! docx-rs writes the package (content types, relationships, styles, settings, font
//! table, the two page headers, document properties) and the section properties. What
//! docx-rs 0.4.22 cannot express is patched here, once, in its own output: each patch is
//! a few bytes at a known place, checked by tests against the real output; a fork would
//! have to be kept in step with upstream (docgen-notes §3).
//!
//! - `word/styles.xml`: `w:lang` vi-VN in the default run properties (no setter).
//! - `word/settings.xml`: the East Asian compatibility flags docx-rs always writes
//!   (`useFELayout`, `balanceSingleByteDoubleByteWidth`, `doNotExpandShiftReturn`) are
//!   removed: they change line breaking for a document that has no East Asian text.
//! - `docProps/core.xml`: title, subject, author = the agency, language (docx-rs
//!   writes "unknown" and has no setter for the others); filled per document.
//! - property elements get their children in schema order ([`super::schema_order`]):
//!   docx-rs writes the header references last in `w:sectPr`, and Word is stricter
//!   than LibreOffice.
//! - every part is deflated (docx-rs 0.4.22 stores them uncompressed), and the empty
//!   folder entries docx-rs adds are left out.
//!
//! The zip crate packs the shared parts once, with each document's two own parts left
//! empty at the end, and [`Package`] copies that package's records into every document.

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

use docx_rs::{
    AlignmentType, Docx, Header as DocxHeader, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, RunFonts,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::super::layout::*;
use super::package::Package;
use super::schema_order::reorder;
use super::{DocMeta, LEVEL};

/// The parts of the body part that do not depend on the content.
pub struct Skeleton {
    /// The shared parts, deflated, in package order, and the records of the document's
    /// own parts.
    pub package: Package,
    /// `word/document.xml` up to and including `<w:body>`.
    pub prologue: String,
    /// The section properties and the closing tags: portrait, landscape.
    pub portrait: String,
    pub landscape: String,
    /// `docProps/core.xml` with the placeholders of [`Skeleton::core`].
    core: String,
}

pub const DOCUMENT: &str = "word/document.xml";
pub const CORE: &str = "docProps/core.xml";

const EAST_ASIAN_COMPAT: [&str; 3] =
    ["<w:balanceSingleByteDoubleByteWidth />", "<w:doNotExpandShiftReturn />", "<w:useFELayout />"];

/// The skeleton of this process, built on first use.
pub fn get() -> Result<&'static Skeleton, String> {
    static SKELETON: OnceLock<Result<Skeleton, String>> = OnceLock::new();
    SKELETON.get_or_init(build).as_ref().map_err(Clone::clone)
}

impl Skeleton {
    /// `docProps/core.xml` for `meta`.
    /// docProps/core.xml of one document, dated `created` (created and modified) when
    /// given; otherwise docx-rs's fixed epoch date stays, so that a document's bytes do
    /// not depend on the clock.
    pub fn core(&self, meta: &DocMeta, created: Option<chrono::NaiveDate>) -> String {
        let author = escape(&meta.author);
        let core = self.core.replacen(AUTHOR, &author, 2).replacen(TITLE, &escape(&meta.title), 1).replacen(
            SUBJECT,
            &escape(&meta.subject),
            1,
        );
        match created {
            Some(day) => core.replace(EPOCH, &day.format("%Y-%m-%dT00:00:00Z").to_string()),
            None => core,
        }
    }
}

const AUTHOR: &str = "\u{1}author\u{1}";
/// The date docx-rs writes as created and modified.
const EPOCH: &str = "1970-01-01T00:00:00Z";
const TITLE: &str = "\u{1}title\u{1}";
const SUBJECT: &str = "\u{1}subject\u{1}";

/// Times New Roman in all four slots: Vietnamese letters must never fall back to a
/// CJK or complex-script font.
fn fonts() -> RunFonts {
    RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT)
}

/// An empty document in the Decree 30 layout, packed by docx-rs.
fn empty_docx(landscape: bool) -> Result<Vec<u8>, String> {
    let (w, h) = if landscape { (PAGE_HEIGHT, PAGE_WIDTH) } else { (PAGE_WIDTH, PAGE_HEIGHT) };
    let mut docx = Docx::new()
        .page_size(w, h)
        .page_margin(PageMargin {
            top: MARGIN_TOP,
            left: MARGIN_LEFT,
            bottom: MARGIN_BOTTOM,
            right: MARGIN_RIGHT,
            header: HEADER_DISTANCE,
            footer: FOOTER_DISTANCE,
            gutter: 0,
        })
        .default_fonts(fonts())
        .default_size(BODY_SIZE)
        .default_tab_stop(720)
        .default_line_spacing(LineSpacing::new().line(LINE).line_rule(LineSpacingType::Auto))
        // Page numbers from page 2, centred in the top margin; page 1 has an empty header.
        .header(
            DocxHeader::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_page_num(PageNum::new())
                    .size(PAGE_NUMBER_SIZE)
                    .fonts(fonts()),
            ),
        )
        .first_header(DocxHeader::new().add_paragraph(Paragraph::new()))
        .title_pg();
    if landscape {
        docx = docx.page_orient(docx_rs::PageOrientationType::Landscape);
    }
    let mut packed = Cursor::new(Vec::new());
    docx.build().pack(&mut packed).map_err(|e| e.to_string())?;
    Ok(packed.into_inner())
}

/// The parts of a docx-rs package by name, in package order, folders left out.
fn unpack(packed: &[u8]) -> Result<Vec<(String, String)>, String> {
    let mut archive = ZipArchive::new(Cursor::new(packed)).map_err(|e| e.to_string())?;
    let mut parts = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| e.to_string())?;
        if entry.is_dir() {
            continue;
        }
        let mut xml = String::new();
        entry.read_to_string(&mut xml).map_err(|e| format!("{}: {e}", entry.name()))?;
        parts.push((entry.name().to_string(), xml));
    }
    Ok(parts)
}

fn build() -> Result<Skeleton, String> {
    let mut parts = unpack(&empty_docx(false)?)?;
    let landscape = unpack(&empty_docx(true)?)?;
    let part = |parts: &[(String, String)], name: &str| {
        parts.iter().find(|(n, _)| n == name).map(|(_, x)| x.clone()).ok_or(format!("docx-rs wrote no {name}"))
    };
    let (prologue, portrait) = split_body(&part(&parts, DOCUMENT)?)?;
    let (_, landscape) = split_body(&part(&landscape, DOCUMENT)?)?;
    let core = core_template(&part(&parts, CORE)?);

    // [Content_Types].xml first, as Word writes it; then the rest in docx-rs's order.
    parts.sort_by_key(|(name, _)| name != "[Content_Types].xml");
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, xml) in parts.into_iter().filter(|(n, _)| n != DOCUMENT && n != CORE) {
        let xml = finish(&name, xml);
        zip.start_file(name.as_str(), options).map_err(|e| e.to_string())?;
        zip.write_all(xml.as_bytes()).map_err(|e| e.to_string())?;
    }
    // Each document's own parts, empty: their records are filled in per document.
    let own = SimpleFileOptions::default().compression_level(Some(LEVEL));
    for name in [DOCUMENT, CORE] {
        zip.start_file(name, own).map_err(|e| e.to_string())?;
    }
    let zip = zip.finish().map_err(|e| e.to_string())?.into_inner();
    let package = Package::from_zip(&zip, LEVEL as u32).map_err(|e| format!("gói DOCX mẫu: {e}"))?;
    Ok(Skeleton { package, prologue, portrait, landscape, core })
}

/// The patches of the module documentation, by part.
fn finish(name: &str, xml: String) -> String {
    match name {
        "word/styles.xml" => reorder(&styles(xml)),
        "word/settings.xml" => settings(xml),
        n if n.starts_with("word/header") || n.starts_with("word/footer") || n == "word/numbering.xml" => reorder(&xml),
        _ => xml,
    }
}

/// (everything up to `<w:body>`, the section properties to the end) of an empty body.
fn split_body(document: &str) -> Result<(String, String), String> {
    let document = reorder(document);
    let at = document.find("<w:body>").ok_or("docx-rs wrote no <w:body>")? + "<w:body>".len();
    let (prologue, rest) = document.split_at(at);
    let section = rest.find("<w:sectPr").ok_or("docx-rs wrote no <w:sectPr>")?;
    Ok((prologue.to_string(), rest[section..].to_string()))
}

fn styles(xml: String) -> String {
    let lang = format!(r#"<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA" />"#);
    match xml.find("<w:rPrDefault>").and_then(|start| xml[start..].find("</w:rPr>").map(|end| start + end)) {
        Some(at) => format!("{}{lang}{}", &xml[..at], &xml[at..]),
        None => xml,
    }
}

fn settings(mut xml: String) -> String {
    for flag in EAST_ASIAN_COMPAT {
        xml = xml.replace(flag, "");
    }
    xml
}

fn core_template(xml: &str) -> String {
    let xml = xml.replace("<dc:creator>unknown</dc:creator>", &format!("<dc:creator>{AUTHOR}</dc:creator>")).replace(
        "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
        &format!("<cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy>"),
    );
    let extra = format!(
        "<dc:title>{TITLE}</dc:title><dc:subject>{SUBJECT}</dc:subject><dc:language>{LANGUAGE}</dc:language></cp:coreProperties>"
    );
    xml.replace("</cp:coreProperties>", &extra)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    super::xml::escape_into(&mut out, &crate::text::clean(text));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_holds_every_shared_part_and_a_section_for_each_orientation() {
        let s = get().unwrap();
        let empty = s.package.write(|_: &mut dyn Write| Ok::<(), super::super::DocxError>(()), b"").unwrap();
        let archive = ZipArchive::new(Cursor::new(empty)).unwrap();
        let names: Vec<&str> = archive.file_names().collect();
        assert_eq!(names.first().copied(), Some("[Content_Types].xml"));
        for part in ["word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml"] {
            assert!(names.contains(&part), "{part} missing: {names:?}");
        }
        // The document's own parts come last, once each; no folder entries.
        assert_eq!(names[names.len() - 2..], [DOCUMENT, CORE]);
        assert_eq!(names.iter().filter(|n| **n == DOCUMENT || **n == CORE).count(), 2);
        assert!(!names.iter().any(|n| n.ends_with('/')));
        assert!(s.prologue.ends_with("<w:body>"));
        assert!(s.portrait.starts_with("<w:sectPr><w:headerReference"), "{}", s.portrait);
        assert!(s.landscape.contains(r#"w:orient="landscape""#));
        assert!(s.portrait.ends_with("</w:body></w:document>"));
    }

    #[test]
    fn core_properties_are_filled_and_escaped() {
        let core = get()
            .unwrap()
            .core(&DocMeta { title: "A & B".into(), subject: "<x>".into(), author: "Sở Nội vụ".into() }, None);
        assert!(core.contains("<dc:creator>Sở Nội vụ</dc:creator>"));
        assert!(core.contains("<cp:lastModifiedBy>Sở Nội vụ</cp:lastModifiedBy>"));
        assert!(core.contains("<dc:title>A &amp; B</dc:title><dc:subject>&lt;x&gt;</dc:subject>"));
        assert!(!core.contains('\u{1}'));
        let dated = get().unwrap().core(&DocMeta::default(), chrono::NaiveDate::from_ymd_opt(2023, 11, 30));
        assert_eq!(dated.matches("2023-11-30T00:00:00Z").count(), 2, "{dated}");
    }
}
