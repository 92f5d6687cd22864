//! `xeploai watch`: rebuild when the inputs or templates change, and, with `--tick`, at
//! the calendar's scheduled times; keeps running whatever the inputs hold.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use super::{InputArgs, OutputArgs, report};
use crate::calendar::schedule;
use crate::findings::Severity;
use crate::pipeline::{build, exit, is_output_bookkeeping};
use crate::scan::is_ignorable;

/// Saving a workbook takes Excel several writes; events closer than this are one change.
const DEBOUNCE: Duration = Duration::from_millis(1200);

pub fn command(input: &InputArgs, output: &OutputArgs, tick: bool) -> u8 {
    let inputs = input.inputs.as_path();
    let Some(today) = super::prepare(inputs, input.today.as_deref()) else { return exit::CANNOT_RUN };
    let fixed_today = input.today.is_some();
    let (tx, rx) = channel::<DebounceEventResult>();
    let mut debouncer = match new_debouncer(DEBOUNCE, None, tx) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("LỖI: không theo dõi được thư mục: {e}");
            return exit::CANNOT_RUN;
        }
    };
    let templates = inputs.parent().map(|p| p.join("templates")).filter(|p| p.is_dir());
    for dir in std::iter::once(inputs.to_path_buf()).chain(templates.clone()) {
        if let Err(e) = debouncer.watch(&dir, RecursiveMode::Recursive) {
            eprintln!("LỖI: không theo dõi được “{}”: {e}", dir.display());
            return exit::CANNOT_RUN;
        }
    }
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let outputs_arg = output.folder(inputs);
    let outputs = canonical(&outputs_arg);
    let roots: Vec<PathBuf> = std::iter::once(inputs.to_path_buf()).chain(templates).map(|p| canonical(&p)).collect();
    let rebuild = |why: &str| {
        let today = if fixed_today { today } else { chrono::Local::now().date_naive() };
        let options = output.options(inputs, today, false, Duration::from_secs(60));
        let stamp = chrono::Local::now().format("%H:%M:%S");
        match build(inputs, &options) {
            Ok(outcome) => {
                let run = &outcome.run;
                println!(
                    "[{stamp}] {why}: ghi {} văn bản, {} không đổi; {} lỗi, {} cảnh báo.",
                    outcome.report.written.len(),
                    outcome.report.unchanged.len(),
                    run.findings.count(Severity::Error),
                    run.findings.count(Severity::Warning)
                );
                for f in crate::findings::sorted(&run.findings.0).into_iter().filter(|f| f.severity != Severity::Info) {
                    println!("    {f}");
                }
                print!("{}", report::build_summary(&outcome.report, &outputs_arg, outcome.overview.as_deref()));
            }
            Err(err) => println!("[{stamp}] {why}: LỖI: {err}"),
        }
    };
    println!("Đang theo dõi “{}”. Nhấn Ctrl+C để dừng.", inputs.display());
    rebuild("Lập lần đầu");
    loop {
        let calendar_next = if tick { next_tick(inputs, &outputs_arg) } else { None };
        let wait = calendar_next
            .and_then(|t| (t - chrono::Local::now().naive_local()).to_std().ok())
            .unwrap_or(Duration::from_secs(3600));
        match rx.recv_timeout(wait) {
            Ok(Ok(events)) => {
                // Reading a file (our own build does) is an event too: only writes count.
                let changed: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| is_write(&e.kind))
                    .flat_map(|e| e.paths.iter())
                    .filter(|p| relevant(p, &roots, &outputs))
                    .cloned()
                    .collect();
                if let Some(first) = changed.first() {
                    let name = first.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    rebuild(&format!("Tệp thay đổi ({name})"));
                }
            }
            Ok(Err(errors)) => {
                for e in errors {
                    println!("CẢNH BÁO: theo dõi thư mục: {e}");
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                if calendar_next.is_some_and(|t| t <= chrono::Local::now().naive_local()) {
                    rebuild("Theo lịch");
                }
            }
            Err(RecvTimeoutError::Disconnected) => return exit::OK,
        }
    }
}

/// Changes worth a rebuild: not lock files, temp files, backups, nor our own outputs.
/// Only the part of the path below the watched folder is judged (the folder itself may
/// well be hidden, like a temp dir).
fn relevant(path: &Path, roots: &[PathBuf], outputs: &Path) -> bool {
    if path.starts_with(outputs) {
        return false;
    }
    let below = roots.iter().find_map(|r| path.strip_prefix(r).ok()).unwrap_or(path);
    // The watched folder itself changes with every file in it: the file tells.
    below.components().next().is_some()
        && below.components().all(|c| {
            let name = c.as_os_str().to_string_lossy();
            !is_ignorable(&name) && !is_output_bookkeeping(&name) && !name.ends_with(".xeploai-tmp")
        })
}

fn is_write(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// The calendar's next scheduled run, read afresh (agency.yaml may have changed), with
/// the parse cache the builds of this watch keep in `outputs`.
fn next_tick(inputs: &Path, outputs: &Path) -> Option<chrono::NaiveDateTime> {
    let run = crate::pipeline::check(inputs, Some(outputs), chrono::Local::now().date_naive());
    let calendar = &run.ingest.dataset.as_ref()?.agency.calendar;
    schedule::next_run(calendar, chrono::Local::now().naive_local())
}
