//! The documents of the 2025 and 2026 cycles (issue 17): the sample agency moved to another
//! year, with scores added, built, and its DOCX opened to read what a clerk would print.
//! Forms by cycle and person, scores beside votes, the cycle's legal texts, and no 2023
//! left in a 2026 document.

mod common;

use std::path::{Path, PathBuf};

use common::docx::{open, table_with, tables, text_at};
use tempfile::TempDir;

/// Scores added to the sample's meeting files: (file, the review's name line, the lines to add).
const SCORES: &[(&str, &str, &str)] = &[
    (
        "don-vi/trung-tam-luu-tru-lich-su.yaml",
        "Nguyễn Thị Kim Loan",
        "score: { general: 27.5, tasks: 64 }\n    tasks: { all_done: true, exceeded_percent: 35 }",
    ),
    (
        "don-vi/trung-tam-luu-tru-lich-su.yaml",
        "Trần Minh Triết",
        "score: { general: 28, tasks: 65 }\n    tasks: { all_done: true, exceeded_percent: 20 }",
    ),
    (
        "don-vi/trung-tam-luu-tru-lich-su.yaml",
        "Lê Thị Hồng Nhạn",
        "score: { general: 29, tasks: 64 }\n    tasks: { all_done: true, exceeded_percent: 40 }",
    ),
    ("don-vi/trung-tam-luu-tru-lich-su.yaml", "Đặng Thị Tuyết Mai", "score: { general: 26, tasks: 60 }"),
    ("don-vi/trung-tam-luu-tru-lich-su.yaml", "Phạm Văn Thuận", "periods: { Q1: 65, Q2: 68, Q3: 66, Q4: 70 }"),
    ("don-vi/van-phong-so.yaml", "Phạm Ngọc Anh", "score: { general: 27, tasks: 55.5 }"),
];

/// How the cycle's agency differs from the sample beyond its year.
struct Cycle {
    year: i32,
    /// `units_rules_issued` of agency.yaml.
    rules_issued: &'static str,
    /// Drop the agency's own form for public service units, so that NĐ 90's Mẫu 03 shows.
    without_own_form: bool,
}

/// The sample agency moved to `cycle.year` (every date and year of its files, the roster's
/// included), with scores, built: (temp dir, outputs folder, build output).
fn build(cycle: &Cycle) -> (TempDir, PathBuf) {
    let (dir, inputs) = common::sample_copy();
    move_years(&inputs, cycle.year);
    let settings = format!("  units_rules_issued: [{}]\n  exceptions: []", cycle.rules_issued);
    edit(&inputs, "agency.yaml", "  exceptions: []", &settings);
    if cycle.without_own_form {
        edit(&inputs, "agency.yaml", "  su_nghiep: Mẫu số 02\n", "");
    }
    for (file, name, lines) in SCORES {
        edit(&inputs, file, &format!("  - name: {name}\n"), &format!("  - name: {name}\n    {lines}\n"));
    }
    edit(
        &inputs,
        "don-vi/trung-tam-luu-tru-lich-su.yaml",
        "  self_rating: HTXSNV\n  votes: { HTXSNV: 5",
        "  score: { general: 27, tasks: 63 }\n  tasks: { all_done: true, exceeded_percent: 40 }\n  self_rating: HTXSNV\n  votes: { HTXSNV: 5",
    );
    let outputs = dir.path().join("outputs");
    let today = format!("{}-12-01", cycle.year);
    let (code, stdout, stderr) = common::run(&[
        "build",
        "--today",
        &today,
        "--inputs",
        inputs.to_str().unwrap(),
        "--outputs",
        outputs.to_str().unwrap(),
    ]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("không lập được"), "a document failed: {stderr}");
    assert!(code == 0 || code == 1, "exit {code}: {stdout}{stderr}");
    (dir, outputs)
}

fn edit(inputs: &Path, file: &str, from: &str, to: &str) {
    let path = inputs.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Every "2023" of the YAML files and the roster's sheets becomes the cycle's year (and
/// 2024, the year after, its next), so that what the documents copy from the inputs
/// belongs to the cycle too.
fn move_years(inputs: &Path, year: i32) {
    let shift = |text: &str| text.replace("2024", &(year + 1).to_string()).replace("2023", &year.to_string());
    for entry in walk(inputs) {
        let name = entry.to_string_lossy().to_string();
        if name.ends_with(".yaml") {
            let text = std::fs::read_to_string(&entry).unwrap();
            std::fs::write(&entry, shift(&text)).unwrap();
        } else if name.ends_with(".xlsx") {
            rewrite_sheets(&entry, &shift);
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
    }
    out
}

/// A workbook with the text of its sheets passed through `shift`, every other part as it was.
fn rewrite_sheets(path: &Path, shift: &dyn Fn(&str) -> String) {
    let sheets = |name: &str| name.starts_with("xl/worksheets/") || name == "xl/sharedStrings.xml";
    let bytes = common::docx::rezipped(&std::fs::read(path).unwrap(), sheets, |text| shift(&text));
    std::fs::write(path, bytes).unwrap();
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

const CENTRE: &str = "trung-tam-luu-tru-lich-su";

#[test]
fn the_2025_party_forms_are_hd_43s_with_the_score_and_the_state_forms_stay_nd_90s() {
    let (_dir, out) = build(&Cycle { year: 2025, rules_issued: "", without_own_form: false });
    // A party member holding a post: 02A under HD 43 (02B under HD 25).
    let leader = doc(&out, &format!("{CENTRE}/tu-kiem-diem/01-nguyen-thi-kim-loan.docx"));
    assert_has(
        &leader,
        &[
            "Mẫu 02A-HD KĐ.ĐG 2025",
            "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN",
            "Năm 2025",
            "A. NỘI DUNG KIỂM ĐIỂM",
            "V. LÀM RÕ TRÁCH NHIỆM CỦA CÁ NHÂN ĐỐI VỚI NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM CỦA TẬP THỂ (NẾU CÓ)",
            "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
            "1. Nhóm tiêu chí chung: 27,5/30",
            "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 64/70",
            "Tổng điểm: 91,5/100",
            "☒ Hoàn thành tốt nhiệm vụ",
        ],
        "the leader's form",
    );
    assert!(!leader.contains("02B") && !leader.contains("2023"), "{leader}");
    // A party member without a post: 02B, with the annex of task results.
    let member = doc(&out, &format!("{CENTRE}/tu-kiem-diem/03-le-thi-hong-nhan.docx"));
    assert!(member.contains("Mẫu 02B-HD KĐ.ĐG 2025"), "{member}");
    assert!(member.contains("Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ"), "{member}");
    // A party member the meeting gave no score: dotted blanks, never a made-up number.
    let unscored = doc(&out, &format!("{CENTRE}/tu-kiem-diem/06-nguyen-van-binh.docx"));
    assert!(unscored.contains("1. Nhóm tiêu chí chung: ………/30"), "{unscored}");
    // The state side is still NĐ 90/48 in 2025: the agency's own form, as in 2023.
    let employee = doc(&out, &format!("{CENTRE}/tu-kiem-diem/05-dang-thi-tuyet-mai.docx"));
    assert!(employee.contains("Mẫu số 02 (ban hành kèm theo Quyết định số 1125/QĐ-SNV"), "{employee}");
    assert!(!employee.contains("Phụ lục II") && !employee.contains("/30"), "{employee}");
    // The collective report is HD 43's Mẫu 01 with its score.
    let report = doc(&out, &format!("{CENTRE}/bao-cao-kiem-diem-tap-the.docx"));
    assert_has(
        &report,
        &[
            "Mẫu 01-HD KĐ.ĐG 2025",
            "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
            "1. Nhóm tiêu chí chung: 27/30",
            "Tổng điểm: 90/100",
        ],
        "the collective report",
    );
    // The agency report rests on the 2025 texts.
    let agency = doc(&out, "co-quan/bao-cao-ubnd-tinh.docx");
    assert_has(
        &agency,
        &[
            "Căn cứ Nghị định số 90/2020/NĐ-CP",
            "Căn cứ Luật Cán bộ, công chức số 80/2025/QH15",
            "Căn cứ Quy định số 366-QĐ/TW",
            "Căn cứ Hướng dẫn số 43-HD/BTCTW",
            "Kết quả đánh giá, xếp loại chất lượng tập thể và công chức, viên chức, người lao động năm 2025",
        ],
        "the agency report",
    );
    assert!(!agency.contains("335/2025"), "NĐ 335 governs 2026, not 2025");
}

#[test]
fn the_2026_forms_follow_the_person_and_the_unit() {
    let (_dir, out) =
        build(&Cycle { year: 2026, rules_issued: "Trung tâm Lưu trữ lịch sử", without_own_form: false });
    // A viên chức of a unit that issued its rating rules: NĐ 233's Phụ lục II.
    let employee = doc(&out, &format!("{CENTRE}/tu-kiem-diem/05-dang-thi-tuyet-mai.docx"));
    assert_has(
        &employee,
        &[
            "Phụ lục II (ban hành kèm theo Nghị định số 233/2026/NĐ-CP)",
            "PHIẾU XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC",
            "Năm 2026",
            "I. TỔNG HỢP KẾT QUẢ THEO DÕI, ĐÁNH GIÁ",
            "(tối đa 30 điểm): 26 điểm",
            "(tối đa 70 điểm): 60 điểm",
            "Tổng điểm: 86/100",
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
    let quarterly = doc(&out, &format!("{CENTRE}/tu-kiem-diem/04-pham-van-thuan.docx"));
    assert!(quarterly.contains("Tổng điểm: 67,25/100; mức xếp loại theo điểm: Hoàn thành nhiệm vụ"), "{quarterly}");
    // A công chức who is not a party member: the score form, saying what it rests on.
    let civil = doc(&out, "van-phong-so/tu-kiem-diem/06-pham-ngoc-anh.docx");
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
    let table =
        tables(open(&std::fs::read(out.join("van-phong-so/tu-kiem-diem/06-pham-ngoc-anh.docx")).unwrap()).document())
            .into_iter()
            .find(|t| t[0].iter().any(|c| c == "Điểm đạt"))
            .expect("the score table");
    let points: Vec<&str> = table[1..].iter().map(|row| row[3].as_str()).collect();
    assert_eq!(points, ["27", "55,5", "82,5"], "{table:?}");
    // A công chức the meeting gave no score: the same form, blanks to fill.
    let blank = doc(&out, "van-phong-so/tu-kiem-diem/08-trinh-thi-anh.docx");
    assert!(blank.contains("PHIẾU CHẤM ĐIỂM, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC") && blank.contains("………"), "{blank}");
    // Party members: HD 43's forms, whose code keeps the guidance's year.
    let leader = doc(&out, &format!("{CENTRE}/tu-kiem-diem/01-nguyen-thi-kim-loan.docx"));
    assert!(leader.contains("Mẫu 02A-HD KĐ.ĐG 2025") && leader.contains("Năm 2026"), "{leader}");
    // Workers keep the 2023 form.
    let worker = doc(&out, &format!("{CENTRE}/tu-kiem-diem/10-nguyen-van-lam.docx"));
    assert!(worker.contains("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NGƯỜI LAO ĐỘNG"), "{worker}");
    assert!(!worker.contains("Điểm đạt") && !worker.contains("Phụ lục II"), "{worker}");
}

#[test]
fn a_2026_employee_of_a_unit_without_rating_rules_fills_nd_90s_form_which_says_why() {
    let (_dir, out) = build(&Cycle { year: 2026, rules_issued: "", without_own_form: true });
    let employee = doc(&out, &format!("{CENTRE}/tu-kiem-diem/05-dang-thi-tuyet-mai.docx"));
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
    let civil = doc(&out, "van-phong-so/tu-kiem-diem/06-pham-ngoc-anh.docx");
    assert!(civil.contains("PHIẾU CHẤM ĐIỂM, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC"), "{civil}");
}

#[test]
fn the_2026_unit_and_agency_documents_show_scores_beside_votes_and_the_cycle_texts() {
    let (_dir, out) =
        build(&Cycle { year: 2026, rules_issued: "Trung tâm Lưu trữ lịch sử", without_own_form: false });
    let proposal = open(&std::fs::read(out.join(format!("{CENTRE}/danh-sach-de-xuat-xep-loai.docx"))).unwrap());
    let list = table_with(&tables(proposal.document()), "Điểm").clone();
    // The header's merged cells shift its columns: a row is read by what its cells hold.
    let row =
        |name: &str| list.iter().find(|r| r.iter().any(|c| c == name)).unwrap_or_else(|| panic!("{name}")).clone();
    let scores = |name: &str| -> Vec<String> {
        row(name).into_iter().filter(|c| c.contains(" (H") || c.contains(" (K")).collect()
    };
    assert_eq!(scores("Nguyễn Thị Kim Loan"), ["91,5 (HTXSNV)"]);
    assert_eq!(scores("Phạm Văn Thuận"), ["67,25 (HTNV)"]);
    assert!(scores("Võ Thị Mỹ Duyên").is_empty(), "no score given, none printed");
    // The party conditions lowered Triết's level: the note says so.
    assert_eq!(scores("Trần Minh Triết"), ["93 (HTTNV)"]);
    let note = row("Trần Minh Triết").last().unwrap().clone();
    assert!(note.contains("Điểm thuộc khung HTXSNV nhưng chưa có từ 30% nhiệm vụ hoàn thành vượt mức"), "{note}");
    assert!(proposal.text().contains("(tổng điểm 90/100, mức theo điểm: Hoàn thành xuất sắc nhiệm vụ)"));

    let minutes = doc(&out, &format!("{CENTRE}/bien-ban-hop-kiem-diem.docx"));
    assert_has(
        &minutes,
        &[
            "Họp kiểm điểm, đánh giá, xếp loại chất lượng tập thể và cá nhân năm 2026",
            "theo mẫu 01-HD KĐ.ĐG 2025",
            "Tập thể tự chấm điểm: tiêu chí chung 27/30, kết quả thực hiện nhiệm vụ 63/70, tổng 90/100",
            "Điểm đánh giá: tiêu chí chung 27,5/30, kết quả thực hiện nhiệm vụ 64/70, tổng 91,5/100, mức xếp loại theo điểm: Hoàn thành xuất sắc nhiệm vụ.",
        ],
        "the minutes",
    );

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
    let annex = tables(agency.document()).into_iter().find(|t| t[0].iter().any(|c| c == "Kết quả")).expect("annex");
    let loan = annex.iter().find(|r| r.iter().any(|c| c == "Nguyễn Thị Kim Loan")).unwrap();
    assert!(loan.contains(&"91,5 (HTXSNV)".to_string()), "{loan:?}");
}

#[test]
fn no_2023_is_left_in_a_2026_document() {
    let (_dir, out) = build(&Cycle { year: 2026, rules_issued: "", without_own_form: true });
    let documents: Vec<PathBuf> =
        walk(&out).into_iter().filter(|p| p.extension().is_some_and(|e| e == "docx")).collect();
    assert!(documents.len() > 100, "{}", documents.len());
    let mut stray = Vec::new();
    for path in &documents {
        let text = text_at(path);
        // NĐ 48/2023 is cited by name where the 2026 fallback rests on it.
        if text.replace("48/2023/NĐ-CP", "").contains("2023") {
            stray.push(path.strip_prefix(&out).unwrap().display().to_string());
        }
    }
    assert!(stray.is_empty(), "2023 in: {stray:?}");
    for rel in [
        format!("{CENTRE}/danh-sach-de-xuat-xep-loai.docx"),
        format!("{CENTRE}/bao-cao-kiem-diem-tap-the.docx"),
        "co-quan/thong-bao-ket-qua.docx".to_string(),
    ] {
        assert!(doc(&out, &rel).contains("năm 2026"), "{rel}");
    }
}

#[test]
fn the_2023_documents_keep_hd_25s_forms_and_no_score_column() {
    let (dir, inputs) = common::sample_copy();
    let outputs = dir.path().join("outputs");
    let (code, log) = common::build_at(&inputs, &outputs);
    assert_eq!(code, 0, "{log}");
    let leader = doc(&outputs, &format!("{CENTRE}/tu-kiem-diem/01-nguyen-thi-kim-loan.docx"));
    assert!(leader.contains("Mẫu 02B-HD KĐ.ĐG 2023") && leader.contains("VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG"));
    assert!(!leader.contains("/30") && !leader.contains("NỘI DUNG TỰ ĐÁNH GIÁ"), "{leader}");
    let proposal = open(&std::fs::read(outputs.join(format!("{CENTRE}/danh-sach-de-xuat-xep-loai.docx"))).unwrap());
    let header = &tables(proposal.document()).into_iter().find(|t| t[0].iter().any(|c| c == "Đề xuất")).unwrap()[0];
    assert!(!header.iter().any(|c| c.starts_with("Điểm")), "{header:?}");
    let notice = doc(&outputs, "co-quan/thong-bao-ket-qua.docx");
    assert!(notice.contains("Căn cứ Nghị định số 90/2020/NĐ-CP") && !notice.contains("366-QĐ/TW"), "{notice}");
    let report = doc(&outputs, &format!("{CENTRE}/bao-cao-kiem-diem-tap-the.docx"));
    assert!(report.contains("Mẫu 01-HD KĐ.ĐG 2023") && !report.contains("/30"), "{report}");
}

#[test]
fn every_2025_and_2026_document_conforms_to_the_layout_rules() {
    let mut failures = Vec::new();
    for cycle in [
        Cycle { year: 2025, rules_issued: "", without_own_form: false },
        Cycle { year: 2026, rules_issued: "Trung tâm Lưu trữ lịch sử", without_own_form: false },
    ] {
        let (_dir, out) = build(&cycle);
        for path in walk(&out).into_iter().filter(|p| p.extension().is_some_and(|e| e == "docx")) {
            for problem in common::conformance::problems(&open(&std::fs::read(&path).unwrap())) {
                failures.push(format!("{} {}: {problem}", cycle.year, path.strip_prefix(&out).unwrap().display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
