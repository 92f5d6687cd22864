//! What docx-rs 0.4.22 cannot write, added after packing: a small, tested rewrite of
//! four XML parts and a re-zip with deflate.
//!
//! Why a post-processing step and not a fork: each gap is a few bytes at a known place
//! in output docx-rs itself generates, so exact string patches stay small and are
//! checked by tests against the real output; a fork would have to be kept in step with
//! upstream. Each patch is also a ready upstream pull request (docgen-notes §3).
//!
//! - `word/document.xml`: header rows of tables are marked by the writer with a
//!   row height of [`HEADER_ROW_MARKER`] twips (docx-rs has no `w:tblHeader`); the
//!   marker becomes `<w:tblHeader />`, so the header row repeats on every page.
//! - `word/styles.xml`: `w:lang` vi-VN in the default run properties (no setter).
//! - `word/settings.xml`: the East Asian compatibility flags docx-rs always writes
//!   (`useFELayout`, `balanceSingleByteDoubleByteWidth`, `doNotExpandShiftReturn`) are
//!   removed: they change line breaking for a document that has no East Asian text.
//! - `docProps/core.xml`: title, subject, author = the agency, language (docx-rs
//!   writes "unknown" and has no setter for the others).
//! - property elements (`w:pPr`, `w:rPr`, `w:tblPr`, `w:tcPr`, `w:sectPr`) get their
//!   children in schema order ([`super::schema_order`]): Word is stricter than LibreOffice.
//! - every part is deflated (docx-rs 0.4.22 stores them uncompressed).

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::docx::DocMeta;
use super::layout::LANGUAGE;
use super::schema_order::reorder;

/// The row height (twips, "auto" rule) that marks a repeated header row.
pub const HEADER_ROW_MARKER: f32 = 1.0;
const MARKER_XML: &str = r#"<w:trHeight w:val="1" w:hRule="auto" />"#;

const EAST_ASIAN_COMPAT: [&str; 3] =
    ["<w:balanceSingleByteDoubleByteWidth />", "<w:doNotExpandShiftReturn />", "<w:useFELayout />"];

pub fn finish(packed: &[u8], meta: &DocMeta) -> Result<Vec<u8>, String> {
    let mut archive = ZipArchive::new(Cursor::new(packed)).map_err(|e| e.to_string())?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(packed.len() / 3)));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let name = entry.name().to_string();
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        let bytes = match name.as_str() {
            "word/document.xml" => patch(bytes, |xml| reorder(&document(xml))),
            "word/styles.xml" => patch(bytes, |xml| reorder(&styles(xml))),
            n if n.starts_with("word/header") || n.starts_with("word/footer") || n == "word/numbering.xml" => {
                patch(bytes, |xml| reorder(&xml))
            }
            "word/settings.xml" => patch(bytes, settings),
            "docProps/core.xml" => patch(bytes, |xml| core(xml, meta)),
            _ => bytes,
        };
        out.start_file(name, options).map_err(|e| e.to_string())?;
        out.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    Ok(out.finish().map_err(|e| e.to_string())?.into_inner())
}

fn patch(bytes: Vec<u8>, f: impl FnOnce(String) -> String) -> Vec<u8> {
    match String::from_utf8(bytes) {
        Ok(xml) => f(xml).into_bytes(),
        Err(e) => e.into_bytes(),
    }
}

fn document(xml: String) -> String {
    xml.replace(MARKER_XML, "<w:tblHeader />")
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

fn core(xml: String, meta: &DocMeta) -> String {
    let author = escape(&meta.author);
    let xml = xml.replace("<dc:creator>unknown</dc:creator>", &format!("<dc:creator>{author}</dc:creator>")).replace(
        "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
        &format!("<cp:lastModifiedBy>{author}</cp:lastModifiedBy>"),
    );
    let extra = format!(
        "<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:language>{LANGUAGE}</dc:language></cp:coreProperties>",
        escape(&meta.title),
        escape(&meta.subject)
    );
    xml.replace("</cp:coreProperties>", &extra)
}

fn escape(text: &str) -> String {
    crate::text::clean(text).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
