//! Templates: a `templates/` folder beside the inputs overrides the embedded ones file by
//! file; a broken one is reported with its place, and the Vietnamese filters work.

mod common;

use common::docx::open;
use common::*;

#[test]
fn an_override_replaces_one_template_and_uses_the_filters() {
    let (dir, inputs) = sample_copy();
    write(
        dir.path(),
        "templates/unit_report.tera",
        "@title BÁO CÁO RIÊNG CỦA {{ unit | upper_vi }}\n\
         Tỷ lệ: {{ 1 | percent_vi(of=8) }}; thứ tự: {{ [\"Lê Dương\", \"Nguyễn Thị Anh\", \"Trần Văn Đặng\"] | sort_names | join(sep=\", \") }}; {{ \"2024-01-05\" | date_words }}; {{ \"HTT\" | rating_name }}; {{ 1234.5 | number_vi(places=1) }}.\n",
    );
    let out = tempfile::tempdir().unwrap();
    let (code, log) = build_at(&inputs, out.path());
    assert_eq!(code, 0, "{log}");
    let report = open(&std::fs::read(out.path().join("van-phong-so/bao-cao-kiem-diem-tap-the.docx")).unwrap()).text();
    assert!(report.contains("BÁO CÁO RIÊNG CỦA VĂN PHÒNG SỞ"), "{report}");
    assert!(
        report.contains("Tỷ lệ: 12,5%; thứ tự: Nguyễn Thị Anh, Lê Dương, Trần Văn Đặng; ngày 05 tháng 01 năm 2024; Hoàn thành tốt nhiệm vụ; 1.234,5."),
        "{report}"
    );
    let minutes = open(&std::fs::read(out.path().join("van-phong-so/bien-ban-hop-kiem-diem.docx")).unwrap()).text();
    assert!(minutes.contains("BIÊN BẢN"), "the other templates stay the embedded ones");
}

#[test]
fn a_broken_override_is_reported_with_its_place() {
    let (dir, inputs) = sample_copy();
    write(dir.path(), "templates/unit_minutes.tera", "@title BIÊN BẢN\n\n{{ unit | no_such_filter }}\n");
    let out = tempfile::tempdir().unwrap();
    let (code, log) = build_at(&inputs, out.path());
    assert_eq!(code, 2, "{log}");
    assert!(log.contains("unit_minutes.tera"), "{log}");
    assert!(log.contains(":3:"), "line 3 is named: {log}");
}

#[test]
fn a_markup_mistake_in_an_override_names_the_template_line() {
    let (dir, inputs) = sample_copy();
    write(dir.path(), "templates/unit_proposal.tera", "@title DANH SÁCH\n@table widths=1,1\n| {{ unit }} |\n@end\n");
    let out = tempfile::tempdir().unwrap();
    let (code, log) = build_at(&inputs, out.path());
    assert_eq!(code, 1, "{log}");
    assert!(log.contains("unit_proposal.tera:3"), "{log}");
    assert!(!out.path().join("van-phong-so/danh-sach-de-xuat-xep-loai.docx").exists());
    assert!(out.path().join("van-phong-so/bien-ban-hop-kiem-diem.docx").exists(), "the other documents are built");
}
