//! Every document of the sample build against the one layout checker, and the checker
//! itself shown to fail on documents broken on purpose.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::conformance::problems;
use common::docx::open;
use common::*;

fn sample_build() -> &'static (tempfile::TempDir, Vec<PathBuf>) {
    static BUILT: OnceLock<(tempfile::TempDir, Vec<PathBuf>)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let (_dir, inputs) = sample_copy();
        let out = tempfile::tempdir().unwrap();
        let (code, log) = build_at(&inputs, out.path());
        assert_eq!(code, 0, "{log}");
        let docs = docx_files(out.path());
        (out, docs)
    })
}

fn docx_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('.') {
            out.extend(docx_files(&p));
        } else if p.extension().is_some_and(|x| x == "docx") {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn every_sample_document_conforms() {
    let (_, docs) = sample_build();
    assert!(docs.len() > 100);
    let mut failures = Vec::new();
    for path in docs {
        for p in problems(&open(&std::fs::read(path).unwrap())) {
            failures.push(format!("{}: {p}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The document with `f` applied to its document.xml, re-zipped.
fn patched(bytes: &[u8], f: impl Fn(String) -> String) -> Vec<u8> {
    common::docx::rezipped(bytes, |name| name == "word/document.xml", f)
}

#[test]
fn the_checker_fails_documents_broken_on_purpose() {
    let (_, docs) = sample_build();
    let good = std::fs::read(docs.iter().find(|p| p.ends_with("bao-cao-ubnd-tinh.docx")).unwrap()).unwrap();
    assert!(problems(&open(&good)).is_empty());
    let narrow = patched(&good, |x| x.replace(r#"w:left="1701""#, r#"w:left="1000""#));
    assert!(problems(&open(&narrow)).iter().any(|p| p.contains("left margin")), "a wrong margin is caught");
    let control = patched(&good, |x| x.replacen("CỘNG HÒA", "CỘNG\u{1}HÒA", 1));
    assert!(problems(&open(&control)).iter().any(|p| p.contains("XML forbids")), "a control character is caught");
    let disordered =
        patched(&good, |x| x.replacen("<w:rPr><w:rFonts", "<w:rPr><w:lang w:val=\"vi-VN\" /><w:rFonts", 1));
    assert!(problems(&open(&disordered)).iter().any(|p| p.contains("comes after")), "element order is checked");
    let no_header = patched(&good, |x| x.replace("<w:tblHeader />", ""));
    assert!(problems(&open(&no_header)).iter().any(|p| p.contains("repeated header")), "a lost header row is caught");
}

#[test]
fn every_sample_document_reads_back_in_libreoffice() {
    let (_, docs) = sample_build();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("roundtrip");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // Unit documents share names across folders: copy them under unique names.
    let copies: Vec<PathBuf> = docs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let to = dir.join(format!("{i:03}-{}", p.file_name().unwrap().to_string_lossy()));
            std::fs::copy(p, &to).unwrap();
            to
        })
        .collect();
    let Some(converted) = libreoffice_pdfs(&copies) else { return };
    for (docx, pages) in converted {
        let name = docx.display();
        assert!(!pages.is_empty() && pages.len() <= 30, "{name}: {} pages", pages.len());
        let all = pages.join("\n");
        assert!(!all.contains('\u{FFFD}'), "{name}: a replacement character");
        let header = if pages[0].contains("ĐẢNG CỘNG SẢN VIỆT NAM") {
            "ĐẢNG CỘNG SẢN VIỆT NAM" // a party form (HD 25)
        } else {
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        };
        assert!(pages[0].contains(header), "{name}: page 1 lacks the header block");
        use unicode_normalization::UnicodeNormalization;
        let nfc: String = all.nfc().collect();
        assert_eq!(nfc, all, "{name}: text is not NFC");
    }
}
