//! `xeploai schedule --emit cron|systemd|windows`: the OS's own scheduler runs the builds.

use std::path::Path;

use clap::ValueEnum;

use crate::calendar::schedule::{self, Job};
use crate::pipeline::exit;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Emit {
    Cron,
    Systemd,
    Windows,
}

pub fn command(inputs: &Path, outputs: &Path, emit: Emit) -> u8 {
    let Some(today) = super::prepare(inputs, None) else { return exit::CANNOT_RUN };
    let run = crate::pipeline::check(inputs, today);
    let Some(dataset) = &run.ingest.dataset else {
        eprintln!("LỖI: không đọc được agency.yaml, nên không có lịch để lập.");
        return exit::CANNOT_RUN;
    };
    let calendar = &dataset.agency.calendar;
    if calendar.is_empty() {
        eprintln!("LỖI: agency.yaml chưa có lịch (calendar).");
        return exit::CANNOT_RUN;
    }
    let absolute = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let exe = std::env::current_exe().unwrap_or_else(|_| "xeploai".into());
    let (inputs, outputs) = (absolute(inputs), absolute(outputs));
    let job = Job { exe: &exe, inputs: &inputs, outputs: &outputs };
    let text = match emit {
        Emit::Cron => schedule::cron(calendar, &job),
        Emit::Systemd => schedule::systemd(calendar, &job),
        Emit::Windows => schedule::windows(calendar, &job),
    };
    print!("{text}");
    exit::OK
}
