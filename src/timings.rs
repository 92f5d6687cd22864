//! Where a run's time goes, stage by stage, for the benchmarks and for whoever wonders
//! why a build is slow: `XEPLOAI_TIMINGS=1 xeploai build` prints the table to stderr.
//!
//! Off unless asked for: a stage then costs one relaxed atomic load. A stage met several
//! times (rendering runs batch by batch) adds up its wall time.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ON: AtomicBool = AtomicBool::new(false);
static STAGES: Mutex<Vec<(&'static str, Duration, usize)>> = Mutex::new(Vec::new());

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
    let Ok(mut stages) = STAGES.lock() else { return };
    match stages.iter_mut().find(|(n, _, _)| *n == name) {
        Some((_, total, times)) => {
            *total += took;
            *times += 1;
        }
        None => stages.push((name, took, 1)),
    }
}

/// The stages measured so far, in the order first met, as a table; empty when off.
pub fn table() -> String {
    let Ok(stages) = STAGES.lock() else { return String::new() };
    stages.iter().map(|(name, total, times)| format!("{name:<28} {:>9.3} s  ×{times}\n", total.as_secs_f64())).collect()
}
