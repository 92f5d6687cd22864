//! YAML ingest: each kind of mistake a clerk makes in a meeting file gives its finding
//! with the file, line and column, through `xeploai check --format json`.

mod common;

use common::*;

/// (fixture case, rule, file, line, column, words the message must contain)
const CASES: &[(&str, &str, &str, u64, u64, &str)] = &[
    ("unknown-key", "INPUT_INVALID", "hop.yaml", 5, 3, "Khóa “chủ_trì” không có trong mẫu"),
    ("missing-name", "INPUT_INVALID", "hop.yaml", 7, 5, "Thiếu khóa bắt buộc “name”"),
    ("impossible-date", "INPUT_INVALID", "hop.yaml", 4, 9, "Ngày 31/02/2023 không có thật"),
    ("wrong-type", "INPUT_INVALID", "hop.yaml", 5, 13, "số nguyên"),
    ("bad-rating", "INPUT_INVALID", "hop.yaml", 6, 15, "Không hiểu mức xếp loại “Giỏi”"),
    ("duplicate-key", "INPUT_INVALID", "hop.yaml", 6, 5, "Khóa “proposed” được ghi hai lần"),
    ("tabs", "INPUT_UNREADABLE", "hop.yaml", 4, 2, "Tab"),
    ("syntax", "INPUT_UNREADABLE", "hop.yaml", 5, 13, "YAML"),
    ("bad-vote-key", "INPUT_INVALID", "hop.yaml", 5, 12, "Không biểu quyết mức “Không xếp loại”"),
    ("huge-vote", "INPUT_INVALID", "hop.yaml", 5, 12, "Số phiếu 3000000000 không thể có"),
    ("unknown-unit", "UNKNOWN_UNIT", "hop.yaml", 2, 7, "Có phải là “Văn phòng Sở”?"),
    ("unknown-person", "UNKNOWN_PERSON", "hop.yaml", 8, 11, "Có phải là “Nguyễn Văn An”?"),
];

#[test]
fn every_yaml_mistake_is_located() {
    for (case_name, rule, file, line, column, words) in CASES {
        let dir = case(&format!("yaml-errors/{case_name}"));
        let (code, json) = check_json(dir.path());
        let found = with_rule(&json, rule);
        let hit = found.iter().find(|f| f["source"]["file"] == *file);
        let Some(hit) = hit else { panic!("{case_name}: no {rule} in {json:#}") };
        assert_eq!(
            (hit["source"]["line"].as_u64(), hit["source"]["column"].as_u64()),
            (Some(*line), Some(*column)),
            "{case_name}: {hit:#}"
        );
        let message = hit["message"].as_str().unwrap();
        assert!(message.contains(words), "{case_name}: “{message}” lacks “{words}”");
        assert_eq!(code, 1, "{case_name}: an error exits 1");
    }
}

#[test]
fn guests_may_chair_and_members_may_comment() {
    let dir = case("yaml-errors/unknown-person");
    let (_, json) = check_json(dir.path());
    let unknown = with_rule(&json, "UNKNOWN_PERSON");
    assert_eq!(unknown.len(), 1, "only the misspelt reviewee: {json:#}");
    assert_eq!(unknown[0]["unit"], "Văn phòng Sở");
    assert_eq!(unknown[0]["person"], "Nguyen Van An");
}

#[test]
fn two_reviews_of_one_unit() {
    let dir = case("yaml-errors/duplicate-review");
    let (code, json) = check_json(dir.path());
    let dup = with_rule(&json, "DUPLICATE_REVIEW");
    assert_eq!(dup.len(), 1, "{json:#}");
    assert_eq!(dup[0]["source"]["file"], "b.yaml");
    assert_eq!(code, 1);
}

#[test]
fn an_alias_bomb_is_refused_quickly() {
    let dir = case("yaml-errors/alias-bomb");
    let started = std::time::Instant::now();
    let (code, json) = check_json(dir.path());
    let refused = json["findings"].as_array().unwrap().iter().any(|f| {
        f["source"]["file"] == "hop.yaml" && (f["rule"] == "INPUT_INVALID" || f["rule"] == "INPUT_UNREADABLE")
    });
    assert!(refused, "{json:#}");
    assert_eq!(code, 1);
    // Not a timing assertion on performance: a guard against an exponential blow-up.
    assert!(started.elapsed().as_secs() < 30);
}

#[test]
fn a_yaml_of_unknown_kind_is_a_warning() {
    let dir = clean_plus("yaml-errors/unknown-kind");
    let (code, json) = check_json_on(dir.path(), "2023-12-01");
    let unclassified = with_rule(&json, "INPUT_UNCLASSIFIED");
    assert_eq!(unclassified.len(), 1);
    assert_eq!(unclassified[0]["severity"], "warning");
    assert_eq!(unclassified[0]["source"]["file"], "ghi-chu.yaml");
    assert_eq!(code, 0);
}
