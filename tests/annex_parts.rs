//! A list of everyone too long for one document (the reports' annex, the results notice's
//! people): the document names the files it is written in, and the parts, read one after
//! the other, are the list it would have held.

mod common;

use std::path::Path;

use common::docx::{open, paragraphs_of, tables, text_at};
use common::*;
use xeploai::pipeline::{BuildOptions, build};
use xeploai::render::plan::LIST_ROWS;

const REPORTS: [&str; 2] = ["co-quan/bao-cao-ubnd-tinh.docx", "co-quan/bao-cao-ban-to-chuc-tinh-uy.docx"];

/// Builds `inputs` on `today` into `outputs` with the lists of everyone cut at `list_rows`.
fn build_cut(inputs: &Path, today: &str, outputs: &Path, list_rows: usize) {
    let options = BuildOptions { list_rows, ..build_options(outputs, today) };
    let outcome = build(inputs, &options).unwrap();
    assert_eq!(outcome.exit_code(), 0, "{:?}", outcome.failed);
}

/// The rows, its header first, of the table of the document at `path` whose header is
/// `header`, if it has one.
fn table_rows(path: &Path, header: &[&str]) -> Option<Vec<Vec<String>>> {
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
    build_cut(inputs, today, &whole, LIST_ROWS);
    let expected = table_rows(&whole.join(REPORTS[0]), header).expect("the report's annex");
    let people = expected.len() - 1;
    assert!(people >= 7, "the sample has {people} people: too few to cut in three");
    let rows = people.div_ceil(3);

    let cut = dir.join("cut");
    build_cut(inputs, today, &cut, rows);
    let files = ["phu-luc-bao-cao-phan-1.docx", "phu-luc-bao-cao-phan-2.docx", "phu-luc-bao-cao-phan-3.docx"];
    let mut joined = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let path = cut.join("co-quan").join(file);
        let part = table_rows(&path, header).unwrap_or_else(|| panic!("{file}: no annex table"));
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
        assert_eq!(table_rows(&path, header), None, "{report}: no annex table of its own");
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

const NOTICE: &str = "co-quan/thong-bao-ket-qua.docx";

/// The results notice's people, cut in whole units of at most 25 people: the parts, one
/// after the other, are the notice's whole table, and the notice names them.
#[test]
fn a_notice_in_parts_is_its_table_cut_at_whole_units() {
    let header: &[&str] = &["STT", "Họ và tên", "Chức vụ", "Kết quả xếp loại"];
    let inputs = Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs");
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("whole");
    build_cut(&inputs, "2023-12-01", &whole, LIST_ROWS);
    let expected = table_rows(&whole.join(NOTICE), header).expect("the notice's table");
    let rows = 25;
    let cut = dir.path().join("cut");
    build_cut(&inputs, "2023-12-01", &cut, rows);

    let part_path = |part: usize| cut.join(format!("co-quan/thong-bao-ket-qua-phan-{part}.docx"));
    let parts: Vec<Vec<Vec<String>>> = (1..)
        .map(part_path)
        .take_while(|path| path.exists())
        .map(|path| table_rows(&path, header).unwrap_or_else(|| panic!("{}: no table", path.display())))
        .collect();
    assert!(parts.len() >= 3, "{} parts", parts.len());
    let person = |row: &Vec<String>| row.len() == header.len();
    let mut joined = Vec::new();
    let mut listed = Vec::new();
    for (index, part) in parts.iter().enumerate() {
        let body = &part[1..];
        assert!(!person(&body[0]), "part {}: starts with a unit's heading, not {:?}", index + 1, body[0]);
        let people: Vec<&Vec<String>> = body.iter().filter(|row| person(row)).collect();
        let units = body.len() - people.len();
        assert!(people.len() <= rows || units == 1, "part {}: {} people in {units} units", index + 1, people.len());
        let (first, last) = (&people[0][0], &people[people.len() - 1][0]);
        contains_all(
            &text_at(&part_path(index + 1)),
            &[
                "DANH SÁCH",
                "(Kèm theo Thông báo của Sở Nội vụ)",
                &format!("Phần {}/{}: số thứ tự từ {first} đến {last}", index + 1, parts.len()),
            ],
        );
        let end = if index + 1 == parts.len() { "." } else { ";" };
        listed.push(format!(
            "Phần {}: số thứ tự từ {first} đến {last}, tệp “thong-bao-ket-qua-phan-{}.docx”{end}",
            index + 1,
            index + 1
        ));
        joined.extend(body.iter().cloned());
    }
    assert_eq!(joined, expected[1..], "the parts, one after the other, are the notice's whole table");

    let notice = cut.join(NOTICE);
    assert_eq!(table_rows(&notice, header), None, "the notice keeps no table of people");
    let bytes = std::fs::read(&notice).unwrap();
    let paragraphs = paragraphs_of(open(&bytes).document());
    let named: Vec<&String> = paragraphs.iter().filter(|p| p.starts_with("Phần ")).collect();
    assert_eq!(named, listed.iter().collect::<Vec<_>>());
    let people = expected.iter().filter(|row| person(row)).count() - 1;
    contains_all(
        &paragraphs.join("\n"),
        &[&format!(
            "Danh sách có {people} người, dài quá một văn bản nên được lập thành {} phần, mỗi phần một tệp kèm theo Thông báo này:",
            parts.len()
        )],
    );
}
