//! The self-review forms (HD 25 02A/02B, NĐ 90 Mẫu 02/03, the agency's own), the leaders'
//! forms and the agency's ballot paper, opened as the clerk receives them.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::docx::open;
use common::*;
use xeploai::model::{Dataset, Membership, UnitKind};

struct Built {
    _inputs: tempfile::TempDir,
    outputs: tempfile::TempDir,
    dataset: Dataset,
}

fn build_dir(inputs: &Path) -> Built {
    let outputs = tempfile::tempdir().unwrap();
    let (code, log) = build_at(inputs, outputs.path());
    assert_eq!(code, 0, "{log}");
    let dataset = ingest(inputs).0.unwrap();
    Built { _inputs: tempfile::tempdir().unwrap(), outputs, dataset }
}

/// The sample agency: its own forms (QĐ 1125/QĐ-SNV), a party committee, QĐ 1263-QĐ/TU.
fn sample() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let (dir, inputs) = sample_copy();
        let mut b = build_dir(&inputs);
        b._inputs = dir;
        b
    })
}

/// An agency that names no form of its own (the clean rules fixture).
fn plain() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = rules_case("clean", &[]);
        let mut b = build_dir(dir.path());
        b._inputs = dir;
        b
    })
}

fn text_of(path: &Path) -> String {
    common::docx::text_at(path)
}

/// Every person's form: (person id, its text).
fn forms(b: &Built) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (u, unit) in b.dataset.agency.units.iter().enumerate() {
        let dir = b.outputs.path().join(xeploai::text::slug(&unit.name)).join("tu-kiem-diem");
        for (id, p) in b.dataset.members(u) {
            let suffix = format!("-{}.docx", xeploai::text::slug(&p.name));
            let file = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|f| f.file_name().unwrap().to_string_lossy().ends_with(&suffix))
                .unwrap_or_else(|| panic!("no form for {}", p.name));
            out.push((id, text_of(&file)));
        }
    }
    out
}

fn docx_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(docx_under(&p));
        } else if p.extension().is_some_and(|x| x == "docx") {
            out.push(p);
        }
    }
    out
}

const STATE_FORM_PARTS: [&str; 7] = [
    "I. KẾT QUẢ TỰ ĐÁNH GIÁ",
    "II. TỰ NHẬN XÉT, XẾP LOẠI CHẤT LƯỢNG",
    "1. Tự nhận xét ưu, khuyết điểm",
    "2. Tự xếp loại chất lượng",
    "NGƯỜI TỰ ĐÁNH GIÁ",
    "(Phần dành cho cấp có thẩm quyền đánh giá)",
    "NGƯỜI CÓ THẨM QUYỀN ĐÁNH GIÁ",
];

#[test]
fn party_members_fill_the_hd25_forms_with_the_party_header_and_fields() {
    let b = sample();
    let mut seen = (0, 0);
    for (id, text) in forms(b) {
        let p = &b.dataset.people[id];
        if !p.party_member {
            continue;
        }
        for part in [
            "ĐẢNG BỘ SỞ NỘI VỤ",
            "CHI BỘ ",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "BẢN KIỂM ĐIỂM CÁ NHÂN",
            "Chức vụ Đảng:",
            "Chức vụ chính quyền:",
            "Chức vụ đoàn thể:",
            "Sinh hoạt tại Chi bộ:",
            "VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG",
            "NGƯỜI TỰ KIỂM ĐIỂM",
        ] {
            assert!(text.contains(part), "{}: no “{part}”", p.name);
        }
        assert!(!text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "{}: a party form has no Quốc hiệu", p.name);
        // Section I: one box line per criterion.
        let boxes = text.matches("Tự đánh giá:").count();
        if text.contains("Mẫu 02B-HD KĐ.ĐG 2023") {
            seen.1 += 1;
            assert_eq!(boxes, 5, "{}: 02B has five criteria", p.name);
        } else {
            assert!(text.contains("Mẫu 02A-HD KĐ.ĐG 2023"), "{}", p.name);
            seen.0 += 1;
            assert_eq!(boxes, 3, "{}: 02A has three criteria", p.name);
        }
    }
    assert!(seen.0 > 0 && seen.1 > 0, "the sample has both 02A and 02B: {seen:?}");
}

#[test]
fn the_sample_agency_uses_its_own_forms_of_decision_1125_for_other_staff() {
    let b = sample();
    let mut seen = 0;
    for (id, text) in forms(b) {
        let p = &b.dataset.people[id];
        if p.party_member {
            continue;
        }
        seen += 1;
        let Membership::Unit(u) = p.membership else { unreachable!() };
        let form = match b.dataset.agency.units[u].kind {
            UnitKind::Administrative => "Mẫu số 01",
            UnitKind::PublicService => "Mẫu số 02",
        };
        let cited = format!("{form} (ban hành kèm theo Quyết định số 1125/QĐ-SNV");
        assert!(text.contains(&cited), "{}: {cited}", p.name);
        assert!(!text.contains("Nghị định số 90/2020/NĐ-CP)"), "{}: not NĐ 90's form", p.name);
        for part in STATE_FORM_PARTS {
            assert!(text.contains(part), "{}: no “{part}”", p.name);
        }
        assert!(text.contains("NGƯỜI QUẢN LÝ TRỰC TIẾP"), "{}", p.name);
        assert_eq!(text.matches("ngày …… tháng …… năm").count() + text.matches("Ngày …… tháng …… năm").count(), 3);
    }
    assert!(seen > 0);
}

#[test]
fn an_agency_naming_no_forms_uses_nd90_forms_and_cites_no_other_agencys_decision() {
    let b = plain();
    assert!(b.dataset.agency.forms.decision.is_none(), "the fixture names no forms");
    let today = chrono::NaiveDate::from_ymd_opt(2023, 12, 1).unwrap();
    let facts = xeploai::rules::evaluate(&b.dataset, today).facts;
    for (id, text) in forms(b) {
        let p = &b.dataset.people[id];
        let category = facts.people[id].category;
        let (title, form) = match category {
            xeploai::model::Category::PublicEmployee => ("VIÊN CHỨC", "Mẫu số 03"),
            xeploai::model::Category::CivilServant => ("CÔNG CHỨC", "Mẫu số 02"),
            xeploai::model::Category::Worker => ("NGƯỜI LAO ĐỘNG", ""),
        };
        assert!(text.contains(&format!("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG {title}")), "{}", p.name);
        assert!(text.contains(&format!("{form} (ban hành kèm theo Nghị định số 90/2020/NĐ-CP)")), "{}", p.name);
        for part in STATE_FORM_PARTS {
            assert!(text.contains(part), "{}: no “{part}”", p.name);
        }
    }
    for doc in docx_under(b.outputs.path()) {
        let text = text_of(&doc);
        for foreign in ["1125", "QĐ-SNV", "1263-QĐ/TU"] {
            assert!(!text.contains(foreign), "{}: cites “{foreign}”", doc.display());
        }
    }
}

#[test]
fn party_fields_come_from_the_roster_when_it_has_them() {
    let dir = rules_case("clean", &[]);
    let mut rows = vec![vec![
        T("Họ và tên"),
        T("Chức vụ"),
        T("Đơn vị"),
        T("Đối tượng"),
        T("Đảng viên"),
        T("Chức vụ Đảng"),
        T("Chức vụ đoàn thể"),
        T("Chi bộ"),
    ]];
    for (name, post, unit, category) in CLEAN_PEOPLE {
        let mut row = vec![T(name), T(post), T(unit), T(category), Empty, Empty, Empty, Empty];
        if name == "Lê Văn Cường" {
            row[4] = T("x");
            row[5] = T("Chi ủy viên");
            row[6] = T("Bí thư Chi đoàn");
            row[7] = T("Chi bộ Văn phòng");
        }
        rows.push(row);
    }
    write_xlsx(&dir.path().join("danh-sach.xlsx"), &[sheet("DS", rows)]);
    let b = build_dir(dir.path());
    let (_, text) = forms(&b).into_iter().find(|(id, _)| &*b.dataset.people[*id].name == "Lê Văn Cường").unwrap();
    assert!(text.contains("Chức vụ Đảng: Chi ủy viên"), "{text}");
    assert!(text.contains("Chức vụ đoàn thể: Bí thư Chi đoàn"), "{text}");
    assert!(text.contains("Sinh hoạt tại Chi bộ: Văn phòng"), "{text}");
    assert!(text.contains("CHI BỘ VĂN PHÒNG"), "the party header names the chi bộ once: {text}");
    assert!(!text.contains("CHI BỘ CHI BỘ"));
    // No committee configured: a blank to fill, never another agency's name.
    assert!(text.contains("ĐẢNG BỘ ……"), "{text}");
}

fn leader_forms(b: &Built) -> Vec<(PathBuf, String)> {
    let dir = b.outputs.path().join("co-quan").join("lanh-dao");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.into_iter().map(|f| (f.clone(), text_of(&f))).collect()
}

#[test]
fn every_leader_has_a_self_review_form_the_director_first_with_the_criteria_framework() {
    let b = sample();
    let leaders: Vec<&xeploai::model::Person> =
        b.dataset.people.iter().filter(|p| p.membership == Membership::Leadership).collect();
    let forms = leader_forms(b);
    assert_eq!(forms.len(), leaders.len());
    let director = &b.dataset.agency.director.name;
    assert!(forms[0].0.file_name().unwrap().to_string_lossy().starts_with("01-"));
    assert!(forms[0].1.contains(director.as_str()), "the Director first");
    for (path, text) in &forms {
        let person = leaders.iter().find(|p| text.contains(&*p.name)).expect("a leader's form");
        assert!(
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .ends_with(&format!("-{}.docx", xeploai::text::slug(&person.name)))
        );
        assert!(text.contains("Sở Nội vụ") && !text.contains("Lãnh đạo Sở"), "{}: works for the agency", person.name);
        let framework = "Bộ khung tiêu chí đánh giá cán bộ lãnh đạo, quản lý ban hành kèm theo Quy định số 1263-QĐ/TU";
        assert_eq!(text.contains(framework), *person.name == **director, "{}: only the Director's form", person.name);
        if person.party_member {
            assert!(text.contains("Mẫu 02B-HD KĐ.ĐG 2023"), "{}: a party leader fills 02B", person.name);
        } else {
            assert!(text.contains("PHẦN DÀNH RIÊNG CHO"), "{}: the leaders' part of the state form", person.name);
        }
    }
}

#[test]
fn the_agency_ballot_lists_the_criteria_and_the_four_levels_without_names() {
    let b = sample();
    let path = b.outputs.path().join("co-quan").join("phieu-danh-gia-co-quan.docx");
    let doc = open(&std::fs::read(&path).unwrap());
    let text = doc.text();
    assert!(text.contains("PHIẾU") && text.contains("Đánh giá, xếp loại chất lượng Sở Nội vụ năm 2023"));
    assert!(text.contains("Khung tiêu chí đánh giá tập thể kèm theo Quy định số 1263-QĐ/TU"));
    for level in ["HTXS", "HTT", "HT", "KHT", "Xếp loại chung của cơ quan"] {
        assert!(text.contains(level), "{level}");
    }
    let rows = |xml: &str| xml.split("<w:tbl>").find(|t| t.contains("Tiêu chí")).unwrap().matches("<w:tr>").count();
    assert_eq!(rows(doc.document()), 1 + 6 + 1, "header, 6 default criteria, the overall row");
    for p in &b.dataset.people {
        assert!(!text.contains(&*p.name), "no names on a ballot: {}", p.name);
    }
    if let Some((_, pages)) = libreoffice_pages(&path) {
        assert_eq!(pages.len(), 1, "the ballot is one page");
    }

    // Criteria configured in agency.yaml replace the default list.
    let (_dir, inputs) = sample_copy();
    let yaml = std::fs::read_to_string(inputs.join("agency.yaml")).unwrap();
    let yaml = yaml.replacen(
        "  party_committee:",
        "  collective_criteria:\n    - Tiêu chí thứ nhất của cơ quan\n    - Tiêu chí thứ hai của cơ quan\n  party_committee:",
        1,
    );
    std::fs::write(inputs.join("agency.yaml"), yaml).unwrap();
    let outputs = tempfile::tempdir().unwrap();
    assert_eq!(build_at(&inputs, outputs.path()).0, 0);
    let doc = open(&std::fs::read(outputs.path().join("co-quan").join("phieu-danh-gia-co-quan.docx")).unwrap());
    assert!(doc.text().contains("Tiêu chí thứ hai của cơ quan"));
    assert_eq!(rows(doc.document()), 1 + 2 + 1);
}

#[test]
fn the_calendar_dates_the_leaders_forms_and_the_ballot() {
    let b = sample();
    let conference = b.dataset.agency.calendar.iter().find(|d| d.id == "leadership-conference").unwrap();
    assert!(conference.needs.contains(&xeploai::model::DocKind::LeaderReviews));
    assert!(conference.needs.contains(&xeploai::model::DocKind::AgencyBallot));
    let init = include_str!("../templates/init/agency.yaml.tera");
    assert!(init.contains("forms:"), "init's sample documents the forms settings");
}

#[test]
fn so_tu_phap_names_no_forms_of_its_own_and_never_cites_so_noi_vus_decision() {
    let dir = fixture("so-tu-phap");
    let b = build_dir(dir.path());
    assert!(b.dataset.agency.forms.decision.is_none());
    let docs = docx_under(b.outputs.path());
    assert!(docs.len() > 88, "every document of the agency: {}", docs.len());
    let mut state_forms = 0;
    for doc in &docs {
        let text = text_of(doc);
        for foreign in ["1125", "QĐ-SNV", "-SNV"] {
            assert!(!text.contains(foreign), "{}: cites “{foreign}”", doc.display());
        }
        if text.contains("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG") && doc.to_string_lossy().contains("tu-kiem-diem")
        {
            state_forms += 1;
            assert!(text.contains("(ban hành kèm theo Nghị định số 90/2020/NĐ-CP)"), "{}", doc.display());
        }
    }
    assert!(state_forms > 0, "staff who are not party members fill NĐ 90's forms");
    let leaders = b.dataset.people.iter().filter(|p| p.membership == Membership::Leadership).count();
    assert_eq!(leader_forms(&b).len(), leaders);
    assert!(leaders > 0);
    let party_form = forms(&b).into_iter().find(|(id, _)| b.dataset.people[*id].party_member).expect("a party member");
    assert!(party_form.1.contains("ĐẢNG BỘ KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH"), "{}", party_form.1);
}

#[test]
fn party_fields_come_from_the_meeting_file_when_the_roster_has_none() {
    let dir = rules_case("clean", &[("Phạm Thị Dung", "Đảng viên", "x")]);
    let file = dir.path().join("don-vi/vp.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let yaml = yaml.replacen(
        "  - name: Phạm Thị Dung\n",
        "  - name: Phạm Thị Dung\n    party_post: Phó Bí thư Chi bộ\n    mass_post: Chủ tịch Công đoàn\n    party_cell: Chi bộ Văn phòng Sở\n",
        1,
    );
    std::fs::write(&file, yaml).unwrap();
    let b = build_dir(dir.path());
    let (_, text) = forms(&b).into_iter().find(|(id, _)| &*b.dataset.people[*id].name == "Phạm Thị Dung").unwrap();
    assert!(text.contains("Chức vụ Đảng: Phó Bí thư Chi bộ"), "{text}");
    assert!(text.contains("Chức vụ đoàn thể: Chủ tịch Công đoàn"), "{text}");
    assert!(text.contains("CHI BỘ VĂN PHÒNG SỞ"), "{text}");
}
