//! `xeploai check`: ingest and rules, findings printed; nothing written.

use std::path::Path;

use chrono::NaiveDate;

use super::{Format, exit, report};
use crate::findings::{Findings, input};
use crate::ingest::{Ingest, ingest};
use crate::rules::{Evaluation, evaluate};

/// Everything a check found; `build` reuses it before rendering.
pub struct CheckRun {
    pub ingest: Ingest,
    /// The rules' derived facts and quotas; `None` without a dataset.
    pub evaluation: Option<Evaluation>,
    pub findings: Findings,
}

impl CheckRun {
    /// Exit code of the command contract for these findings.
    pub fn exit_code(&self) -> u8 {
        if self.findings.iter().any(|f| f.rule == input::AGENCY_MISSING) {
            exit::CANNOT_RUN
        } else if self.findings.has_errors() {
            exit::FINDINGS
        } else {
            exit::OK
        }
    }
}

pub fn run_check(inputs: &Path, today: NaiveDate) -> CheckRun {
    let mut findings = Findings::default();
    let ingest = ingest(inputs, &mut findings);
    let evaluation = ingest.dataset.as_ref().map(|d| evaluate(d, today));
    if let Some(e) = &evaluation {
        findings.extend(e.findings.iter().cloned());
    }
    CheckRun { ingest, evaluation, findings }
}

pub fn command(inputs: &Path, format: Format, today: Option<&str>) -> u8 {
    let Some(today) = super::prepare(inputs, today) else {
        return exit::CANNOT_RUN;
    };
    let run = run_check(inputs, today);
    match format {
        Format::Json => println!("{}", report::json(&run)),
        Format::Text => print!("{}", report::text(&run, inputs)),
    }
    run.exit_code()
}
