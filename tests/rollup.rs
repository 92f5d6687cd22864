//! The summary an agency sends up (`tong-hop.json`) and `xeploai consolidate`, which adds
//! many: the counts are those the agency's report prints, a roll-up is their sum, and
//! every summary that cannot be added is refused with its file named.

mod common;

use std::path::{Path, PathBuf};

use common::docx::{open, tables};
use common::{build_at, build_with, edit, run, sample_copy};
use serde_json::Value;

fn summary_of(outputs: &Path) -> Value {
    let text = std::fs::read_to_string(outputs.join("tong-hop.json")).expect("the build wrote tong-hop.json");
    serde_json::from_str(&text).expect("tong-hop.json is JSON")
}

fn counts(summary: &Value, id: &str) -> Vec<u64> {
    let row = summary["rows"].as_array().unwrap().iter().find(|row| row["id"] == id);
    let row = row.unwrap_or_else(|| panic!("no row {id} in {summary}"));
    row["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).collect()
}

/// The sample built into `outputs`, with agency.yaml's `parent` replaced by `parent`.
fn build_sample(parent: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let (dir, inputs) = sample_copy();
    if let Some(parent) = parent {
        edit(&inputs, "agency.yaml", "parent: UBND tỉnh Quảng Ngãi", &format!("parent: {parent}"));
    }
    let outputs = dir.path().join("outputs");
    let (code, log) = build_at(&inputs, &outputs);
    assert_eq!(code, 0, "{log}");
    (dir, outputs)
}

#[test]
fn the_summary_holds_the_counts_the_report_prints() {
    let (_dir, outputs) = build_sample(None);
    let summary = summary_of(&outputs);
    assert_eq!(summary["format"], "xeploai/tong-hop/1");
    assert_eq!(summary["year"], 2023);
    assert_eq!(summary["agency"], "Sở Nội vụ");
    assert_eq!(summary["levels"], serde_json::json!(["HTXSNV", "HTTNV", "HTNV", "KHTNV", "KXL"]));
    let report = std::fs::read(outputs.join("co-quan/bao-cao-ubnd-tinh.docx")).unwrap();
    let printed = tables(open(&report).document());
    let row_of = |label: &str| -> Vec<u64> {
        let row = printed.iter().flatten().find(|row| row[0] == label).unwrap_or_else(|| panic!("no row {label}"));
        // Label, total, then each level's count and percentage.
        (0..5).map(|level| row[2 + 2 * level].parse().unwrap()).collect()
    };
    for (id, label) in [("cong_chuc", "Công chức"), ("vien_chuc", "Viên chức"), ("nguoi_lao_dong", "Người lao động")]
    {
        assert_eq!(counts(&summary, id), row_of(label), "{id}");
    }
    assert_eq!(counts(&summary, "cong_chuc"), [7, 48, 1, 1, 1]);
    let staff: u64 = counts(&summary, "tong_cong").iter().sum();
    let leaders: u64 = counts(&summary, "lanh_dao").iter().sum();
    assert_eq!((staff, leaders), (73, 4));
}

#[test]
fn the_summary_is_not_a_document_and_is_not_rewritten_when_unchanged() {
    let (dir, outputs) = build_sample(None);
    let inputs = dir.path().join("inputs");
    let (code, log) = build_with(&inputs, &outputs, "2023-12-01", &[]);
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("Không có gì thay đổi"), "{log}");
    // A meeting place changes a unit's minutes, not the counts.
    let meeting = std::fs::read_dir(inputs.join("don-vi"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| std::fs::read_to_string(p).is_ok_and(|text| text.contains("\n  place:")));
    let meeting = meeting.expect("a meeting file with a place");
    let text = std::fs::read_to_string(&meeting).unwrap().replacen("\n  place:", "\n  place: Hội trường B #", 1);
    std::fs::write(&meeting, text).unwrap();
    let file = || std::fs::metadata(outputs.join("tong-hop.json")).unwrap();
    let before = (file().modified().unwrap(), std::fs::read(outputs.join("tong-hop.json")).unwrap());
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (code, log) = build_with(&inputs, &outputs, "2023-12-01", &[]);
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("Đã ghi 1 văn bản"), "only the minutes are a document written: {log}");
    let after = (file().modified().unwrap(), std::fs::read(outputs.join("tong-hop.json")).unwrap());
    assert_eq!(before, after, "the same counts: the file is left as it was");
    assert!(log.contains("tong-hop.json"), "the summary is named on a line of its own: {log}");
}

#[test]
fn no_summary_is_written_while_the_data_has_errors() {
    let (dir, inputs) = sample_copy();
    // A meeting file that cannot be read: the other units are built, the report (and its
    // counts) waits until it is fixed.
    let meeting = std::fs::read_dir(inputs.join("don-vi")).unwrap().flatten().map(|e| e.path()).min().unwrap();
    std::fs::write(&meeting, "kind: unit_review\nunit: VP\nreviews:\n\t- name: x\n").unwrap();
    let outputs = dir.path().join("outputs");
    let (code, log) = build_at(&inputs, &outputs);
    assert_eq!(code, 1, "{log}");
    assert!(outputs.join("tong-quan.html").exists(), "{log}");
    assert!(!outputs.join("tong-hop.json").exists(), "{log}");
    assert!(!outputs.join("co-quan/bao-cao-ubnd-tinh.docx").exists(), "{log}");
}

#[test]
fn no_summary_is_written_when_the_report_did_not_come_out() {
    // A broken override of the report's template: the report fails, and with it the data
    // of the counts it prints.
    let (dir, inputs) = sample_copy();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/agency_report.tera"), "{{ no_such_value.at_all }}").unwrap();
    let outputs = dir.path().join("outputs");
    let (code, log) = build_at(&inputs, &outputs);
    assert_ne!(code, 0, "{log}");
    assert!(outputs.join("co-quan/thong-bao-ket-qua.docx").exists(), "{log}");
    assert!(!outputs.join("co-quan/bao-cao-ubnd-tinh.docx").exists(), "{log}");
    assert!(!outputs.join("tong-hop.json").exists(), "{log}");
}

#[test]
fn two_agencies_add_up_row_by_row() {
    let (_a, quang_ngai) = build_sample(None);
    let (_b, binh_dinh) = build_sample(Some("UBND tỉnh Bình Định"));
    let out = tempfile::tempdir().unwrap();
    let national = out.path().join("tong-hop.json");
    let args = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["consolidate".to_string()];
        args.extend([&quang_ngai, &binh_dinh].map(|p| p.to_str().unwrap().to_string()));
        args.extend(["--name", "Toàn quốc", "--out", national.to_str().unwrap()].map(String::from));
        args.extend(extra.iter().map(|x| x.to_string()));
        args
    };
    let (code, stdout, stderr) = run(&args(&[]).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("Toàn quốc): 2 cơ quan, 154 người được xếp loại"), "{stdout}");
    assert!(stdout.contains("Sở Nội vụ (UBND tỉnh Bình Định): 77 người"), "{stdout}");
    let total = summary_of(out.path());
    let one = summary_of(&quang_ngai);
    for row in one["rows"].as_array().unwrap() {
        let id = row["id"].as_str().unwrap();
        let doubled: Vec<u64> = counts(&one, id).iter().map(|c| c * 2).collect();
        assert_eq!(counts(&total, id), doubled, "{id}");
    }
    assert_eq!(total["parts"].as_array().unwrap().len(), 2);
    // The roll-up is itself a summary: given with one of its own parts, it is refused.
    let (code, _, stderr) = run(&["consolidate", out.path().to_str().unwrap(), quang_ngai.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("tính trùng"), "{stderr}");
    // Written into the folder it reads, the roll-up is not added into the next one.
    let provinces = tempfile::tempdir().unwrap();
    for (name, outputs) in [("quang-ngai", &quang_ngai), ("binh-dinh", &binh_dinh)] {
        std::fs::create_dir(provinces.path().join(name)).unwrap();
        std::fs::copy(outputs.join("tong-hop.json"), provinces.path().join(name).join("tong-hop.json")).unwrap();
    }
    let folder = provinces.path().to_str().unwrap();
    let national = provinces.path().join("tong-hop.json");
    for _ in 0..2 {
        let (code, stdout, stderr) =
            run(&["consolidate", folder, "--out", national.to_str().unwrap(), "--format", "json"]);
        assert_eq!(code, 0, "{stderr}");
        let again: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(again["parts"].as_array().unwrap().len(), 2, "{stdout}");
        assert_eq!(again, summary_of(provinces.path()));
    }
}

#[test]
fn a_summary_that_cannot_be_added_is_refused_with_its_file_and_place() {
    let (_a, quang_ngai) = build_sample(None);
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, text: &str| -> String {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let one = quang_ngai.join("tong-hop.json").to_str().unwrap().to_string();
    let cases = [
        (file("cut.json", "{\n  \"format\": \"xeploai/tong-hop/1\",\n  \"year\": 20"), "cut.json:3:"),
        (file("other.json", "{\"name\": \"a\"}"), "không phải tệp tổng hợp của xeploai"),
        (
            file("year.json", &std::fs::read_to_string(&one).unwrap().replace("\"year\": 2023", "\"year\": 2025")),
            "năm 2025, khác năm 2023",
        ),
        (
            file("short.json", &std::fs::read_to_string(&one).unwrap().replacen("        7,\n", "", 1)),
            "hàng “cong_chuc” có 4 số, cần 5",
        ),
        (one.clone(), "cùng một cơ quan"),
    ];
    for (path, expected) in cases {
        let (code, stdout, stderr) = run(&["consolidate", &one, &path]);
        assert_eq!(code, 2, "{path}: {stdout}");
        assert!(stderr.contains(expected), "{path}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let (code, _, stderr) = run(&["consolidate", dir.path().join("none").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("không đọc được"), "{stderr}");
    let empty = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&["consolidate", empty.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("không tìm thấy tệp tong-hop.json"), "{stderr}");
}
