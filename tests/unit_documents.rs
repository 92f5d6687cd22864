//! The unit dossier (issue: minutes, collective report, proposal list, self-reviews),
//! built from the sample agency and opened document by document.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::docx::open;
use common::*;
use xeploai::model::{Category, Membership};

struct Built {
    _inputs: tempfile::TempDir,
    outputs: tempfile::TempDir,
    dataset: xeploai::model::Dataset,
}

fn build(inputs: &Path, outputs: &Path) -> (i32, String) {
    build_at(inputs, outputs)
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let (inputs, path) = sample_copy();
        let outputs = tempfile::tempdir().unwrap();
        let (code, log) = build(&path, outputs.path());
        assert_eq!(code, 0, "{log}");
        let (dataset, _) = ingest(&path);
        Built { _inputs: inputs, outputs, dataset: dataset.unwrap() }
    })
}

fn unit_dir(b: &Built, unit: usize) -> PathBuf {
    b.outputs.path().join(xeploai::text::slug(&b.dataset.agency.units[unit].name))
}

fn read_doc(path: &Path) -> common::docx::Opened {
    open(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

#[test]
fn minutes_have_every_person_in_meeting_order_with_votes_and_proposal() {
    let b = built();
    for (u, unit) in b.dataset.agency.units.iter().enumerate() {
        let review = b.dataset.review_of(u).expect("every sample unit met");
        let text = read_doc(&unit_dir(b, u).join("bien-ban-hop-kiem-diem.docx")).text();
        assert!(text.contains("BIÊN BẢN"), "{}", unit.name);
        let mut last = 0;
        for (i, r) in review.reviews.iter().enumerate() {
            let heading = format!("2.{}. Đồng chí {}", i + 1, r.person.name);
            let at = text[last..].find(&heading).map(|i| i + last);
            let at = at.unwrap_or_else(|| panic!("{}: {} not after position {last}", unit.name, r.person.name));
            last = at + heading.len();
            let section_end = text[last..].find("\n2.").map_or(text.len(), |i| i + last);
            let section = &text[last..section_end];
            let proposed = r.proposed.expect("sample proposals").full_name();
            assert!(
                section.contains(&format!("Tập thể đề xuất mức xếp loại: {proposed}")),
                "{}: {section}",
                r.person.name
            );
            if let Some(v) = &r.votes {
                let best = xeploai::model::Rating::LEVELS.iter().find(|l| v.get(**l) > 0).unwrap();
                assert!(
                    section.contains(&format!("{} {}/", best.full_name(), v.get(*best))),
                    "{}: votes in {section}",
                    r.person.name
                );
            }
        }
        assert!(text.contains("Biên bản đã được thông qua tại cuộc họp"));
        assert!(text.contains("THƯ KÝ") && text.contains("CHỦ TRÌ"));
    }
}

#[test]
fn proposal_lists_have_one_row_per_person_and_the_quota_line() {
    let b = built();
    for (u, unit) in b.dataset.agency.units.iter().enumerate() {
        let doc = read_doc(&unit_dir(b, u).join("danh-sach-de-xuat-xep-loai.docx"));
        let xml = doc.document();
        let table = xml.split("<w:tbl>").find(|t| t.contains("Số phiếu biểu quyết")).expect("the proposal table");
        let rows = table.matches("<w:tr>").count();
        let members = b.dataset.headcount(u);
        assert_eq!(rows, members + 2, "{}: 2 header rows + one per person", unit.name);
        assert_eq!(xml.matches("<w:tblHeader />").count(), 2, "both header rows repeat");
        let text = doc.text();
        assert!(text.contains("Số đề xuất HTXSNV: "), "{}", unit.name);
        assert!(text.contains("(tối đa 20% là "), "{}", unit.name);
        for (_, p) in b.dataset.members(u) {
            assert!(text.contains(&p.name), "{}: {}", unit.name, p.name);
        }
        assert!(xml.contains(r#"w:orient="landscape""#), "the wide table is on landscape pages");
    }
}

#[test]
fn one_self_review_per_person_in_the_right_form() {
    let b = built();
    for (u, unit) in b.dataset.agency.units.iter().enumerate() {
        let dir = unit_dir(b, u).join("tu-kiem-diem");
        let files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(files.len(), b.dataset.headcount(u), "{}", unit.name);
        for (_, p) in b.dataset.members(u) {
            let file = files
                .iter()
                .find(|f| {
                    f.file_name()
                        .unwrap()
                        .to_string_lossy()
                        .ends_with(&format!("-{}.docx", xeploai::text::slug(&p.name)))
                })
                .unwrap_or_else(|| panic!("no form for {}", p.name));
            let text = read_doc(file).text();
            let category = p.category.unwrap_or(match unit.kind {
                xeploai::model::UnitKind::PublicService => Category::PublicEmployee,
                _ => Category::CivilServant,
            });
            let has_post = p.post.as_deref().is_some_and(|post| {
                post.starts_with("Trưởng")
                    || post.starts_with("Phó")
                    || post.starts_with("Chánh")
                    || post.starts_with("Giám đốc")
            });
            let (title, form) = match (p.party_member, has_post, category) {
                (true, false, _) => ("BẢN KIỂM ĐIỂM CÁ NHÂN", "Mẫu 02A-HD KĐ.ĐG 2023"),
                (true, true, _) => ("BẢN KIỂM ĐIỂM CÁ NHÂN", "Mẫu 02B-HD KĐ.ĐG 2023"),
                (false, _, Category::CivilServant) => ("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC", "Mẫu số 02"),
                (false, _, Category::PublicEmployee) => ("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC", "Mẫu số 03"),
                (false, _, Category::Worker) => {
                    ("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NGƯỜI LAO ĐỘNG", "Quyết định 1125")
                }
            };
            assert!(text.contains(title) && text.contains(form), "{}: expected {title} / {form}", p.name);
            assert!(text.contains(&p.name));
            let rated = xeploai::rules::derive::review_of_person(
                &b.dataset,
                b.dataset.people.iter().position(|q| q.name == p.name && q.membership == p.membership).unwrap(),
            )
            .and_then(|r| r.self_rating)
            .is_some_and(|r| r.level_index().is_some());
            assert_eq!(text.matches('☒').count(), usize::from(rated), "{}: the self-rating is marked once", p.name);
        }
    }
    let leaders = b.dataset.people.iter().filter(|p| p.membership == Membership::Leadership).count();
    let unit_docs =
        walk_docx(b.outputs.path()).into_iter().filter(|p| !p.starts_with(b.outputs.path().join("co-quan"))).count();
    assert_eq!(
        unit_docs,
        b.dataset.agency.units.len() * 3 + b.dataset.people.len() - leaders,
        "3 unit documents per unit and one form per unit member"
    );
}

#[test]
fn unit_reports_follow_form_01() {
    let b = built();
    let text = read_doc(&unit_dir(b, 0).join("bao-cao-kiem-diem-tap-the.docx")).text();
    for heading in [
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ VÀ ƯU ĐIỂM",
        "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
        "VI. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG",
        "Nơi nhận:",
        "TM. TẬP THỂ",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
}

fn walk_docx(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('.') {
            out.extend(walk_docx(&p));
        } else if p.extension().is_some_and(|x| x == "docx") {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_unit_with_an_error_keeps_its_documents_and_the_others_are_built() {
    let (_dir, inputs) = sample_copy();
    let outputs = tempfile::tempdir().unwrap();
    assert_eq!(build(&inputs, outputs.path()).0, 0);
    let (dataset, _) = ingest(&inputs);
    let d = dataset.unwrap();
    // The disciplined person is proposed HTTNV instead of KHTNV: an error in that unit.
    let disciplined = d.people.iter().find(|p| p.discipline.is_some()).unwrap();
    let Membership::Unit(bad) = disciplined.membership else { panic!() };
    let bad_file = inputs.join(&d.review_of(bad).unwrap().source.file);
    let yaml = std::fs::read_to_string(&bad_file).unwrap();
    let entry = yaml.find(&format!("- name: {}", disciplined.name)).unwrap();
    let at = entry + yaml[entry..].find("proposed: KHTNV").unwrap();
    std::fs::write(&bad_file, format!("{}proposed: HTTNV{}", &yaml[..at], &yaml[at + "proposed: KHTNV".len()..]))
        .unwrap();
    // Another unit changes its meeting place: its documents must be rebuilt.
    let good = (0..d.agency.units.len()).find(|u| *u != bad).unwrap();
    let good_file = inputs.join(&d.review_of(good).unwrap().source.file);
    let yaml = std::fs::read_to_string(&good_file).unwrap();
    let place_line = yaml.lines().find(|l| l.trim_start().starts_with("place:")).unwrap().to_string();
    std::fs::write(&good_file, yaml.replacen(&place_line, "  place: Hội trường lớn", 1)).unwrap();

    let minutes = |u: usize| {
        outputs.path().join(xeploai::text::slug(&d.agency.units[u].name)).join("bien-ban-hop-kiem-diem.docx")
    };
    let before_bad = std::fs::read(minutes(bad)).unwrap();
    let (code, log) = build(&inputs, outputs.path());
    assert_eq!(code, 1, "{log}");
    assert!(log.contains("DISCIPLINE"), "{log}");
    assert_eq!(std::fs::read(minutes(bad)).unwrap(), before_bad, "the unit in error keeps its documents");
    assert!(
        open(&std::fs::read(minutes(good)).unwrap()).text().contains("Hội trường lớn"),
        "the other unit is rebuilt"
    );
}
