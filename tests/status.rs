//! `xeploai status`: per deadline, each unit's state and the days left.

mod common;

use common::*;

fn mixed_agency() -> tempfile::TempDir {
    // TT has not sent its collective report; VP's votes do not add up.
    let dir = rules_case("dossier-incomplete", &[]);
    copy_dir(&fixtures_dir().join("rules/votes-exceed"), dir.path());
    dir
}

#[test]
fn status_says_who_is_missing_what_and_the_days_left() {
    let dir = mixed_agency();
    let (code, stdout, stderr) = run(&["status", "--inputs", dir.path().to_str().unwrap(), "--today", "2023-11-21"]);
    assert_eq!(code, 1, "{stderr}");
    let section = |due: &str| -> String {
        let start = stdout.find(&format!("Hạn {due}")).unwrap_or_else(|| panic!("no deadline {due} in\n{stdout}"));
        let rest = &stdout[start..];
        let end = rest[1..].find("\nHạn ").map_or(rest.len(), |i| i + 1);
        rest[..end].to_string()
    };
    let row = |section: &str, who: &str| -> String {
        section
            .lines()
            .find(|l| l.trim_start().starts_with(who))
            .unwrap_or_else(|| panic!("no {who} in\n{section}"))
            .to_string()
    };
    let drafts = section("20/11/2023");
    assert!(drafts.contains("(quá hạn 1 ngày)"), "{drafts}");
    assert!(row(&drafts, "Trung tâm Lưu trữ lịch sử").ends_with("còn thiếu: báo cáo kiểm điểm tập thể (collective)"));
    assert!(row(&drafts, "Văn phòng Sở").ends_with("có lỗi: VOTES_EXCEED"));
    assert!(row(&drafts, "Phòng Công chức, viên chức").ends_with("đã đủ"));
    let dossiers = section("22/11/2023");
    assert!(dossiers.contains("(còn 1 ngày)"), "{dossiers}");
    assert!(dossiers.contains("Cần: Biên bản họp kiểm điểm của đơn vị, Báo cáo kiểm điểm tập thể"), "{dossiers}");
    let report = section("30/11/2023");
    assert!(report.contains("(còn 9 ngày)"), "{report}");
    assert!(report.contains("Sở Nội vụ"), "{report}");
}

#[test]
fn status_json_has_the_states() {
    let dir = mixed_agency();
    let (_, stdout, _) =
        run(&["status", "--format", "json", "--inputs", dir.path().to_str().unwrap(), "--today", "2023-11-21"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let first = &json["entries"][0];
    assert_eq!(first["id"], "unit-drafts");
    assert_eq!(first["days_left"], -1);
    let tt = first["rows"].as_array().unwrap().iter().find(|r| r["who"] == "Trung tâm Lưu trữ lịch sử").unwrap();
    assert_eq!(tt["state"]["state"], "missing");
    let vp = first["rows"].as_array().unwrap().iter().find(|r| r["who"] == "Văn phòng Sở").unwrap();
    assert_eq!(vp["state"]["rules"], serde_json::json!(["VOTES_EXCEED"]));
}

#[test]
fn the_sample_on_20_november() {
    let inputs = concat!(env!("CARGO_MANIFEST_DIR"), "/inputs");
    let (code, stdout, _) = run(&["status", "--inputs", inputs, "--today", "2023-11-20"]);
    assert_eq!(code, 0);
    let dossiers = &stdout[stdout.find("Hạn trước ngày 22/11/2023").unwrap()..];
    let dossiers = &dossiers[..dossiers[1..].find("\nHạn ").unwrap()];
    assert!(dossiers.contains("(còn 1 ngày)"), "{dossiers}");
    let pending = dossiers.lines().filter(|l| l.contains("cuộc họp chưa diễn ra")).count();
    assert_eq!(pending, 3, "three units meet on 21/11: {dossiers}");
    assert!(stdout.contains("hội nghị kiểm điểm tập thể lãnh đạo chưa diễn ra (lịch 27/11/2023)"), "{stdout}");
}

/// The plan's "trước ngày 22/11/2023": a meeting on 22/11 is late, and on 22/11 the step
/// is overdue; a deadline without `before` keeps its own day.
#[test]
fn a_before_deadline_ends_the_day_before() {
    let (dir, inputs) = sample_copy();
    let unit = inputs.join("don-vi/ban-ton-giao.yaml");
    let text = std::fs::read_to_string(&unit).unwrap().replace("date: 2023-11-21", "date: 2023-11-22");
    std::fs::write(&unit, text).unwrap();
    let (_, stdout, _) = run(&["check", "--format", "json", "--inputs", inputs.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let late: Vec<&serde_json::Value> =
        json["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "LATE_MEETING").collect();
    assert_eq!(late.len(), 1, "{stdout}");
    assert!(late[0]["message"].as_str().unwrap().contains("không đúng hạn trước ngày 22/11/2023"), "{stdout}");

    let (_, stdout, _) =
        run(&["status", "--format", "json", "--inputs", inputs.to_str().unwrap(), "--today", "2023-11-22"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let entry = |id: &str| json["entries"].as_array().unwrap().iter().find(|e| e["id"] == id).unwrap().clone();
    assert_eq!(entry("unit-dossiers")["days_left"], -1, "{stdout}");
    assert_eq!(entry("unit-dossiers")["before"], true, "{stdout}");
    assert_eq!(entry("unit-drafts")["days_left"], -2, "{stdout}");
    let (_, stdout, _) = run(&["status", "--inputs", inputs.to_str().unwrap(), "--today", "2023-11-21"]);
    let line =
        stdout.lines().find(|l| l.starts_with("Hạn trước ngày 22/11/2023")).unwrap_or_else(|| panic!("{stdout}"));
    assert!(line.contains("(hôm nay là hạn)"), "{line}");
    drop(dir);
}
