//! The command contract of rules.md: files skipped or reported, exit codes, JSON shape.

mod common;

use std::path::Path;

use common::*;

#[test]
fn lock_files_backups_hidden_files_and_readmes_are_skipped_silently() {
    let dir = clean_plus("lock-files");
    let (code, json) = check_json_on(dir.path(), "2023-12-01");
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "only the unknown text file is reported: {json:#}");
    assert_eq!(findings[0]["rule"], "INPUT_UNCLASSIFIED");
    assert_eq!(findings[0]["source"]["file"], "ghi chu.txt");
    assert_eq!(code, 0);
}

#[test]
fn json_has_the_contract_shape_and_counts() {
    let dir = clean_plus("lock-files");
    let (_, json) = check_json_on(dir.path(), "2023-12-01");
    assert_eq!(json["summary"]["people"], 17);
    assert_eq!(json["summary"]["units"], 3);
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["warnings"], 1);
    let f = &json["findings"][0];
    for key in ["rule", "severity", "unit", "person", "message", "source", "legal"] {
        assert!(f.get(key).is_some(), "finding lacks {key}: {f:#}");
    }
    for key in ["file", "line", "column", "sheet", "cell"] {
        assert!(f["source"].get(key).is_some(), "source lacks {key}: {f:#}");
    }
}

#[test]
fn no_agency_file_exits_2_and_still_prints_json() {
    let dir = tempfile::tempdir().unwrap();
    base_roster(dir.path());
    let (code, json) = check_json(dir.path());
    assert_eq!(code, 2);
    assert_eq!(with_rule(&json, "AGENCY_MISSING").len(), 1);
}

#[test]
fn two_agency_files_are_agency_missing() {
    let dir = case("lock-files");
    write(dir.path(), "khac/agency.yaml", &std::fs::read_to_string(fixtures_dir().join("base/agency.yaml")).unwrap());
    let (code, json) = check_json(dir.path());
    assert_eq!(code, 2);
    let missing = with_rule(&json, "AGENCY_MISSING");
    assert!(missing[0]["message"].as_str().unwrap().contains("khac/agency.yaml"), "{json:#}");
}

#[test]
fn a_missing_inputs_folder_or_bad_date_cannot_run() {
    let (code, _, stderr) = run(&["check", "--inputs", "/no/such/folder"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("không có thư mục dữ liệu"), "{stderr}");
    let dir = case("lock-files");
    let (code, _, stderr) = run(&["check", "--inputs", dir.path().to_str().unwrap(), "--today", "31/02/2023"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--today"), "{stderr}");
    let (code, _, _) = run(&["check", "--no-such-flag"]);
    assert_eq!(code, 2);
}

#[test]
fn xls_and_ods_rosters_are_read() {
    for file in ["ds.xls", "ds.ods"] {
        let dir = fixture("base");
        std::fs::copy(fixtures_dir().join("formats").join(file), dir.path().join(file)).unwrap();
        let (dataset, findings) = ingest(dir.path());
        assert!(findings.iter().all(|f| !f.is_error()), "{file}: {findings:#?}");
        let d = dataset.unwrap();
        let names: Vec<&str> = d.people.iter().map(|p| &*p.name).collect();
        assert_eq!(names, ["Nguyễn Văn An", "Trần Thị Bình", "Đỗ Thị Hạnh"], "{file}");
        assert_eq!(
            d.people[0].birth,
            Some(xeploai::model::Birth::Date(chrono::NaiveDate::from_ymd_opt(1978, 3, 7).unwrap())),
            "{file}"
        );
    }
}

#[test]
fn text_output_is_vietnamese_grouped_by_unit_with_places() {
    let dir = case("yaml-errors/unknown-person");
    let (code, stdout, _) = run(&["check", "--inputs", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.contains("\nVăn phòng Sở\n"), "{stdout}");
    assert!(stdout.contains("LỖI [UNKNOWN_PERSON]"), "{stdout}");
    assert!(stdout.contains("tại: hop.yaml:8:11"), "{stdout}");
}

#[test]
fn init_writes_a_sample_whose_only_error_is_the_meeting_not_yet_held_and_never_overwrites() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("mau");
    let (code, stdout, stderr) = run(&["init", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, json) = check_json(&dir);
    assert_eq!(json["summary"]["people"], 3, "{json:#}");
    // The meeting file is prepared, not completed: one finding for the unit, naming it.
    assert_eq!(json["summary"]["errors"], 1, "{json:#}");
    let errors: Vec<&serde_json::Value> =
        json["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").collect();
    assert_eq!(errors[0]["rule"], "DOSSIER_INCOMPLETE", "{json:#}");
    assert_eq!(errors[0]["source"]["file"], "don-vi/phong-to-chuc-hanh-chinh.yaml", "{json:#}");
    assert_eq!(code, 1);
    let (code, _, stderr) = run(&["init", dir.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("không ghi đè"), "{stderr}");
}

#[test]
fn a_generated_agency_is_lawful_and_deterministic() {
    let parent = tempfile::tempdir().unwrap();
    let (a, b) = (parent.path().join("a"), parent.path().join("b"));
    for dir in [&a, &b] {
        let (code, stdout, stderr) = run(&["generate", dir.to_str().unwrap(), "--people", "300", "--seed", "42"]);
        assert_eq!(code, 0, "{stdout}{stderr}");
    }
    let (code, json) = check_json_on(&a, "2023-12-01");
    assert_eq!(
        (code, json["summary"]["people"].as_u64(), json["summary"]["errors"].as_u64()),
        (0, Some(300), Some(0)),
        "{json:#}"
    );
    let yaml = |d: &std::path::Path| std::fs::read_to_string(d.join("don-vi/phong-1.yaml")).unwrap();
    assert_eq!(yaml(&a), yaml(&b), "the same seed gives the same agency");
}

/// `--help` reads like the rest of the tool: Vietnamese headings, defaults and flags.
#[test]
fn help_is_in_vietnamese() {
    for args in [&["--help"][..], &["build", "--help"], &["check", "-h"]] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        for wanted in ["Cách dùng: xeploai", "Tùy chọn:", "In hướng dẫn này"] {
            assert!(stdout.contains(wanted), "{args:?}: no {wanted:?}\n{stdout}");
        }
        for english in ["Usage:", "Options:", "Commands:", "Print help", "[default:", "[possible values:"] {
            assert!(!stdout.contains(english), "{args:?}: {english:?} in\n{stdout}");
        }
    }
    let (_, stdout, _) = run(&["check", "--help"]);
    assert!(stdout.contains("[giá trị: text, json] [mặc định: text]"), "{stdout}");
}

/// Pasted as printed: absolute paths for an outputs folder not made yet, only runs still
/// to come, and a plain "nothing left" (exit 2, nothing on stdout) after the last date.
#[test]
fn schedule_prints_paths_to_paste_and_only_runs_to_come() {
    let home = tempfile::tempdir().unwrap();
    let inputs = home.path().join("Hồ sơ 2023").join("inputs");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs"), &inputs);
    let inputs_arg = inputs.to_str().unwrap();
    let (code, stdout, stderr) = run(&["schedule", "--emit", "cron", "--inputs", inputs_arg, "--today", "2023-11-21"]);
    assert_eq!(code, 0, "{stderr}");
    let outputs = inputs.parent().unwrap().join("outputs");
    assert!(!outputs.exists(), "schedule writes nothing");
    let lines: Vec<&str> = stdout.lines().filter(|l| !l.starts_with('#') && l.contains(" build ")).collect();
    assert!(!lines.is_empty(), "{stdout}");
    for line in &lines {
        assert!(line.contains(&format!("--outputs '{}'", outputs.display())), "absolute outputs: {line}");
        assert!(line.contains(&format!("cd '{}'", inputs.parent().unwrap().display())), "{line}");
        let (day, month) = {
            let mut fields = line.split(' ').skip(2);
            (fields.next().unwrap().parse::<u32>().unwrap(), fields.next().unwrap().parse::<u32>().unwrap())
        };
        assert!((month, day) >= (11, 21), "a run before --today: {line}");
    }
    let (code, stdout, stderr) =
        run(&["schedule", "--emit", "windows", "--inputs", inputs_arg, "--today", "2024-01-15"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("đã qua"), "{stderr}");
}

#[test]
fn init_starts_the_cycle_asked_and_asks_scored_people_for_their_scores() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("mau-2025");
    let (code, stdout, stderr) = run(&["init", dir.to_str().unwrap(), "--year", "2025"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let agency = std::fs::read_to_string(dir.join("agency.yaml")).unwrap();
    assert!(agency.contains("year: 2025") && agency.contains("due: 2025-11-22"), "{agency}");
    assert!(!agency.replace("(2023, 2025, 2026)", "").contains("2023"), "{agency}");
    // In 2025 the state side rates by criteria: only the two party members are scored.
    let meeting = std::fs::read_to_string(dir.join("don-vi/phong-to-chuc-hanh-chinh.yaml")).unwrap();
    assert_eq!(meeting.matches("\n    score:").count(), 2, "{meeting}");
    assert_eq!(meeting.matches("\n    tasks:").count(), 2, "{meeting}");
    let (_, json) = check_json_on(&dir, "2025-11-01");
    let rules: Vec<&str> = json["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["DOSSIER_INCOMPLETE"], "only the meeting not yet held: {json:#}");
    let (code, _, stderr) = run(&["init", parent.path().join("x").to_str().unwrap(), "--year", "2024"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("2023, 2025, 2026"), "{stderr}");
}
