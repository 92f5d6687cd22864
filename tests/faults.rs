//! Issue 15, points 5, 8, 9 and 10: one mistake gives one finding, first and under the
//! unit it breaks; no English parser phrase reaches the clerk; a unit's folder does not
//! move with the order of agency.yaml; outputs land beside the inputs.

mod common;

use std::path::Path;

use common::*;

const AFTER: &str = "2023-12-01";

/// `check` in text and JSON on `dir`: (exit code, text output, JSON).
fn check_both(dir: &Path) -> (i32, String, serde_json::Value) {
    let (code, json) = check_json_on(dir, AFTER);
    let (_, stdout, stderr) = run(&["check", "--inputs", dir.to_str().unwrap(), "--today", AFTER]);
    (code, stdout + &stderr, json)
}

fn errors(json: &serde_json::Value) -> Vec<&serde_json::Value> {
    json["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").collect()
}

/// The first finding printed under a unit's heading, as the clerk reads it.
fn first_under(text: &str, unit: &str) -> String {
    let after = text.split(&format!("\n{unit}\n")).nth(1).unwrap_or_else(|| panic!("no {unit} group:\n{text}"));
    after.lines().next().unwrap_or_default().to_string()
}

#[test]
fn one_misspelled_unit_name_gives_one_error_naming_the_cause() {
    let dir = rules_case("clean", &[]);
    edit(dir.path(), "don-vi/vp.yaml", "unit: Văn phòng Sở", "unit: Văn phòng Sởo");
    let (code, text, json) = check_both(dir.path());
    assert_eq!(code, 1);
    let errors = errors(&json);
    assert!(errors.len() <= 2, "{json:#}");
    assert_eq!(errors[0]["rule"], "UNKNOWN_UNIT", "{json:#}");
    assert_eq!(errors[0]["unit"], "Văn phòng Sở", "{json:#}");
    let first = first_under(&text, "Văn phòng Sở");
    assert!(first.contains("UNKNOWN_UNIT") && first.contains("Có phải là “Văn phòng Sở”"), "{text}");
}

/// Each mistake in one meeting file: at most one error, under the unit, and nothing
/// derived from the file being unreadable (no DOSSIER_INCOMPLETE, no NO_FINAL_RATING).
#[test]
fn a_broken_meeting_file_is_one_finding_under_its_unit() {
    let cases: &[(&str, &str, &str, usize)] = &[
        ("bad indentation", "  - name: Trần Thị Bình", "   - name: Trần Thị Bình", 1),
        ("invalid rating word", "proposed: HTNV", "proposed: Hoàn thành", 1),
        ("kind with a dash", "kind: unit_review", "kind: unit-review", 0),
    ];
    for (what, from, to, want) in cases {
        let dir = rules_case("clean", &[]);
        edit(dir.path(), "don-vi/vp.yaml", from, to);
        let (_, text, json) = check_both(dir.path());
        let errors = errors(&json);
        assert_eq!(errors.len(), *want, "{what}: {json:#}");
        for f in &errors {
            assert_eq!(f["unit"], "Văn phòng Sở", "{what}: {f:#}");
            assert!(f["rule"].as_str().unwrap().starts_with("INPUT_"), "{what}: {f:#}");
        }
        if *want > 0 {
            assert!(first_under(&text, "Văn phòng Sở").contains("[INPUT_"), "{what}:\n{text}");
        }
    }
}

#[test]
fn a_utf16_meeting_file_is_read() {
    let dir = rules_case("clean", &[]);
    let path = dir.path().join("don-vi/vp.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(&path, bytes).unwrap();
    let (code, json) = check_json_on(dir.path(), AFTER);
    assert_eq!((code, json["findings"].as_array().unwrap().len()), (0, 0), "{json:#}");
}

#[test]
fn a_copied_workbook_is_one_finding() {
    let dir = rules_case("clean", &[]);
    std::fs::copy(dir.path().join("danh-sach.xlsx"), dir.path().join("danh-sach (1).xlsx")).unwrap();
    let (_, json) = check_json_on(dir.path(), AFTER);
    let duplicates = with_rule(&json, "ROSTER_DUPLICATE");
    assert_eq!(duplicates.len(), 1, "{json:#}");
    assert!(duplicates[0]["message"].as_str().unwrap().contains("17 người"), "{json:#}");
}

/// English phrases of serde, saphyr, calamine and clap that must never reach the clerk.
const ENGLISH: [&str; 12] = [
    "expected",
    "while parsing",
    "error:",
    "Usage",
    "variant",
    "Zip",
    "EOCD",
    "invalid type",
    "unexpected argument",
    "Options:",
    "found",
    "tip:",
];

#[test]
fn no_english_parser_phrase_reaches_the_clerk() {
    type Mistake = (&'static str, &'static str, &'static str, &'static str);
    let yaml: &[Mistake] = &[
        ("indentation", "don-vi/vp.yaml", "  - name: Trần Thị Bình", "   - name: Trần Thị Bình"),
        ("unit type", "agency.yaml", "type: hanh_chinh", "type: hành chính"),
        ("rating", "don-vi/vp.yaml", "proposed: HTNV", "proposed: Hoàn thành"),
        ("count", "don-vi/vp.yaml", "convened: 6", "convened: sáu"),
        ("unclosed list", "don-vi/vp.yaml", "votes: { HTTNV: 6 }", "votes: { HTTNV: 6"),
        ("stray colon", "don-vi/vp.yaml", "strengths: Chủ động, kịp thời.", "strengths: Chủ động: kịp thời: tốt: x: y"),
    ];
    let mut outputs: Vec<(String, String)> = Vec::new();
    for (what, rel, from, to) in yaml {
        let dir = rules_case("clean", &[]);
        edit(dir.path(), rel, from, to);
        let (_, text, json) = check_both(dir.path());
        outputs.push((what.to_string(), text + &json.to_string()));
    }
    let dir = rules_case("clean", &[]);
    std::fs::write(dir.path().join("hong.xlsx"), "not a workbook").unwrap();
    let (_, text, _) = check_both(dir.path());
    outputs.push(("broken workbook".into(), text));
    let inputs = dir.path().to_str().unwrap();
    for args in [
        vec!["build", "--inputs", inputs, "--outptus", "x"],
        vec!["chek"],
        vec![],
        vec!["check", "--format", "xml", "--inputs", inputs],
        vec!["check", "--inputs", inputs, "--today", "31/02/2023"],
    ] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        outputs.push((format!("{args:?}"), stdout + &stderr));
    }
    for (what, out) in &outputs {
        for phrase in ENGLISH {
            assert!(!out.contains(phrase), "{what}: {phrase:?} reaches the clerk:\n{out}");
        }
    }
    let (_, _, stderr) = run(&["build", "--inputs", inputs, "--outptus", "x"]);
    assert!(stderr.contains("--outputs"), "the right flag is suggested: {stderr}");
}

#[test]
fn today_takes_the_date_forms_of_the_yaml_files() {
    let dir = rules_case("clean", &[]);
    for today in ["21/11/2023", "2023-11-21", "21-11-2023", "21.11.2023"] {
        let (code, _, stderr) = run(&["check", "--inputs", dir.path().to_str().unwrap(), "--today", today]);
        assert_eq!(code, 0, "{today}: {stderr}");
    }
}

/// Two units whose names make one folder name, in both orders of agency.yaml.
#[test]
fn reordered_units_keep_their_folders() {
    let units = [
        "  - name: Phòng Thi đua\n    type: hanh_chinh\n",
        "  - name: Phòng Thí đua\n    type: hanh_chinh\n",
        "  - name: Phòng Tư pháp\n    type: hanh_chinh\n    folder: tu-phap\n",
    ];
    let folders = |order: [usize; 3]| {
        let dir = rules_case("clean", &[]);
        let added: String = order.iter().map(|i| units[*i]).collect();
        edit(dir.path(), "agency.yaml", "units:\n", &format!("units:\n{added}"));
        let (dataset, findings) = ingest(dir.path());
        let d = dataset.unwrap();
        let names = xeploai::render::plan::unit_folders(&d);
        let warned = findings.iter().any(|f| f.message.contains("`folder:`") && f.message.contains("Phòng Thí đua"));
        let mut by_unit: Vec<(String, String)> =
            d.agency.units.iter().zip(names).map(|(u, f)| (u.name.clone(), f)).collect();
        by_unit.sort();
        (by_unit, warned)
    };
    let (first, warned) = folders([0, 1, 2]);
    let (second, _) = folders([1, 2, 0]);
    assert_eq!(first, second, "a unit's folder follows the unit, not its place in agency.yaml");
    assert!(warned, "the clerk is told to set `folder:`");
    let folder = |name: &str| first.iter().find(|(u, _)| u == name).unwrap().1.clone();
    assert_ne!(folder("Phòng Thi đua"), folder("Phòng Thí đua"));
    assert!(folder("Phòng Thi đua").starts_with("phong-thi-dua-"), "{first:?}");
    assert_eq!(folder("Phòng Tư pháp"), "tu-phap");
}

#[test]
fn build_without_outputs_writes_beside_the_inputs() {
    let (parent, inputs) = sample_copy();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_xeploai"))
        .args(["build", "--quiet", "--today", AFTER, "--inputs", inputs.to_str().unwrap()])
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(parent.path().join("outputs").is_dir(), "outputs beside the inputs");
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0, "nothing in the current folder");
    let (_, stdout, _) = run(&["build", "--today", AFTER, "--inputs", inputs.to_str().unwrap()]);
    let absolute = parent.path().join("outputs").display().to_string();
    assert!(stdout.contains(&absolute), "the absolute path is printed: {stdout}");
}

#[test]
fn a_year_that_does_not_match_the_meetings_is_a_warning() {
    let dir = rules_case("clean", &[]);
    edit(dir.path(), "agency.yaml", "year: 2023", "year: 2024");
    let (_, json) = check_json_on(dir.path(), AFTER);
    let warned = json["findings"].as_array().unwrap().iter().any(|f| {
        f["severity"] == "warning" && f["message"].as_str().unwrap().contains("Năm đánh giá trong agency.yaml là 2024")
    });
    assert!(warned, "{json:#}");
}

/// Each cycle has its own texts: a year without its own rule set is never checked under
/// another year's rules, and the clerk is told which years are supported.
#[test]
fn a_year_without_its_own_rule_set_is_an_error_naming_the_years_supported() {
    let dir = rules_case("clean", &[]);
    edit(dir.path(), "agency.yaml", "year: 2023", "year: 2024");
    let (code, json) = check_json_on(dir.path(), AFTER);
    assert_eq!(code, 1, "{json:#}");
    let errors = errors(&json);
    assert_eq!(errors.len(), 1, "only the missing rule set: {errors:#?}");
    let message = errors[0]["message"].as_str().unwrap();
    assert!(message.contains("năm 2024") && message.contains("các năm được hỗ trợ: 2023, 2025, 2026."), "{message}");
    assert_eq!(errors[0]["source"]["file"], "agency.yaml");
}
