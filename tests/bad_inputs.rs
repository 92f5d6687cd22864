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
        d.people.iter().any(|p| &*p.name == "Trần Thị Bình"),
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

/// The clean agency with the Centre's people in a workbook of their own, `trung-tam.xlsx`,
/// holding one stray value at (row, col).
fn centre_apart_with_stray(row: u32, col: u16) -> tempfile::TempDir {
    let dir = rules_case("clean", &[]);
    let in_centre = |name: &str| CLEAN_PEOPLE.iter().any(|p| p.0 == name && p.2 == "TTLTLS");
    write_xlsx(&dir.path().join("danh-sach.xlsx"), &[clean_sheet(&[], |name| !in_centre(name), &[])]);
    let mut centre = clean_sheet(&[], in_centre, &[]);
    centre.stray = vec![(row, col, "x")];
    write_xlsx(&dir.path().join("trung-tam.xlsx"), &[centre]);
    dir
}

/// The largest peak memory (MB) of the child processes this test process has waited for.
#[cfg(target_os = "linux")]
fn peak_child_memory_mb() -> i64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; RUSAGE_CHILDREN is always valid.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    usage.ru_maxrss / 1024
}

#[test]
fn a_stray_cell_far_away_refuses_its_sheet_and_the_other_units_go_on() {
    for (row, col, cell) in [(1_048_575, 16_383, "XFD1048576"), (1_048_575, 77, "BZ1048576")] {
        let dir = centre_apart_with_stray(row, col);
        let out = tempfile::tempdir().unwrap();
        let (code, log) = build_at(dir.path(), out.path());
        assert_eq!(code, 1, "{log}");
        assert!(log.contains("INPUT_TOO_LARGE"), "{log}");
        assert!(log.contains(&format!("trung-tam.xlsx [DS!{cell}]")), "{log}");
        assert!(!log.contains("ROSTER_NO_HEADER"), "a refused sheet is not also a sheet without header: {log}");
        for unit in ["van-phong-so", "phong-cong-chuc-vien-chuc"] {
            assert!(out.path().join(unit).join("bien-ban-hop-kiem-diem.docx").exists(), "{unit}: {log}");
        }
        #[cfg(target_os = "linux")]
        assert!(peak_child_memory_mb() < 500, "peak memory {} MB", peak_child_memory_mb());
    }
}

#[test]
fn an_oversized_yaml_file_is_refused_unread() {
    let dir = rules_case("clean", &[]);
    // Sparse: 100 MB of zeros that cost no disk.
    std::fs::File::create(dir.path().join("bom.yaml")).unwrap().set_len(100 << 20).unwrap();
    let (code, json) = check_json_on(dir.path(), "2023-12-01");
    let refused = with_rule(&json, "INPUT_TOO_LARGE");
    assert_eq!(refused.len(), 1, "{json:#}");
    assert_eq!(refused[0]["source"]["file"], "bom.yaml");
    assert!(refused[0]["message"].as_str().unwrap().contains("64 MB"), "{json:#}");
    assert_eq!(json["summary"]["people"], 17, "the other inputs are read");
    assert_eq!(code, 1);
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_inside_the_inputs_and_reported_otherwise() {
    use std::os::unix::fs::symlink;
    // The roster kept in a hidden folder and linked from the inputs: followed. A second
    // link to a meeting file already read: said, and not read twice.
    let dir = rules_case("clean", &[]);
    std::fs::create_dir(dir.path().join(".kho")).unwrap();
    std::fs::rename(dir.path().join("danh-sach.xlsx"), dir.path().join(".kho/danh-sach.xlsx")).unwrap();
    symlink(".kho/danh-sach.xlsx", dir.path().join("danh-sach.xlsx")).unwrap();
    symlink("don-vi/vp.yaml", dir.path().join("ban-sao.yaml")).unwrap();
    let (code, json) = check_json_on(dir.path(), "2023-12-01");
    assert_eq!(json["summary"]["people"], 17, "{json:#}");
    let noted: Vec<_> =
        json["findings"].as_array().unwrap().iter().filter(|f| f["source"]["file"] == "ban-sao.yaml").collect();
    assert_eq!(noted.len(), 1, "{json:#}");
    assert_eq!(noted[0]["severity"], "info");
    assert!(with_rule(&json, "DUPLICATE_REVIEW").is_empty(), "{json:#}");
    assert_eq!(code, 0, "{json:#}");

    // A roster linked from outside the inputs folder: an error naming the link.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::rename(dir.path().join(".kho/danh-sach.xlsx"), elsewhere.path().join("ds.xlsx")).unwrap();
    std::fs::remove_file(dir.path().join("danh-sach.xlsx")).unwrap();
    symlink(elsewhere.path().join("ds.xlsx"), dir.path().join("danh-sach.xlsx")).unwrap();
    let (code, json) = check_json_on(dir.path(), "2023-12-01");
    let unread: Vec<_> =
        with_rule(&json, "INPUT_UNREADABLE").into_iter().filter(|f| f["source"]["file"] == "danh-sach.xlsx").collect();
    assert_eq!(unread.len(), 1, "{json:#}");
    assert!(unread[0]["message"].as_str().unwrap().contains("ngoài thư mục dữ liệu"), "{json:#}");
    assert_eq!(code, 1);
}
