//! Reading a document the way its reader does: as printed pages. LibreOffice turns
//! every DOCX into a PDF, poppler gives each word with its place on the page, and the
//! checks below say what a văn thư would refuse to sign: a signature without body text
//! on its page, a word broken inside a table header, a name in the header block broken
//! into a long line and a stub.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::docx;

/// A word on a page, with its box in points.
#[derive(Clone, Debug)]
pub struct Word {
    pub text: String,
    pub x_min: f64,
    pub y_min: f64,
    pub x_max: f64,
}

/// The pages of one PDF, each as its words in reading order.
pub fn words_by_page(pdf: &Path) -> Vec<Vec<Word>> {
    let out = Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().expect("pdftotext -bbox");
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .filter_map(|w| {
                    let attr = |name: &str| -> f64 {
                        let at = w.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
                        w[at..].split('"').next().unwrap().parse().unwrap()
                    };
                    let text = w.split('>').nth(1)?.split('<').next()?;
                    let text =
                        text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
                    Some(Word { text, x_min: attr("xMin"), y_min: attr("yMin"), x_max: attr("xMax") })
                })
                .collect()
        })
        .collect()
}

/// The words of a page grouped in lines (same baseline, within a point), top to bottom.
pub fn lines(words: &[Word]) -> Vec<Vec<&Word>> {
    let mut sorted: Vec<&Word> = words.iter().collect();
    sorted.sort_by(|a, b| a.y_min.total_cmp(&b.y_min).then(a.x_min.total_cmp(&b.x_min)));
    let mut out: Vec<Vec<&Word>> = Vec::new();
    for word in sorted {
        match out.last_mut() {
            Some(line) if (line[0].y_min - word.y_min).abs() < 1.5 => line.push(word),
            _ => out.push(vec![word]),
        }
    }
    out
}

/// What the DOCX says the reader must find whole on paper.
pub struct Expect {
    /// Every text of the signature blocks (titles, names, Nơi nhận).
    pub signature: Vec<String>,
    /// Words of the tables' repeated header rows.
    pub header_words: Vec<String>,
    /// The names in the left column of the header block (issuer, unit).
    pub header_names: Vec<String>,
}

fn table_xml(xml: &str) -> Vec<&str> {
    xml.split("<w:tbl>").skip(1).map(|t| t.split("</w:tbl>").next().unwrap_or("")).collect()
}

pub fn expect(docx_bytes: &[u8]) -> Expect {
    let opened = docx::open(docx_bytes);
    let xml = opened.document();
    let tables = table_xml(xml);
    // The invisible row holding a signature with the lines kept with it is not a
    // signature itself (its cell has no margins); the signature's table is nested in it.
    let borderless = |t: &&str| t.contains("<w:tblBorders />") && !t.contains(r#"<w:left w:w="0""#);
    // The first borderless table is the header block; the others are signatures.
    let header_block = tables.iter().copied().find(borderless).unwrap_or("");
    let signature = tables
        .iter()
        .copied()
        .filter(borderless)
        .skip(1)
        .flat_map(docx::paragraphs_of)
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let header_words = tables
        .iter()
        .filter(|t| !borderless(t))
        .flat_map(|t| t.split("<w:tr>").skip(1).filter(|row| row.contains("<w:tblHeader")))
        .flat_map(docx::paragraphs_of)
        .flat_map(|p| p.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let left = header_block.split("<w:tc>").nth(1).unwrap_or("");
    let header_names = left
        .split("<w:p>")
        .skip(1)
        .filter(|p| p.contains("<w:b />"))
        .map(|p| {
            // Lines of one name are runs separated by a hidden space and <w:br />.
            p.split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .map(|t| t.split('<').next().unwrap_or(""))
                .collect::<String>()
        })
        .filter(|name| !name.trim().is_empty())
        .collect();
    Expect { signature, header_words, header_names }
}

/// A page after the first that holds a signature but fewer than two lines of anything
/// else: the signature stands (nearly) alone.
pub fn lonely_signature_pages(pages: &[Vec<Word>], expect: &Expect) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, page) in pages.iter().enumerate().skip(1) {
        let lines: Vec<String> = lines(page)
            .iter()
            .map(|line| line.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "))
            .filter(|text| text.trim().parse::<u32>().is_err())
            .collect();
        let mut with_signature = false;
        let body = lines
            .iter()
            .filter(|line| {
                let mut rest = line.to_string();
                for text in &expect.signature {
                    if rest.contains(text.as_str()) {
                        with_signature = true;
                        rest = rest.replace(text.as_str(), " ");
                    }
                }
                !rest.trim().is_empty()
            })
            .count();
        if with_signature && body < 2 {
            out.push((i + 1, lines.join(" / ")));
        }
    }
    out
}

/// Pages that print nothing but their number: an empty paragraph pushed past a full page.
pub fn empty_pages(pages: &[Vec<Word>]) -> Vec<usize> {
    let printed = |page: &Vec<Word>| page.iter().any(|w| w.text.trim().parse::<u32>().is_err());
    pages.iter().enumerate().filter(|(_, page)| !printed(page)).map(|(i, _)| i + 1).collect()
}

/// Header words printed in two pieces: consecutive words on two lines that join into
/// a word of a header row ("HTX" / "S").
pub fn split_header_words(pages: &[Vec<Word>], expect: &Expect) -> Vec<String> {
    let mut out = Vec::new();
    for page in pages {
        for pair in page.windows(2) {
            let joined = format!("{}{}", pair[0].text, pair[1].text);
            let new_line = (pair[0].y_min - pair[1].y_min).abs() > 1.5;
            if new_line && expect.header_words.contains(&joined) {
                out.push(format!("{} / {}", pair[0].text, pair[1].text));
            }
        }
    }
    out
}

/// Names in the header block set in unbalanced lines: a line under 40% of the widest
/// ("PHÒNG CÔNG CHỨNG SỐ / 1").
pub fn unbalanced_header_names(first_page: &[Word], expect: &Expect) -> Vec<String> {
    let mut out = Vec::new();
    let left: Vec<Word> = first_page.iter().filter(|w| w.x_max < 300.0).cloned().collect();
    let lines = lines(&left);
    for name in &expect.header_names {
        let wanted: Vec<&str> = name.split_whitespace().collect();
        // The lines of the page whose words, in order, spell the name.
        for start in 0..lines.len() {
            let mut words = Vec::new();
            let mut end = start;
            while end < lines.len() && words.len() < wanted.len() {
                words.extend(lines[end].iter().map(|w| w.text.as_str()));
                end += 1;
            }
            if words != wanted || end - start < 2 {
                continue;
            }
            let widths: Vec<f64> =
                lines[start..end].iter().map(|l| l.last().unwrap().x_max - l.first().unwrap().x_min).collect();
            let widest = widths.iter().cloned().fold(0.0, f64::max);
            if widths.iter().any(|w| *w < 0.4 * widest) {
                let shown: Vec<String> = lines[start..end]
                    .iter()
                    .map(|l| l.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "))
                    .collect();
                out.push(shown.join(" / "));
            }
        }
    }
    out
}

/// Every DOCX under `dir`, copied flat into `to` with names that keep their folder, so
/// that one LibreOffice run converts them all: (flat copy, original).
pub fn flat_copies(dir: &Path, to: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "docx") && !path.components().any(|c| c.as_os_str() == ".history") {
            let rel = path.strip_prefix(dir).unwrap().to_string_lossy().replace(['/', '\\'], "__");
            let flat = to.join(rel);
            std::fs::copy(path, &flat).unwrap();
            out.push((flat, path.to_path_buf()));
        }
    }
    out.sort();
    out
}
