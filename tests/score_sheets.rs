//! Scores read from workbooks (inputs.md, "Cycles after 2023: scores"): a score sheet is
//! not a second roster, its scores join the reviews with their cells, a score written
//! differently in the workbook and the meeting file is an error naming both places, and
//! a bad cell is an error at that cell.

mod common;

use common::*;
use xeploai::findings::Finding;
use xeploai::model::{Dataset, PeriodKind, Score, ScoreInput};
use xeploai::source::{Place, Source};

/// The clean agency with a score sheet `diem-vp.xlsx` (sheet "Diem", section rows naming
/// the unit, quarterly columns) holding `rows` under "VĂN PHÒNG SỞ".
fn with_score_sheet(rows: Vec<Vec<Cell>>) -> tempfile::TempDir {
    let dir = rules_case("clean", &[]);
    let mut sheet_rows = vec![
        vec![T("BẢNG ĐIỂM THEO DÕI, ĐÁNH GIÁ NĂM 2026")],
        vec![],
        vec![T("STT"), T("Họ và tên"), T("Quý I"), T("Quý II"), T("Quý III"), T("Quý IV")],
        vec![T("I"), T("VĂN PHÒNG SỞ")],
    ];
    sheet_rows.extend(rows);
    write_xlsx(&dir.path().join("danh-sach/diem-vp.xlsx"), &[sheet("Diem", sheet_rows)]);
    dir
}

/// Writes `score: 85` under Lê Văn Cường's entry of the Văn phòng's meeting file.
fn cuong_scores_85_in_the_meeting_file(dir: &std::path::Path) {
    let meeting = dir.join("don-vi/vp.yaml");
    let text = std::fs::read_to_string(&meeting).unwrap();
    std::fs::write(&meeting, text.replace("  - name: Lê Văn Cường\n", "  - name: Lê Văn Cường\n    score: 85\n"))
        .unwrap();
}

fn score_of<'a>(dataset: &'a Dataset, name: &str) -> Option<&'a Score> {
    dataset.unit_reviews.iter().flat_map(|u| &u.reviews).find(|r| &*r.person.name == name)?.score.as_deref()
}

fn cell_of(source: &Source) -> (String, u32, u32) {
    match (source.place, source.sheet_cell()) {
        (Place::Cell { row, col }, Some((sheet, _))) => (sheet.to_string(), row, col),
        other => panic!("not a cell: {other:?}"),
    }
}

fn errors(findings: &[Finding]) -> Vec<&Finding> {
    findings.iter().filter(|f| f.severity == xeploai::findings::Severity::Error).collect()
}

#[test]
fn a_score_sheet_gives_scores_with_their_cells_and_nobody_twice() {
    let dir = with_score_sheet(vec![
        vec![N(1.0), T("Lê Văn Cường"), N(90.0), N(92.5), N(88.0), N(91.0)],
        vec![N(2.0), T("Phạm Thị Dung"), N(80.0), S("81,5".into()), Empty, Empty],
    ]);
    let (dataset, findings) = ingest(dir.path());
    let dataset = dataset.expect("dataset");
    assert!(errors(&findings).is_empty(), "{findings:#?}");
    assert!(
        !findings.iter().any(|f| f.rule == "ROSTER_NO_HEADER" && f.severity != xeploai::findings::Severity::Info),
        "a score sheet is not a roster without a header: {findings:#?}"
    );
    assert_eq!(dataset.people.len(), CLEAN_PEOPLE.len(), "people of the score sheet are not added twice");
    let cuong = dataset.people.iter().filter(|p| &*p.name == "Lê Văn Cường").count();
    assert_eq!(cuong, 1);

    let score = score_of(&dataset, "Lê Văn Cường").expect("Cường's score from the sheet");
    let ScoreInput::Periods { kind, periods } = &score.input else { panic!("periods: {score:?}") };
    assert_eq!(*kind, PeriodKind::Quarter);
    assert_eq!(periods.iter().map(|p| p.index).collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert_eq!(score.total(), (90.0 + 92.5 + 88.0 + 91.0) / 4.0);
    assert_eq!(score.source.path(), std::path::Path::new("danh-sach/diem-vp.xlsx"));
    // Row 5 of the sheet (0-based 4), column C (0-based 2): Quý I.
    assert_eq!(cell_of(&score.source), ("Diem".to_string(), 4, 2));
    assert_eq!(cell_of(&periods[3].source), ("Diem".to_string(), 4, 5));

    let dung = score_of(&dataset, "Phạm Thị Dung").expect("Dung's score");
    assert_eq!(dung.total(), (80.0 + 81.5) / 2.0, "a comma decimal typed as text is read");
    assert!(score_of(&dataset, "Võ Văn Giang").is_none(), "nobody else has a score");
}

#[test]
fn a_roster_with_score_columns_is_still_the_roster() {
    let dir = rules_case("clean", &[]);
    let mut roster = clean_sheet(&[], |_| true, &[]);
    roster.rows[0].push(T("Điểm tiêu chí chung"));
    roster.rows[0].push(T("Điểm kết quả thực hiện nhiệm vụ"));
    let row = roster.rows.iter().position(|r| matches!(r[0], T("Võ Văn Giang"))).unwrap();
    roster.rows[row].extend([N(27.0), N(64.5)]);
    write_xlsx(&dir.path().join("danh-sach.xlsx"), &[roster]);
    let (dataset, findings) = ingest(dir.path());
    let dataset = dataset.expect("dataset");
    assert!(errors(&findings).is_empty(), "{findings:#?}");
    assert_eq!(dataset.people.len(), CLEAN_PEOPLE.len());
    let score = score_of(&dataset, "Võ Văn Giang").expect("score from the roster's columns");
    assert_eq!(score.split(), Some((27.0, 64.5)));
    assert_eq!(cell_of(&score.source).0, "DS");
}

#[test]
fn a_score_in_both_places_that_differs_is_an_error_naming_both() {
    let dir = with_score_sheet(vec![vec![N(1.0), T("Lê Văn Cường"), N(90.0), N(92.0), N(88.0), N(90.0)]]);
    cuong_scores_85_in_the_meeting_file(dir.path());
    let (dataset, findings) = ingest(dir.path());
    let conflicts: Vec<&Finding> = findings.iter().filter(|f| f.message.contains("ghi khác nhau ở hai nơi")).collect();
    assert_eq!(conflicts.len(), 1, "{findings:#?}");
    let conflict = conflicts[0];
    assert_eq!(conflict.rule, "INPUT_INVALID");
    assert_eq!(conflict.person.as_deref(), Some("Lê Văn Cường"));
    for place in ["danh-sach/diem-vp.xlsx [Diem!C5]", "don-vi/vp.yaml:", "ghi 90", "ghi 85"] {
        assert!(conflict.message.contains(place), "{place} in {}", conflict.message);
    }
    assert_eq!(conflict.source.as_ref().map(cell_of), Some(("Diem".to_string(), 4, 2)));
    // The meeting file's score stays; nothing is chosen in silence.
    assert_eq!(score_of(&dataset.unwrap(), "Lê Văn Cường").map(Score::total), Some(85.0));

    // The same score in both places is no conflict.
    let dir = with_score_sheet(vec![vec![N(1.0), T("Lê Văn Cường"), N(85.0), N(85.0), N(85.0), N(85.0)]]);
    cuong_scores_85_in_the_meeting_file(dir.path());
    let (_, findings) = ingest(dir.path());
    assert!(errors(&findings).is_empty(), "{findings:#?}");
}

#[test]
fn a_bad_cell_is_an_error_at_that_cell_and_the_rest_is_read() {
    let dir = with_score_sheet(vec![
        vec![N(1.0), T("Lê Văn Cường"), N(90.0), T("chín mươi"), N(88.0), N(120.0)],
        vec![N(2.0), T("Phạm Thị Dung"), N(80.0), N(80.0), N(80.0), N(80.0)],
    ]);
    let (dataset, findings) = ingest(dir.path());
    let errors = errors(&findings);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].rule, "INPUT_INVALID");
    assert_eq!(errors[0].source.as_ref().map(cell_of), Some(("Diem".to_string(), 4, 3)), "Diem!D5");
    assert!(errors[0].message.contains("chín mươi"), "{}", errors[0].message);
    let dataset = dataset.unwrap();
    let cuong = score_of(&dataset, "Lê Văn Cường").expect("the readable cells are kept");
    // 120 is out of range: kept, for the rules to judge.
    assert_eq!(cuong.total(), (90.0 + 88.0 + 120.0) / 3.0);
    assert_eq!(score_of(&dataset, "Phạm Thị Dung").map(Score::total), Some(80.0));
}

#[test]
fn a_score_for_someone_the_meeting_file_does_not_list_is_told() {
    let dir = with_score_sheet(vec![vec![N(1.0), T("Đặng Văn Hải"), N(70.0), N(70.0), N(70.0), N(70.0)]]);
    let meeting = dir.path().join("don-vi/vp.yaml");
    let text = std::fs::read_to_string(&meeting).unwrap();
    let cut = text.find("  - name: Đặng Văn Hải").unwrap();
    std::fs::write(&meeting, &text[..cut]).unwrap();
    let (_, findings) = ingest(dir.path());
    let told: Vec<&Finding> =
        findings.iter().filter(|f| f.message.starts_with("Bảng điểm có số liệu của Đặng Văn Hải")).collect();
    assert_eq!(told.len(), 1, "{findings:#?}");
    assert_eq!(told[0].source.as_ref().map(cell_of), Some(("Diem".to_string(), 4, 1)));
    assert!(told[0].message.contains("don-vi/vp.yaml"), "{}", told[0].message);
}

#[test]
fn a_score_in_two_workbooks_that_differs_is_an_error_naming_both_cells() {
    let dir = with_score_sheet(vec![vec![N(1.0), T("Võ Văn Giang"), N(80.0), N(80.0), N(80.0), N(80.0)]]);
    let mut roster = clean_sheet(&[], |_| true, &[]);
    roster.rows[0].push(T("Tổng điểm"));
    let row = roster.rows.iter().position(|r| matches!(r[0], T("Võ Văn Giang"))).unwrap();
    roster.rows[row].push(N(91.0));
    write_xlsx(&dir.path().join("danh-sach.xlsx"), &[roster]);
    let (dataset, findings) = ingest(dir.path());
    let errors = errors(&findings);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    for place in ["danh-sach.xlsx [DS!", "danh-sach/diem-vp.xlsx [Diem!C5]", "ghi 91", "ghi 80"] {
        assert!(errors[0].message.contains(place), "{place} in {}", errors[0].message);
    }
    assert!(score_of(&dataset.unwrap(), "Võ Văn Giang").is_some());
}
