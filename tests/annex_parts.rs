//! An annex too long for one document: the reports list the files it is written in, and
//! the parts, read one after the other, are the annex the report would have held.

mod common;

use std::path::Path;
use std::time::Duration;

use common::docx::{open, paragraphs_of, tables, text_at};
use common::*;
use xeploai::pipeline::{BuildOptions, build};
use xeploai::render::plan::ANNEX_ROWS;

const REPORTS: [&str; 2] = ["co-quan/bao-cao-ubnd-tinh.docx", "co-quan/bao-cao-ban-to-chuc-tinh-uy.docx"];

/// Builds `inputs` on `today` into `outputs` with the annex cut at `annex_rows`.
fn build_cut(inputs: &Path, today: &str, outputs: &Path, annex_rows: usize) {
    let options = BuildOptions {
        outputs: outputs.to_path_buf(),
        today: today.parse().unwrap(),
        keep_history: 0,
        lock_wait: Duration::from_secs(5),
        progress: false,
        annex_rows,
    };
    let outcome = build(inputs, &options).unwrap();
    assert_eq!(outcome.exit_code(), 0, "{:?}", outcome.failed);
}

/// The annex's rows, its header first, of the document at `path`: the table whose header
/// is `header`, if it has one.
fn annex_rows(path: &Path, header: &[&str]) -> Option<Vec<Vec<String>>> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    tables(open(&bytes).document()).into_iter().find(|t| t.first().is_some_and(|first| first == header))
}

/// The 2023 sample's annex (a rating a person) and the 2025 sample's (a score and its
/// level too), each cut in three.
#[test]
fn an_annex_in_parts_is_the_reports_annex_cut_in_files_the_reports_name() {
    let plain: &[&str] = &["STT", "Họ và tên", "Đơn vị", "Chức vụ", "Đối tượng", "Kết quả xếp loại"];
    let scored: &[&str] = &["STT", "Họ và tên", "Đơn vị", "Chức vụ", "Đối tượng", "Điểm", "Kết quả"];
    let samples = [("inputs", "2023-12-01", plain), ("samples/2025", "2025-12-01", scored)];
    for (sample, today, header) in samples {
        let inputs = Path::new(env!("CARGO_MANIFEST_DIR")).join(sample);
        let dir = tempfile::tempdir().unwrap();
        cut_in_three(&inputs, today, dir.path(), header);
    }
}

fn cut_in_three(inputs: &Path, today: &str, dir: &Path, header: &[&str]) {
    let whole = dir.join("whole");
    build_cut(inputs, today, &whole, ANNEX_ROWS);
    let expected = annex_rows(&whole.join(REPORTS[0]), header).expect("the report's annex");
    let people = expected.len() - 1;
    assert!(people >= 7, "the sample has {people} people: too few to cut in three");
    let rows = people.div_ceil(3);

    let cut = dir.join("cut");
    build_cut(inputs, today, &cut, rows);
    let files = ["phu-luc-bao-cao-phan-1.docx", "phu-luc-bao-cao-phan-2.docx", "phu-luc-bao-cao-phan-3.docx"];
    let mut joined = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let path = cut.join("co-quan").join(file);
        let part = annex_rows(&path, header).unwrap_or_else(|| panic!("{file}: no annex table"));
        joined.extend(part.into_iter().skip(1));
        let first = index * rows + 1;
        let last = (first + rows - 1).min(people);
        let text = text_at(&path);
        contains_all(
            &text,
            &["PHỤ LỤC", "(Kèm theo Báo cáo của ", &format!("Phần {}/3: số thứ tự từ {first} đến {last}", index + 1)],
        );
        assert_eq!(joined.len(), last, "{file}: rows up to {last}");
    }
    assert_eq!(joined, expected[1..], "the parts, one after the other, are the whole annex");
    assert!(!cut.join("co-quan/phu-luc-bao-cao-phan-4.docx").exists());

    for report in REPORTS {
        let path = cut.join(report);
        assert_eq!(annex_rows(&path, header), None, "{report}: no annex table of its own");
        let bytes = std::fs::read(&path).unwrap();
        let document = open(&bytes);
        let paragraphs = paragraphs_of(document.document());
        let listed: Vec<&String> = paragraphs.iter().filter(|p| p.starts_with("Phần ")).collect();
        let expected_lines: Vec<String> = files
            .iter()
            .enumerate()
            .map(|(index, file)| {
                let first = index * rows + 1;
                let last = (first + rows - 1).min(people);
                let end = if index == 2 { "." } else { ";" };
                format!("Phần {}: số thứ tự từ {first} đến {last}, tệp “{file}”{end}", index + 1)
            })
            .collect();
        assert_eq!(listed, expected_lines.iter().collect::<Vec<_>>(), "{report}");
        contains_all(
            &document.text(),
            &[&format!("Danh sách có {people} người, dài quá một văn bản nên được lập thành 3 phần")],
        );
    }
}
