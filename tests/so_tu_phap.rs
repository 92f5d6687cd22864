//! The second sample agency, `tests/fixtures/so-tu-phap` (Sở Tư pháp: public service units,
//! a discipline with and without the exception, absent people, a consultation that changes
//! proposals): it checks clean, and its build carries those facts into the documents.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::docx::{Opened, open, tables};
use common::*;
use tempfile::TempDir;

/// The units' output folders with their headcounts (the fixture's README table).
const UNITS: [(&str, usize); 9] = [
    ("van-phong-so", 12),
    ("thanh-tra-so", 6),
    ("phong-hanh-chinh-tu-phap", 10),
    ("phong-xay-dung-kiem-tra-va-theo-doi-thi-hanh-phap-luat", 9),
    ("phong-bo-tro-tu-phap", 7),
    ("phong-pho-bien-giao-duc-phap-luat", 7),
    ("phong-cong-chung-so-1", 10),
    ("trung-tam-tro-giup-phap-ly-nha-nuoc", 16),
    ("trung-tam-dich-vu-dau-gia-tai-san", 7),
];

const LONG_UNIT: &str = "Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật";

fn inputs() -> PathBuf {
    fixtures_dir().join("so-tu-phap")
}

/// One build of the agency for every test of this file: the temp dir and its outputs folder.
fn outputs() -> &'static Path {
    static BUILT: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("outputs");
        let (code, log) = build_at(&inputs(), &out);
        assert_eq!(code, 0, "{log}");
        (dir, out)
    });
    out
}

fn document(rel: &str) -> Opened {
    let path = outputs().join(rel);
    open(&std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// The table row (cells' text) whose cell is exactly `name`.
fn row_of(doc: &Opened, name: &str) -> Vec<String> {
    tables(doc.document())
        .into_iter()
        .flatten()
        .find(|row| row.iter().any(|cell| cell == name))
        .unwrap_or_else(|| panic!("no table row for {name}"))
}

#[test]
fn the_agency_checks_without_error_or_warning() {
    let (code, json) = check_json_on(&inputs(), "2023-12-01");
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
    assert_eq!(json["summary"]["warnings"], 0, "{json:#}");
    assert_eq!(json["summary"]["people"], 88);
    assert_eq!(json["summary"]["units"], 9);
    let maternity = with_rule(&json, "MATERNITY");
    assert_eq!(maternity.len(), 1, "{json:#}");
    assert_eq!(maternity[0]["person"], "Nguyễn Thị Phương Uyên");
    assert_eq!(code, 0);
}

#[test]
fn every_unit_gets_its_documents_and_one_self_review_per_member() {
    for (slug, headcount) in UNITS {
        let dir = outputs().join(slug);
        for doc in ["bien-ban-hop-kiem-diem.docx", "bao-cao-kiem-diem-tap-the.docx", "danh-sach-de-xuat-xep-loai.docx"]
        {
            assert!(dir.join(doc).is_file(), "{slug}/{doc} missing");
        }
        let forms = std::fs::read_dir(dir.join("tu-kiem-diem"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "docx"))
            .count();
        assert_eq!(forms, headcount, "{slug}: one self-review form per member");
    }
    for doc in [
        "bao-cao-ubnd-tinh.docx",
        "bao-cao-ban-to-chuc-tinh-uy.docx",
        "bien-ban-hoi-nghi-kiem-diem-lanh-dao.docx",
        "bien-ban-kiem-phieu-xep-loai-co-quan.docx",
        "bien-ban-hop-tham-van.docx",
        "tinh-hinh-thuc-hien.docx",
    ] {
        assert!(outputs().join("co-quan").join(doc).is_file(), "co-quan/{doc} missing");
    }
}

#[test]
fn the_agency_report_rates_people_as_the_director_concluded() {
    let report = document("co-quan/bao-cao-ubnd-tinh.docx");
    let rated = |name: &str, rating: &str| {
        let row = row_of(&report, name);
        assert!(row.iter().any(|c| c == rating), "{name} should be {rating}: {row:?}");
    };
    // Disciplined in the year: KHTNV.
    rated("Trương Thị Diệu Linh", "Không hoàn thành nhiệm vụ");
    // Disciplined, but the act was counted in 2022 (NĐ 90 Art 2 cl.5 b): rated on 2023's work.
    rated("Lê Thị Thanh Thủy", "Hoàn thành tốt nhiệm vụ");
    // Proposed HTXSNV, lowered by the consultation (20% of the viên chức group; head not above unit).
    rated("Võ Thị Thanh Hương", "Hoàn thành tốt nhiệm vụ");
    rated("Nguyễn Văn Thành Công", "Hoàn thành tốt nhiệm vụ");
    rated("Phòng Công chứng số 1", "Hoàn thành tốt nhiệm vụ");
    rated("Trung tâm Trợ giúp pháp lý nhà nước", "Hoàn thành xuất sắc nhiệm vụ");
    // Four months worked: reviewed, not rated.
    rated("Võ Đăng Khoa", "Không xếp loại");
    let text = report.text();
    assert!(text.contains("Lê Thị Thanh Thủy") && text.contains("Khiển trách"), "the discipline is reported");
}

#[test]
fn the_long_unit_name_and_post_are_printed_whole() {
    let report = document("co-quan/bao-cao-ubnd-tinh.docx");
    let row = row_of(&report, LONG_UNIT);
    assert!(row.iter().any(|c| c == "Hoàn thành tốt nhiệm vụ"), "{row:?}");
    let list = document("phong-xay-dung-kiem-tra-va-theo-doi-thi-hanh-phap-luat/danh-sach-de-xuat-xep-loai.docx");
    let row = row_of(&list, "Tôn Nữ Thị Khánh Quỳnh");
    assert!(row.iter().any(|c| c == "Phó Trưởng phòng phụ trách"), "{row:?}");
    assert!(list.text().contains(LONG_UNIT), "the list names its unit in full");
    let minutes = document("phong-xay-dung-kiem-tra-va-theo-doi-thi-hanh-phap-luat/bien-ban-hop-kiem-diem.docx");
    assert!(minutes.text().contains(LONG_UNIT));
}

#[test]
fn the_consultation_minutes_give_each_change_with_its_reason() {
    let text = document("co-quan/bien-ban-hop-tham-van.docx").text();
    for reason in [
        "Vượt tỷ lệ 20% của nhóm tập thể",
        "mức xếp loại của người đứng đầu không cao hơn mức xếp loại của tập thể",
        "Vượt tỷ lệ 20% của nhóm viên chức không giữ chức vụ",
    ] {
        assert!(text.contains(reason), "reason missing: {reason}");
    }
}

#[test]
fn the_minutes_name_the_absent_and_why() {
    let text = document("thanh-tra-so/bien-ban-hop-kiem-diem.docx").text();
    let absent = text.lines().find(|l| l.contains("Trịnh Văn Bảy") && l.contains("Đà Nẵng"));
    assert!(absent.is_some_and(|l| l.contains("đã gửi bản tự kiểm điểm")), "{text}");
}

#[test]
fn both_disciplines_print_their_decision_and_only_the_excepted_one_its_basis() {
    let basis = "(theo điểm b khoản 5 Điều 2 Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP)";
    for rel in ["co-quan/bao-cao-ubnd-tinh.docx", "co-quan/bao-cao-ban-to-chuc-tinh-uy.docx"] {
        let text = document(rel).text();
        let line = |name: &str| {
            text.lines()
                .find(|l| l.contains(name) && l.contains("Quyết định số"))
                .unwrap_or_else(|| panic!("{rel}: no discipline line for {name}\n{text}"))
                .to_string()
        };
        let linh = line("Trương Thị Diệu Linh");
        assert!(linh.contains("Cảnh cáo theo Quyết định số 185/QĐ-STP ngày 21/7/2023"), "{linh}");
        assert!(!linh.contains(basis), "{linh}");
        let thuy = line("Lê Thị Thanh Thủy");
        assert!(thuy.contains("Khiển trách theo Quyết định số 12/QĐ-STP ngày 06/02/2023"), "{thuy}");
        assert!(thuy.contains(basis), "{thuy}");
        assert!(!text.contains("Đ.b k5 đ2"), "{rel}: the basis printed as typed");
    }
}

#[test]
fn the_agency_minutes_carry_the_leaders_the_counting_team_and_the_attendees() {
    let leadership = document("co-quan/bien-ban-hoi-nghi-kiem-diem-lanh-dao.docx").text();
    assert!(
        leadership.contains(
            "Đồng chí Trần Văn Phú Lộc trình bày bản tự kiểm điểm và tự nhận mức xếp loại “Hoàn thành tốt nhiệm vụ”."
        ),
        "{leadership}"
    );
    assert!(
        leadership
            .contains("Kết luận của đồng chí Trương Văn Hiếu, Phó Trưởng Ban Tổ chức Tỉnh ủy: Đề nghị đồng chí làm rõ"),
        "{leadership}"
    );
    let ballot = document("co-quan/bien-ban-kiem-phieu-xep-loai-co-quan.docx").text();
    assert!(ballot.contains("Tổ trưởng: đồng chí Hồ Sỹ Long, Chánh Thanh tra Sở."), "{ballot}");
    assert!(ballot.contains("Thư ký: đồng chí Phan Đức Trí"), "{ballot}");
    let consultation = document("co-quan/bien-ban-hop-tham-van.docx").text();
    assert!(consultation.contains("- Đồng chí Hồ Sỹ Long, Chánh Thanh tra Sở."), "{consultation}");
    assert!(consultation.contains("Phòng Công chứng số 1: đơn vị đề xuất “Hoàn thành xuất sắc nhiệm vụ”, kết luận “Hoàn thành tốt nhiệm vụ”. Lý do: Vượt tỷ lệ 20%"), "{consultation}");
}
