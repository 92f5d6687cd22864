//! A build of the inputs the last build checked, on the same day, replays that check
//! (`pipeline::replay`): the same findings, counts and units held back, told the clerk
//! the same way, without the dataset read again. Other inputs, another day or a
//! document to write again check again, and what the build leaves is the same.

mod common;

use std::path::Path;

use common::*;
use xeploai::pipeline::replay::REPLAY_NAME;
use xeploai::pipeline::{BuildOutcome, CheckRun, build};

fn build_on(inputs: &Path, outputs: &Path, today: &str) -> BuildOutcome {
    build(inputs, &build_options(outputs, today)).unwrap()
}

/// The clean agency (inputs, outputs), built once on 2023-12-01.
fn clean_built() -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    build_on(dir.path(), out.path(), "2023-12-01");
    (dir, out)
}

fn findings(run: &CheckRun) -> Vec<String> {
    run.findings.iter().map(|f| format!("{} {f}", f.rule)).collect()
}

/// The check's part of a `build` log: what the clerk reads before the documents are
/// written, without the time it took.
fn check_report(log: &str) -> Vec<&str> {
    log.lines().take_while(|line| !line.starts_with("Đọc và kiểm tra xong")).collect()
}

#[test]
fn a_rebuild_of_the_same_inputs_on_the_same_day_replays_the_check() {
    // Votes beyond those present: an error that holds the unit's documents back.
    let dir = rules_case("votes-exceed", &[]);
    let out = tempfile::tempdir().unwrap();
    let first = build_on(dir.path(), out.path(), "2023-12-01");
    assert!(first.run.replayed.is_none() && first.run.ingest.dataset.is_some());
    assert!(!first.held_back.is_empty(), "the case holds a unit back");
    assert!(first.run.findings.has_errors());

    let again = build_on(dir.path(), out.path(), "2023-12-01");
    assert!(again.run.replayed.is_some(), "replayed");
    assert!(again.run.ingest.dataset.is_none(), "no dataset read");
    assert_eq!(findings(&again.run), findings(&first.run));
    assert_eq!(again.run.counts(), first.run.counts());
    assert_eq!(again.held_back, first.held_back);
    assert_eq!(again.exit_code(), first.exit_code());
    assert_eq!(again.report.written.len(), 0);
    assert_eq!(again.report.unchanged.len(), first.report.written.len() + first.report.unchanged.len());

    // The clerk reads the same report, line for line.
    let (code, log) = build_with(dir.path(), out.path(), "2023-12-01", &[]);
    let fresh = tempfile::tempdir().unwrap();
    let (fresh_code, fresh_log) = build_with(dir.path(), fresh.path(), "2023-12-01", &[]);
    assert_eq!(code, fresh_code);
    assert_eq!(check_report(&log), check_report(&fresh_log));
    assert!(log.contains("có lỗi nên chưa lập lại văn bản"), "{log}");
    assert!(log.contains("Không có gì thay đổi"), "{log}");
}

#[test]
fn the_replay_holds_only_for_the_same_inputs_on_the_same_day() {
    let (dir, out) = clean_built();
    assert!(build_on(dir.path(), out.path(), "2023-12-01").run.replayed.is_some());

    // An input changed: checked again, and its documents written.
    edit(dir.path(), "don-vi/vp.yaml", "tầng 2", "tầng 5");
    let changed = build_on(dir.path(), out.path(), "2023-12-01");
    assert!(changed.run.replayed.is_none());
    assert_ne!(changed.report.written.len(), 0);
    assert!(build_on(dir.path(), out.path(), "2023-12-01").run.replayed.is_some());

    // Another day: its findings may differ (deadlines).
    let next_day = build_on(dir.path(), out.path(), "2023-12-02");
    assert!(next_day.run.replayed.is_none());

    // A file that is not what it should be is set aside, and so is a missing one.
    std::fs::write(out.path().join(REPLAY_NAME), b"not a check").unwrap();
    assert!(build_on(dir.path(), out.path(), "2023-12-02").run.replayed.is_none());
    assert!(build_on(dir.path(), out.path(), "2023-12-02").run.replayed.is_some());
    std::fs::remove_file(out.path().join(REPLAY_NAME)).unwrap();
    let without = build_on(dir.path(), out.path(), "2023-12-02");
    assert!(without.run.replayed.is_none());
    assert_eq!(without.report.written.len(), 0, "nothing to write either way");
}

#[test]
fn a_replayed_check_with_a_document_to_write_again_reads_the_dataset() {
    let (dir, out) = clean_built();
    let minutes = out.path().join("van-phong-so/bien-ban-hop-kiem-diem.docx");
    let bytes = std::fs::read(&minutes).unwrap();
    std::fs::remove_file(&minutes).unwrap();

    let rebuilt = build_on(dir.path(), out.path(), "2023-12-01");
    // Replayed, found a document missing, and checked again to write it.
    assert!(rebuilt.run.ingest.dataset.is_some());
    assert_eq!(rebuilt.report.written.len(), 1);
    assert_eq!(std::fs::read(&minutes).unwrap(), bytes, "the same document again");
    assert!(build_on(dir.path(), out.path(), "2023-12-01").run.replayed.is_some());
}
