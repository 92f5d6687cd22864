//! Shared test helpers: fixture folders copied to a temp dir, workbooks written with
//! rust_xlsxwriter the way clerks lay them out, and the binary run as a clerk would.
#![allow(dead_code)]

pub mod conformance;
pub mod docx;
pub mod pages;

use std::path::{Path, PathBuf};
use std::process::Command;

use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;
use tempfile::TempDir;
use xeploai::findings::{Finding, Findings};
use xeploai::model::Dataset;

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Replaces the first `from` by `to` in the file `rel` of `dir`; the file must hold `from`.
pub fn edit(dir: &Path, rel: &str, from: &str, to: &str) {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A finding as the rule tables of the tests name it: (rule, severity, unit, person).
pub type FindingKey = (String, String, Option<String>, Option<String>);

/// The findings of a `check --format json` output, in the order printed.
pub fn finding_keys(json: &Value) -> Vec<FindingKey> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["unit"].as_str().map(String::from),
                f["person"].as_str().map(String::from),
            )
        })
        .collect()
}

/// A table's expected findings as [`FindingKey`]s.
pub fn expected_keys(expected: &[(&str, &str, Option<&str>, Option<&str>)]) -> Vec<FindingKey> {
    expected
        .iter()
        .map(|(r, s, u, p)| (r.to_string(), s.to_string(), u.map(String::from), p.map(String::from)))
        .collect()
}

/// A temp inputs folder holding a copy of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures_dir().join(name), dir.path());
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A cell as a clerk types it.
#[derive(Clone, Debug)]
pub enum Cell {
    T(&'static str),
    S(String),
    N(f64),
    /// An Excel date (serial number with a date format).
    D(u16, u8, u8),
    Empty,
}

#[allow(unused_imports)]
pub use Cell::{D, Empty, N, S, T};

pub struct Sheet {
    pub name: &'static str,
    pub rows: Vec<Vec<Cell>>,
    /// (first_row, first_col, last_row, last_col, text): merged ranges with their text.
    pub merges: Vec<(u32, u16, u32, u16, &'static str)>,
    /// (row, col, text): values far from the table, as a stray keystroke leaves them.
    pub stray: Vec<(u32, u16, &'static str)>,
}

pub fn sheet(name: &'static str, rows: Vec<Vec<Cell>>) -> Sheet {
    Sheet { name, rows, merges: Vec::new(), stray: Vec::new() }
}

pub fn write_xlsx(path: &Path, sheets: &[Sheet]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for s in sheets {
        let ws = book.add_worksheet();
        ws.set_name(s.name).unwrap();
        for (r, row) in s.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Cell::T(t) => {
                        ws.write_string(r, c, *t).unwrap();
                    }
                    Cell::S(t) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    Cell::N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    Cell::D(y, m, d) => {
                        let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                    }
                    Cell::Empty => {}
                }
            }
        }
        for (r1, c1, r2, c2, text) in &s.merges {
            ws.merge_range(*r1, *c1, *r2, *c2, text, &Format::new()).unwrap();
        }
        for (r, c, text) in &s.stray {
            ws.write_string(*r, *c, *text).unwrap();
        }
    }
    book.save(path).unwrap();
}

/// The base agency with one roster `ds.xlsx` whose sheet "DS" holds `rows`.
pub fn base_with_roster(rows: Vec<Vec<Cell>>) -> TempDir {
    let dir = fixture("base");
    write_xlsx(&dir.path().join("ds.xlsx"), &[sheet("DS", rows)]);
    dir
}

/// Ingest through the library: the dataset and every finding.
pub fn ingest(dir: &Path) -> (Option<Dataset>, Vec<Finding>) {
    let mut findings = Findings::default();
    let ingest = xeploai::ingest::ingest(dir, &mut findings);
    (ingest.dataset, findings.0)
}

/// `xeploai <args>` as a process: (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xeploai")).args(args).output().expect("run xeploai");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `xeploai build --today TODAY` from `inputs` into `outputs` with `env` set: (exit code,
/// stdout and stderr together). Never a panic.
pub fn build_with(inputs: &Path, outputs: &Path, today: &str, env: &[(&str, &str)]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xeploai"))
        .args(["build", "--today", today, "--inputs"])
        .arg(inputs)
        .arg("--outputs")
        .arg(outputs)
        .envs(env.iter().copied())
        .output()
        .expect("run xeploai");
    let log = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!log.contains("panicked"), "{log}");
    (out.status.code().unwrap_or(-1), log)
}

/// `xeploai check --format json --inputs DIR`: (exit code, parsed JSON).
pub fn check_json(dir: &Path) -> (i32, Value) {
    let (code, stdout, stderr) = run(&["check", "--format", "json", "--inputs", dir.to_str().unwrap()]);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\n{stderr}"));
    (code, json)
}

/// The findings of one rule in a JSON result.
pub fn with_rule<'a>(json: &'a Value, rule: &str) -> Vec<&'a Value> {
    json["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == rule).collect()
}

pub fn rules_of(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.rule).collect()
}

/// A small roster for the base agency: two people per unit, the heads first.
pub fn base_roster(dir: &Path) {
    write_xlsx(
        &dir.join("danh-sach.xlsx"),
        &[sheet(
            "DS",
            vec![
                vec![T("Họ và tên"), T("Chức vụ"), T("Đơn vị")],
                vec![T("Nguyễn Văn An"), T("Chánh Văn phòng"), T("VP")],
                vec![T("Trần Thị Bình"), T("Phó Chánh Văn phòng"), T("VP")],
                vec![T("Lê Văn Cường"), Empty, T("VP")],
                vec![T("Hoàng Văn Em"), T("Trưởng phòng"), T("Phòng CCVC")],
                vec![T("Đỗ Thị Hạnh"), T("Giám đốc Trung tâm"), T("TTLTLS")],
            ],
        )],
    );
}

/// The base agency and roster plus the files of `tests/fixtures/<case>`.
pub fn case(case: &str) -> TempDir {
    let dir = fixture("base");
    base_roster(dir.path());
    copy_dir(&fixtures_dir().join(case), dir.path());
    dir
}

/// Columns of the clean roster, in order.
pub const CLEAN_COLUMNS: [&str; 14] = [
    "Họ và tên",
    "Chức vụ",
    "Đơn vị",
    "Đối tượng",
    "Đảng viên",
    "Số tháng công tác",
    "Nghỉ thai sản",
    "Nghỉ ốm (ngày)",
    "Kỷ luật",
    "Loại kỷ luật",
    "Không tính kỷ luật",
    "Quyết định kỷ luật",
    "Căn cứ không tính kỷ luật",
    "Kỷ luật liên quan công vụ",
];

/// The roster of `tests/fixtures/rules/clean`: (name, post, unit, category).
pub const CLEAN_PEOPLE: [(&str, &str, &str, &str); 17] = [
    ("Trương Minh Khôi", "Giám đốc", "Lãnh đạo Sở", "CC"),
    ("Nguyễn Văn An", "Chánh Văn phòng", "VP", "CC"),
    ("Trần Thị Bình", "Phó Chánh Văn phòng", "VP", "CC"),
    ("Lê Văn Cường", "", "VP", "CC"),
    ("Phạm Thị Dung", "", "VP", "CC"),
    ("Võ Văn Giang", "", "VP", "CC"),
    ("Đặng Văn Hải", "", "VP", "CC"),
    ("Hoàng Văn Em", "Trưởng phòng", "Phòng CCVC", "CC"),
    ("Bùi Văn Phúc", "Phó Trưởng phòng", "Phòng CCVC", "CC"),
    ("Ngô Thị Khánh", "Chuyên viên", "Phòng CCVC", "CC"),
    ("Dương Thị Linh", "", "Phòng CCVC", "CC"),
    ("Huỳnh Văn Minh", "", "Phòng CCVC", "CC"),
    ("Đỗ Thị Hạnh", "Giám đốc Trung tâm", "TTLTLS", "VC"),
    ("Lý Văn Nam", "Phó Giám đốc Trung tâm", "TTLTLS", "VC"),
    ("Mai Thị Oanh", "Lưu trữ viên", "TTLTLS", "VC"),
    ("Tạ Văn Quân", "", "TTLTLS", "VC"),
    ("Hồ Văn Sơn", "Lái xe", "TTLTLS", "HĐLĐ"),
];

/// Writes the clean roster with `tweaks` applied: (person, column header, value).
pub fn clean_roster(dir: &Path, tweaks: &[(&str, &str, &str)]) {
    write_xlsx(&dir.join("danh-sach.xlsx"), &[clean_sheet(&[], |_| true, tweaks)]);
}

/// The clean roster as a sheet "DS": headers renamed by `renames` (clean header, header
/// written), only the people `keep` keeps, `tweaks` applied as in [`clean_roster`].
pub fn clean_sheet(
    renames: &[(&str, &'static str)],
    keep: impl Fn(&str) -> bool,
    tweaks: &[(&str, &str, &str)],
) -> Sheet {
    let header = CLEAN_COLUMNS.iter().map(|c| T(renames.iter().find(|(from, _)| from == c).map_or(c, |(_, to)| to)));
    let mut rows = vec![header.collect::<Vec<Cell>>()];
    for (name, post, unit, category) in CLEAN_PEOPLE.into_iter().filter(|p| keep(p.0)) {
        let mut row: Vec<Cell> = CLEAN_COLUMNS.iter().map(|_| Empty).collect();
        row[0] = T(name);
        row[1] = T(post);
        row[2] = T(unit);
        row[3] = T(category);
        for (who, column, value) in tweaks.iter().filter(|t| t.0 == name) {
            let c = CLEAN_COLUMNS
                .iter()
                .position(|h| h == column)
                .unwrap_or_else(|| panic!("no column {column} for {who}"));
            row[c] = S(value.to_string());
        }
        rows.push(row);
    }
    sheet("DS", rows)
}

/// The clean agency with the files of `tests/fixtures/rules/<case>` laid over it and
/// the roster tweaked.
pub fn rules_case(case: &str, tweaks: &[(&str, &str, &str)]) -> TempDir {
    let dir = fixture("rules/clean");
    clean_roster(dir.path(), tweaks);
    let over = fixtures_dir().join("rules").join(case);
    if case != "clean" && over.is_dir() {
        copy_dir(&over, dir.path());
    }
    dir
}

/// `xeploai check --format json --inputs DIR --today DATE`.
pub fn check_json_on(dir: &Path, today: &str) -> (i32, Value) {
    let (code, stdout, stderr) =
        run(&["check", "--format", "json", "--inputs", dir.to_str().unwrap(), "--today", today]);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\n{stderr}"));
    (code, json)
}

/// The clean agency with the files of `tests/fixtures/<extra>` added.
pub fn clean_plus(extra: &str) -> TempDir {
    let dir = rules_case("clean", &[]);
    copy_dir(&fixtures_dir().join(extra), dir.path());
    dir
}

/// Converts one DOCX with LibreOffice: the PDF and its text per page (see [`libreoffice_pdfs`]).
pub fn libreoffice_pages(docx: &Path) -> Option<(PathBuf, Vec<String>)> {
    let (path, pages) = libreoffice_pdfs(&[docx.to_path_buf()])?.pop()?;
    Some((path.with_extension("pdf"), pages))
}

/// A copy of the sample `inputs/` in a temp dir: (the temp dir, its `inputs` folder).
pub fn sample_copy() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    copy_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/inputs")), &inputs);
    (dir, inputs)
}

/// A synthetic agency of `people` (`xeploai generate --seed SEED`) in a temp dir: (the
/// temp dir, its `inputs` folder).
pub fn generated(people: usize, seed: u64) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    let (people, seed) = (people.to_string(), seed.to_string());
    let (code, _, stderr) = run(&["generate", inputs.to_str().unwrap(), "--people", &people, "--seed", &seed]);
    assert_eq!(code, 0, "{stderr}");
    (dir, inputs)
}

/// `xeploai build --today 2023-12-01` from `inputs` into `outputs`: (exit code, all output).
pub fn build_at(inputs: &Path, outputs: &Path) -> (i32, String) {
    let (code, stdout, stderr) = run(&[
        "build",
        "--today",
        "2023-12-01",
        "--inputs",
        inputs.to_str().unwrap(),
        "--outputs",
        outputs.to_str().unwrap(),
    ]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (code, stdout + &stderr)
}

/// Converts many DOCX at once with LibreOffice: each file with its PDF's text per page.
/// `None` (a loud skip) when `soffice` is missing, a failure when `CI=true`.
pub fn libreoffice_pdfs(docx: &[PathBuf]) -> Option<Vec<(PathBuf, Vec<String>)>> {
    let available = Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success());
    if !available {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but LibreOffice (soffice) is not installed");
        eprintln!("\n*** SKIPPED: LibreOffice (soffice) is not installed; the round-trip test did not run. ***\n");
        return None;
    }
    let out_dir = docx[0].parent().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.path().display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out_dir)
        .args(docx)
        .output()
        .expect("run soffice");
    assert!(status.status.success(), "soffice failed: {}", String::from_utf8_lossy(&status.stderr));
    Some(
        docx.iter()
            .map(|d| {
                let pdf = d.with_extension("pdf");
                assert!(pdf.exists(), "no PDF for {}", d.display());
                let text = Command::new("pdftotext").args(["-layout"]).arg(&pdf).arg("-").output().expect("pdftotext");
                let text = String::from_utf8(text.stdout).expect("UTF-8 text");
                (d.clone(), text.split('\u{c}').filter(|p| !p.trim().is_empty()).map(str::to_string).collect())
            })
            .collect(),
    )
}

/// Fails naming the first of `expected` that `text` lacks, with the whole text to read.
pub fn contains_all(text: &str, expected: &[&str]) {
    for wanted in expected {
        assert!(text.contains(wanted), "no {wanted:?}\n{text}");
    }
}

/// What `xeploai build --outputs OUTPUTS --today TODAY` gives the library's build: no
/// history kept, no progress bar, a short wait for the lock.
pub fn build_options(outputs: &Path, today: &str) -> xeploai::pipeline::BuildOptions {
    xeploai::pipeline::BuildOptions {
        outputs: outputs.to_path_buf(),
        today: today.parse().unwrap(),
        keep_history: 0,
        lock_wait: std::time::Duration::from_secs(5),
        progress: false,
        list_rows: xeploai::render::plan::LIST_ROWS,
    }
}
