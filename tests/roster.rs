//! Roster ingest: every quirk of inputs.md ("Staff roster") in a workbook made the way
//! clerks make them, read back through the library.

mod common;

use chrono::NaiveDate;
use common::*;
use xeploai::model::{Birth, Category, DisciplineKind, Gender, Membership};

fn person<'a>(d: &'a xeploai::model::Dataset, name: &str) -> &'a xeploai::model::Person {
    d.people.iter().find(|p| &*p.name == name).unwrap_or_else(|| {
        panic!("{name} not read; people: {:?}", d.people.iter().map(|p| &p.name).collect::<Vec<_>>())
    })
}

/// Title rows, a two-row merged header with Nam/Nữ birth columns, a numbering row,
/// section rows, subtotals, a total and a footnote.
fn clerk_workbook() -> Vec<Sheet> {
    let header_top = vec![
        T("STT"),
        T("Họ và tên"),
        T("Ngày tháng năm sinh"),
        Empty,
        T("Chức vụ"),
        T("Đối tượng"),
        T("Đảng viên"),
        T("Số tháng công tác"),
        T("Nghỉ thai sản"),
        T("Nghỉ ốm (ngày)"),
        T("Kỷ luật"),
        Empty,
        T("Ghi chú"),
    ];
    let header_sub = vec![
        Empty,
        Empty,
        T("Nam"),
        T("Nữ"),
        Empty,
        Empty,
        Empty,
        Empty,
        Empty,
        Empty,
        T("Hình thức"),
        T("Loại"),
        Empty,
    ];
    let numbering: Vec<Cell> = (1..=13).map(|i| S(format!("({i})"))).collect();
    let mut main = sheet(
        "DS 2023",
        vec![
            vec![T("UBND TỈNH QUẢNG NGÃI")],
            vec![T("SỞ NỘI VỤ")],
            vec![Empty, Empty, T("DANH SÁCH CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG ĐÁNH GIÁ, XẾP LOẠI NĂM 2023")],
            vec![],
            header_top,
            header_sub,
            numbering,
            vec![T("I"), T("LÃNH ĐẠO SỞ")],
            vec![N(1.0), T("Trương Minh Khôi"), T("12/05/1970"), Empty, T("Giám đốc"), T("CC"), T("x")],
            vec![T("II"), T("VĂN PHÒNG SỞ")],
            vec![N(1.0), T("Nguyễn Văn An"), D(1978, 3, 7), Empty, T("Chánh Văn phòng"), T("CC"), T("x"), T("12")],
            vec![N(2.0), T("Trần Thị Bình"), Empty, T("09/11/1988"), Empty, T("Công chức"), Empty, N(7.0), T("x")],
            vec![
                N(3.0),
                T("Lê Văn Cường"),
                N(31113.0),
                Empty,
                T("Phó Chánh Văn phòng"),
                T("CC"),
                T("có"),
                Empty,
                Empty,
                T("100"),
                T("Khiển trách"),
                T("Đảng"),
            ],
            vec![
                N(4.0),
                T("Phạm Văn Dũng"),
                T("1990"),
                Empty,
                T("Lái xe"),
                T("HĐ 111"),
                Empty,
                T("5,5"),
                Empty,
                Empty,
                Empty,
                Empty,
                T("Tuyển dụng tháng 7"),
            ],
            vec![Empty, T("Cộng: 4 người")],
            vec![T("III"), T("3. Phòng Công chức - Viên chức")],
            vec![N(1.0), T("Hoàng\u{000B} Thị  Em"), Empty, T("01/02/1985"), T("Trưởng phòng"), T("CC"), N(1.0)],
            vec![],
            vec![Empty, T("Tổng cộng: 6 người")],
            vec![T("Ghi chú: danh sách do Văn phòng Sở lập.")],
            vec![N(9.0), T("Không Phải Người"), Empty, Empty, T("Chuyên viên")],
        ],
    );
    main.merges = vec![(4, 2, 4, 3, "Ngày tháng năm sinh"), (4, 10, 4, 11, "Kỷ luật"), (4, 1, 5, 1, "Họ và tên")];
    let notes = sheet("Hướng dẫn", vec![vec![T("Cách điền danh sách: ...")], vec![T("Cột (3): ngày sinh")]]);
    vec![main, notes]
}

#[test]
fn a_clerks_workbook_is_read_with_every_quirk() {
    let dir = fixture("base");
    write_xlsx(&dir.path().join("danh-sach/DS 2023.xlsx"), &clerk_workbook());
    let (dataset, findings) = ingest(dir.path());
    let d = dataset.expect("dataset");
    let errors: Vec<_> = findings.iter().filter(|f| f.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(d.people.len(), 6, "{:?}", d.people.iter().map(|p| &p.name).collect::<Vec<_>>());

    let director = person(&d, "Trương Minh Khôi");
    assert_eq!(director.membership, Membership::Leadership);

    let an = person(&d, "Nguyễn Văn An");
    assert_eq!(an.membership, Membership::Unit(0));
    assert_eq!(an.birth, Some(Birth::Date(NaiveDate::from_ymd_opt(1978, 3, 7).unwrap())));
    assert_eq!(an.gender, Some(Gender::Male));
    assert_eq!(an.post.as_deref(), Some("Chánh Văn phòng"));
    assert!(an.party_member);
    assert_eq!(an.work_time().months_worked, Some(12.0));

    let binh = person(&d, "Trần Thị Bình");
    assert_eq!(binh.gender, Some(Gender::Female), "a date under Nữ means a woman");
    assert_eq!(binh.birth, Some(Birth::Date(NaiveDate::from_ymd_opt(1988, 11, 9).unwrap())));
    assert_eq!(binh.category, Some(Category::CivilServant));
    assert!(binh.maternity);
    assert_eq!(binh.post, None);

    let cuong = person(&d, "Lê Văn Cường");
    assert_eq!(cuong.birth, Some(Birth::Date(NaiveDate::from_ymd_opt(1985, 3, 7).unwrap())), "serial 31113");
    let discipline = cuong.discipline.as_ref().expect("discipline");
    assert_eq!(discipline.sanction, "Khiển trách");
    assert_eq!(discipline.kind, Some(DisciplineKind::Party));
    assert!((cuong.work_time().leave_months.unwrap() - 100.0 / 30.0).abs() < 1e-9, "days are converted to months");

    let dung = person(&d, "Phạm Văn Dũng");
    assert_eq!(dung.category, Some(Category::Worker));
    assert_eq!(dung.work_time().months_worked, Some(5.5), "a number typed as text with a comma");
    assert_eq!(dung.birth, Some(Birth::Year(1990)));
    assert_eq!(dung.note.as_deref(), Some("Tuyển dụng tháng 7"));

    let em = person(&d, "Hoàng Thị Em");
    assert_eq!(em.membership, Membership::Unit(1), "section row written differently from agency.yaml");
    assert!(em.party_member, "1 means yes");
    assert_eq!(em.gender, Some(Gender::Female));

    assert!(d.people.iter().all(|p| &*p.name != "Không Phải Người"), "rows under the footnote are not people");
    let src = &an.source;
    assert_eq!(src.sheet_cell(), Some(("DS 2023", "B11".to_string())));
    assert!(
        findings.iter().any(|f| f.rule == "ROSTER_NO_HEADER" && f.message.contains("Hướng dẫn")),
        "sheet without header noted"
    );
}

#[test]
fn a_unit_column_with_aliases_and_several_workbooks_merge() {
    let dir = fixture("base");
    write_xlsx(
        &dir.path().join("a.xlsx"),
        &[sheet(
            "TT",
            vec![
                vec![T("DANH SÁCH VIÊN CHỨC")],
                vec![
                    T("TT"),
                    T("Họ tên"),
                    T("Năm sinh"),
                    T("Giới tính"),
                    T("Chức danh"),
                    T("Phòng/đơn vị"),
                    T("Loại"),
                    T("ĐV"),
                ],
                vec![
                    N(1.0),
                    T("Đỗ Thị Hạnh"),
                    N(1983.0),
                    T("Nữ"),
                    T("Giám đốc Trung tâm"),
                    T("TTLTLS"),
                    T("VC"),
                    T("X"),
                ],
                vec![
                    N(2.0),
                    T("Vũ Văn Long"),
                    T("1992"),
                    T("Nam"),
                    T("Lưu trữ viên"),
                    T("trung tâm lưu trữ  lịch sử"),
                    T("VC"),
                    Empty,
                ],
            ],
        )],
    );
    write_xlsx(
        &dir.path().join("b.xlsx"),
        &[sheet(
            "VP",
            vec![
                vec![T("Họ và tên"), T("Chức vụ"), T("Đơn vị")],
                vec![T("Mai Anh Tuấn"), T("Chánh Văn phòng"), T("VP")],
            ],
        )],
    );
    let (dataset, findings) = ingest(dir.path());
    let d = dataset.unwrap();
    assert!(findings.iter().all(|f| !f.is_error()), "{findings:#?}");
    assert_eq!(d.people.len(), 3);
    let hanh = person(&d, "Đỗ Thị Hạnh");
    assert_eq!(
        (hanh.membership, hanh.birth, hanh.category),
        (Membership::Unit(2), Some(Birth::Year(1983)), Some(Category::PublicEmployee))
    );
    assert_eq!(person(&d, "Vũ Văn Long").membership, Membership::Unit(2));
    assert_eq!(person(&d, "Mai Anh Tuấn").membership, Membership::Unit(0));
}

#[test]
fn bad_cells_are_reported_with_their_address() {
    let dir = base_with_roster(vec![
        vec![T("Họ và tên"), T("Chức vụ"), T("Đơn vị"), T("Ngày sinh"), T("Số tháng công tác"), T("Đối tượng")],
        vec![T("Nguyễn Văn A"), Empty, T("VP"), T("31/02/1980"), N(14.0), T("chuyên viên")],
        vec![T("Nguyễn Văn B"), Empty, T("Phòng Tài chính"), Empty, Empty, Empty],
    ]);
    let (_, findings) = ingest(dir.path());
    let at = |rule: &str, cell: &str| {
        findings.iter().any(|f| {
            f.rule == rule && f.source.as_ref().and_then(|s| s.sheet_cell()).map(|(_, c)| c) == Some(cell.to_string())
        })
    };
    assert!(at("INPUT_INVALID", "D2"), "impossible date: {findings:#?}");
    assert!(at("INPUT_INVALID", "E2"), "14 months");
    assert!(at("INPUT_INVALID", "F2"), "unknown category");
    assert!(at("UNKNOWN_UNIT", "C3"), "unknown unit");
    let unknown = findings.iter().find(|f| f.rule == "UNKNOWN_UNIT").unwrap();
    assert!(unknown.message.contains("Phòng Tài chính"), "{}", unknown.message);
}

#[test]
fn duplicate_people_unless_birth_tells_them_apart() {
    let dir = base_with_roster(vec![
        vec![T("Họ và tên"), T("Chức vụ"), T("Đơn vị"), T("Ngày sinh")],
        vec![T("Nguyễn Văn A"), Empty, T("VP"), T("01/01/1980")],
        vec![T("NGUYỄN VĂN  A"), Empty, T("VP"), T("01/01/1980")],
        vec![T("Nguyễn Văn A"), Empty, T("VP"), T("02/02/1990")],
        vec![T("Nguyễn Văn A"), Empty, T("Phòng CCVC"), Empty],
    ]);
    let (d, findings) = ingest(dir.path());
    let dups: Vec<_> = findings.iter().filter(|f| f.rule == "ROSTER_DUPLICATE").collect();
    assert_eq!(dups.len(), 1, "{findings:#?}");
    assert_eq!(dups[0].source.as_ref().unwrap().sheet_cell().unwrap().1, "A3");
    assert_eq!(d.unwrap().people.len(), 3);
}

#[test]
fn random_bytes_are_an_unreadable_workbook_not_a_panic() {
    let dir = fixture("base");
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(dir.path().join("hong.xlsx"), &noise).unwrap();
    std::fs::write(dir.path().join("rong.xls"), b"").unwrap();
    let (code, json) = check_json(dir.path());
    assert_eq!(code, 1);
    let unreadable = with_rule(&json, "INPUT_UNREADABLE");
    let files: Vec<&str> = unreadable.iter().map(|f| f["source"]["file"].as_str().unwrap()).collect();
    assert!(files.contains(&"hong.xlsx") && files.contains(&"rong.xls"), "{json:#}");
    assert!(unreadable[0]["message"].as_str().unwrap().starts_with("Không đọc được tệp Excel"));
}

#[test]
fn nfd_and_control_characters_are_normalised() {
    let dir = base_with_roster(vec![
        vec![T("Họ và tên"), T("Chức vụ"), T("Đơn vị")],
        // "Nguyễn" typed with combining marks, a zero-width space and a NUL.
        vec![T("Nguye\u{0302}\u{0303}n\u{200B} Văn\u{0001} An"), Empty, T("VP")],
    ]);
    let (d, _) = ingest(dir.path());
    assert_eq!(&*d.unwrap().people[0].name, "Nguyễn Văn An");
}

#[test]
fn i_and_y_spellings_of_the_discipline_header_both_read_it() {
    let tweaks = [("Võ Văn Giang", "Kỷ luật", "Khiển trách"), ("Võ Văn Giang", "Loại kỷ luật", "Đảng")];
    for header in ["Kỉ luật", "Hình thức kỷ luật (nếu có)", "Hình thức kỉ luật (nếu có)"] {
        let dir = rules_case("clean", &[]);
        write_xlsx(&dir.path().join("danh-sach.xlsx"), &[clean_sheet(&[("Kỷ luật", header)], |_| true, &tweaks)]);
        let (code, json) = check_json_on(dir.path(), "2023-12-01");
        let discipline = with_rule(&json, "DISCIPLINE");
        assert_eq!(discipline.len(), 1, "{header}: {json:#}");
        assert_eq!(discipline[0]["person"], "Võ Văn Giang");
        assert!(with_rule(&json, "ROSTER_COLUMN_IGNORED").is_empty(), "{header}: {json:#}");
        assert_eq!(code, 1);
    }
}

#[test]
fn a_column_not_understood_is_named_once_at_its_header() {
    let dir = rules_case("clean", &[]);
    let renames = [("Nghỉ thai sản", "Xếp loại năm 2022"), ("Loại kỷ luật", "Kỉ luật")];
    write_xlsx(&dir.path().join("danh-sach.xlsx"), &[clean_sheet(&renames, |_| true, &[])]);
    let (code, json) = check_json_on(dir.path(), "2023-12-01");
    let ignored = with_rule(&json, "ROSTER_COLUMN_IGNORED");
    let places: Vec<(&str, &str)> =
        ignored.iter().map(|f| (f["source"]["cell"].as_str().unwrap(), f["severity"].as_str().unwrap())).collect();
    assert_eq!(places, vec![("G1", "info"), ("J1", "info")], "{json:#}");
    assert!(ignored[0]["message"].as_str().unwrap().contains("“Xếp loại năm 2022”"));
    assert!(ignored[1]["message"].as_str().unwrap().contains("trùng ý nghĩa với cột “Kỷ luật” (I1)"), "{json:#}");
    assert_eq!(ignored[0]["source"]["sheet"], "DS");
    assert_eq!(code, 0, "info only: {json:#}");
}

#[test]
fn an_agency_without_any_roster_is_an_error() {
    let dir = fixture("base");
    let (code, json) = check_json(dir.path());
    let missing = with_rule(&json, "ROSTER_MISSING");
    assert_eq!(missing.len(), 1, "{json:#}");
    assert_eq!(missing[0]["severity"], "error");
    assert_eq!(code, 1);
}
