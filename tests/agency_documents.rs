//! The consolidated report: every count checked against a count computed here, from the
//! inputs, by a route independent of xeploai's own summary.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::docx::{open, table_with, tables};
use common::*;
use xeploai::model::{Category, Dataset, Membership, Rating, UnitKind};

fn build(inputs: &Path, outputs: &Path) {
    let (code, log) = build_at(inputs, outputs);
    assert_eq!(code, 0, "{log}");
}

fn sample() -> (tempfile::TempDir, std::path::PathBuf) {
    sample_copy()
}

/// Final ratings as the plan defines them: the consultation's conclusion, else the unit's proposal.
fn expected_finals(d: &Dataset) -> Vec<Option<Rating>> {
    d.people
        .iter()
        .enumerate()
        .map(|(id, p)| {
            let concluded = d
                .agency_review
                .as_ref()
                .and_then(|a| a.consultation.as_ref())
                .and_then(|c| c.people.iter().rev().find(|x| x.person.person() == Some(id)).map(|x| x.rating));
            let proposed = p
                .membership
                .unit()
                .and_then(|u| d.review_of(u))
                .and_then(|r| r.reviews.iter().find(|x| x.person.person() == Some(id)).and_then(|x| x.proposed));
            concluded.or(proposed)
        })
        .collect()
}

fn category(d: &Dataset, id: usize) -> Category {
    let p = &d.people[id];
    p.category.unwrap_or(match p.membership.unit().map(|u| d.agency.units[u].kind) {
        Some(UnitKind::PublicService) => Category::PublicEmployee,
        _ => Category::CivilServant,
    })
}

/// "4,5%" for 4 of 88: the count over the row's total, rounded half up to one decimal,
/// computed here in integers, independently of xeploai.
fn expected_percent(count: u64, total: u64) -> String {
    let tenths = if total == 0 { 0 } else { (2 * count * 1000 + total) / (2 * total) };
    format!("{},{}%", tenths / 10, tenths % 10)
}

/// Every (count, percent) pair of a result row: its own count over its own total.
fn assert_percentages_are_per_cell(row: &[String]) {
    let total: u64 = row[1].parse().unwrap_or_else(|_| panic!("total of {row:?}"));
    for level in 0..5 {
        let count: u64 = row[2 + 2 * level].parse().unwrap();
        assert_eq!(row[3 + 2 * level], expected_percent(count, total), "{row:?}, level {level}");
    }
}

/// Adds the Director's conclusion `rating` for person `id` to the sample's consultation.
/// A civil servant without a post or discipline whose final rating is HTTNV: changing
/// that one rating moves exactly one count of the report.
fn plain_civil_servant_rated_good(d: &Dataset) -> usize {
    let finals = expected_finals(d);
    (0..d.people.len())
        .find(|id| {
            let p = &d.people[*id];
            p.post.is_none()
                && p.membership != Membership::Leadership
                && category(d, *id) == Category::CivilServant
                && finals[*id] == Some(Rating::Good)
                && p.discipline.is_none()
        })
        .expect("the sample has a civil servant rated HTTNV")
}

fn conclude(inputs: &Path, d: &Dataset, id: usize, rating: &str) {
    let p = &d.people[id];
    let review = std::fs::read_to_string(inputs.join("agency_review.yaml")).unwrap();
    let start = review.find("\n  people:").unwrap() + 1;
    let at = start + review[start..].find('\n').unwrap() + 1;
    let entry = format!(
        "    - name: {}\n      unit: {}\n      rating: {rating}\n      reason: Chưa hoàn thành đúng hạn một nhiệm vụ quý IV\n",
        p.name,
        d.membership_name(p.membership)
    );
    std::fs::write(inputs.join("agency_review.yaml"), format!("{}{entry}{}", &review[..at], &review[at..])).unwrap();
}

fn report_tables(outputs: &Path) -> Vec<Vec<Vec<String>>> {
    tables(open(&std::fs::read(outputs.join("co-quan/bao-cao-ubnd-tinh.docx")).unwrap()).document())
}

#[test]
fn every_count_of_the_report_matches_the_inputs() {
    let (_dir, inputs) = sample();
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    let (d, _) = ingest(&inputs);
    let d = d.unwrap();
    let finals = expected_finals(&d);
    let t = report_tables(out.path());
    let people = table_with(&t, "Đối tượng");
    let people = if people.iter().any(|r| r[0] == "Công chức") {
        people
    } else {
        t.iter().filter(|x| x[0].iter().any(|c| c == "Đối tượng")).nth(1).unwrap()
    };
    let labels = [
        ("Công chức", Category::CivilServant),
        ("Viên chức", Category::PublicEmployee),
        ("Người lao động", Category::Worker),
    ];
    let mut total = BTreeMap::new();
    for (label, cat) in labels {
        let row = people.iter().find(|r| r[0] == label).unwrap_or_else(|| panic!("no row {label}"));
        let ids: Vec<usize> = (0..d.people.len())
            .filter(|id| d.people[*id].membership != Membership::Leadership && category(&d, *id) == cat)
            .collect();
        assert_eq!(row[1], ids.len().to_string(), "{label}: total");
        for (i, rating) in Rating::ALL.iter().enumerate() {
            let n = ids.iter().filter(|id| finals[**id] == Some(*rating)).count();
            assert_eq!(row[2 + 2 * i], n.to_string(), "{label} {rating}");
            *total.entry(i).or_insert(0) += n;
        }
        assert_percentages_are_per_cell(row);
    }
    let total_row = people.iter().find(|r| r[0] == "Tổng cộng").unwrap();
    for (i, n) in total {
        assert_eq!(total_row[2 + 2 * i], n.to_string(), "total column {i}");
    }
    // Collectives.
    let collectives = t.iter().flat_map(|x| x.iter()).find(|r| r[0].starts_with("Tập thể phòng")).unwrap();
    assert_eq!(collectives[1], d.agency.units.len().to_string());
    // The annex: one row per person, in unit order.
    let annex = table_with(&t, "Kết quả xếp loại");
    assert_eq!(annex.len() - 1, d.people.len(), "one annex row per person");
}

#[test]
fn one_changed_final_rating_changes_exactly_its_cells() {
    let (_dir, inputs) = sample();
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    let before = report_tables(out.path());
    let (d, _) = ingest(&inputs);
    let d = d.unwrap();
    // A civil servant without a post, proposed HTTNV and not concluded otherwise.
    let id = plain_civil_servant_rated_good(&d);
    conclude(&inputs, &d, id, "HTNV");
    build(&inputs, out.path());
    let after = report_tables(out.path());
    let mut changed = Vec::new();
    for (ti, (tb, ta)) in before.iter().zip(&after).enumerate() {
        for (ri, (rb, ra)) in tb.iter().zip(ta).enumerate() {
            for (ci, (cb, ca)) in rb.iter().zip(ra).enumerate() {
                if cb != ca {
                    changed.push((ti, ri, ci, rb[0].clone(), cb.clone(), ca.clone()));
                }
            }
        }
    }
    let rows: std::collections::BTreeSet<String> = changed.iter().map(|c| c.3.clone()).collect();
    let annex_row = |r: &String| r.chars().all(|c| c.is_ascii_digit());
    assert!(
        rows.iter()
            .all(|r| ["Công chức", "Tổng cộng", "Công chức không giữ chức vụ"].contains(&r.as_str()) || annex_row(r)),
        "{changed:#?}"
    );
    let cc: Vec<_> = changed.iter().filter(|c| c.3 == "Công chức").map(|c| c.2).collect();
    assert_eq!(cc, [4, 5, 6, 7], "HTTNV and HTNV, count and percentage: {changed:#?}");
    let annex: Vec<_> = changed.iter().filter(|c| annex_row(&c.3)).collect();
    assert_eq!(annex.len(), 1, "one annex row");
    assert_eq!(annex[0].5, "Hoàn thành nhiệm vụ");
}

#[test]
fn each_percentage_is_its_count_over_its_total_rounded_half_up() {
    let (_dir, inputs) = sample();
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    for file in ["bao-cao-ubnd-tinh.docx", "bao-cao-ban-to-chuc-tinh-uy.docx"] {
        let t = tables(open(&std::fs::read(out.path().join("co-quan").join(file)).unwrap()).document());
        let mut rows = 0;
        for table in t.iter().filter(|x| x[0].iter().any(|c| c == "Tổng số")) {
            for row in table.iter().skip(2) {
                assert_percentages_are_per_cell(row);
                rows += 1;
            }
        }
        assert!(rows >= 4, "{file}: {rows} result rows");
        // One count over one total reads the same wherever it is printed.
        let mut seen: BTreeMap<(String, String), String> = BTreeMap::new();
        for table in t.iter().filter(|x| x[0].iter().any(|c| c == "Tổng số")) {
            for row in table.iter().skip(2) {
                for level in 0..5 {
                    let key = (row[2 + 2 * level].clone(), row[1].clone());
                    let percent = row[3 + 2 * level].clone();
                    let before = seen.entry(key.clone()).or_insert_with(|| percent.clone());
                    assert_eq!(*before, percent, "{file}: {key:?} printed as {before} and {percent}");
                }
            }
        }
    }
}

#[test]
fn each_cell_keeps_its_own_rounding_when_the_row_does_not_add_to_100() {
    // The sample's công chức are 7, 48, 1, 1, 1 of 58. One concluded HTNV makes them
    // 7, 47, 2, 1, 1: 12,1 + 81,0 + 3,4 + 1,7 + 1,7 = 99,9%. Forcing the row to 100% would
    // print 2 of 58 as 3,5%; it is 3,4%, and both 1s of 58 read 1,7%.
    let (_dir, inputs) = sample();
    let (d, _) = ingest(&inputs);
    let d = d.unwrap();
    let id = plain_civil_servant_rated_good(&d);
    conclude(&inputs, &d, id, "HTNV");
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    let t = report_tables(out.path());
    let row = t.iter().flat_map(|x| x.iter()).find(|r| r[0] == "Công chức").unwrap();
    assert_eq!(row[1..12], ["58", "7", "12,1%", "47", "81,0%", "2", "3,4%", "1", "1,7%", "1", "1,7%"], "{row:?}");
    assert_percentages_are_per_cell(row);
}

#[test]
fn four_of_eighty_eight_is_four_comma_five_percent() {
    // A rating of 88 staff where 4 are HTXSNV: 4,5%, never adjusted.
    let counts = [4u64, 70, 13, 1, 0];
    let cells: Vec<String> = counts.iter().map(|c| expected_percent(*c, 88)).collect();
    assert_eq!(cells, ["4,5%", "79,5%", "14,8%", "1,1%", "0,0%"]);
    for (count, cell) in counts.iter().zip(&cells) {
        assert_eq!(xeploai::text::percent_vi(*count as u32, 88u32), *cell);
    }
}

/// The text of a built document.
fn text_of(outputs: &Path, rel: &str) -> String {
    common::docx::text_at(&outputs.join(rel))
}

const EXCEPTION_BASIS: &str = "điểm b khoản 5 Điều 2 Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP";

#[test]
fn a_disciplined_person_rated_above_khtnv_shows_decision_exception_and_normalised_basis() {
    let dir = rules_case(
        "clean",
        &[
            ("Võ Văn Giang", "Kỷ luật", "Khiển trách"),
            ("Võ Văn Giang", "Loại kỷ luật", "Đảng"),
            ("Võ Văn Giang", "Quyết định kỷ luật", "QĐ số 05-QĐ/ĐU ngày 10/3/2023"),
            ("Võ Văn Giang", "Căn cứ không tính kỷ luật", "diem b k5 đ2 NĐ90"),
        ],
    );
    let out = tempfile::tempdir().unwrap();
    build(dir.path(), out.path());
    for rel in [
        "co-quan/bao-cao-ubnd-tinh.docx",
        "co-quan/bao-cao-ban-to-chuc-tinh-uy.docx",
        "van-phong-so/danh-sach-de-xuat-xep-loai.docx",
    ] {
        let text = text_of(out.path(), rel);
        assert!(text.contains("Khiển trách theo Quyết định số 05-QĐ/ĐU ngày 10/3/2023"), "{rel}: no decision\n{text}");
        assert!(
            text.contains(&format!("hành vi vi phạm đã được dùng làm căn cứ xếp loại chất lượng ở mức không hoàn thành nhiệm vụ năm trước (theo {EXCEPTION_BASIS})")),
            "{rel}: no exception\n{text}"
        );
        assert!(!text.contains("k5 đ2"), "{rel}: the citation printed as typed");
    }
}

#[test]
fn the_exception_without_a_typed_basis_cites_point_b_of_clause_5() {
    let dir =
        rules_case("clean", &[("Võ Văn Giang", "Kỷ luật", "Khiển trách"), ("Võ Văn Giang", "Không tính kỷ luật", "x")]);
    let out = tempfile::tempdir().unwrap();
    build(dir.path(), out.path());
    let text = text_of(out.path(), "co-quan/bao-cao-ubnd-tinh.docx");
    assert!(text.contains(&format!("(theo {EXCEPTION_BASIS})")), "{text}");
}

#[test]
fn the_sample_report_prints_the_discipline_decision_found_in_the_roster_note() {
    let (_dir, inputs) = sample();
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    for rel in ["co-quan/bao-cao-ubnd-tinh.docx", "co-quan/bao-cao-ban-to-chuc-tinh-uy.docx"] {
        let text = text_of(out.path(), rel);
        let line = text
            .lines()
            .find(|l| l.contains("Trương Văn Nghĩa") && l.contains("Khiển trách"))
            .unwrap_or_else(|| panic!("{rel}\n{text}"));
        assert!(line.contains("Quyết định số 14-QĐ/ĐU ngày 22/6/2023"), "{rel}: {line}");
        assert!(!line.contains("không xếp loại “Không hoàn thành"), "{rel}: rated KHTNV, no exception: {line}");
    }
}

/// Replaces `from` by `to` in the sample's agency_review.yaml.
fn edit_review(inputs: &Path, from: &str, to: &str) {
    let path = inputs.join("agency_review.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "no {from:?} in the sample");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_ballot_minutes_name_team_secretary_time_place_and_flag_extra_ballots() {
    let (_dir, inputs) = sample();
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    let text = text_of(out.path(), "co-quan/bien-ban-kiem-phieu-xep-loai-co-quan.docx");
    contains_all(
        &text,
        &[
            "vào lúc 14 giờ 00 ngày 27 tháng 11 năm 2023, tại Hội trường Sở Nội vụ",
            "Tổ trưởng: đồng chí Phạm Văn Được, Trưởng Ban Thi đua - Khen thưởng.",
            "Thành viên: đồng chí Nguyễn Thị Kim Loan",
            "Thư ký: đồng chí Bùi Văn Toàn",
            "Số đại biểu có mặt: 17.",
            "68,8%",
        ],
    );
    assert!(!text.contains("nhiều hơn số đại biểu có mặt"), "17 issued to 17 present is not flagged");
    // More ballots than people present: flagged.
    edit_review(
        &inputs,
        "  present: 17                     # số đại biểu",
        "  present: 15                     # số đại biểu",
    );
    build(&inputs, out.path());
    let text = text_of(out.path(), "co-quan/bien-ban-kiem-phieu-xep-loai-co-quan.docx");
    assert!(text.contains("số phiếu phát ra (17) nhiều hơn số đại biểu có mặt (15) 2 phiếu"), "{text}");
}

#[test]
fn ballot_minutes_without_a_team_leave_marked_blanks_to_sign() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    build(dir.path(), out.path());
    let text = text_of(out.path(), "co-quan/bien-ban-kiem-phieu-xep-loai-co-quan.docx");
    assert!(text.contains("Tổ trưởng: ………………………………………… (Ký, ghi rõ họ tên)"), "{text}");
    assert!(text.contains("TỔ TRƯỞNG TỔ KIỂM PHIẾU"), "{text}");
}

#[test]
fn the_leadership_minutes_record_each_leader_and_the_representative_conclusions() {
    let (_dir, inputs) = sample();
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    let text = text_of(out.path(), "co-quan/bien-ban-hoi-nghi-kiem-diem-lanh-dao.docx");
    contains_all(
        &text,
        &[
            "Đồng chí Trương Minh Đức trình bày bản tự kiểm điểm và tự nhận mức xếp loại “Hoàn thành xuất sắc nhiệm vụ”.",
            "Đồng chí Võ Đình Lâm trình bày bản tự kiểm điểm và tự nhận mức xếp loại “Hoàn thành tốt nhiệm vụ”.",
            "- Đồng chí Lê Thị Mỹ Hạnh, Chánh Văn phòng: Đồng chí phụ trách công tác văn phòng sâu sát",
            "Kết luận của đồng chí Đặng Ngọc Thạch, Phó Trưởng Ban Tổ chức Tỉnh ủy: Thống nhất mức tự nhận",
            "KẾT LUẬN CỦA ĐẠI DIỆN BAN TỔ CHỨC TỈNH ỦY",
            "vào lúc 08 giờ 00 ngày 27 tháng 11 năm 2023",
        ],
    );
}

#[test]
fn the_consultation_minutes_list_attendees_and_give_a_reason_for_every_changed_unit() {
    let (_dir, inputs) = sample();
    // Without the clerk's reason, the minutes give the quota's.
    edit_review(&inputs, "      reason: Vượt tỷ lệ 20% của nhóm tập thể (2 đề xuất HTXSNV trên 7 tập thể HTTNV)\n", "");
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    let text = text_of(out.path(), "co-quan/bien-ban-hop-tham-van.docx");
    contains_all(
        &text,
        &[
            "- Đồng chí Võ Đình Lâm, Phó Giám đốc Sở.",
            "- Đồng chí Đinh Văn Hòa, Trưởng Ban Tôn giáo.",
            "Thư ký: đồng chí Lê Thị Mỹ Hạnh",
            "Ban Thi đua - Khen thưởng: đơn vị đề xuất “Hoàn thành xuất sắc nhiệm vụ”, kết luận “Hoàn thành tốt nhiệm vụ”. Lý do: ",
            "20% của 8 tập thể “Hoàn thành tốt nhiệm vụ” cho phép 1 tập thể “Hoàn thành xuất sắc nhiệm vụ”",
        ],
    );
}

#[test]
fn the_report_to_ubnd_has_leaders_apart_proposes_the_agency_rating_and_addresses_nhu_tren() {
    let (_dir, inputs) = sample();
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    for (rel, addressee) in [
        ("co-quan/bao-cao-ubnd-tinh.docx", "Ủy ban nhân dân tỉnh"),
        ("co-quan/bao-cao-ban-to-chuc-tinh-uy.docx", "Ban Tổ chức Tỉnh ủy"),
    ] {
        let doc = open(&std::fs::read(out.path().join(rel)).unwrap());
        let paragraphs = doc.paragraphs();
        let at = paragraphs.iter().position(|p| p == "Nơi nhận:").unwrap_or_else(|| panic!("{rel}: no Nơi nhận"));
        assert_eq!(paragraphs[at + 1], "- Như trên;", "{rel}");
        let last = paragraphs[at + 1..].iter().take_while(|p| p.starts_with("- ")).last().unwrap();
        assert!(last.starts_with("- Lưu: VT"), "{rel}: {last}");
        let text = doc.text();
        assert!(
            text.contains(&format!("Sở Nội vụ đề nghị {addressee} xem xét, đánh giá, xếp loại chất lượng Sở Nội vụ năm 2023 ở mức “Hoàn thành xuất sắc nhiệm vụ”")),
            "{rel}: the agency's own rating is not proposed\n{text}"
        );
        let t = tables(doc.document());
        let leaders = t
            .iter()
            .flat_map(|x| x.iter())
            .find(|r| r[0].starts_with("Lãnh đạo Sở"))
            .unwrap_or_else(|| panic!("{rel}: no leaders row"));
        assert_eq!(leaders[1..4], ["4", "1", "25,0%"], "{rel}: {leaders:?}");
        let annex = table_with(&t, "Kết quả xếp loại");
        assert!(annex[0].iter().any(|c| c == "Đối tượng"), "{rel}: no category column");
        assert_eq!(annex[1][2], "Lãnh đạo Sở", "{rel}: leaders first");
    }
}

#[test]
fn the_status_never_calls_a_complete_step_overdue() {
    let (_dir, inputs) = sample();
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path());
    let text = text_of(out.path(), "co-quan/tinh-hinh-thuc-hien.docx");
    // On 01/12/2023 the units' dossiers (due 22/11) are all in: done, not "quá hạn 9 ngày".
    let line = text.lines().find(|l| l.contains("Hạn trước ngày 22/11/2023")).unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("(đã hoàn thành)"), "{line}");
    assert!(!text.contains("quá hạn 9 ngày"), "{text}");
    assert!(text.contains("Hạn trước ngày 05/12/2023"), "the deadline to Ban Tổ chức Tỉnh ủy is listed");
}
