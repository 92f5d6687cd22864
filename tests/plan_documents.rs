//! The plan's own documents besides the reports (Plan §II.5, outputs.md): the agency's
//! self-assessment, the leadership collective's report, the invitation to its
//! conference and the Director's notice of results. Each is opened and read.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::docx::{table_with, tables, text_at};
use common::*;

struct Built {
    _inputs: tempfile::TempDir,
    outputs: tempfile::TempDir,
}

fn built(edit: impl FnOnce(&Path)) -> Built {
    let (dir, inputs) = sample_copy();
    edit(&inputs);
    let outputs = tempfile::tempdir().unwrap();
    let (code, log) = build_at(&inputs, outputs.path());
    assert_eq!(code, 0, "{log}");
    Built { _inputs: dir, outputs }
}

fn sample() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| built(|_| {}))
}

fn agency_doc(b: &Built, file: &str) -> PathBuf {
    b.outputs.path().join("co-quan").join(file)
}

#[test]
fn the_invitation_names_who_when_where_and_is_signed_for_the_director() {
    let text = text_at(&agency_doc(sample(), "giay-moi-hoi-nghi-kiem-diem.docx"));
    contains_all(
        &text,
        &[
            "GIẤY MỜI",
            "Dự Hội nghị kiểm điểm tập thể lãnh đạo Sở Nội vụ năm 2023",
            "Thực hiện Kế hoạch số 2456/KH-SNV ngày 16/11/2023 của Giám đốc Sở Nội vụ",
            "/GM-SNV",
            "- Đồng chí Đặng Ngọc Thạch, Phó Trưởng Ban Tổ chức Tỉnh ủy;",
            "- Trưởng các phòng, ban, đơn vị thuộc và trực thuộc Sở;",
            "- Chủ tịch Công đoàn cơ sở, Bí thư Chi đoàn Sở.",
            "Thời gian: 08 giờ 00, ngày 27 tháng 11 năm 2023 (thứ Hai).",
            "Địa điểm: Hội trường Sở Nội vụ.",
            // The ballot is held the same day: the invitation says so.
            "bỏ phiếu đánh giá, xếp loại chất lượng Sở Nội vụ năm 2023",
            "TL. GIÁM ĐỐC",
            "CHÁNH VĂN PHÒNG",
            "Lê Thị Mỹ Hạnh",
            "Như thành phần mời;",
        ],
    );
}

#[test]
fn an_invitation_lists_the_participants_agency_review_names() {
    let b = built(|inputs| {
        let path = inputs.join("agency_review.yaml");
        let text = std::fs::read_to_string(&path).unwrap().replace(
            "  guest_conclusion: |",
            "  invited:\n    - Các đồng chí Chi ủy Chi bộ Sở\n    - Trưởng các phòng, đơn vị\n  guest_conclusion: |",
        );
        std::fs::write(path, text).unwrap();
    });
    let text = text_at(&agency_doc(&b, "giay-moi-hoi-nghi-kiem-diem.docx"));
    contains_all(&text, &["- Các đồng chí Chi ủy Chi bộ Sở;", "- Trưởng các phòng, đơn vị."]);
    assert!(!text.contains("Bí thư Chi đoàn"), "the plan's list gives way to the agency's: {text}");
}

#[test]
fn the_notice_gives_every_units_and_persons_final_rating_by_unit() {
    let path = agency_doc(sample(), "thong-bao-ket-qua.docx");
    let text = text_at(&path);
    contains_all(
        &text,
        &[
            "THÔNG BÁO",
            "/TB-SNV",
            "Căn cứ Kế hoạch số 2456/KH-SNV ngày 16/11/2023 của Giám đốc Sở Nội vụ;",
            "Căn cứ kết quả họp tham vấn ý kiến ngày 28 tháng 11 năm 2023",
            "Giám đốc, các Phó Giám đốc Sở do Ủy ban nhân dân tỉnh đánh giá",
            "Trương Minh Đức",
        ],
    );
    let xml = common::docx::open(&std::fs::read(&path).unwrap()).document().to_string();
    let all = tables(&xml);
    let units = table_with(&all, "Phòng, ban, đơn vị");
    let unit = |name: &str| units.iter().find(|r| r[1] == name).unwrap_or_else(|| panic!("{name}: {units:?}"));
    assert_eq!(unit("Phòng Công chức, viên chức")[2], "Hoàn thành xuất sắc nhiệm vụ");
    // Proposed HTXSNV, concluded HTTNV at the consultation: the notice prints the conclusion.
    assert_eq!(unit("Ban Thi đua - Khen thưởng")[2], "Hoàn thành tốt nhiệm vụ");
    let people = table_with(&all, "Họ và tên");
    let person = |name: &str| people.iter().find(|r| r.get(1).is_some_and(|n| n == name));
    assert_eq!(person("Phạm Văn Được").unwrap()[3], "Hoàn thành tốt nhiệm vụ");
    assert_eq!(person("Nguyễn Văn Bình").unwrap()[3], "Hoàn thành tốt nhiệm vụ");
    assert!(person("Trương Minh Đức").is_none(), "leaders are rated by UBND tỉnh, not in the notice");
    // Grouped by unit: the unit's row comes before its people.
    let row_of = |cell: &str| people.iter().position(|r| r.iter().any(|c| c == cell)).unwrap();
    assert!(row_of("Ban Thi đua - Khen thưởng") < row_of("Phạm Văn Được"));
    assert!(row_of("Trung tâm Lưu trữ lịch sử") < row_of("Nguyễn Văn Bình"));
    assert!(row_of("Ban Thi đua - Khen thưởng") > row_of("Văn phòng Sở"));
}

#[test]
fn the_leadership_report_has_the_sections_of_a_collective_report() {
    let text = text_at(&agency_doc(sample(), "bao-cao-kiem-diem-tap-the-lanh-dao.docx"));
    contains_all(
        &text,
        &[
            "Kiểm điểm tập thể lãnh đạo Sở Nội vụ năm 2023",
            "Mẫu 01-HD KĐ.ĐG 2023",
            "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ VÀ ƯU ĐIỂM",
            "146/146 nhiệm vụ",
            "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
            "IV. TRÁCH NHIỆM CỦA TẬP THỂ VÀ CÁ NHÂN",
            "Tập thể lãnh đạo Sở Nội vụ tự nhận mức xếp loại chất lượng năm 2023: Hoàn thành xuất sắc nhiệm vụ.",
            "TM. TẬP THỂ LÃNH ĐẠO SỞ",
            "Trương Minh Đức",
        ],
    );
}

#[test]
fn without_a_leadership_collective_there_is_no_report_and_the_status_says_what_is_missing() {
    let b = built(|inputs| {
        let path = inputs.join("agency_review.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        let start = text.find("leadership_collective:").unwrap();
        let end = text.find("leadership_conference:").unwrap();
        std::fs::write(path, format!("{}{}", &text[..start], &text[end..])).unwrap();
    });
    assert!(!agency_doc(&b, "bao-cao-kiem-diem-tap-the-lanh-dao.docx").exists());
    let status = text_at(&agency_doc(&b, "tinh-hinh-thuc-hien.docx"));
    assert!(status.contains("báo cáo kiểm điểm tập thể lãnh đạo (leadership_collective)"), "{status}");
}

#[test]
fn the_self_assessment_compiles_every_units_report() {
    let text = text_at(&agency_doc(sample(), "bao-cao-tu-danh-gia.docx"));
    contains_all(
        &text,
        &[
            "Tự đánh giá kết quả thực hiện nhiệm vụ năm 2023 của Sở Nội vụ",
            "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
            "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
            "III. GIẢI PHÁP KHẮC PHỤC",
            "IV. NHIỆM VỤ CHỦ YẾU NĂM 2024",
            // The agency's criteria framework and the key staff's vote.
            "Khung tiêu chí đánh giá tập thể kèm theo Quy định số 1263-QĐ/TU",
            "Sở Nội vụ tự xếp loại chất lượng năm 2023 ở mức “Hoàn thành xuất sắc nhiệm vụ”",
        ],
    );
    // Every unit's own words, each under its name.
    let dataset = ingest(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/inputs"))).0.unwrap();
    for (u, unit) in dataset.agency.units.iter().enumerate() {
        let collective = dataset.review_of(u).and_then(|r| r.collective.as_ref()).unwrap();
        for part in [&collective.results, &collective.shortcomings, &collective.next_year] {
            let first = part.as_deref().unwrap().lines().next().unwrap().trim();
            assert!(text.contains(first), "{}: no {first:?}", unit.name);
        }
    }
}

#[test]
fn the_reports_cite_the_plan_and_the_provinces_guidance() {
    let b = sample();
    for file in ["bao-cao-ubnd-tinh.docx", "bao-cao-ban-to-chuc-tinh-uy.docx"] {
        let text = text_at(&agency_doc(b, file));
        contains_all(
            &text,
            &[
                "Thực hiện Công văn số 5721/UBND-NC ngày 14/11/2023 của Chủ tịch UBND tỉnh",
                "; Hướng dẫn số 13-HD/TU ngày 10/11/2023 của Ban Thường vụ Tỉnh ủy; Kế hoạch số 2456/KH-SNV ngày 16/11/2023 của Giám đốc Sở Nội vụ, Sở Nội vụ báo cáo",
            ],
        );
    }
}

#[test]
fn the_party_report_gives_the_leadership_collective_and_the_cadres_the_province_manages() {
    let path = agency_doc(sample(), "bao-cao-ban-to-chuc-tinh-uy.docx");
    let text = text_at(&path);
    contains_all(
        &text,
        &[
            "3. Đối với tập thể lãnh đạo Sở và cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý",
            "Tập thể lãnh đạo Sở Nội vụ tự nhận mức xếp loại chất lượng năm 2023: “Hoàn thành xuất sắc nhiệm vụ”",
            "có sự tham dự của đồng chí Đặng Ngọc Thạch, Phó Trưởng Ban Tổ chức Tỉnh ủy",
        ],
    );
    let xml = common::docx::open(&std::fs::read(&path).unwrap()).document().to_string();
    let all = tables(&xml);
    let leaders = table_with(&all, "Tự nhận mức xếp loại");
    assert_eq!(leaders.len(), 5, "a header and four leaders: {leaders:?}");
    assert_eq!(leaders[1][1..], ["Trương Minh Đức", "Giám đốc Sở", "Hoàn thành xuất sắc nhiệm vụ"]);
    let ubnd = text_at(&agency_doc(sample(), "bao-cao-ubnd-tinh.docx"));
    assert!(!ubnd.contains("Ban Thường vụ Tỉnh ủy quản lý"), "that section is for Ban Tổ chức Tỉnh ủy only");
}

/// The long lists go to tera a thousand lines at a time (`@rows`), each chunk made from
/// the dataset as it is written: across the chunks of a 2,500-person agency the annex
/// and the notice are numbered through, one line per person, each unit before its people.
#[test]
fn long_lists_are_numbered_through_their_chunks() {
    let (work, inputs) = generated(2500, 3);
    let outputs = work.path().join("outputs");
    let (code, log) = build_at(&inputs, &outputs);
    assert_eq!(code, 0, "{log}");
    let numbers = |rows: &[Vec<String>]| -> Vec<usize> { rows.iter().filter_map(|r| r[0].parse().ok()).collect() };
    let table_of = |file: &str, header: &str| {
        let xml =
            common::docx::open(&std::fs::read(outputs.join("co-quan").join(file)).unwrap()).document().to_string();
        table_with(&tables(&xml), header).clone()
    };

    let annex = table_of("bao-cao-ubnd-tinh.docx", "Kết quả xếp loại");
    assert_eq!(numbers(&annex[1..]), (1..=2500).collect::<Vec<_>>(), "the annex: every person, numbered through");
    let consultation = table_of("bien-ban-hop-tham-van.docx", "Họ và tên");
    assert_eq!(numbers(&consultation[1..]), (1..=2500).collect::<Vec<_>>(), "the consultation: every person");

    let notice = table_of("thong-bao-ket-qua.docx", "Họ và tên");
    let people = numbers(&notice[1..]);
    assert!(people.len() > 2000, "{} people in the notice", people.len());
    assert_eq!(people, (1..=people.len()).collect::<Vec<_>>(), "the notice: numbered through");
    // Each unit's line (one cell across the table) heads at least one person's line.
    let heads: Vec<bool> = notice[1..].iter().map(|r| r[0].parse::<usize>().is_err()).collect();
    assert!(heads[0] && !heads[heads.len() - 1], "a unit first, a person last");
    assert!(heads.windows(2).all(|pair| !(pair[0] && pair[1])), "no unit without its people");
    assert!(heads.iter().filter(|head| **head).count() > 50, "the units are there");
}
