//! The bad-input suite: files a tired person or a hostile one could drop into `inputs/`,
//! each with the finding it must give, and never a panic.

mod common;

use common::*;

fn findings_of(dir: &std::path::Path) -> (i32, serde_json::Value) {
    check_json_on(dir, "2023-12-01")
}

#[test]
fn a_password_protected_workbook_is_unreadable_with_advice() {
    let dir = rules_case("clean", &[]);
    std::fs::copy(fixtures_dir().join("bad-inputs/mat-khau.xlsx"), dir.path().join("mat-khau.xlsx")).unwrap();
    let (code, json) = findings_of(dir.path());
    let f = with_rule(&json, "INPUT_UNREADABLE");
    assert_eq!(f.len(), 1, "{json:#}");
    assert_eq!(f[0]["source"]["file"], "mat-khau.xlsx");
    assert!(f[0]["message"].as_str().unwrap().contains("bỏ mật khẩu"));
    assert_eq!(code, 1);
}

#[test]
fn an_xlsm_roster_is_read_like_an_xlsx() {
    let dir = rules_case("clean", &[]);
    std::fs::rename(dir.path().join("danh-sach.xlsx"), dir.path().join("danh-sach.xlsm")).unwrap();
    let (code, json) = findings_of(dir.path());
    assert_eq!((code, json["summary"]["people"].as_u64()), (0, Some(17)), "{json:#}");
}

#[test]
fn formula_errors_and_merged_name_cells_are_located() {
    let dir = fixture("base");
    let mut s = sheet(
        "DS",
        vec![
            vec![T("Họ và tên"), T("Chức vụ"), T("Đơn vị"), T("Ngày sinh")],
            vec![T("#REF!"), Empty, T("VP"), Empty],
            vec![T("Nguyễn Văn Gộp"), T("Chuyên viên"), T("VP"), T("01/01/1980")],
            vec![Empty, T("Chuyên viên"), T("VP"), T("02/02/1990")],
        ],
    );
    s.merges = vec![(2, 0, 3, 0, "Nguyễn Văn Gộp")];
    write_xlsx(&dir.path().join("ds.xlsx"), &[s]);
    let (_, findings) = ingest(dir.path());
    let at = |cell: &str, words: &str| {
        findings.iter().any(|f| {
            f.rule == "INPUT_INVALID"
                && f.source.as_ref().and_then(|s| s.sheet_cell()).map(|(_, c)| c).as_deref() == Some(cell)
                && f.message.contains(words)
        })
    };
    assert!(at("A2", "#REF!"), "{findings:#?}");
    assert!(at("A4", "thiếu họ và tên"), "the second row of a merged name cell: {findings:#?}");
}

#[test]
fn a_huge_sheet_is_read_whole() {
    let dir = fixture("base");
    let mut rows = vec![vec![T("Họ và tên"), T("Chức vụ"), T("Đơn vị")]];
    for i in 0..20_000 {
        rows.push(vec![S(format!("Người Số {i}")), Empty, T("VP")]);
    }
    write_xlsx(&dir.path().join("lon.xlsx"), &[sheet("DS", rows)]);
    let (d, findings) = ingest(dir.path());
    assert_eq!(d.unwrap().people.len(), 20_000);
    assert!(findings.iter().all(|f| f.rule != "INPUT_UNREADABLE"));
}

#[test]
fn invisible_and_direction_characters_vanish_and_nfd_twins_are_one_person() {
    let dir = base_with_roster(vec![
        vec![T("Họ và tên"), T("Chức vụ"), T("Đơn vị")],
        vec![T("\u{202E}Trần\u{200D} Thị\u{2066} Bình\u{FEFF}"), Empty, T("VP")],
        vec![T("Nguyễn Văn An"), Empty, T("VP")],
        vec![T("Nguye\u{0302}\u{0303}n Va\u{0306}n An"), Empty, T("VP")],
    ]);
    let (d, findings) = ingest(dir.path());
    let d = d.unwrap();
    assert!(
        d.people.iter().any(|p| p.name == "Trần Thị Bình"),
        "{:?}",
        d.people.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
    assert_eq!(
        findings.iter().filter(|f| f.rule == "ROSTER_DUPLICATE").count(),
        1,
        "NFC and NFD spellings are one name"
    );
}

#[test]
fn hostile_unit_names_stay_inside_outputs() {
    let dir = rules_case("clean", &[]);
    let agency = std::fs::read_to_string(dir.path().join("agency.yaml")).unwrap();
    let agency = agency
        .replace("  - name: Văn phòng Sở\n", "  - name: ../../Văn phòng Sở\n")
        .replace("  - name: Phòng Công chức, viên chức\n", "  - name: CON\n");
    std::fs::write(dir.path().join("agency.yaml"), agency).unwrap();
    for f in ["don-vi/vp.yaml", "agency_review.yaml"] {
        let p = dir.path().join(f);
        let text = std::fs::read_to_string(&p).unwrap().replace("unit: Văn phòng Sở", "unit: ../../Văn phòng Sở");
        std::fs::write(&p, text.replace("unit: Phòng Công chức, viên chức", "unit: CON")).unwrap();
    }
    let p = dir.path().join("don-vi/ccvc.yaml");
    std::fs::write(&p, std::fs::read_to_string(&p).unwrap().replace("unit: Phòng Công chức, viên chức", "unit: CON"))
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let nested = out.path().join("a/b");
    let (code, log) = build_at(dir.path(), &nested);
    assert_eq!(code, 0, "{log}");
    assert!(nested.join("van-phong-so/bien-ban-hop-kiem-diem.docx").exists(), "{log}");
    assert!(nested.join("con-dv/bien-ban-hop-kiem-diem.docx").exists());
    assert!(!out.path().join("van-phong-so").exists(), "nothing climbed out of the outputs folder");
}

#[test]
fn a_broken_unit_file_touches_no_document_of_another_unit() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    assert_eq!(build_at(dir.path(), out.path()).0, 0);
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = std::fs::read_dir(out.path().join("phong-cong-chuc-vien-chuc"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
        .collect();
    std::fs::write(dir.path().join("don-vi/vp.yaml"), "kind: unit_review\nunit: VP\nreviews:\n\t- name: x\n").unwrap();
    let (code, log) = build_at(dir.path(), out.path());
    assert_eq!(code, 1, "{log}");
    assert!(log.contains("INPUT_UNREADABLE"), "{log}");
    for (path, bytes) in before {
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{} untouched", path.display());
    }
}
