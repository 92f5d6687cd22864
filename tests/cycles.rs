//! The sample agencies of the cycles after 2023 (`samples/2025`, `samples/2026`, issue 17),
//! built with the release binary as a clerk would: the exit code, the documents of every
//! unit and of the agency, the scores the cycle reads (a year score, quarterly and monthly
//! scores, a score sheet), and the legal sources `check --format json` reports, which are
//! the cycle's texts and never the 2023 plan's.

mod common;

use std::path::{Path, PathBuf};

use common::docx::{open, tables, text_at};
use common::*;
use serde_json::Value;
use xeploai::model::{Dataset, Membership, PersonReview, Score, ScoreInput};

fn sample(year: u16) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(year.to_string())
}

/// `build` of a sample on a day of its cycle: (exit code, the outputs folder, all output).
fn build(year: u16, today: &str) -> (i32, tempfile::TempDir, String) {
    let outputs = tempfile::tempdir().unwrap();
    let inputs = sample(year);
    let (code, stdout, stderr) = run(&[
        "build",
        "--quiet",
        "--inputs",
        inputs.to_str().unwrap(),
        "--outputs",
        outputs.path().to_str().unwrap(),
        "--today",
        today,
    ]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (code, outputs, format!("{stdout}\n{stderr}"))
}

fn dataset(year: u16) -> Dataset {
    let (dataset, findings) = ingest(&sample(year));
    let errors: Vec<_> = findings.iter().filter(|f| f.severity == xeploai::findings::Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    dataset.expect("dataset")
}

fn review<'a>(dataset: &'a Dataset, name: &str) -> &'a PersonReview {
    let found = dataset.unit_reviews.iter().flat_map(|u| &u.reviews).find(|r| &*r.person.name == name);
    found.unwrap_or_else(|| panic!("no review of {name}"))
}

fn score<'a>(dataset: &'a Dataset, name: &str) -> &'a Score {
    review(dataset, name).score.as_ref().unwrap_or_else(|| panic!("no score for {name}"))
}

/// Builds the sample of `year` on `today`, expects exit 0 and every document, and returns
/// its dataset, checked to hold (people, units), and the outputs folder.
fn built(year: u16, today: &str, counts: (usize, usize)) -> (Dataset, tempfile::TempDir) {
    let (code, outputs, log) = build(year, today);
    assert_eq!(code, 0, "{log}");
    let dataset = dataset(year);
    assert_eq!((dataset.people.len(), dataset.agency.units.len()), counts);
    assert_documents(outputs.path(), &dataset);
    assert_year_everywhere(outputs.path(), year);
    (dataset, outputs)
}

/// Every document of the cycle names its year and none names the 2023 review: a clerk
/// would have to strike out "năm 2023" by hand before signing.
fn assert_year_everywhere(outputs: &Path, year: u16) {
    let mut documents = 0;
    for entry in walkdir::WalkDir::new(outputs).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_some_and(|x| x == "docx") {
            let text = text_at(entry.path());
            assert!(text.contains(&format!("năm {year}")), "{}: no \"năm {year}\"", entry.path().display());
            assert!(!names_2023_as_its_year(&text), "{}: names 2023", entry.path().display());
            documents += 1;
        }
    }
    assert!(documents > 40, "{documents} documents");
}

/// Whether "năm 2023" appears other than in a date ("ngày 17 tháng 7 năm 2023", the date
/// of a decree the documents cite).
fn names_2023_as_its_year(text: &str) -> bool {
    text.match_indices("năm 2023").any(|(at, _)| {
        let before = text[..at].trim_end();
        let month = before.trim_end_matches(|c: char| c.is_ascii_digit());
        month.len() == before.len() || !month.trim_end().ends_with("tháng")
    })
}

/// The row of `name` in the proposal list of the unit in `folder`.
fn proposal_row(outputs: &Path, folder: &str, name: &str) -> Vec<String> {
    let opened = open(&std::fs::read(outputs.join(folder).join("danh-sach-de-xuat-xep-loai.docx")).unwrap());
    let tables = tables(opened.document());
    let row = tables.iter().flatten().find(|row| row.iter().any(|cell| cell == name));
    row.unwrap_or_else(|| panic!("no row of {name} in {folder}")).clone()
}

/// Each unit's three documents and one self-review per member, and the agency's documents.
fn assert_documents(outputs: &Path, dataset: &Dataset) {
    let folders = dataset.agency.unit_folders();
    for (id, unit) in dataset.agency.units.iter().enumerate() {
        let folder = outputs.join(&folders.names[id]);
        for document in
            ["bao-cao-kiem-diem-tap-the.docx", "bien-ban-hop-kiem-diem.docx", "danh-sach-de-xuat-xep-loai.docx"]
        {
            assert!(folder.join(document).is_file(), "{}/{document}", folder.display());
        }
        let reviews = std::fs::read_dir(folder.join("tu-kiem-diem")).map_or(0, |dir| dir.count());
        assert_eq!(reviews, dataset.members(id).count(), "self-reviews of {}", unit.name);
    }
    let leaders = dataset.people.iter().filter(|p| p.membership == Membership::Leadership).count();
    assert_eq!(std::fs::read_dir(outputs.join("co-quan/lanh-dao")).unwrap().count(), leaders);
    for document in [
        "bao-cao-ubnd-tinh.docx",
        "bao-cao-ban-to-chuc-tinh-uy.docx",
        "bao-cao-tu-danh-gia.docx",
        "bien-ban-hop-tham-van.docx",
        "thong-bao-ket-qua.docx",
        "tinh-hinh-thuc-hien.docx",
    ] {
        assert!(outputs.join("co-quan").join(document).is_file(), "co-quan/{document}");
    }
    assert!(outputs.join("tong-quan.html").is_file());
}

fn findings(json: &Value) -> &Vec<Value> {
    json["findings"].as_array().expect("findings")
}

/// The sample's deliberate findings, as its README lists them: (rule, person or unit).
fn assert_findings(json: &Value, expected: &[(&str, &str)]) {
    let mut found: Vec<(String, String)> = findings(json)
        .iter()
        .map(|f| {
            let who = f["person"].as_str().or(f["unit"].as_str()).unwrap_or_default();
            (f["rule"].as_str().unwrap().to_string(), who.to_string())
        })
        .collect();
    found.sort();
    let mut expected: Vec<(String, String)> = expected.iter().map(|(r, w)| (r.to_string(), w.to_string())).collect();
    expected.sort();
    assert_eq!(found, expected, "{json:#}");
}

/// Every legal source names texts of the cycle, never the 2023 plan or QĐ 124 (replaced by
/// QĐ 366 for the party side from 2025).
fn assert_cycle_sources(json: &Value, year: u16) {
    for finding in findings(json) {
        let legal = finding["legal"].as_str().unwrap_or_default();
        for old in ["124-QĐ/TW", "25-HD/BTCTW", "2456/KH", "Kế hoạch 2023", "13-HD/TU"] {
            assert!(!legal.contains(old), "{year}: {old} in {finding:#}");
        }
    }
}

#[test]
fn the_2025_sample_builds_and_reads_its_scores_and_discipline() {
    let (dataset, outputs) = built(2025, "2025-12-12", (36, 5));

    // The party member at 91 points with only 20% of tasks exceeded, proposed HTTNV.
    let huy = score(&dataset, "Bùi Quang Huy");
    assert_eq!(huy.total(), 91.0);
    let review = review(&dataset, "Bùi Quang Huy");
    assert_eq!(review.tasks.as_ref().and_then(|t| t.exceeded_percent), Some(20.0));
    assert_eq!(review.proposed, Some(xeploai::model::Rating::Good));
    // Discipline: one act outside public duty, one related to it (roster column).
    let duty = |name: &str| {
        let person = dataset.people.iter().find(|p| &*p.name == name).unwrap();
        person.discipline.as_ref().and_then(|d| d.duty_related)
    };
    assert_eq!(duty("Lê Văn Thịnh"), Some(false));
    assert_eq!(duty("Phan Văn Lực"), Some(true));

    let (code, json) = check_json_on(&sample(2025), "2025-12-12");
    assert_eq!(code, 0, "{json:#}");
    assert_findings(
        &json,
        &[
            ("LATE_MEETING", "Trung tâm Dịch vụ việc làm"),
            ("PARTY_CONDITIONS", "Bùi Quang Huy"),
            ("DISCIPLINE_UNRELATED", "Lê Văn Thịnh"),
            ("SCORE_LEVEL", "Nguyễn Tấn Lộc"),
        ],
    );
    assert_cycle_sources(&json, 2025);
    // The agency's reports give the reason a disciplined công chức is rated HTTNV, and
    // the unit's HTXSNV share is of those proposed HTTNV: 20% of 4 leaves none.
    for report in ["bao-cao-ubnd-tinh.docx", "bao-cao-ban-to-chuc-tinh-uy.docx"] {
        let text = text_at(&outputs.path().join("co-quan").join(report));
        let line = text.lines().find(|l| l.contains("Lê Văn Thịnh")).unwrap_or_else(|| panic!("{report}: {text}"));
        assert!(line.contains("không liên quan đến thực thi công vụ") && line.contains("khoản 4 Điều 38"), "{line}");
    }
    // The reports are due in December (report-ubnd, 15/12/2025): their date line says so.
    let report = text_at(&outputs.path().join("co-quan/bao-cao-ubnd-tinh.docx"));
    assert!(report.contains("tháng 12 năm 2025"), "{report}");
    // A worker's form carries no NĐ 90 code: Mẫu 02 and 03 are the công chức's and viên chức's.
    let worker = text_at(&outputs.path().join("van-phong-so/tu-kiem-diem/07-luong-van-tai.docx"));
    assert!(worker.contains("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NGƯỜI LAO ĐỘNG"), "{worker}");
    assert!(!worker.contains("Mẫu số 0"), "{worker}");
    let list = text_at(&outputs.path().join("thanh-tra-so/danh-sach-de-xuat-xep-loai.docx"));
    assert!(
        list.contains("trên 4 người đề xuất HTTNV (tối đa 20% của 4 là 0,8, làm tròn xuống còn 0 người)"),
        "{list}"
    );
    let unrelated = findings(&json).iter().find(|f| f["rule"] == "DISCIPLINE_UNRELATED").unwrap();
    assert!(unrelated["legal"].as_str().unwrap().contains("80/2025"), "{unrelated:#}");
}

#[test]
fn the_2026_sample_builds_and_reads_quarterly_monthly_and_workbook_scores() {
    let (dataset, outputs) = built(2026, "2026-12-11", (39, 6));

    // Only quarterly scores: the year score is their exact average, 89,75 (HTTNV, not 90).
    let duyen = score(&dataset, "Trần Thị Mỹ Duyên");
    assert!(matches!(&duyen.input, ScoreInput::Periods { periods, .. } if periods.len() == 4), "{duyen:?}");
    assert_eq!(duyen.total(), 89.75);
    // The unit's proposal list prints that score as the clerk writes it, and the level it gives.
    let row = proposal_row(outputs.path(), "van-phong-so", "Trần Thị Mỹ Duyên");
    assert!(row.iter().any(|cell| cell == "89,75 (HTTNV)"), "{row:?}");
    // Its HTXSNV share is of those proposed HTTNV in each group, never of the headcount
    // (7 here): the list shows the ceiling the consultation then applied to Nguyễn Văn Tín.
    let list = text_at(&outputs.path().join("van-phong-so/danh-sach-de-xuat-xep-loai.docx"));
    let share = "Số đề xuất HTXSNV, nhóm “Công chức không giữ chức vụ”: 1 người, trên 3 người đề xuất HTTNV (tối đa 20% của 3 là 0,6, làm tròn xuống còn 0 người).";
    assert!(list.contains(share), "{list}");
    // The museum has no rating rules of its own: its list and minutes say why NĐ 90 applies.
    for document in ["danh-sach-de-xuat-xep-loai.docx", "bien-ban-hop-kiem-diem.docx"] {
        let text = text_at(&outputs.path().join("bao-tang-tong-hop-tinh").join(document));
        assert!(text.contains("vì đơn vị chưa ban hành quy chế đánh giá"), "{document}: {text}");
    }
    let text = text_at(&outputs.path().join("thu-vien-tinh/danh-sach-de-xuat-xep-loai.docx"));
    assert!(!text.contains("vì đơn vị chưa ban hành quy chế đánh giá"), "{text}");
    // Monthly scores with August not entered: the average of the eleven months, and the gap.
    let phuc = score(&dataset, "Nguyễn Hoàng Phúc");
    assert_eq!((phuc.total(), phuc.gaps()), (88.0, vec![8]));
    // The library's score sheet: the parts, or the total alone, with the sheet's cell.
    let binh = score(&dataset, "Nguyễn Văn Bình");
    assert_eq!(binh.split(), Some((27.0, 61.0)));
    assert_eq!(binh.source.path(), Path::new("danh-sach/diem-thu-vien-tinh-2026.xlsx"));
    assert_eq!(score(&dataset, "Lê Văn Nhân").total(), 84.0);
    // Five months' sick leave, rated on the time worked.
    let yen = dataset.people.iter().find(|p| &*p.name == "Phạm Thị Kim Yến").unwrap();
    assert_eq!(yen.work_time().leave_days, Some(150.0));
    // One public service unit issued its rating rules, the other did not (fallback).
    let unit = |name: &str| dataset.agency.units.iter().position(|u| u.name == name).unwrap();
    assert_eq!(dataset.agency.settings.units_rules_issued, vec![unit("Thư viện tỉnh")]);

    let (code, json) = check_json_on(&sample(2026), "2026-12-11");
    assert_eq!(code, 0, "{json:#}");
    assert_findings(
        &json,
        &[
            ("ABSENT_REASON", "Ngô Văn Lợi"),
            ("SCORE_PERIODS", "Nguyễn Hoàng Phúc"),
            ("RULES_FALLBACK", "Bảo tàng tổng hợp tỉnh"),
            ("SCORE_LEVEL", "Nguyễn Văn Tín"),
        ],
    );
    assert_cycle_sources(&json, 2026);
    for finding in findings(&json) {
        let legal = finding["legal"].as_str().unwrap_or_default();
        assert!(legal.contains("233/2026") || legal.contains("335/2025"), "{finding:#}");
    }
}
