//! A rebuild costs what changed (the parse cache, the units' keys, the build's
//! fingerprint), and is never wrong for it: after every kind of change, the documents a
//! rebuild leaves are byte for byte those a build from nothing makes, and deleting the
//! cache changes nothing.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use xeploai::ingest::parse_cache::CACHE_NAME;

fn build(inputs: &Path, outputs: &Path, today: &str) -> String {
    let (code, log) = build_with(inputs, outputs, today, &[]);
    assert!((0..=1).contains(&code), "{log}");
    log
}

/// A document's parts, by name, but for the day of the build in its properties: a
/// document whose content did not change keeps the day it was made.
type Parts = BTreeMap<String, Vec<u8>>;

/// Every document under `dir` (not the kept versions), by path, with its parts.
fn documents(dir: &Path) -> BTreeMap<PathBuf, Parts> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|ext| ext == "docx"))
        .filter(|e| !e.path().starts_with(dir.join(".history")))
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), parts(e.path())))
        .collect()
}

fn parts(path: &Path) -> Parts {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().filter(|name| *name != "docProps/core.xml").map(String::from).collect();
    names
        .into_iter()
        .map(|name| {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut zip.by_name(&name).unwrap(), &mut bytes).unwrap();
            (name, bytes)
        })
        .collect()
}

/// "Đã ghi N văn bản", or 0 when nothing was written.
fn written(log: &str) -> usize {
    log.split("Đã ghi ").nth(1).and_then(|rest| rest.split(' ').next()).and_then(|n| n.parse().ok()).unwrap_or(0)
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Asserts that what `kept` holds of the documents a fresh build of `inputs` makes is
/// exactly those documents.
fn same_as_fresh(inputs: &Path, kept: &Path, today: &str, change: &str) {
    let fresh = tempfile::tempdir().unwrap();
    build(inputs, fresh.path(), today);
    let (fresh, kept) = (documents(fresh.path()), documents(kept));
    assert!(!fresh.is_empty());
    for (rel, parts) in &fresh {
        let kept = kept.get(rel).unwrap_or_else(|| panic!("after {change}: {} missing", rel.display()));
        assert!(kept == parts, "after {change}: {} differs from a fresh build", rel.display());
    }
}

/// A change to the inputs, by name.
type Change<'a> = (&'a str, Box<dyn Fn() + 'a>);

#[test]
fn every_kind_of_change_leaves_what_a_fresh_build_makes() {
    let dir = rules_case("clean", &[]);
    let inputs = dir.path();
    let out = tempfile::tempdir().unwrap();
    build(inputs, out.path(), "2023-12-01");
    let ccvc = std::fs::read(inputs.join("don-vi/ccvc.yaml")).unwrap();
    let changes: Vec<Change> = vec![
        ("a unit's meeting place", Box::new(|| edit(&inputs.join("don-vi/vp.yaml"), "tầng 2", "tầng 5"))),
        (
            "a rating, which moves the quotas",
            Box::new(|| edit(&inputs.join("don-vi/tt.yaml"), "proposed: HTTNV", "proposed: HTXSNV")),
        ),
        (
            "a post in the roster",
            Box::new(|| clean_roster(inputs, &[("Lê Văn Cường", "Chức vụ", "Chuyên viên chính")])),
        ),
        (
            "the agency's name",
            Box::new(|| edit(&inputs.join("agency.yaml"), "name: Sở Nội vụ", "name: Sở Nội vụ tỉnh Quảng Ngãi")),
        ),
        ("a meeting file removed", Box::new(|| std::fs::remove_file(inputs.join("don-vi/ccvc.yaml")).unwrap())),
        ("the meeting file put back", Box::new(|| std::fs::write(inputs.join("don-vi/ccvc.yaml"), &ccvc).unwrap())),
        (
            "a file only renamed",
            Box::new(|| std::fs::rename(inputs.join("don-vi/tt.yaml"), inputs.join("don-vi/thanh-tra.yaml")).unwrap()),
        ),
    ];
    for (change, apply) in changes {
        apply();
        build(inputs, out.path(), "2023-12-01");
        same_as_fresh(inputs, out.path(), "2023-12-01", change);
    }
    // Another day: the calendar's documents move on, the rest stays.
    build(inputs, out.path(), "2023-12-20");
    same_as_fresh(inputs, out.path(), "2023-12-20", "another day");
}

#[test]
fn deleting_the_cache_changes_no_output() {
    let dir = rules_case("clean", &[]);
    let (with, without) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build(dir.path(), with.path(), "2023-12-01");
    build(dir.path(), without.path(), "2023-12-01");
    assert!(with.path().join(CACHE_NAME).is_file(), "a build keeps its parse cache");
    edit(&dir.path().join("don-vi/vp.yaml"), "tầng 2", "tầng 5");
    std::fs::remove_file(without.path().join(CACHE_NAME)).unwrap();
    let (log_with, log_without) =
        (build(dir.path(), with.path(), "2023-12-01"), build(dir.path(), without.path(), "2023-12-01"));
    assert_eq!(written(&log_with), written(&log_without), "{log_with}\n{log_without}");
    assert!(written(&log_with) > 0, "{log_with}");
    assert_eq!(documents(with.path()), documents(without.path()));
    assert!(without.path().join(CACHE_NAME).is_file(), "the cache is made again");
}

#[test]
fn a_cache_of_other_inputs_or_garbage_is_set_aside() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(out.path()).unwrap();
    std::fs::write(out.path().join(CACHE_NAME), b"not a cache at all").unwrap();
    build(dir.path(), out.path(), "2023-12-01");
    same_as_fresh(dir.path(), out.path(), "2023-12-01", "a garbage cache");
    // The cache of one roster is not trusted with another: without Võ Văn Giang, every
    // name after his is another row of the roster.
    write_xlsx(&dir.path().join("danh-sach.xlsx"), &[clean_sheet(&[], |name| name != "Võ Văn Giang", &[])]);
    build(dir.path(), out.path(), "2023-12-01");
    same_as_fresh(dir.path(), out.path(), "2023-12-01", "another roster");
}

#[test]
fn a_later_cycle_unit_change_leaves_what_a_fresh_build_makes() {
    // The 2026 sample: scores, shares group by group, a unit under the fallback rules.
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/2026"), &inputs);
    let out = tempfile::tempdir().unwrap();
    build(&inputs, out.path(), "2026-12-11");
    let museum = inputs.join("don-vi/bao-tang-tong-hop-tinh.yaml");
    edit(&museum, "score: { general: 26, tasks: 59 }", "score: { general: 29, tasks: 68 }");
    build(&inputs, out.path(), "2026-12-11");
    same_as_fresh(&inputs, out.path(), "2026-12-11", "a score");
    edit(&museum, "proposed: HTTNV\n    score: { general: 29", "proposed: HTXSNV\n    score: { general: 29");
    build(&inputs, out.path(), "2026-12-11");
    same_as_fresh(&inputs, out.path(), "2026-12-11", "a rating in a group share");
}

#[test]
fn a_hand_edited_document_is_warned_of_at_every_build() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    build(dir.path(), out.path(), "2023-12-01");
    edit(&dir.path().join("don-vi/vp.yaml"), "tầng 2", "tầng 5");
    std::fs::write(out.path().join("van-phong-so/bien-ban-hop-kiem-diem.docx"), b"the clerk's own").unwrap();
    for _ in 0..2 {
        let log = build(dir.path(), out.path(), "2023-12-01");
        assert!(log.contains("đã được sửa tay"), "{log}");
    }
}

#[test]
fn a_manifest_hash_edited_by_hand_costs_only_its_own_document() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    build(dir.path(), out.path(), "2023-12-01");
    let path = out.path().join(xeploai::output::MANIFEST_NAME);
    let mut manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let damaged = "van-phong-so/bien-ban-hop-kiem-diem.docx";
    let entry = &mut manifest["documents"][damaged];
    assert!(entry["bytes"].is_string(), "{manifest:#}");
    entry["bytes"] = "not a hash".into();
    entry["modified"] = 1.into();
    std::fs::write(&path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();

    // One unit changed: its minutes are rebuilt, and the damaged entry's document is
    // kept as a hand edit with the new version beside it; the rest of the manifest
    // still counts (no other document is taken for a hand edit).
    edit(&dir.path().join("don-vi/vp.yaml"), "tầng 2", "tầng 5");
    let log = build(dir.path(), out.path(), "2023-12-01");
    assert_eq!(log.matches("đã được sửa tay").count(), 1, "{log}");
    assert!(log.contains("bien-ban-hop-kiem-diem.docx"), "{log}");
    assert!(out.path().join("van-phong-so/bien-ban-hop-kiem-diem (ban moi).docx").exists());
}

/// Every document of ours gets another modification time, its bytes unchanged: the
/// outputs folder copied, or restored from a backup.
fn touch_every_document(outputs: &Path) -> usize {
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(3600);
    let documents: Vec<PathBuf> = documents(outputs).into_keys().collect();
    for rel in &documents {
        std::fs::File::options().write(true).open(outputs.join(rel)).unwrap().set_modified(later).unwrap();
    }
    documents.len()
}

/// The documents whose manifest entry does not have the file's size and time: those a
/// build would read and hash to know whether a person edited them.
fn stamps_out_of_date(outputs: &Path) -> Vec<String> {
    let manifest = xeploai::output::Manifest::load(outputs);
    manifest
        .documents
        .iter()
        .map(|(rel, entry)| (rel.path(), entry))
        .filter(|(rel, entry)| xeploai::output::stamp(&outputs.join(rel)) != Some((entry.len, entry.modified)))
        .map(|(rel, _)| rel)
        .collect()
}

#[test]
fn a_copied_outputs_folder_is_read_once_then_known_by_its_stamps() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    build(dir.path(), out.path(), "2023-12-01");
    assert_eq!(stamps_out_of_date(out.path()), Vec::<String>::new());
    let before = documents(out.path());

    // Nothing changed but the times: nothing is written, not taken for a hand edit,
    // and the new stamps are recorded.
    assert!(touch_every_document(out.path()) > 10);
    assert!(stamps_out_of_date(out.path()).len() > 10);
    let log = build(dir.path(), out.path(), "2023-12-01");
    assert!(log.contains("Không có gì thay đổi"), "{log}");
    assert!(!log.contains("sửa tay"), "{log}");
    assert_eq!(stamps_out_of_date(out.path()), Vec::<String>::new(), "every new stamp recorded");
    assert!(documents(out.path()) == before);

    // The same after a change to one unit: the others' documents are recorded too.
    touch_every_document(out.path());
    edit(&dir.path().join("don-vi/vp.yaml"), "tầng 2", "tầng 5");
    let log = build(dir.path(), out.path(), "2023-12-01");
    assert!(written(&log) >= 1 && !log.contains("sửa tay"), "{log}");
    assert_eq!(stamps_out_of_date(out.path()), Vec::<String>::new(), "every new stamp recorded");
    same_as_fresh(dir.path(), out.path(), "2023-12-01", "a copy and a change");
}

/// The clean case built once from `inputs/` into `outputs/` of a folder where a
/// `templates/` folder can override the embedded templates: (the folder, the inputs,
/// the outputs).
fn built_beside_templates() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    copy_dir(rules_case("clean", &[]).path(), &inputs);
    let out = dir.path().join("outputs");
    build(&inputs, &out, "2023-12-01");
    (dir, inputs, out)
}

/// Overrides the embedded template `name` beside the inputs of `dir` with `edit` of its text.
fn override_template(dir: &Path, name: &str, edit: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates").join(name)).unwrap();
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    std::fs::write(dir.join("templates").join(name), edit(text)).unwrap();
}

#[test]
fn a_template_change_that_changes_no_document_rewrites_none() {
    // The same happens for every document when a new build of the program renders
    // them again: files whose bytes come out the same stay, and their history too.
    let (dir, inputs, out) = built_beside_templates();
    let before = documents(&out);
    let minutes = out.join("van-phong-so/bien-ban-hop-kiem-diem.docx");
    let stamp = std::fs::metadata(&minutes).unwrap().modified().unwrap();
    override_template(dir.path(), "unit_minutes.tera", |text| text + "{# a note #}");
    let log = build(&inputs, &out, "2023-12-01");
    assert_eq!(written(&log), 0, "{log}");
    assert_eq!(std::fs::metadata(&minutes).unwrap().modified().unwrap(), stamp);
    assert!(!out.join(".history").exists(), "no version kept of a file that did not change");
    assert_eq!(documents(&out), before);
}

#[test]
fn an_edit_of_a_shared_template_reaches_every_document_that_uses_it() {
    // `_shared.tera` names every person; no document's own template changes, yet each
    // that names someone must come out as a build from nothing makes it.
    let (dir, inputs, out) = built_beside_templates();
    override_template(dir.path(), "_shared.tera", |text| {
        let edited = text.replacen("{% if capital %}Đồng chí{% else %}đồng chí{% endif %}", "Ông/bà", 1);
        assert_ne!(edited, text, "the person component is where the test expects it");
        edited
    });
    let log = build(&inputs, &out, "2023-12-01");
    assert!(written(&log) > 0, "{log}");
    let minutes = common::docx::open(&std::fs::read(out.join("van-phong-so/bien-ban-hop-kiem-diem.docx")).unwrap());
    assert!(minutes.text().contains("Ông/bà"), "{}", minutes.text());
    same_as_fresh(&inputs, &out, "2023-12-01", "an edit of _shared.tera");
}

#[test]
fn a_roster_taken_from_the_cache_gives_the_same_findings() {
    // A value the roster cannot read is a finding at its cell, from the cache as well.
    let dir = rules_case("clean", &[("Võ Văn Giang", "Số tháng công tác", "mười")]);
    let out = tempfile::tempdir().unwrap();
    let roster_lines =
        |log: &str| log.lines().filter(|line| line.contains("danh-sach.xlsx")).map(String::from).collect::<Vec<_>>();
    let first = build(dir.path(), out.path(), "2023-12-01");
    assert!(!roster_lines(&first).is_empty(), "{first}");
    edit(&dir.path().join("don-vi/vp.yaml"), "tầng 2", "tầng 5");
    let cached = build(dir.path(), out.path(), "2023-12-01");
    assert!(written(&cached) > 0, "a rebuild, not the build with nothing to do: {cached}");
    assert_eq!(roster_lines(&first), roster_lines(&cached));
    same_as_fresh(dir.path(), out.path(), "2023-12-01", "a meeting place, the roster from the cache");
}

#[test]
fn a_check_reads_the_cache_a_build_left_and_writes_nothing() {
    // A roster value the program cannot read: its finding is kept in the cache.
    let dir = rules_case("clean", &[("Võ Văn Giang", "Số tháng công tác", "mười")]);
    let out = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2023, 12, 1).unwrap();
    build(dir.path(), out.path(), "2023-12-01");
    // The cached finding made recognisable (same length in UTF-8, so still well formed).
    let cache = out.path().join(CACHE_NAME);
    let text = std::fs::read(&cache).unwrap();
    let marked = replace_bytes(&text, "mười".as_bytes(), "MƯỜI".as_bytes());
    assert_ne!(marked, text, "the value is in the cache");
    std::fs::write(&cache, &marked).unwrap();
    let stamp = std::fs::metadata(&cache).unwrap().modified().unwrap();

    let findings = |cache_in: Option<&Path>| {
        let run = xeploai::pipeline::check(dir.path(), cache_in, today);
        assert!(run.ingest.dataset.is_some());
        run.findings.iter().map(|f| f.to_string()).filter(|f| f.contains("danh-sach.xlsx")).collect::<Vec<_>>()
    };
    let (from_cache, from_files) = (findings(Some(out.path())), findings(None));
    assert!(from_cache.iter().any(|f| f.contains("MƯỜI")), "read from the cache: {from_cache:?}");
    assert!(from_files.iter().any(|f| f.contains("mười")), "{from_files:?}");
    assert_eq!(from_cache.len(), from_files.len());
    // Nothing written: the cache is as it was left.
    assert_eq!(std::fs::read(&cache).unwrap(), marked);
    assert_eq!(std::fs::metadata(&cache).unwrap().modified().unwrap(), stamp);
}

fn replace_bytes(hay: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len());
    let mut at = 0;
    while at < hay.len() {
        if hay[at..].starts_with(from) {
            out.extend_from_slice(to);
            at += from.len();
        } else {
            out.push(hay[at]);
            at += 1;
        }
    }
    out
}

/// The agency's documents go to their staging files as soon as they are rendered, long
/// before their batch is written: a hand edit still keeps its place, and no staging
/// file outlives the build, whether its document was written, put beside a hand edit,
/// or rendered again to the same bytes.
#[test]
fn agency_documents_staged_early_keep_hand_edits_and_leave_no_staging_file() {
    let (dir, inputs, out) = built_beside_templates();
    let report = out.join("co-quan/bao-cao-ubnd-tinh.docx");
    std::fs::write(&report, b"the clerk's own report").unwrap();
    // The file on disk is not the one written: the report is rendered again.
    let log = build(&inputs, &out, "2023-12-01");
    assert_eq!(written(&log), 1, "{log}");
    assert_eq!(std::fs::read(&report).unwrap(), b"the clerk's own report");
    let beside = out.join("co-quan/bao-cao-ubnd-tinh (ban moi).docx");
    let text = docx::open(&std::fs::read(&beside).unwrap()).text();
    assert!(text.contains("Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi"), "{log}\n{text}");
    let stamp = std::fs::metadata(&beside).unwrap().modified().unwrap();
    // A template note: every agency document is rendered again, to the same bytes.
    override_template(dir.path(), "agency_report.tera", |text| text + "{# a note #}");
    let log = build(&inputs, &out, "2023-12-01");
    assert_eq!(written(&log), 0, "{log}");
    assert_eq!(std::fs::metadata(&beside).unwrap().modified().unwrap(), stamp);
    let staging: Vec<PathBuf> = walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .map(|entry| entry.into_path())
        .filter(|path| path.to_string_lossy().ends_with(".xeploai-tmp"))
        .collect();
    assert!(staging.is_empty(), "staging files left: {staging:?}");
}
