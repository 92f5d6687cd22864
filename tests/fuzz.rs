//! Property tests run on every CI (bounded: a few hundred cases each): whatever a
//! template, a YAML file or a workbook holds, nothing panics, and whatever the writer
//! makes is well-formed XML.

mod common;

use std::io::{Cursor, Read};

use proptest::prelude::*;
use xeploai::render::markup::{self, Block};
use xeploai::render::{DocMeta, write_docx};

/// Cases per property: the CI default, or `PROPTEST_CASES` for a longer fuzzing run.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Every XML part of a DOCX parses to the end.
fn well_formed(bytes: &[u8]) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let name = entry.name().to_string();
        let mut xml = String::new();
        entry.read_to_string(&mut xml).map_err(|e| format!("{name}: {e}"))?;
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => return Err(format!("{name}: {e}")),
            }
        }
    }
    Ok(())
}

/// Markup-ish text: directives, table rows, inline marks and hostile characters.
fn markup_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("@title ".to_string()),
        Just("@table widths=1,2 header=1\n".to_string()),
        Just("| a | {span=2} b |\n".to_string()),
        Just("| x | y |\n".to_string()),
        Just("@end\n".to_string()),
        Just("@sign\ntitle: T\nname: N\n- x;\n".to_string()),
        Just("@header\nparent: P\ndate: 2023-02-31\n".to_string()),
        Just("**".to_string()),
        Just("*".to_string()),
        Just("\\".to_string()),
        Just("\n".to_string()),
        Just("@lines 2\n".to_string()),
        "[\\u{0}-\\u{1F}\\u{FFFE}\\u{FFFF}\\u{200B}\\u{202E}]".prop_map(|s| s),
        "\\PC{0,12}",
    ];
    proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(200), ..ProptestConfig::default() })]

    #[test]
    fn markup_never_panics_and_the_writer_makes_well_formed_xml(src in markup_text()) {
        if let Ok(doc) = markup::parse(&src, "fuzz") {
            let meta = DocMeta { title: src.clone(), subject: "<&>".into(), author: "\u{1}Sở".into() };
            let bytes = write_docx(&doc, &meta).expect("the writer accepts every parsed document");
            prop_assert!(well_formed(&bytes).is_ok(), "{:?}", well_formed(&bytes));
        }
    }

    #[test]
    fn escaped_data_is_always_one_literal_paragraph(text in "[^\\n\\r]{1,60}") {
        let trimmed = text.trim();
        prop_assume!(!trimmed.is_empty());
        let mut escaped = String::new();
        markup::escape(trimmed, &mut escaped).unwrap();
        let doc = markup::parse(&escaped, "fuzz").unwrap();
        prop_assert_eq!(doc.blocks.len(), 1);
        let Block::Para(p) = &doc.blocks[0] else { panic!("not a paragraph") };
        let plain: String = p.spans.iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(plain, trimmed);
        prop_assert!(p.spans.iter().all(|s| !s.bold && !s.italic));
    }

    #[test]
    fn yaml_of_any_shape_never_panics(text in "(kind: unit_review\\n)?(unit: [^\\n]{0,20}\\n)?(reviews:\\n(  - name: [^\\n]{0,10}\\n(    votes: \\{[^}]{0,20}\\}\\n)?)*)?\\PC{0,40}") {
        let rel = std::path::Path::new("fuzz.yaml");
        let _ = xeploai::ingest::yaml::sniff_kind(&text, rel);
        let _ = xeploai::ingest::yaml::parse::<xeploai::ingest::yaml::UnitReviewDoc>(&text, rel);
        let _ = xeploai::ingest::yaml::parse::<xeploai::ingest::yaml::AgencyDoc>(&text, rel);
        let _ = xeploai::ingest::yaml::parse::<xeploai::ingest::yaml::AgencyReviewDoc>(&text, rel);
    }
}

/// A real workbook with bytes flipped: the reader reports, never panics.
#[test]
fn mutated_workbooks_never_panic() {
    let dir = common::rules_case("clean", &[]);
    let original = std::fs::read(dir.path().join("danh-sach.xlsx")).unwrap();
    let mut runner =
        proptest::test_runner::TestRunner::new(ProptestConfig { cases: cases(60), ..ProptestConfig::default() });
    let flips = proptest::collection::vec((0..original.len(), any::<u8>()), 1..8);
    runner
        .run(&flips, |flips| {
            let mut bytes = original.clone();
            for (at, value) in flips {
                bytes[at] = value;
            }
            std::fs::write(dir.path().join("danh-sach.xlsx"), &bytes).unwrap();
            let result = std::panic::catch_unwind(|| common::ingest(dir.path()));
            prop_assert!(result.is_ok(), "ingest panicked");
            Ok(())
        })
        .unwrap();
}
