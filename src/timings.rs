//! Where a run's time goes, stage by stage, for the benchmarks and for whoever wonders
//! why a build is slow: `XEPLOAI_TIMINGS=1 xeploai build` prints the table to stderr.
//!
//! Off unless asked for: a stage then costs one relaxed atomic load. A stage met several
//! times (rendering runs batch by batch) adds up its wall time; the peak memory shown is
//! the process's when the stage last ended. Each stage also shows when it first began
//! and last ended, counted from the start of measuring: stages run on several threads,
//! and only these two columns tell which of them the run waited for.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

static ON: AtomicBool = AtomicBool::new(false);
/// When measuring began: the origin of every stage's `began` and `ended`.
static ORIGIN: OnceLock<Instant> = OnceLock::new();
static STAGES: Mutex<Vec<Stage>> = Mutex::new(Vec::new());

/// One stage's measures, over every time it was met.
struct Stage {
    name: &'static str,
    total: Duration,
    times: usize,
    /// The process's peak memory in kB when the stage last ended.
    peak: u64,
    began: Duration,
    ended: Duration,
}

/// Turns measuring on when the environment asks for it.
pub fn from_env() {
    if std::env::var_os("XEPLOAI_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0") {
        ORIGIN.get_or_init(Instant::now);
        ON.store(true, Ordering::Relaxed);
    }
}

/// Runs `work` as (part of) the stage `name`.
pub fn stage<T>(name: &'static str, work: impl FnOnce() -> T) -> T {
    if !ON.load(Ordering::Relaxed) {
        return work();
    }
    let started = Instant::now();
    let out = work();
    add(name, started);
    out
}

fn add(name: &'static str, started: Instant) {
    let took = started.elapsed();
    let origin = *ORIGIN.get_or_init(Instant::now);
    let began = started.saturating_duration_since(origin);
    let peak = peak_kb();
    let Ok(mut stages) = STAGES.lock() else { return };
    match stages.iter_mut().find(|stage| stage.name == name) {
        Some(stage) => {
            stage.total += took;
            stage.times += 1;
            stage.peak = peak;
            stage.began = stage.began.min(began);
            stage.ended = stage.ended.max(began + took);
        }
        None => stages.push(Stage { name, total: took, times: 1, peak, began, ended: began + took }),
    }
}

/// The process's peak resident memory so far (Linux's VmHWM), 0 where unknown: the
/// stage after which it grew is the one that holds the memory.
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|line| line.starts_with("VmHWM:")).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|kb| kb.parse().ok()).unwrap_or_default()
}

/// The stages measured so far, in the order first met, as a table; empty when off.
pub fn table() -> String {
    let Ok(stages) = STAGES.lock() else { return String::new() };
    stages
        .iter()
        .map(|stage| {
            let Stage { name, total, times, peak, began, ended } = stage;
            let (total, began, ended) = (total.as_secs_f64(), began.as_secs_f64(), ended.as_secs_f64());
            format!(
                "{name:<28} {total:>9.3} s  ×{times:<5} peak {:>5} MB  {began:>7.3} → {ended:>7.3} s\n",
                peak / 1024
            )
        })
        .collect()
}
