//! The documents as a reader sees them: every document of the sample agency and of the
//! second sample (Sở Tư pháp) is printed to PDF by LibreOffice and read page by page.
//! The samples of the later cycles (`samples/2025`, `samples/2026`) are read the same way.
//! A signature never stands alone on a page, no page is empty, no word breaks inside a
//! table header, and the names of the header block are set in balanced lines.

mod common;

use std::path::Path;

use common::pages::{self, expect, flat_copies, words_by_page};
use common::*;

fn read_every_page(inputs: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let outputs = dir.path().join("outputs");
    let (code, log) = build_at(inputs, &outputs);
    assert_eq!(code, 0, "{log}");
    let flat_dir = dir.path().join("flat");
    std::fs::create_dir(&flat_dir).unwrap();
    let copies = flat_copies(&outputs, &flat_dir);
    assert!(copies.len() > 50, "too few documents: {}", copies.len());
    let flat: Vec<_> = copies.iter().map(|(flat, _)| flat.clone()).collect();
    let Some(_) = libreoffice_pdfs(&flat) else { return };
    let mut problems = Vec::new();
    for (flat, original) in &copies {
        let expect = expect(&std::fs::read(flat).unwrap());
        let pdf_pages = words_by_page(&flat.with_extension("pdf"));
        let name = original.strip_prefix(&outputs).unwrap().display().to_string();
        for (page, text) in pages::lonely_signature_pages(&pdf_pages, &expect) {
            problems.push(format!("{name}: page {page} holds the signature with too little else: {text}"));
        }
        for page in pages::empty_pages(&pdf_pages) {
            problems.push(format!("{name}: page {page} is empty"));
        }
        for split in pages::split_header_words(&pdf_pages, &expect) {
            problems.push(format!("{name}: header word broken: {split}"));
        }
        for name_lines in pages::unbalanced_header_names(&pdf_pages[0], &expect) {
            problems.push(format!("{name}: header name in unbalanced lines: {name_lines}"));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_sample_agency_prints_as_a_clerk_signs_it() {
    read_every_page(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/inputs")));
}

#[test]
fn the_second_sample_agency_prints_as_a_clerk_signs_it() {
    read_every_page(&fixtures_dir().join("so-tu-phap"));
}

#[test]
fn the_2025_sample_prints_as_a_clerk_signs_it() {
    read_every_page(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/2025")));
}

#[test]
fn the_2026_sample_prints_as_a_clerk_signs_it() {
    read_every_page(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/2026")));
}

fn word(text: &str, x: f64, y: f64) -> pages::Word {
    pages::Word { text: text.into(), x_min: x, y_min: y, x_max: x + 8.0 * text.chars().count() as f64 }
}

#[test]
fn the_page_checks_catch_what_a_reader_refuses() {
    let expect = pages::Expect {
        signature: vec!["THƯ KÝ".into(), "CHỦ TRÌ".into(), "Lê Văn A".into(), "Trần Thị B".into()],
        header_words: vec!["HTXS".into(), "STT".into()],
        header_names: vec!["PHÒNG CÔNG CHỨNG SỐ 1".into()],
    };
    let first = vec![word("Hôm", 60.0, 100.0), word("nay", 90.0, 100.0)];
    // Page 2: the page number and the two signatures, nothing of the body.
    let alone = vec![
        word("2", 290.0, 30.0),
        word("THƯ", 100.0, 60.0),
        word("KÝ", 130.0, 60.0),
        word("CHỦ", 400.0, 60.0),
        word("TRÌ", 430.0, 60.0),
        word("Lê", 100.0, 120.0),
        word("Văn", 120.0, 120.0),
        word("A", 150.0, 120.0),
        word("Trần", 400.0, 120.0),
        word("Thị", 430.0, 120.0),
        word("B", 455.0, 120.0),
    ];
    assert_eq!(pages::lonely_signature_pages(&[first.clone(), alone.clone()], &expect).len(), 1);
    // With two lines of the body above it, the signature is in its place.
    let mut with_body = alone.clone();
    with_body.push(word("Cuộc", 60.0, 40.0));
    with_body.push(word("Biên", 60.0, 50.0));
    assert!(pages::lonely_signature_pages(&[first.clone(), with_body], &expect).is_empty());
    // "HTX" over "S" in a header cell.
    let split = vec![word("HTX", 300.0, 200.0), word("S", 300.0, 212.0)];
    assert_eq!(pages::split_header_words(&[split], &expect), ["HTX / S"]);
    assert!(pages::split_header_words(&[vec![word("HTXS", 300.0, 200.0)]], &expect).is_empty());
    // The unit's name with its number alone on the second line.
    let name = vec![
        word("PHÒNG", 60.0, 40.0),
        word("CÔNG", 110.0, 40.0),
        word("CHỨNG", 150.0, 40.0),
        word("SỐ", 200.0, 40.0),
        word("1", 110.0, 55.0),
    ];
    assert_eq!(pages::unbalanced_header_names(&name, &expect).len(), 1);
}
