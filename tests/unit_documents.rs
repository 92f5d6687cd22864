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
            let proposed = r.proposed.expect("sample proposals");
            let sentence = match proposed.level_index() {
                Some(_) => format!("Tập thể đề xuất mức xếp loại: {}", proposed.full_name()),
                None => "Tập thể đề xuất: không xếp loại".to_string(),
            };
            assert!(section.contains(&sentence), "{}: {section}", r.person.name);
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
            assert!(text.contains(&*p.name), "{}: {}", unit.name, p.name);
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
            // The sample names its own forms (QĐ 1125/QĐ-SNV): Mẫu số 01 in administrative
            // units, Mẫu số 02 in public service units.
            let own = match unit.kind {
                xeploai::model::UnitKind::PublicService => "Mẫu số 02 (ban hành kèm theo Quyết định số 1125/QĐ-SNV",
                _ => "Mẫu số 01 (ban hành kèm theo Quyết định số 1125/QĐ-SNV",
            };
            let (title, form) = match (p.party_member, has_post, category) {
                (true, false, _) => ("BẢN KIỂM ĐIỂM CÁ NHÂN", "Mẫu 02A-HD KĐ.ĐG 2023"),
                (true, true, _) => ("BẢN KIỂM ĐIỂM CÁ NHÂN", "Mẫu 02B-HD KĐ.ĐG 2023"),
                (false, _, Category::CivilServant) => ("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC", own),
                (false, _, Category::PublicEmployee) => ("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC", own),
                (false, _, Category::Worker) => ("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NGƯỜI LAO ĐỘNG", own),
            };
            assert!(text.contains(title) && text.contains(form), "{}: expected {title} / {form}", p.name);
            assert!(text.contains(&*p.name));
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
    let bad_file = inputs.join(d.review_of(bad).unwrap().source.path());
    let yaml = std::fs::read_to_string(&bad_file).unwrap();
    let entry = yaml.find(&format!("- name: {}", disciplined.name)).unwrap();
    let at = entry + yaml[entry..].find("proposed: KHTNV").unwrap();
    std::fs::write(&bad_file, format!("{}proposed: HTTNV{}", &yaml[..at], &yaml[at + "proposed: KHTNV".len()..]))
        .unwrap();
    // Another unit changes its meeting place: its documents must be rebuilt.
    let good = (0..d.agency.units.len()).find(|u| *u != bad).unwrap();
    let good_file = inputs.join(d.review_of(good).unwrap().source.path());
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

/// The text of one person's section of a unit's minutes: from "2.N. Đồng chí NAME" to the
/// next heading.
fn minutes_section<'a>(text: &'a str, name: &str) -> &'a str {
    let start = text.find(&format!(". Đồng chí {name}")).unwrap_or_else(|| panic!("no section for {name}"));
    let end = text[start + 1..].find("\n2.").map_or(text.len(), |i| i + start + 1);
    &text[start..end]
}

#[test]
fn an_absent_persons_written_self_review_is_read_out_by_the_secretary() {
    let b = built();
    let mut absent_seen = 0;
    for (u, unit) in b.dataset.agency.units.iter().enumerate() {
        let review = b.dataset.review_of(u).unwrap();
        let Some(meeting) = &review.meeting else { continue };
        let text = read_doc(&unit_dir(b, u).join("bien-ban-hop-kiem-diem.docx")).text();
        for a in &meeting.absent {
            absent_seen += 1;
            let section = minutes_section(&text, &a.person.name);
            // NĐ 90 Art 20 cl.3: sent in writing; the secretary reads it out.
            assert!(!section.contains("trình bày bản tự kiểm điểm"), "{}: {section}", unit.name);
            assert!(section.contains("đã gửi bản tự kiểm điểm bằng văn bản"), "{}: {section}", unit.name);
            assert!(section.contains("đọc bản tự kiểm điểm tại cuộc họp"), "{}: {section}", unit.name);
        }
        for r in review.reviews.iter().filter(|r| !meeting.absent.iter().any(|a| a.person.name == r.person.name)) {
            let section = minutes_section(&text, &r.person.name);
            assert!(section.contains("trình bày bản tự kiểm điểm"), "{}: {section}", r.person.name);
        }
    }
    assert!(absent_seen > 0, "the sample has an absent person");
}

#[test]
fn a_person_not_rated_has_no_self_rating_sentence() {
    let b = built();
    let mut not_rated = 0;
    for (u, _) in b.dataset.agency.units.iter().enumerate() {
        let text = read_doc(&unit_dir(b, u).join("bien-ban-hop-kiem-diem.docx")).text();
        assert!(!text.contains("Không xếp loại”"), "no “tự nhận mức xếp loại Không xếp loại”");
        assert!(!text.contains("mức xếp loại: Không xếp loại"), "no “đề xuất mức xếp loại: Không xếp loại”");
        for r in &b.dataset.review_of(u).unwrap().reviews {
            if r.self_rating == Some(xeploai::model::Rating::NotRated) {
                not_rated += 1;
                let section = minutes_section(&text, &r.person.name);
                assert!(section.contains("không xếp loại chất lượng"), "{section}");
            }
        }
    }
    assert!(not_rated > 0, "the sample has a person not rated");
}

#[test]
fn unit_minutes_take_their_recipients_from_agency_yaml() {
    let b = built();
    let listed = &b.dataset.agency.recipients[&xeploai::model::DocKind::UnitMinutes];
    assert!(!listed.is_empty());
    for (u, unit) in b.dataset.agency.units.iter().enumerate() {
        let text = read_doc(&unit_dir(b, u).join("bien-ban-hop-kiem-diem.docx")).text();
        let at = text.find("Nơi nhận:").unwrap_or_else(|| panic!("{}: no Nơi nhận", unit.name));
        let after = &text[at..];
        for r in listed {
            let r = r.trim_end_matches([';', '.']);
            assert!(after.contains(&format!("- {r}")), "{}: {r} in {after}", unit.name);
        }
    }
}

#[test]
fn the_deputy_chairing_the_heads_review_is_followed_by_a_comma() {
    let b = built();
    let mut seen = 0;
    for (u, _) in b.dataset.agency.units.iter().enumerate() {
        let text = read_doc(&unit_dir(b, u).join("bien-ban-hop-kiem-diem.docx")).text();
        for r in &b.dataset.review_of(u).unwrap().reviews {
            let Some(chair) = r.chaired_by.as_ref().and_then(|c| c.person()) else { continue };
            let Some(post) = b.dataset.people[chair].post.as_deref() else { continue };
            seen += 1;
            let name = &b.dataset.people[chair].name;
            assert!(text.contains(&format!("{name}, {post}, chủ trì.")), "{name}, {post}");
        }
    }
    assert!(seen > 0);
}

/// The proposal list's remark of one person: the last cell of their row.
fn proposal_note(dir: &Path, unit: &str, name: &str) -> String {
    let doc = read_doc(&dir.join(xeploai::text::slug(unit)).join("danh-sach-de-xuat-xep-loai.docx"));
    let xml = doc.document();
    let row = xml.split("<w:tr>").find(|r| r.contains(name)).unwrap_or_else(|| panic!("no row for {name}"));
    let cell = row.split("<w:tc>").last().unwrap();
    // The text runs: `<w:t>` or `<w:t xml:space="preserve">`, not `<w:tcPr>`.
    cell.split("<w:t")
        .skip(1)
        .filter(|t| t.starts_with('>') || t.starts_with(' '))
        .filter_map(|t| t.split_once('>').map(|(_, rest)| rest.split("</w:t>").next().unwrap()))
        .collect()
}

#[test]
fn leave_is_noted_once_and_as_the_roster_counted_it() {
    // The sample: a long sick leave the roster also describes in its remark.
    let b = built();
    let (id, p) = b
        .dataset
        .people
        .iter()
        .enumerate()
        .find(|(_, p)| p.work_time().leave_days.is_some() && p.note.is_some())
        .expect("the sample's sick leave");
    let unit = b.dataset.membership_name(p.membership).to_string();
    let note = proposal_note(b.outputs.path(), &unit, &p.name);
    assert_eq!(note.matches("Nghỉ").count(), 1, "{id}: {note}");
    // A mother on maternity leave whose remark says so.
    let mother = b.dataset.people.iter().find(|p| p.maternity && p.note.is_some()).expect("maternity in the sample");
    let note = proposal_note(b.outputs.path(), b.dataset.membership_name(mother.membership), &mother.name);
    assert_eq!(note.matches("Nghỉ thai sản").count(), 1, "{note}");

    // A roster that counts leave in months, another person's in days.
    let dir = rules_case("clean", &[]);
    let roster = dir.path().join("danh-sach.xlsx");
    let mut rows = vec![vec![T("Họ và tên"), T("Chức vụ"), T("Đơn vị"), T("Đối tượng"), T("Thời gian nghỉ (tháng)")]];
    for (name, post, unit, category) in CLEAN_PEOPLE {
        let months = if name == "Võ Văn Giang" { N(2.0) } else { Empty };
        rows.push(vec![T(name), T(post), T(unit), T(category), months]);
    }
    write_xlsx(&roster, &[sheet("DS", rows)]);
    let outputs = tempfile::tempdir().unwrap();
    let (code, log) = build(dir.path(), outputs.path());
    assert_eq!(code, 0, "{log}");
    let note = proposal_note(outputs.path(), "Văn phòng Sở", "Võ Văn Giang");
    assert_eq!(note, "Nghỉ 2 tháng", "months stay months");

    let days = rules_case("clean", &[("Võ Văn Giang", "Nghỉ ốm (ngày)", "20")]);
    let outputs = tempfile::tempdir().unwrap();
    assert_eq!(build(days.path(), outputs.path()).0, 0);
    assert_eq!(proposal_note(outputs.path(), "Văn phòng Sở", "Võ Văn Giang"), "Nghỉ 20 ngày", "days stay days");
}
