//! Opening a generated DOCX as a reader would: its parts, its text, its layout facts.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

pub struct Opened {
    pub parts: BTreeMap<String, String>,
    /// (part name, compression method) of every entry.
    pub methods: Vec<(String, zip::CompressionMethod)>,
}

pub fn open(bytes: &[u8]) -> Opened {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut parts = BTreeMap::new();
    let mut methods = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        methods.push((entry.name().to_string(), entry.compression()));
        let mut text = String::new();
        if entry.read_to_string(&mut text).is_ok() {
            parts.insert(entry.name().to_string(), text);
        }
    }
    Opened { parts, methods }
}

/// The text of the document at `path`, failing with the path when it is not there.
pub fn text_at(path: &std::path::Path) -> String {
    open(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))).text()
}

impl Opened {
    pub fn part(&self, name: &str) -> &str {
        self.parts.get(name).unwrap_or_else(|| panic!("no part {name}"))
    }

    pub fn document(&self) -> &str {
        self.part("word/document.xml")
    }

    /// The text of the body, paragraph by paragraph (runs joined).
    pub fn paragraphs(&self) -> Vec<String> {
        paragraphs_of(self.document())
    }

    pub fn text(&self) -> String {
        self.paragraphs().join("\n")
    }
}

/// Paragraph texts of an XML part: `<w:t>` contents joined per `<w:p>`, as a program
/// that knows nothing of line breaks reads them: the lines of a name set in balanced
/// lines read as one because of the hidden space before each break.
pub fn paragraphs_of(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    // `<w:p>` or `<w:p …>`, not `<w:pPr>`.
    let starts = xml.match_indices("<w:p").map(|(at, _)| at + 4).filter(|at| xml[*at..].starts_with(['>', ' ']));
    for start in starts {
        let p = xml[start..].split("</w:p>").next().unwrap_or("");
        let mut text = String::new();
        let mut rest = p;
        while let Some(start) = rest.find("<w:t") {
            let after = &rest[start..];
            let Some(open_end) = after.find('>') else { break };
            if after[..open_end].ends_with('/') || !(after.starts_with("<w:t>") || after.starts_with("<w:t ")) {
                rest = &after[open_end + 1..];
                continue;
            }
            let body = &after[open_end + 1..];
            let end = body.find("</w:t>").unwrap_or(body.len());
            text.push_str(&unescape(&body[..end]));
            rest = &body[end..];
        }
        if !text.is_empty() {
            out.push(text);
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// The number of occurrences of `needle` in `hay`.
pub fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// The text of every table cell: tables, rows, cells (paragraphs joined by a space).
pub fn tables(xml: &str) -> Vec<Vec<Vec<String>>> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| {
            let t = t.split("</w:tbl>").next().unwrap_or("");
            t.split("<w:tr>")
                .skip(1)
                .map(|r| r.split("<w:tc>").skip(1).map(|c| paragraphs_of(c).join(" ")).collect())
                .collect()
        })
        .collect()
}

/// The table whose first row contains `header`.
pub fn table_with<'a>(tables: &'a [Vec<Vec<String>>], header: &str) -> &'a Vec<Vec<String>> {
    tables
        .iter()
        .find(|t| t.first().is_some_and(|r| r.iter().any(|c| c.contains(header))))
        .unwrap_or_else(|| panic!("no table with {header}"))
}

/// A zip archive (a DOCX, a workbook) with `f` applied to the text of each part `which`
/// picks, every other part as it was, re-zipped.
pub fn rezipped(bytes: &[u8], which: impl Fn(&str) -> bool, f: impl Fn(String) -> String) -> Vec<u8> {
    use std::io::Write;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if which(&name) {
            data = f(String::from_utf8(data).unwrap()).into_bytes();
        }
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}
