//! The 2025 and 2026 rule sets through `xeploai check --format json`, table-driven like
//! tests/rules.rs: a clean scored agency gives no finding, and each case changes one thing
//! of it (a line of a meeting file, a roster cell) and gets exactly the findings it names.

mod common;

use common::*;
use tempfile::TempDir;

/// The clean agency of `tests/fixtures/rules-cycles/clean` for `year` (its files say 2026;
/// the 2025 twin has 2025 written for 2026), with the roster tweaked.
fn cycle_case(year: u32, edits: &[(&str, &str, &str)], tweaks: &[(&str, &str, &str)]) -> TempDir {
    let dir = fixture("rules-cycles/clean");
    if year != 2026 {
        for rel in ["agency.yaml", "agency_review.yaml", "don-vi/vp.yaml", "don-vi/ccvc.yaml", "don-vi/tt.yaml"] {
            let path = dir.path().join(rel);
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, text.replace("2026", &year.to_string())).unwrap();
        }
    }
    clean_roster(dir.path(), tweaks);
    for (rel, from, to) in edits {
        edit(dir.path(), rel, from, to);
    }
    dir
}

fn today(year: u32) -> String {
    format!("{year}-12-01")
}

struct Case {
    year: u32,
    what: &'static str,
    edits: &'static [(&'static str, &'static str, &'static str)],
    tweaks: &'static [(&'static str, &'static str, &'static str)],
    expected: &'static [(&'static str, &'static str, Option<&'static str>, Option<&'static str>)],
}

const VP: Option<&str> = Some("Văn phòng Sở");
const TT: Option<&str> = Some("Trung tâm Lưu trữ lịch sử");
const GIANG: Option<&str> = Some("Võ Văn Giang");
const CUONG_NAME: Option<&str> = Some("Lê Văn Cường");
const QUAN: Option<&str> = Some("Tạ Văn Quân");
const VP_FILE: &str = "don-vi/vp.yaml";
const TT_FILE: &str = "don-vi/tt.yaml";
const GIANG_SCORE: &str = "score: { general: 26, tasks: 56 }";
const CUONG: &str = "  - name: Lê Văn Cường\n    self_rating: HTTNV\n    score: { general: 27.5, tasks: 61 }\n    votes: { HTTNV: 6 }\n    proposed: HTTNV";
/// Lê Văn Cường proposed HTXSNV at 92,5.
const CUONG_EXCELLENT: &str = "  - name: Lê Văn Cường\n    self_rating: HTXSNV\n    score: { general: 28.5, tasks: 64 }\n    votes: { HTXSNV: 4, HTTNV: 2 }\n    proposed: HTXSNV";
const CUONG_SCORE: &str = "score: { general: 27.5, tasks: 61 }";
const CUONG_EXCELLENT_20: &str = "  - name: Lê Văn Cường\n    self_rating: HTXSNV\n    score: { general: 28.5, tasks: 64 }\n    votes: { HTXSNV: 4, HTTNV: 2 }\n    proposed: HTXSNV\n    tasks: { all_done: true, exceeded_percent: 20 }";
const CUONG_EXCELLENT_35: &str = "  - name: Lê Văn Cường\n    self_rating: HTXSNV\n    score: { general: 28.5, tasks: 64 }\n    votes: { HTXSNV: 4, HTTNV: 2 }\n    proposed: HTXSNV\n    tasks: { all_done: true, exceeded_percent: 35 }";
const QUAN_SCORE: &str = "score: { general: 24, tasks: 51 }";
const RULES_ISSUED: &str = "  units_rules_issued: [Trung tâm Lưu trữ lịch sử]\n";
const DUTY: &str = "Kỷ luật liên quan công vụ";
const ADMIN_REPRIMAND: [(&str, &str, &str); 2] =
    [("Võ Văn Giang", "Kỷ luật", "Khiển trách"), ("Võ Văn Giang", "Loại kỷ luật", "Hành chính")];

const CASES: &[Case] = &[
    Case { year: 2026, what: "clean", edits: &[], tweaks: &[], expected: &[] },
    Case { year: 2025, what: "clean", edits: &[], tweaks: &[], expected: &[] },
    // Scores: given where the cycle scores, within the scale, periods averaged exactly.
    Case {
        year: 2026,
        what: "a công chức without a score",
        edits: &[(VP_FILE, GIANG_SCORE, "")],
        tweaks: &[],
        expected: &[("SCORE_MISSING", "error", VP, GIANG)],
    },
    Case {
        year: 2025,
        what: "2025 state side is by criteria: no score needed for a non-member",
        edits: &[(VP_FILE, GIANG_SCORE, "")],
        tweaks: &[],
        expected: &[],
    },
    Case {
        year: 2025,
        what: "2025 party member without a score",
        edits: &[(VP_FILE, GIANG_SCORE, "")],
        tweaks: &[("Võ Văn Giang", "Đảng viên", "x")],
        expected: &[("SCORE_MISSING", "error", VP, GIANG)],
    },
    Case {
        year: 2026,
        what: "general criteria above 30",
        edits: &[(VP_FILE, GIANG_SCORE, "score: { general: 31, tasks: 50 }")],
        tweaks: &[],
        expected: &[("SCORE_RANGE", "error", VP, GIANG)],
    },
    Case {
        year: 2026,
        what: "a period total above 100",
        edits: &[(VP_FILE, GIANG_SCORE, "periods: { Q1: 80, Q2: 101, Q3: 80, Q4: 79 }")],
        tweaks: &[],
        expected: &[("SCORE_RANGE", "error", VP, GIANG)],
    },
    Case {
        year: 2026,
        what: "quarterly scores only, exact average 80",
        edits: &[(VP_FILE, GIANG_SCORE, "periods: { Q1: 79, Q2: { general: 26, tasks: 55 }, Q3: 80, Q4: 80 }")],
        tweaks: &[],
        expected: &[],
    },
    Case {
        year: 2026,
        what: "a quarter missing inside the run",
        edits: &[(VP_FILE, GIANG_SCORE, "periods: { Q1: 80, Q2: 82, Q4: 84 }")],
        tweaks: &[],
        expected: &[("SCORE_PERIODS", "warning", VP, GIANG)],
    },
    Case {
        year: 2026,
        what: "69,75 is not rounded up to HTTNV",
        edits: &[(VP_FILE, CUONG_SCORE, "periods: { Q1: 70, Q2: 70, Q3: 70, Q4: 69 }")],
        tweaks: &[],
        expected: &[("SCORE_LEVEL", "error", VP, CUONG_NAME)],
    },
    Case {
        year: 2026,
        what: "a rating above the band of the score",
        edits: &[(VP_FILE, GIANG_SCORE, "score: { general: 20, tasks: 45 }")],
        tweaks: &[],
        expected: &[("SCORE_LEVEL", "error", VP, GIANG)],
    },
    Case {
        year: 2026,
        what: "a rating below the band, without a reason",
        edits: &[(VP_FILE, GIANG_SCORE, "score: { general: 28, tasks: 63 }")],
        tweaks: &[],
        expected: &[("SCORE_LEVEL", "warning", VP, GIANG)],
    },
    Case {
        year: 2026,
        what: "a rating below the band, the consultation gives its reason",
        edits: &[
            (VP_FILE, GIANG_SCORE, "score: { general: 28, tasks: 63 }"),
            (
                "agency_review.yaml",
                "  people:\n",
                "  people:\n    - { name: Võ Văn Giang, unit: Văn phòng Sở, rating: HTTNV, reason: Vượt tỷ lệ 20% của nhóm }\n",
            ),
        ],
        tweaks: &[],
        expected: &[("SCORE_LEVEL", "info", VP, GIANG)],
    },
    // The party side: conditions on tasks lower the level.
    Case {
        year: 2025,
        what: "a party member proposed HTXSNV at 92,5 with 20% of tasks exceeded",
        edits: &[(VP_FILE, CUONG, CUONG_EXCELLENT_20)],
        tweaks: &[("Lê Văn Cường", "Đảng viên", "x")],
        expected: &[("SCORE_LEVEL", "error", VP, CUONG_NAME), ("PARTY_CONDITIONS", "info", VP, CUONG_NAME)],
    },
    Case {
        year: 2025,
        what: "a party member proposed HTXSNV at 92,5 with 35% exceeded",
        edits: &[(VP_FILE, CUONG, CUONG_EXCELLENT_35)],
        tweaks: &[("Lê Văn Cường", "Đảng viên", "x")],
        expected: &[],
    },
    Case {
        year: 2026,
        what: "a party member rated HTTNV at 92,5 with 20% exceeded: the level the conditions give",
        edits: &[(
            VP_FILE,
            CUONG_SCORE,
            "score: { general: 28.5, tasks: 64 }\n    tasks: { all_done: true, exceeded_percent: 20 }",
        )],
        tweaks: &[("Lê Văn Cường", "Đảng viên", "x")],
        expected: &[("PARTY_CONDITIONS", "info", VP, CUONG_NAME)],
    },
    // Discipline: from 2025 only an act related to public duty counts, for công chức.
    Case {
        year: 2026,
        what: "administrative discipline, duty not said",
        edits: &[],
        tweaks: &ADMIN_REPRIMAND,
        expected: &[("DISCIPLINE_DUTY", "error", VP, GIANG)],
    },
    Case {
        year: 2025,
        what: "administrative discipline unrelated to duty",
        edits: &[],
        tweaks: &[ADMIN_REPRIMAND[0], ADMIN_REPRIMAND[1], ("Võ Văn Giang", DUTY, "không")],
        expected: &[("DISCIPLINE_UNRELATED", "info", VP, GIANG)],
    },
    Case {
        year: 2026,
        what: "administrative discipline related to duty",
        edits: &[],
        tweaks: &[ADMIN_REPRIMAND[0], ADMIN_REPRIMAND[1], ("Võ Văn Giang", DUTY, "có")],
        expected: &[("DISCIPLINE", "error", VP, GIANG)],
    },
    Case {
        year: 2026,
        what: "the meeting file says whether it was duty-related",
        edits: &[(VP_FILE, GIANG_SCORE, "score: { general: 26, tasks: 56 }\n    discipline_duty_related: false")],
        tweaks: &ADMIN_REPRIMAND,
        expected: &[("DISCIPLINE_UNRELATED", "info", VP, GIANG)],
    },
    Case {
        year: 2026,
        what: "party discipline counts without the question",
        edits: &[],
        tweaks: &[("Võ Văn Giang", "Kỷ luật", "Khiển trách"), ("Võ Văn Giang", "Loại kỷ luật", "Đảng")],
        expected: &[("DISCIPLINE", "error", VP, GIANG)],
    },
    Case {
        year: 2025,
        what: "a viên chức in 2025 is still under NĐ 90: any discipline counts",
        edits: &[],
        tweaks: &[("Tạ Văn Quân", "Kỷ luật", "Khiển trách"), ("Tạ Văn Quân", "Loại kỷ luật", "Hành chính")],
        expected: &[("DISCIPLINE", "error", TT, QUAN)],
    },
    Case {
        year: 2026,
        what: "a ground for KHTNV whatever the score",
        edits: &[(
            VP_FILE,
            GIANG_SCORE,
            "score: { general: 26, tasks: 56 }\n    khtnv_grounds: Kết luận số 12-KL/ĐU ngày 10/10/2026 về suy thoái đạo đức, lối sống",
        )],
        tweaks: &[],
        expected: &[("KHTNV_GROUNDS", "error", VP, GIANG)],
    },
    // Time worked.
    Case {
        year: 2026,
        what: "a viên chức under 6 months",
        edits: &[],
        tweaks: &[("Tạ Văn Quân", "Số tháng công tác", "5")],
        expected: &[("UNDER_SIX_MONTHS", "error", TT, QUAN)],
    },
    Case {
        year: 2026,
        what: "a viên chức under 6 months on sick leave is rated on the time worked",
        edits: &[],
        tweaks: &[("Tạ Văn Quân", "Số tháng công tác", "5"), ("Tạ Văn Quân", "Nghỉ ốm (ngày)", "150")],
        expected: &[("LEAVE_WORKED_TIME", "info", TT, QUAN)],
    },
    Case {
        year: 2025,
        what: "in 2025 sick leave does not save an under-6-months rating",
        edits: &[],
        tweaks: &[("Tạ Văn Quân", "Số tháng công tác", "5"), ("Tạ Văn Quân", "Nghỉ ốm (ngày)", "200")],
        expected: &[("UNDER_SIX_MONTHS", "error", TT, QUAN)],
    },
    Case {
        year: 2026,
        what: "NĐ 233 has no cap for 3 to 6 months of leave",
        edits: &[],
        tweaks: &[("Tạ Văn Quân", "Nghỉ ốm (ngày)", "120")],
        expected: &[],
    },
    Case {
        year: 2025,
        what: "in 2025 the leave cap still holds",
        edits: &[],
        tweaks: &[("Tạ Văn Quân", "Nghỉ ốm (ngày)", "120")],
        expected: &[("LEAVE_CAP", "error", TT, QUAN)],
    },
    Case {
        year: 2026,
        what: "a công chức under 6 months (a setting, flagged)",
        edits: &[],
        tweaks: &[("Võ Văn Giang", "Số tháng công tác", "5")],
        expected: &[("UNDER_SIX_MONTHS", "error", VP, GIANG)],
    },
    Case {
        year: 2026,
        what: "the setting turned off",
        edits: &[(
            "agency.yaml",
            RULES_ISSUED,
            "  units_rules_issued: [Trung tâm Lưu trữ lịch sử]\n  under_six_months_cong_chuc: false\n",
        )],
        tweaks: &[("Võ Văn Giang", "Số tháng công tác", "5")],
        expected: &[],
    },
    // A unit without its own rating rules: NĐ 90/48 for its viên chức.
    Case {
        year: 2026,
        what: "fallback unit: no scores needed, the leave cap is back",
        edits: &[("agency.yaml", RULES_ISSUED, ""), (TT_FILE, QUAN_SCORE, "")],
        tweaks: &[("Tạ Văn Quân", "Nghỉ ốm (ngày)", "120")],
        expected: &[("LEAVE_CAP", "error", TT, QUAN), ("RULES_FALLBACK", "info", TT, None)],
    },
    // Ceilings.
    Case {
        year: 2026,
        what: "one HTXSNV on two HTTNV in a unit's group",
        edits: &[(VP_FILE, CUONG, CUONG_EXCELLENT)],
        tweaks: &[],
        expected: &[("QUOTA_UNIT_GROUP", "error", VP, None)],
    },
    Case {
        year: 2025,
        what: "2025 has no per-unit ceiling: the party ratio by group across the agency",
        edits: &[(VP_FILE, CUONG, CUONG_EXCELLENT)],
        tweaks: &[],
        expected: &[],
    },
    Case {
        year: 2026,
        what: "a public service unit's viên chức: 1 HTXSNV on 1 HTTNV",
        edits: &[
            (
                TT_FILE,
                "  - name: Mai Thị Oanh\n    self_rating: HTTNV",
                "  - name: Mai Thị Oanh\n    self_rating: HTXSNV",
            ),
            (
                TT_FILE,
                "score: { general: 25, tasks: 53 }\n    votes: { HTTNV: 4 }\n    proposed: HTTNV",
                "score: { general: 28, tasks: 63 }\n    votes: { HTXSNV: 4 }\n    proposed: HTXSNV",
            ),
        ],
        tweaks: &[],
        expected: &[("QUOTA_GROUP", "error", None, None), ("QUOTA_UNIT_GROUP", "error", TT, None)],
    },
    Case {
        year: 2026,
        what: "two public service units rated HTXSNV where fewer than 5 exist",
        edits: &[
            (
                "agency.yaml",
                "  - name: Phòng Công chức, viên chức\n    type: hanh_chinh",
                "  - name: Phòng Công chức, viên chức\n    type: su_nghiep",
            ),
            (
                "agency_review.yaml",
                "{ unit: Phòng Công chức, viên chức, rating: HTTNV }",
                "{ unit: Phòng Công chức, viên chức, rating: HTXSNV }",
            ),
            (
                "agency_review.yaml",
                "{ unit: Trung tâm Lưu trữ lịch sử, rating: HTTNV }",
                "{ unit: Trung tâm Lưu trữ lịch sử, rating: HTXSNV }",
            ),
        ],
        tweaks: &[],
        expected: &[("QUOTA_GROUP", "error", None, None), ("QUOTA_PUBLIC_UNITS", "error", None, None)],
    },
    Case {
        year: 2026,
        what: "a head above the unit",
        edits: &[(
            TT_FILE,
            "  - name: Đỗ Thị Hạnh\n    chaired_by: Lý Văn Nam\n    self_rating: HTTNV\n    score: { general: 27, tasks: 58 }\n    votes: { HTTNV: 4 }\n    proposed: HTTNV",
            "  - name: Đỗ Thị Hạnh\n    chaired_by: Lý Văn Nam\n    self_rating: HTXSNV\n    score: { general: 28, tasks: 63 }\n    votes: { HTXSNV: 4 }\n    proposed: HTXSNV",
        )],
        tweaks: &[],
        expected: &[("HEAD_ABOVE_UNIT", "error", TT, Some("Đỗ Thị Hạnh")), ("QUOTA_UNIT_GROUP", "error", TT, None)],
    },
    Case {
        year: 2025,
        what: "the procedure's rules are the same in every cycle",
        edits: &[(TT_FILE, "- { name: Hồ Văn Sơn, reason: nghỉ phép }", "- { name: Hồ Văn Sơn }")],
        tweaks: &[],
        expected: &[("ABSENT_REASON", "warning", TT, Some("Hồ Văn Sơn"))],
    },
];

#[test]
fn each_cycle_case_gives_exactly_its_findings() {
    let mut failures = Vec::new();
    for case in CASES {
        let dir = cycle_case(case.year, case.edits, case.tweaks);
        let (code, json) = check_json_on(dir.path(), &today(case.year));
        let mut got = finding_keys(&json);
        let mut want = expected_keys(case.expected);
        got.sort();
        want.sort();
        let want_code = if want.iter().any(|w| w.1 == "error") { 1 } else { 0 };
        if got != want || code != want_code {
            failures.push(format!(
                "{} {}: want {want:?} (exit {want_code}), got {got:?} (exit {code})",
                case.year, case.what
            ));
        }
        for f in json["findings"].as_array().unwrap() {
            let legal = f["legal"].as_str().unwrap_or_default();
            assert!(!legal.is_empty() && !legal.contains("Kế hoạch 2023"), "{}: {f:#}", case.what);
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The messages a clerk reads: the exact quotient of a ceiling, the unverified reading
/// flagged, the average of periods unrounded.
#[test]
fn messages_show_quotients_readings_and_averages() {
    let message_of = |year: u32, edits: &[(&str, &str, &str)], tweaks: &[(&str, &str, &str)], rule: &str| {
        let dir = cycle_case(year, edits, tweaks);
        let (_, json) = check_json_on(dir.path(), &today(year));
        let found = with_rule(&json, rule);
        assert!(!found.is_empty(), "no {rule}: {json:#}");
        (found[0]["message"].as_str().unwrap().to_string(), found[0]["legal"].as_str().unwrap().to_string())
    };
    let (message, legal) = message_of(2026, &[], &[("Võ Văn Giang", "Số tháng công tác", "5")], "UNDER_SIX_MONTHS");
    assert!(message.contains("chưa được đối chiếu với văn bản gốc"), "{message}");
    assert!(legal.contains("233/2026"), "{legal}");
    let (message, _) =
        message_of(2026, &[(VP_FILE, CUONG_SCORE, "periods: { Q1: 70, Q2: 70, Q3: 70, Q4: 69 }")], &[], "SCORE_LEVEL");
    assert!(message.contains("69,75") && message.contains("cho mức HTNV"), "{message}");
    let (message, _) = message_of(
        2026,
        &[
            (
                TT_FILE,
                "  - name: Mai Thị Oanh\n    self_rating: HTTNV",
                "  - name: Mai Thị Oanh\n    self_rating: HTXSNV",
            ),
            (
                TT_FILE,
                "score: { general: 25, tasks: 53 }\n    votes: { HTTNV: 4 }\n    proposed: HTTNV",
                "score: { general: 28, tasks: 63 }\n    votes: { HTXSNV: 4 }\n    proposed: HTXSNV",
            ),
        ],
        &[],
        "QUOTA_UNIT_GROUP",
    );
    assert!(message.contains("20% của 1 là 0,2, làm tròn xuống còn 0"), "{message}");
    let (message, _) = message_of(2026, &[(VP_FILE, CUONG, CUONG_EXCELLENT)], &[], "QUOTA_UNIT_GROUP");
    assert!(message.contains("20% của 2 là 0,4, làm tròn xuống còn 0"), "{message}");
    let (message, legal) = message_of(2025, &[], &ADMIN_REPRIMAND, "DISCIPLINE_DUTY");
    assert!(message.contains("Kỷ luật liên quan công vụ"), "{message}");
    assert!(legal.contains("80/2025"), "{legal}");
}
