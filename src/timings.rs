//! Where a run's time goes, stage by stage, for the benchmarks and for whoever wonders
//! why a build is slow: `XEPLOAI_TIMINGS=1 xeploai build` prints the table to stderr.
//!
//! Off unless asked for: a stage then costs one relaxed atomic load. A stage met several
//! times (rendering runs batch by batch) adds up its wall time; the peak memory shown is
//! the process's when the stage last ended.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ON: AtomicBool = AtomicBool::new(false);
/// (stage, total time, times met, the process's peak memory in kB when it last ended)
static STAGES: Mutex<Vec<(&'static str, Duration, usize, u64)>> = Mutex::new(Vec::new());

/// Turns measuring on when the environment asks for it.
pub fn from_env() {
    if std::env::var_os("XEPLOAI_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0") {
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
    add(name, started.elapsed());
    out
}

fn add(name: &'static str, took: Duration) {
    let peak = peak_kb();
    let Ok(mut stages) = STAGES.lock() else { return };
    match stages.iter_mut().find(|(n, ..)| *n == name) {
        Some((_, total, times, at_end)) => {
            *total += took;
            *times += 1;
            *at_end = peak;
        }
        None => stages.push((name, took, 1, peak)),
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
        .map(|(name, total, times, peak)| {
            format!("{name:<28} {:>9.3} s  ×{times:<5} peak {:>5} MB\n", total.as_secs_f64(), peak / 1024)
        })
        .collect()
}
