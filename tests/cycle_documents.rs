//! The documents of the 2025 and 2026 cycles (issue 17): the clean scored agency of the
//! cycle rules, with party members, built, and its DOCX opened to read what a clerk prints.
//! Forms by cycle and person, scores beside votes, the cycle's legal texts, and no 2023
//! left in a 2026 document.

mod common;

use std::path::{Path, PathBuf};

use common::docx::{open, table_with, tables, text_at};
use tempfile::TempDir;

/// What the documents tests add to the clean scored agency: (file, text, replaced by).
const EDITS: &[(&str, &str, &str)] = &[
    // Party members' task conditions (QĐ 366 Art 11): An's and Cường's met, Bình's not,
    // which lowers her 84,5 to HTNV, as her unit proposes.
    (
        VP,
        "score: { general: 27, tasks: 60 }",
        "score: { general: 27, tasks: 60 }\n    tasks: { all_done: true, exceeded_percent: 10 }",
    ),
    (
        VP,
        "score: { general: 26, tasks: 58.5 }\n    votes: { HTTNV: 6 }\n    proposed: HTTNV",
        "score: { general: 26, tasks: 58.5 }\n    tasks: { all_done: false }\n    votes: { HTNV: 6 }\n    proposed: HTNV",
    ),
    (
        VP,
        "score: { general: 27.5, tasks: 61 }",
        "score: { general: 27.5, tasks: 61 }\n    tasks: { all_done: true, exceeded_percent: 10 }",
    ),
    // Only quarterly scores: 75,25.
    (TT, "score: { general: 24, tasks: 51 }", "periods: { Q1: 74, Q2: 76, Q3: 75, Q4: 76 }"),
    // The collective's own score.
    (
        TT,
        "  self_rating: HTTNV\n  votes: { HTTNV: 4 }",
        "  score: { general: 27, tasks: 60 }\n  tasks: { all_done: true, exceeded_percent: 10 }\n  self_rating: HTTNV\n  votes: { HTTNV: 4 }",
    ),
];

const VP: &str = "don-vi/vp.yaml";
const TT: &str = "don-vi/tt.yaml";
const PARTY_MEMBERS: [(&str, &str, &str); 3] =
    [("Nguyễn Văn An", "Đảng viên", "x"), ("Trần Thị Bình", "Đảng viên", "x"), ("Lê Văn Cường", "Đảng viên", "x")];

/// The cycle a test builds.
struct Cycle {
    year: i32,
    /// Whether the public service unit issued its own rating rules (NĐ 233 Art 18).
    rules_issued: bool,
}

/// The clean scored agency of `tests/fixtures/rules-cycles/clean` (its files say 2026)
/// in `cycle`, with [`EDITS`] and three party members, built: (inputs, outputs).
fn build(cycle: &Cycle) -> (TempDir, TempDir) {
    let inputs = common::fixture("rules-cycles/clean");
    for path in walk(inputs.path()).into_iter().filter(|p| p.extension().is_some_and(|e| e == "yaml")) {
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("2026", &cycle.year.to_string())).unwrap();
    }
    if !cycle.rules_issued {
        edit(inputs.path(), "agency.yaml", "  units_rules_issued: [Trung tâm Lưu trữ lịch sử]\n", "");
    }
    for (file, from, to) in EDITS {
        edit(inputs.path(), file, from, to);
    }
    common::clean_roster(inputs.path(), &PARTY_MEMBERS);
    let outputs = tempfile::tempdir().unwrap();
    let today = format!("{}-12-01", cycle.year);
    let (code, stdout, stderr) = common::run(&[
        "build",
        "--today",
        &today,
        "--inputs",
        inputs.path().to_str().unwrap(),
        "--outputs",
        outputs.path().to_str().unwrap(),
    ]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(code == 0 || (code == 1 && !cycle.rules_issued), "exit {code}: {stdout}{stderr}");
    assert!(!stderr.contains("không lập được"), "a document failed: {stderr}");
    (inputs, outputs)
}

fn edit(inputs: &Path, file: &str, from: &str, to: &str) {
    let path = inputs.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
    }
    out
}

/// The self-review form of the person whose file name ends in `slug`, under `unit`'s folder
/// (unit folders hold `tu-kiem-diem/NN-slug.docx`; the agency's leaders `co-quan/lanh-dao/`).
fn form(outputs: &Path, unit: &str, slug: &str) -> String {
    let folder = outputs.join(unit);
    let path = walk(&folder)
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().ends_with(&format!("-{slug}.docx")))
        .unwrap_or_else(|| panic!("no form of {slug} under {}", folder.display()));
    text_at(&path)
}

fn doc(outputs: &Path, rel: &str) -> String {
    text_at(&outputs.join(rel))
}

/// Every line of `wanted` is in `text`, else a failure naming `what` and the text.
fn assert_has(text: &str, wanted: &[&str], what: &str) {
    for want in wanted {
        assert!(text.contains(want), "{want:?} missing from {what}:\n{text}");
    }
}

const OFFICE: &str = "van-phong-so";
const CENTRE: &str = "trung-tam-luu-tru-lich-su";

fn docx_under(outputs: &Path) -> Vec<PathBuf> {
    walk(outputs).into_iter().filter(|p| p.extension().is_some_and(|e| e == "docx")).collect()
}

#[test]
fn the_2025_party_forms_are_hd_43s_with_the_score_and_the_state_forms_stay_nd_90s() {
    let (_inputs, out) = build(&Cycle { year: 2025, rules_issued: false });
    let out = out.path();
    // A party member holding a post: 02A under HD 43 (it was 02B under HD 25).
    let leader = form(out, OFFICE, "nguyen-van-an");
    assert_has(
        &leader,
        &[
            "Mẫu 02A-HD KĐ.ĐG 2025",
            "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN",
            "Năm 2025",
            "(Dùng cho cá nhân giữ chức vụ lãnh đạo, quản lý)",
            "A. NỘI DUNG KIỂM ĐIỂM",
            "V. LÀM RÕ TRÁCH NHIỆM CỦA CÁ NHÂN ĐỐI VỚI NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM CỦA TẬP THỂ (NẾU CÓ)",
            "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
            "1. Nhóm tiêu chí chung: 27/30",
            "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 60/70",
            "Tổng điểm: 87/100",
            "II. ĐỀ XUẤT XẾP LOẠI MỨC CHẤT LƯỢNG",
            "☒ Hoàn thành tốt nhiệm vụ",
        ],
        "the leader's form",
    );
    assert!(!leader.contains("02B") && !leader.contains("2023"), "{leader}");
    // A party member without a post: 02B, with the annex of task results; a decimal score.
    let member = form(out, OFFICE, "le-van-cuong");
    assert_has(
        &member,
        &[
            "Mẫu 02B-HD KĐ.ĐG 2025",
            "Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ",
            "1. Nhóm tiêu chí chung: 27,5/30",
            "Tổng điểm: 88,5/100",
        ],
        "the member's form",
    );
    // The state side is still NĐ 90/48 in 2025: Mẫu 02 and Mẫu 03, no score.
    let civil = form(out, OFFICE, "pham-thi-dung");
    assert!(civil.contains("Mẫu số 02 (ban hành kèm theo Nghị định số 90/2020/NĐ-CP)"), "{civil}");
    let employee = form(out, CENTRE, "mai-thi-oanh");
    assert!(employee.contains("Mẫu số 03 (ban hành kèm theo Nghị định số 90/2020/NĐ-CP)"), "{employee}");
    for state in [&civil, &employee] {
        assert!(!state.contains("/30") && !state.contains("Phụ lục II") && !state.contains("335/2025"), "{state}");
    }
    // The collective report is HD 43's Mẫu 01 with its score.
    let report = doc(out, &format!("{CENTRE}/bao-cao-kiem-diem-tap-the.docx"));
    assert_has(
        &report,
        &[
            "Mẫu 01-HD KĐ.ĐG 2025",
            "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
            "1. Nhóm tiêu chí chung: 27/30",
            "Tổng điểm: 87/100",
        ],
        "the collective report",
    );
    // The agency report rests on the 2025 texts.
    let agency = doc(out, "co-quan/bao-cao-ubnd-tinh.docx");
    assert_has(
        &agency,
        &[
            "Căn cứ Nghị định số 90/2020/NĐ-CP",
            "Căn cứ Luật Cán bộ, công chức số 80/2025/QH15",
            "Căn cứ Quy định số 366-QĐ/TW",
            "Căn cứ Hướng dẫn số 43-HD/BTCTW",
            "người lao động năm 2025",
        ],
        "the agency report",
    );
    assert!(!agency.contains("335/2025"), "NĐ 335 governs 2026, not 2025");
}

#[test]
fn the_2026_forms_follow_the_person_and_the_unit() {
    let (_inputs, out) = build(&Cycle { year: 2026, rules_issued: true });
    let out = out.path();
    // A viên chức of a unit that issued its rating rules: NĐ 233's Phụ lục II.
    let employee = form(out, CENTRE, "mai-thi-oanh");
    assert_has(
        &employee,
        &[
            "Phụ lục II (ban hành kèm theo Nghị định số 233/2026/NĐ-CP)",
            "PHIẾU XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC",
            "Năm 2026",
            "I. TỔNG HỢP KẾT QUẢ THEO DÕI, ĐÁNH GIÁ",
            "(tối đa 30 điểm): 25 điểm",
            "(tối đa 70 điểm): 53 điểm",
            "Tổng điểm: 78/100",
            "II. VIÊN CHỨC TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG",
            "☒ Hoàn thành tốt nhiệm vụ",
            "III. KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC CỦA CẤP CÓ THẨM QUYỀN",
            "IV. Ý KIẾN NHẬN XÉT CỦA CẤP CÓ THẨM QUYỀN VÀ ĐỀ XUẤT PHƯƠNG ÁN XỬ LÝ",
            "VIÊN CHỨC TỰ XẾP LOẠI",
            "CẤP CÓ THẨM QUYỀN XẾP LOẠI",
        ],
        "the Phụ lục II form",
    );
    // Only quarterly scores: the year score is their exact average.
    let quarterly = form(out, CENTRE, "ta-van-quan");
    assert!(quarterly.contains("Tổng điểm: 75,25/100; mức xếp loại theo điểm: Hoàn thành tốt nhiệm vụ"), "{quarterly}");
    // A công chức who is not a party member: the score form, saying what it rests on.
    let civil = form(out, OFFICE, "pham-thi-dung");
    assert_has(
        &civil,
        &[
            "PHIẾU CHẤM ĐIỂM, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC",
            "Biểu mẫu theo thang điểm của Nghị định 335/2025/NĐ-CP; mẫu chính thức chưa được đối chiếu",
            "theo nội dung chưa được đối chiếu với văn bản gốc",
            "Mức xếp loại theo điểm: Hoàn thành tốt nhiệm vụ",
        ],
        "the score form",
    );
    let path =
        walk(&out.join(OFFICE)).into_iter().find(|p| p.to_string_lossy().ends_with("-pham-thi-dung.docx")).unwrap();
    let table = table_with(&tables(open(&std::fs::read(path).unwrap()).document()), "Điểm đạt").clone();
    let points: Vec<&str> = table[1..].iter().map(|row| row[3].as_str()).collect();
    assert_eq!(points, ["25", "55", "80"], "{table:?}");
    // Party members: HD 43's forms, whose code keeps the guidance's year.
    let leader = form(out, OFFICE, "nguyen-van-an");
    assert!(leader.contains("Mẫu 02A-HD KĐ.ĐG 2025") && leader.contains("Năm 2026"), "{leader}");
    // Workers keep the 2023 form.
    let worker = form(out, CENTRE, "ho-van-son");
    assert!(worker.contains("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NGƯỜI LAO ĐỘNG"), "{worker}");
    assert!(!worker.contains("Điểm đạt") && !worker.contains("Phụ lục II"), "{worker}");
}

#[test]
fn a_2026_employee_of_a_unit_without_rating_rules_fills_nd_90s_form_which_says_why() {
    let (_inputs, out) = build(&Cycle { year: 2026, rules_issued: false });
    let out = out.path();
    let employee = form(out, CENTRE, "mai-thi-oanh");
    assert_has(
        &employee,
        &[
            "Mẫu số 03 (ban hành kèm theo Nghị định số 90/2020/NĐ-CP)",
            "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC",
            "Năm 2026",
            "theo Nghị định số 90/2020/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định số 48/2023/NĐ-CP, vì đơn vị chưa ban hành quy chế đánh giá",
            "(khoản 1 Điều 20 Nghị định số 233/2026/NĐ-CP)",
        ],
        "the fallback form",
    );
    assert!(!employee.contains("Phụ lục II"), "{employee}");
    // A công chức of the same agency is scored all the same (NĐ 335 has no such fallback).
    let civil = form(out, OFFICE, "pham-thi-dung");
    assert!(civil.contains("PHIẾU CHẤM ĐIỂM, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC"), "{civil}");
}

#[test]
fn the_2026_unit_and_agency_documents_show_scores_beside_votes_and_the_cycle_texts() {
    let (_inputs, out) = build(&Cycle { year: 2026, rules_issued: true });
    let out = out.path();
    let proposal = open(&std::fs::read(out.join(format!("{OFFICE}/danh-sach-de-xuat-xep-loai.docx"))).unwrap());
    let list = table_with(&tables(proposal.document()), "Điểm").clone();
    // The header's merged cells shift its columns: a row is read by what its cells hold.
    let row =
        |name: &str| list.iter().find(|r| r.iter().any(|c| c == name)).unwrap_or_else(|| panic!("{name}")).clone();
    let scores = |name: &str| -> Vec<String> {
        row(name).into_iter().filter(|c| c.contains(" (H") || c.contains(" (K")).collect()
    };
    assert_eq!(scores("Lê Văn Cường"), ["88,5 (HTTNV)"]);
    assert_eq!(scores("Nguyễn Văn An"), ["87 (HTTNV)"]);
    // The party conditions lowered Bình's level: the note says so.
    assert_eq!(scores("Trần Thị Bình"), ["84,5 (HTNV)"]);
    let note = row("Trần Thị Bình").last().unwrap().clone();
    assert!(
        note.contains("Điểm thuộc khung HTTNV nhưng chưa hoàn thành 100% nhiệm vụ nên mức theo điểm là HTNV"),
        "{note}"
    );

    let minutes = doc(out, &format!("{OFFICE}/bien-ban-hop-kiem-diem.docx"));
    assert_has(
        &minutes,
        &[
            "Họp kiểm điểm, đánh giá, xếp loại chất lượng tập thể và cá nhân năm 2026",
            "Điểm đánh giá: tiêu chí chung 27/30, kết quả thực hiện nhiệm vụ 60/70, tổng 87/100, mức xếp loại theo điểm: Hoàn thành tốt nhiệm vụ.",
            "Điểm đánh giá: tiêu chí chung 26/30, kết quả thực hiện nhiệm vụ 58,5/70, tổng 84,5/100, mức xếp loại theo điểm: Hoàn thành nhiệm vụ; điểm thuộc khung HTTNV",
        ],
        "the office's minutes",
    );
    let centre = doc(out, &format!("{CENTRE}/bien-ban-hop-kiem-diem.docx"));
    assert_has(
        &centre,
        &[
            "theo mẫu 01-HD KĐ.ĐG 2025",
            "Tập thể tự chấm điểm: tiêu chí chung 27/30, kết quả thực hiện nhiệm vụ 60/70, tổng 87/100",
        ],
        "the centre's minutes",
    );
    let centre_list = doc(out, &format!("{CENTRE}/danh-sach-de-xuat-xep-loai.docx"));
    assert!(centre_list.contains("75,25 (HTTNV)"), "{centre_list}");
    // The levels of công chức scores rest on NĐ 335's bands, not read in the decree itself.
    let unverified = "Mức theo điểm của công chức: thang điểm của Nghị định số 335/2025/NĐ-CP (theo nội dung chưa được đối chiếu với văn bản gốc).";
    assert!(proposal.text().contains(unverified) && minutes.contains(unverified), "{minutes}");
    assert!(!centre_list.contains(unverified), "the centre scores no công chức");

    let agency = open(&std::fs::read(out.join("co-quan/bao-cao-ubnd-tinh.docx")).unwrap());
    let text = agency.text();
    assert_has(
        &text,
        &[
            "Căn cứ Nghị định số 335/2025/NĐ-CP",
            "Căn cứ Nghị định số 233/2026/NĐ-CP",
            "Căn cứ Quy định số 366-QĐ/TW",
            "Căn cứ Hướng dẫn số 43-HD/BTCTW",
            "- Công chức: Nghị định số 335/2025/NĐ-CP (thang điểm 100) (theo nội dung chưa được đối chiếu với văn bản gốc).",
        ],
        "the agency report",
    );
    assert!(!text.contains("Căn cứ Nghị định số 90/2020"), "NĐ 90 is no basis of the 2026 report");
    let annex = table_with(&tables(agency.document()), "Kết quả").clone();
    let cuong = annex.iter().find(|r| r.iter().any(|c| c == "Lê Văn Cường")).expect("Cường in the annex");
    assert!(cuong.contains(&"88,5 (HTTNV)".to_string()), "{cuong:?}");
}

#[test]
fn no_2023_is_left_in_a_2026_document() {
    let (_inputs, out) = build(&Cycle { year: 2026, rules_issued: false });
    let documents = docx_under(out.path());
    assert!(documents.len() > 20, "{}", documents.len());
    let mut stray = Vec::new();
    for path in &documents {
        // NĐ 48/2023 is cited by name where the 2026 fallback rests on it.
        if text_at(path).replace("48/2023/NĐ-CP", "").contains("2023") {
            stray.push(path.strip_prefix(out.path()).unwrap().display().to_string());
        }
    }
    assert!(stray.is_empty(), "2023 in: {stray:?}");
    for rel in [format!("{CENTRE}/danh-sach-de-xuat-xep-loai.docx"), format!("{CENTRE}/bao-cao-kiem-diem-tap-the.docx")]
    {
        assert!(doc(out.path(), &rel).contains("năm 2026"), "{rel}");
    }
}

#[test]
fn every_2025_and_2026_document_conforms_to_the_layout_rules() {
    let mut failures = Vec::new();
    for cycle in [Cycle { year: 2025, rules_issued: false }, Cycle { year: 2026, rules_issued: true }] {
        let (_inputs, out) = build(&cycle);
        for path in docx_under(out.path()) {
            for problem in common::conformance::problems(&open(&std::fs::read(&path).unwrap())) {
                failures.push(format!(
                    "{} {}: {problem}",
                    cycle.year,
                    path.strip_prefix(out.path()).unwrap().display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_2023_documents_keep_hd_25s_forms_and_no_score_column() {
    let (dir, inputs) = common::sample_copy();
    let outputs = dir.path().join("outputs");
    let (code, log) = common::build_at(&inputs, &outputs);
    assert_eq!(code, 0, "{log}");
    let leader = form(&outputs, CENTRE, "nguyen-thi-kim-loan");
    assert!(leader.contains("Mẫu 02B-HD KĐ.ĐG 2023") && leader.contains("VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG"));
    assert!(!leader.contains("/30") && !leader.contains("NỘI DUNG TỰ ĐÁNH GIÁ"), "{leader}");
    let proposal = open(&std::fs::read(outputs.join(format!("{CENTRE}/danh-sach-de-xuat-xep-loai.docx"))).unwrap());
    let all = tables(proposal.document());
    let header = &table_with(&all, "Đề xuất")[0];
    assert!(!header.iter().any(|c| c.starts_with("Điểm")), "{header:?}");
    let notice = doc(&outputs, "co-quan/thong-bao-ket-qua.docx");
    assert!(notice.contains("Căn cứ Nghị định số 90/2020/NĐ-CP") && !notice.contains("366-QĐ/TW"), "{notice}");
    let report = doc(&outputs, &format!("{CENTRE}/bao-cao-kiem-diem-tap-the.docx"));
    assert!(report.contains("Mẫu 01-HD KĐ.ĐG 2023") && !report.contains("/30"), "{report}");
}
