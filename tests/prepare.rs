//! `xeploai prepare`: the meeting files and votes workbooks a clerk completes, never
//! written over once touched; the votes workbook read back into the reviews; `init`
//! built on it.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::docx::text_at;
use common::{Cell, N, T, build_at, check_json_on, copy_dir, run, sample_copy, sheet, with_rule, write_xlsx};
use serde_json::Value;

/// `xeploai prepare --inputs DIR`: (exit code, stdout).
fn prepare(inputs: &Path) -> (i32, String) {
    let (code, stdout, stderr) = run(&["prepare", "--inputs", inputs.to_str().unwrap()]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (code, stdout + &stderr)
}

fn yaml_value(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each meeting file of `don-vi/`, by the unit it names: (file, parsed).
fn meeting_files(inputs: &Path) -> BTreeMap<String, (PathBuf, Value)> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(inputs.join("don-vi")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let value = yaml_value(&path);
            out.insert(value["unit"].as_str().unwrap().to_string(), (path, value));
        }
    }
    out
}

/// The prepared file with every empty field filled from the sample's own file (reviews
/// matched by name), and the sample's keys the prepared file does not write added.
fn complete(prepared: &Value, sample: &Value) -> Value {
    match (prepared, sample) {
        (Value::Null, _) => sample.clone(),
        (Value::Object(p), Value::Object(s)) => {
            let mut out = p.clone();
            for (key, value) in p {
                let filled = match (key.as_str(), value, s.get(key)) {
                    ("reviews", Value::Array(entries), Some(Value::Array(written))) => Value::Array(
                        entries
                            .iter()
                            .map(|e| {
                                let same = written.iter().find(|w| w["name"] == e["name"]);
                                same.map_or(e.clone(), |w| complete(e, w))
                            })
                            .collect(),
                    ),
                    (_, value, Some(theirs)) => complete(value, theirs),
                    (_, value, None) => value.clone(),
                };
                out.insert(key.clone(), filled);
            }
            for (key, value) in s {
                out.entry(key.clone()).or_insert_with(|| value.clone());
            }
            Value::Object(out)
        }
        (mine, _) => mine.clone(),
    }
}

/// A finding with its meeting file told by unit, not by name or line: the prepared files
/// are named and laid out otherwise than the sample's.
fn comparable(finding: &Value, meeting_file_of: &BTreeMap<String, String>) -> String {
    let mut message = finding["message"].as_str().unwrap().to_string();
    let mut file = finding["source"]["file"].as_str().unwrap_or_default().to_string();
    let mut place = format!("{}{}", finding["source"]["sheet"], finding["source"]["cell"]);
    for (path, unit) in meeting_file_of {
        message = message.replace(path.as_str(), &format!("<tệp họp {unit}>"));
        if file == *path {
            file = format!("<tệp họp {unit}>");
            place = "<dòng>".into();
        }
    }
    format!(
        "{}|{}|{}|{}|{message}|{file}|{place}",
        finding["rule"], finding["severity"], finding["unit"], finding["person"]
    )
}

/// The unit reviews as ingest reads them, by unit, without their sources.
fn reviews_without_sources(inputs: &Path) -> Vec<Value> {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.remove("source");
                map.values_mut().for_each(strip);
            }
            Value::Array(list) => list.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let (dataset, _) = common::ingest(inputs);
    let mut reviews = dataset.unwrap().unit_reviews;
    reviews.sort_by_key(|r| r.unit);
    reviews
        .iter()
        .map(|r| {
            let mut value = serde_json::to_value(r).unwrap();
            strip(&mut value);
            value
        })
        .collect()
}

#[test]
fn prepared_files_completed_with_the_samples_outcomes_check_like_the_samples_own() {
    let (_keep, inputs) = sample_copy();
    let (_, sample_json) = check_json_on(&inputs, "2023-12-01");
    let sample_reviews = reviews_without_sources(&inputs);
    let sample_files = meeting_files(&inputs);
    for (path, _) in sample_files.values() {
        std::fs::remove_file(path).unwrap();
    }

    let (code, out) = prepare(&inputs);
    assert_eq!(code, 0, "{out}");
    let prepared = meeting_files(&inputs);
    assert_eq!(prepared.len(), 9, "one file per unit: {out}");
    assert_eq!(prepared.keys().collect::<Vec<_>>(), sample_files.keys().collect::<Vec<_>>());

    // Members in the plan's order: the head (whose entry asks who chaired), deputies, staff.
    let names = |unit: &str| -> Vec<String> {
        prepared[unit].1["reviews"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect()
    };
    let expected: [(&str, &[&str]); 2] = [
        (
            "Ban Tôn giáo",
            &[
                "Đinh Văn Hòa",
                "Lê Thị Thanh Nga",
                "Hồ Thị Minh Châu",
                "Trần Đình Khoa",
                "Nguyễn Thị Ánh Tuyết",
                "Lê Quốc Hưng",
            ],
        ),
        ("Văn phòng Sở", &["Lê Thị Mỹ Hạnh", "Trần Quốc Bảo", "Nguyễn Hữu Phước"]),
    ];
    for (unit, first) in expected {
        assert_eq!(&names(unit)[..first.len()], first, "{unit}");
    }
    for (unit, (path, value)) in &prepared {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains("# ngày họp, ví dụ 21/11/2023"), "{unit}: {text}");
        for line in text.lines().filter(|l| l.trim_start().starts_with("- name:")) {
            let about = line.split("  # ").nth(1).unwrap_or_default();
            assert!(
                ["Công chức", "Viên chức", "Người lao động"].iter().any(|c| about.starts_with(c)),
                "{unit}: the category (and post) beside each name: {line}"
            );
        }
        let reviews = value["reviews"].as_array().unwrap();
        let chaired: Vec<usize> =
            (0..reviews.len()).filter(|i| reviews[*i].as_object().unwrap().contains_key("chaired_by")).collect();
        assert_eq!(chaired, vec![0], "{unit}: only the head's entry, first, asks who chaired");
        let mut wanted: Vec<&str> =
            sample_files[unit].1["reviews"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
        let mut got = names(unit);
        wanted.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, wanted, "{unit}: everybody on the roster");
        assert!(
            path.with_file_name(format!("{}-phieu.xlsx", path.file_stem().unwrap().to_string_lossy())).is_file(),
            "{unit}: its workbook"
        );
    }

    // As prepared: one finding per unit, naming its file; no pile of missing fields.
    let (code, json) = check_json_on(&inputs, "2023-12-01");
    assert_eq!(code, 1);
    let errors: Vec<&Value> =
        json["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").collect();
    assert_eq!(errors.len(), 9, "{json:#}");
    for (unit, (path, _)) in &prepared {
        let rel = format!("don-vi/{}", path.file_name().unwrap().to_string_lossy());
        let of_unit: Vec<&&Value> = errors.iter().filter(|f| f["unit"] == unit.as_str()).collect();
        assert_eq!(of_unit.len(), 1, "{unit}: {of_unit:#?}");
        assert_eq!(of_unit[0]["rule"], "DOSSIER_INCOMPLETE");
        assert_eq!(of_unit[0]["source"]["file"], rel.as_str());
        assert!(of_unit[0]["message"].as_str().unwrap().contains("chưa họp kiểm điểm"), "{:#}", of_unit[0]);
    }

    // Completed with the sample's outcomes: checked exactly as the sample's own files.
    for (unit, (path, value)) in &prepared {
        let filled = complete(value, &sample_files[unit].1);
        std::fs::write(path, serde_json::to_string_pretty(&filled).unwrap()).unwrap();
    }
    let (_, completed_json) = check_json_on(&inputs, "2023-12-01");
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for (unit, (path, _)) in sample_files.iter().chain(&prepared) {
        files.insert(format!("don-vi/{}", path.file_name().unwrap().to_string_lossy()), unit.clone());
    }
    let findings = |json: &Value| -> Vec<String> {
        let mut all: Vec<String> = json["findings"].as_array().unwrap().iter().map(|f| comparable(f, &files)).collect();
        all.sort();
        all
    };
    assert_eq!(findings(&completed_json), findings(&sample_json));
    assert_eq!(completed_json["summary"], sample_json["summary"]);
    assert_eq!(reviews_without_sources(&inputs), sample_reviews, "the same reviews, field for field");
}

/// A roster for the `init` folder's unit, one person changed: Võ Văn Viên gone,
/// Đặng Thị Mới added.
fn changed_init_roster(inputs: &Path) {
    let row = |n: f64, name: &'static str, post: &'static str| vec![N(n), T(name), T("01/01/1990"), T(post), T("CC")];
    write_xlsx(
        &inputs.join("danh-sach.xlsx"),
        &[sheet(
            "Danh sách",
            vec![
                vec![T("STT"), T("Họ và tên"), T("Ngày sinh"), T("Chức vụ"), T("Đối tượng")],
                vec![T("I"), T("PHÒNG TỔ CHỨC - HÀNH CHÍNH")],
                row(1.0, "Trần Văn Trưởng", "Trưởng phòng"),
                row(2.0, "Lê Thị Thư", "Phó Trưởng phòng"),
                row(3.0, "Đặng Thị Mới", ""),
            ],
        )],
    );
}

fn init(parent: &Path) -> PathBuf {
    let dir = parent.join("mau");
    // The workflow of these tests is dated in the 2023 cycle.
    let (code, stdout, stderr) = run(&["init", dir.to_str().unwrap(), "--year", "2023"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    dir
}

const MEETING: &str = "don-vi/phong-to-chuc-hanh-chinh.yaml";

#[test]
fn a_second_prepare_never_writes_over_a_started_file_and_tells_what_the_roster_changed() {
    // (case, edit the clerk made, file afterwards is the very same bytes)
    let cases: [(&str, Option<(&str, &str)>, bool); 3] = [
        ("filled a field", Some(("  date:  ", "  date: 17/11/2023")), true),
        ("edited only a comment", Some(("# địa điểm họp", "# nơi họp")), true),
        ("untouched", None, false),
    ];
    for (case, edit, kept) in cases {
        let parent = tempfile::tempdir().unwrap();
        let inputs = init(parent.path());
        let path = inputs.join(MEETING);
        let mut text = std::fs::read_to_string(&path).unwrap();
        if let Some((from, to)) = edit {
            assert!(text.contains(from), "{case}");
            text = text.replacen(from, to, 1);
            std::fs::write(&path, &text).unwrap();
        }
        changed_init_roster(&inputs);
        let (code, out) = prepare(&inputs);
        assert_eq!(code, 0, "{case}: {out}");
        assert!(out.contains(MEETING), "{case}: the file named: {out}");
        assert!(out.contains("Đặng Thị Mới") && out.contains("Võ Văn Viên"), "{case}: added and gone named: {out}");
        let after = std::fs::read_to_string(&path).unwrap();
        if kept {
            assert_eq!(after, text, "{case}: the clerk's file is left byte for byte");
            assert!(out.contains("giữ nguyên"), "{case}: {out}");
        } else {
            assert!(
                after.contains("name: Đặng Thị Mới") && !after.contains("Võ Văn Viên"),
                "{case}: refreshed: {after}"
            );
            assert!(out.contains("lập lại theo danh sách mới"), "{case}: {out}");
        }
        // A third run changes nothing more and says the file matches, or names the changes again.
        let before_third = std::fs::read(&path).unwrap();
        let (_, third) = prepare(&inputs);
        assert_eq!(std::fs::read(&path).unwrap(), before_third, "{case}");
        assert_eq!(third.contains("Đặng Thị Mới"), kept, "{case}: {third}");
    }
}

/// Ban Tôn giáo's workbook, as the clerk would fill the one `prepare` wrote: B2 the unit,
/// row 4 the headings, row 5 the collective, then one row per member.
fn ban_ton_giao_book(inputs: &Path, collective: [Cell; 6], members: Vec<(&'static str, [Cell; 6])>) {
    let mut rows: Vec<Vec<Cell>> = vec![
        vec![T("KẾT QUẢ BIỂU QUYẾT")],
        vec![T("Đơn vị:"), T("Ban Tôn giáo")],
        vec![],
        vec![
            T("STT"),
            T("Người được kiểm điểm"),
            T("HTXSNV"),
            T("HTTNV"),
            T("HTNV"),
            T("KHTNV"),
            T("Tự xếp loại"),
            T("Tập thể đề xuất"),
        ],
        [vec![T(""), T("Tập thể Ban Tôn giáo")], collective.to_vec()].concat(),
    ];
    for (i, (name, cells)) in members.into_iter().enumerate() {
        let mut row = vec![N(i as f64 + 1.0), T(name)];
        row.extend(cells);
        rows.push(row);
    }
    write_xlsx(&inputs.join("don-vi/ban-ton-giao-phieu.xlsx"), &[sheet("Phiếu", rows)]);
}

fn blank() -> [Cell; 6] {
    [Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]
}

/// The sample with Trần Đình Khoa's votes taken out of Ban Tôn giáo's meeting file.
fn sample_without_khoas_votes() -> (tempfile::TempDir, PathBuf) {
    let (keep, inputs) = sample_copy();
    let path = inputs.join("don-vi/ban-ton-giao.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let khoa = text.find("- name: Trần Đình Khoa").unwrap();
    let votes = "    votes: { HTXSNV: 0, HTTNV: 2, HTNV: 4, KHTNV: 0 }\n";
    let at = khoa + text[khoa..].find(votes).unwrap();
    std::fs::write(&path, format!("{}{}", &text[..at], &text[at + votes.len()..])).unwrap();
    (keep, inputs)
}

#[test]
fn votes_typed_in_the_workbook_reach_the_minutes() {
    let (keep, inputs) = sample_without_khoas_votes();
    let (code, out) = prepare(&inputs);
    assert_eq!(code, 0, "{out}");
    assert!(inputs.join("don-vi/ban-ton-giao-phieu.xlsx").is_file(), "written beside the meeting file: {out}");
    assert_eq!(
        std::fs::read_to_string(inputs.join("don-vi/ban-ton-giao.yaml")).unwrap().matches("votes:").count(),
        6,
        "the file itself untouched"
    );
    let (_, json) = check_json_on(&inputs, "2023-12-01");
    assert_eq!(json["summary"]["people"], 77, "no workbook read as a roster: {json:#}");
    assert!(
        with_rule(&json, "ROSTER_NO_HEADER").iter().all(|f| !f["source"]["file"].as_str().unwrap().contains("phieu"))
    );

    ban_ton_giao_book(
        &inputs,
        blank(),
        vec![("Trần Đình Khoa", [N(0.0), N(1.0), N(5.0), Cell::Empty, Cell::Empty, Cell::Empty])],
    );
    let (_, json) = check_json_on(&inputs, "2023-12-01");
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
    let outputs = keep.path().join("outputs");
    let (code, out) = build_at(&inputs, &outputs);
    assert_eq!(code, 0, "{out}");
    let minutes = text_at(&outputs.join("ban-ton-giao/bien-ban-hop-kiem-diem.docx"));
    let start = minutes.find(". Đồng chí Trần Đình Khoa").expect("Khoa's section");
    let section = &minutes[start..start + minutes[start..].find("\n2.").unwrap_or(minutes.len() - start)];
    assert!(section.contains("Hoàn thành tốt nhiệm vụ 1/6 phiếu"), "{section}");
    assert!(section.contains("Hoàn thành nhiệm vụ 5/6 phiếu"), "{section}");
}

#[test]
fn the_workbook_and_the_meeting_file_disagreeing_or_a_bad_cell_is_named_by_its_place() {
    let e = || Cell::Empty;
    // (case, the collective's row, Lê Quốc Hưng's row, expected cell, person named, words of the message)
    type Case = (&'static str, [Cell; 6], [Cell; 6], &'static str, Option<&'static str>, &'static [&'static str]);
    let cases: [Case; 6] = [
        (
            "a member's votes disagree",
            blank(),
            [N(0.0), N(4.0), e(), e(), e(), e()],
            "D6",
            Some("Lê Quốc Hưng"),
            &["Lê Quốc Hưng", "Phiếu!D6", "don-vi/ban-ton-giao.yaml:95:12", "ghi 4", "ghi 5"],
        ),
        (
            "the collective's votes disagree",
            [N(2.0), e(), e(), e(), e(), e()],
            blank(),
            "C5",
            None,
            &["Tập thể Ban Tôn giáo", "Phiếu!C5", "don-vi/ban-ton-giao.yaml:38:10", "ghi 2", "ghi 1"],
        ),
        (
            "a proposal disagrees",
            blank(),
            [e(), e(), e(), e(), e(), T("HTNV")],
            "H6",
            Some("Lê Quốc Hưng"),
            &["mức đề xuất", "Phiếu!H6", "don-vi/ban-ton-giao.yaml:96:15", "ghi HTNV", "ghi HTTNV"],
        ),
        (
            "text in a number column",
            blank(),
            [e(), T("năm"), e(), e(), e(), e()],
            "D6",
            None,
            &["“năm” không phải là một số"],
        ),
        ("a fraction of a vote", blank(), [e(), N(4.5), e(), e(), e(), e()], "D6", None, &["“4.5”", "số nguyên"]),
        ("an unknown rating", blank(), [e(), e(), e(), e(), T("Tốt lắm"), e()], "G6", None, &["“Tốt lắm”", "HTXSNV"]),
    ];
    let (_keep, inputs) = sample_copy();
    for (case, collective, member, cell, person, words) in cases {
        ban_ton_giao_book(&inputs, collective, vec![("Lê Quốc Hưng", member)]);
        let (code, json) = check_json_on(&inputs, "2023-12-01");
        assert_eq!(code, 1, "{case}: {json:#}");
        let invalid = with_rule(&json, "INPUT_INVALID");
        assert_eq!(invalid.len(), 1, "{case}: {invalid:#?}");
        let finding = invalid[0];
        assert_eq!(finding["source"]["file"], "don-vi/ban-ton-giao-phieu.xlsx", "{case}");
        assert_eq!(
            (finding["source"]["sheet"].as_str(), finding["source"]["cell"].as_str()),
            (Some("Phiếu"), Some(cell)),
            "{case}"
        );
        if let Some(person) = person {
            assert_eq!(finding["person"], person, "{case}");
        }
        let message = finding["message"].as_str().unwrap();
        for word in words {
            assert!(message.contains(word), "{case}: “{word}” in {message}");
        }
    }
    // An empty row, or values equal to the meeting file's in any spelling, is no finding at all.
    ban_ton_giao_book(
        &inputs,
        [N(1.0), N(5.0), e(), e(), T("HTTNV"), e()],
        vec![
            ("Lê Quốc Hưng", [N(0.0), N(5.0), N(1.0), N(0.0), T("HTTNV"), T("Hoàn thành tốt nhiệm vụ")]),
            ("Trần Đình Khoa", blank()),
        ],
    );
    let (code, json) = check_json_on(&inputs, "2023-12-01");
    assert_eq!((code, json["summary"]["errors"].as_u64()), (0, Some(0)), "{json:#}");
}

#[test]
fn status_after_init_asks_only_for_the_meetings_outcomes() {
    let parent = tempfile::tempdir().unwrap();
    let inputs = init(parent.path());
    for file in [
        "agency.yaml",
        "agency_review.yaml",
        "danh-sach.xlsx",
        "README.md",
        MEETING,
        "don-vi/phong-to-chuc-hanh-chinh-phieu.xlsx",
    ] {
        assert!(inputs.join(file).is_file(), "{file}");
    }
    let status = |today: &str| {
        let (code, stdout, stderr) = run(&["status", "--today", today, "--inputs", inputs.to_str().unwrap()]);
        assert!(code < 2, "{stderr}");
        stdout
    };
    let before = status("2023-11-18");
    let unit_line = before.lines().find(|l| l.contains("Phòng Tổ chức - Hành chính")).unwrap();
    assert_eq!(
        unit_line.trim(),
        format!(
            "Phòng Tổ chức - Hành chính  còn thiếu: kết quả cuộc họp kiểm điểm (tệp {MEETING} đã chuẩn bị, chưa nhập)"
        )
    );
    let agency_line = before.lines().find(|l| l.contains("Sở Nội vụ")).unwrap();
    assert!(agency_line.contains("còn thiếu: kết luận của cuộc họp tham vấn"), "{before}");
    for not_asked in ["self_rating", "proposed", "meeting)", "collective)"] {
        assert!(!before.contains(not_asked), "{not_asked}: {before}");
    }

    // Started, one self-rating typed in: the blocks left as prepared are asked for as missing.
    let path = inputs.join(MEETING);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("    self_rating:  ", "    self_rating: HTTNV", 1)).unwrap();
    let started = status("2023-11-25");
    let unit_line = started.lines().find(|l| l.contains("Phòng Tổ chức - Hành chính")).unwrap();
    for asked in [
        "thông tin cuộc họp (meeting)",
        "báo cáo kiểm điểm tập thể (collective)",
        "mức tự xếp loại (self_rating) của Lê Thị Thư, Võ Văn Viên",
    ] {
        assert!(unit_line.contains(asked), "{asked}: {started}");
    }

    // The clerk completes the prepared file after the meeting: the unit is done.
    let mut value: Value = serde_saphyr::from_str(&text).unwrap();
    let outcome: Value = serde_json::json!({
        "meeting": { "date": "17/11/2023", "start": "14:00", "end": "16:00", "place": "Phòng họp",
                     "chair": "Trần Văn Trưởng", "secretary": "Lê Thị Thư" },
        "collective": { "results": "Kết quả.", "strengths": "Ưu điểm.", "shortcomings": "Hạn chế.", "causes": "Nguyên nhân.",
                        "previous_year_remedies": "Khắc phục.", "responsibility": "Trách nhiệm.", "remedies": "Biện pháp.",
                        "next_year": "Nhiệm vụ.", "self_rating": "HTTNV", "votes": { "HTTNV": 3 } },
    });
    value = complete(&value, &outcome);
    for (entry, rating) in value["reviews"].as_array_mut().unwrap().iter_mut().zip(["HTTNV", "HTTNV", "HTNV"]) {
        entry["self_rating"] = rating.into();
        entry["proposed"] = rating.into();
        entry["votes"] = serde_json::json!({ rating: 3 });
    }
    value["reviews"][0]["chaired_by"] = "Lê Thị Thư".into();
    std::fs::write(&path, serde_json::to_string(&value).unwrap()).unwrap();
    let after = status("2023-11-18");
    let unit_line = after.lines().find(|l| l.contains("Phòng Tổ chức - Hành chính")).unwrap();
    assert!(unit_line.ends_with("đã đủ"), "{after}");
}

#[test]
fn a_workbook_renamed_away_from_its_suffix_is_not_taken_for_a_roster() {
    let parent = tempfile::tempdir().unwrap();
    let inputs = init(parent.path());
    let copy = parent.path().join("copy");
    copy_dir(&inputs, &copy);
    std::fs::rename(copy.join("don-vi/phong-to-chuc-hanh-chinh-phieu.xlsx"), copy.join("don-vi/bang.xlsx")).unwrap();
    let (_, json) = check_json_on(&copy, "2023-11-18");
    assert_eq!(json["summary"]["people"], 3, "its names are no people: {json:#}");
}

#[test]
fn a_filled_workbook_without_a_meeting_file_is_told_unless_the_meeting_file_is_broken() {
    // (case, what becomes of the meeting file, the workbook's warning expected)
    let cases: [(&str, Option<&str>, bool); 2] = [
        ("no meeting file", None, true),
        ("a broken meeting file", Some("kind: unit_review\nunit: Ban Tôn giáo\nmeeting: [\n"), false),
    ];
    for (case, meeting, warned) in cases {
        let (_keep, inputs) = sample_copy();
        let path = inputs.join("don-vi/ban-ton-giao.yaml");
        match meeting {
            Some(text) => std::fs::write(&path, text).unwrap(),
            None => std::fs::remove_file(&path).unwrap(),
        }
        ban_ton_giao_book(&inputs, [N(1.0), N(5.0), Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty], vec![]);
        let (_, json) = check_json_on(&inputs, "2023-12-01");
        let about_book: Vec<&Value> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["source"]["file"] == "don-vi/ban-ton-giao-phieu.xlsx")
            .collect();
        assert_eq!(about_book.len(), usize::from(warned), "{case}: {about_book:#?}");
        if warned {
            assert_eq!(about_book[0]["severity"], "warning", "{case}");
            assert!(about_book[0]["message"].as_str().unwrap().contains("chưa có tệp họp kiểm điểm"), "{case}");
        }
    }
}
