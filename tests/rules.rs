//! Every rule through `xeploai check --format json`: a clean agency gives no finding, and
//! each case seeds exactly one violation and gets exactly that finding.

mod common;

use common::*;

#[test]
fn the_clean_agency_has_no_finding() {
    let dir = rules_case("clean", &[]);
    let (code, json) = check_json_on(dir.path(), "2023-12-01");
    assert_eq!(json["findings"].as_array().unwrap().len(), 0, "{json:#}");
    assert_eq!(json["summary"]["people"], 17);
    assert_eq!(code, 0);
}

/// (case folder or "clean", roster tweaks, --today, expected findings as (rule, severity, unit, person))
type Case = (
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
    &'static str,
    &'static [(&'static str, &'static str, Option<&'static str>, Option<&'static str>)],
);

const VP: Option<&str> = Some("Văn phòng Sở");
const TT: Option<&str> = Some("Trung tâm Lưu trữ lịch sử");
const AFTER: &str = "2023-12-01";

const CASES: &[Case] = &[
    ("quota-unit", &[], AFTER, &[("QUOTA_UNIT", "error", VP, None)]),
    ("quota-group", &[], AFTER, &[("QUOTA_GROUP", "error", None, None)]),
    ("quota-exception", &[], AFTER, &[("QUOTA_EXCEPTION", "info", None, None)]),
    (
        "clean",
        &[("Võ Văn Giang", "Kỷ luật", "Khiển trách"), ("Võ Văn Giang", "Loại kỷ luật", "Đảng")],
        AFTER,
        &[("DISCIPLINE", "error", VP, Some("Võ Văn Giang"))],
    ),
    ("clean", &[("Võ Văn Giang", "Kỷ luật", "Khiển trách"), ("Võ Văn Giang", "Không tính kỷ luật", "x")], AFTER, &[]),
    ("clean", &[("Võ Văn Giang", "Kỷ luật", "Khiển trách"), ("Võ Văn Giang", "Loại kỷ luật", "Đoàn thể")], AFTER, &[]),
    (
        "clean",
        &[("Võ Văn Giang", "Số tháng công tác", "5")],
        AFTER,
        &[("UNDER_SIX_MONTHS", "error", VP, Some("Võ Văn Giang"))],
    ),
    ("clean", &[("Võ Văn Giang", "Số tháng công tác", "6")], AFTER, &[]),
    (
        "clean",
        &[("Phạm Thị Dung", "Số tháng công tác", "4"), ("Phạm Thị Dung", "Nghỉ thai sản", "x")],
        AFTER,
        &[("MATERNITY", "info", VP, Some("Phạm Thị Dung"))],
    ),
    ("clean", &[("Võ Văn Giang", "Nghỉ ốm (ngày)", "90")], AFTER, &[("LEAVE_CAP", "error", VP, Some("Võ Văn Giang"))]),
    ("clean", &[("Võ Văn Giang", "Nghỉ ốm (ngày)", "89")], AFTER, &[]),
    ("head-above-unit", &[], AFTER, &[("HEAD_ABOVE_UNIT", "error", VP, Some("Nguyễn Văn An"))]),
    (
        "collective-discipline",
        &[("Trần Thị Bình", "Kỷ luật", "Cảnh cáo"), ("Trần Thị Bình", "Loại kỷ luật", "Hành chính")],
        AFTER,
        &[("COLLECTIVE_DISCIPLINE", "error", VP, None)],
    ),
    ("member-not-reviewed", &[], AFTER, &[("MEMBER_NOT_REVIEWED", "error", VP, Some("Đặng Văn Hải"))]),
    ("review-order", &[], AFTER, &[("REVIEW_ORDER", "warning", VP, None)]),
    ("head-chair", &[], AFTER, &[("HEAD_CHAIR", "error", VP, Some("Nguyễn Văn An"))]),
    ("quorum", &[], AFTER, &[("QUORUM", "warning", TT, None)]),
    ("votes-exceed", &[], AFTER, &[("VOTES_EXCEED", "error", VP, Some("Lê Văn Cường"))]),
    ("vote-basis", &[], AFTER, &[("VOTE_BASIS", "warning", VP, Some("Phạm Thị Dung"))]),
    ("absent-reason", &[], AFTER, &[("ABSENT_REASON", "warning", TT, Some("Hồ Văn Sơn"))]),
    ("late-meeting", &[], AFTER, &[("LATE_MEETING", "warning", VP, None)]),
    ("late-meeting-after-15-december", &[], "2023-12-20", &[("LATE_MEETING", "error", VP, None)]),
    ("dossier-incomplete", &[], AFTER, &[("DOSSIER_INCOMPLETE", "error", TT, None)]),
    ("dossier-incomplete", &[], "2023-11-20", &[]),
    ("ballot-inconsistent", &[], AFTER, &[("BALLOT_INCONSISTENT", "error", None, None)]),
    ("no-final-rating", &[], "2023-11-21", &[("NO_FINAL_RATING", "error", VP, Some("Đặng Văn Hải"))]),
    // Only the unit's proposal broke the rule and the consultation concluded lawfully:
    // a warning on the person (rules.md, Precise readings).
    (
        "corrected-discipline",
        &[("Võ Văn Giang", "Kỷ luật", "Khiển trách"), ("Võ Văn Giang", "Loại kỷ luật", "Đảng")],
        AFTER,
        &[("DISCIPLINE", "warning", VP, Some("Võ Văn Giang"))],
    ),
    (
        "corrected-under-six",
        &[("Võ Văn Giang", "Số tháng công tác", "5")],
        AFTER,
        &[("UNDER_SIX_MONTHS", "warning", VP, Some("Võ Văn Giang"))],
    ),
    (
        "corrected-leave-cap",
        &[("Võ Văn Giang", "Nghỉ ốm (ngày)", "120")],
        AFTER,
        &[("LEAVE_CAP", "warning", VP, Some("Võ Văn Giang"))],
    ),
];

#[test]
fn each_seeded_violation_gives_exactly_its_finding() {
    let mut failures = Vec::new();
    for (case, tweaks, today, expected) in CASES {
        let dir = rules_case(case, tweaks);
        let (code, json) = check_json_on(dir.path(), today);
        let got = finding_keys(&json);
        let want = expected_keys(expected);
        let want_code = if want.iter().any(|w| w.1 == "error") { 1 } else { 0 };
        if got != want || code != want_code {
            failures.push(format!(
                "{case} {tweaks:?} @ {today}: want {want:?} (exit {want_code}), got {got:?} (exit {code})"
            ));
        }
        for f in json["findings"].as_array().unwrap() {
            assert!(f["legal"].as_str().is_some_and(|l| !l.is_empty()), "{case}: finding without legal source: {f:#}");
            assert!(!f["message"].as_str().unwrap().is_empty());
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn messages_carry_the_numbers_and_places() {
    let dir = rules_case("quota-unit", &[]);
    let (_, json) = check_json_on(dir.path(), AFTER);
    let f = &with_rule(&json, "QUOTA_UNIT")[0];
    assert_eq!(
        f["message"].as_str().unwrap().split(". ").next().unwrap(),
        "Văn phòng Sở đề xuất HTXSNV 2/6 = 33,3% (tối đa 20% là 1 người)"
    );
    assert_eq!(f["source"]["file"], "don-vi/vp.yaml");
    let dir = rules_case("clean", &[("Võ Văn Giang", "Số tháng công tác", "5")]);
    let (_, json) = check_json_on(dir.path(), AFTER);
    let f = &with_rule(&json, "UNDER_SIX_MONTHS")[0];
    assert_eq!(
        (f["source"]["file"].as_str(), f["source"]["line"].as_u64()),
        (Some("don-vi/vp.yaml"), Some(43)),
        "{f:#}"
    );
}

#[test]
fn derivations_of_category_group_and_final_rating() {
    use xeploai::model::{Category, Rating};
    use xeploai::rules::{PostRank, QuotaGroup};
    let dir = rules_case("quota-group", &[]);
    let agency = std::fs::read_to_string(dir.path().join("agency.yaml")).unwrap();
    let agency = agency.replace("    aliases: [TTLTLS]", "    aliases: [TTLTLS]\n    group: Viên chức lưu trữ");
    std::fs::write(dir.path().join("agency.yaml"), agency).unwrap();
    let (dataset, _) = ingest(dir.path());
    let d = dataset.unwrap();
    let e = xeploai::rules::evaluate(&d, chrono::NaiveDate::from_ymd_opt(2023, 12, 1).unwrap());
    let facts = |name: &str| {
        let id = d.people.iter().position(|p| &*p.name == name).unwrap();
        e.facts.people[id].clone()
    };
    let khoi = facts("Trương Minh Khôi");
    assert_eq!((khoi.group, khoi.final_rating), (None, Some(Rating::Good)), "agency leaders are outside the groups");
    let an = facts("Nguyễn Văn An");
    assert_eq!((an.rank, an.group), (PostRank::Head, Some(QuotaGroup::UnitLeaders)));
    assert_eq!(facts("Trần Thị Bình").rank, PostRank::Deputy);
    let khanh = facts("Ngô Thị Khánh");
    assert_eq!(khanh.rank, PostRank::Member, "Chuyên viên is a title, not a post");
    assert_eq!(
        (khanh.proposed, khanh.final_rating),
        (Some(Rating::Good), Some(Rating::Excellent)),
        "the consultation concludes"
    );
    let oanh = facts("Mai Thị Oanh");
    assert_eq!(oanh.category, Category::PublicEmployee, "default from the unit's type");
    assert_eq!(oanh.group, Some(QuotaGroup::Named("Viên chức lưu trữ".into())), "agency.yaml names the group");
    assert_eq!(facts("Hồ Văn Sơn").group, Some(QuotaGroup::Named("Viên chức lưu trữ".into())), "the whole unit");
    let unit_heads = &e.facts.units;
    assert_eq!(unit_heads[0].head.map(|id| &*d.people[id].name), Some("Nguyễn Văn An"));
    assert_eq!(unit_heads[2].present, Some(4), "5 convened, 1 absent");
    let cc = e.quotas.groups.iter().find(|g| g.group == QuotaGroup::CivilServants).unwrap();
    assert_eq!((cc.excellent, cc.good, cc.ceiling), (2, 5, 1));
    let vp = &e.quotas.units[0];
    assert_eq!((vp.excellent, vp.rated, vp.ceiling), (1, 6, 1));
}

/// rules.md, Precise readings: a unit with no meeting file gets one DOSSIER_INCOMPLETE
/// naming how many people it leaves unrated, and no NO_FINAL_RATING per member, before
/// the deadline as after it.
#[test]
fn a_unit_without_a_meeting_file_gets_one_finding() {
    for today in [AFTER, "2023-11-10"] {
        let dir = rules_case("clean", &[]);
        std::fs::remove_file(dir.path().join("don-vi/tt.yaml")).unwrap();
        let (code, json) = check_json_on(dir.path(), today);
        let findings = json["findings"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "{today}: {json:#}");
        let f = &findings[0];
        assert_eq!((f["rule"].as_str(), f["severity"].as_str()), (Some("DOSSIER_INCOMPLETE"), Some("error")));
        assert_eq!((f["unit"].as_str(), f["person"].as_str()), (TT, None));
        assert!(f["message"].as_str().unwrap().contains("5 người"), "{f:#}");
        assert_eq!(code, 1);
    }
}
