//! The stages wired together: inputs → dataset → findings → documents → outputs/.
//! The commands (`check`, `build`, `status`, `watch`) are thin shells around this.

mod overview;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;

use crate::findings::{Findings, input};
use crate::ingest::{Ingest, ingest};
use crate::output::{self, Lock, OutputError, Report, Writer};
use crate::render::plan::{Failed, Inputs as PlanInputs, Planning, plan};
use crate::render::{TemplateError, Templates};
use crate::rules::{Evaluation, evaluate};

/// Exit codes of the command contract (rules.md).
pub mod exit {
    pub const OK: u8 = 0;
    pub const FINDINGS: u8 = 1;
    pub const CANNOT_RUN: u8 = 2;
}

/// Everything a check found; `build` reuses it before rendering.
pub struct CheckRun {
    pub ingest: Ingest,
    /// The rules' derived facts and quotas; `None` without a dataset.
    pub evaluation: Option<Evaluation>,
    pub findings: Findings,
    pub today: NaiveDate,
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

/// Ingest and rules, nothing written.
pub fn check(inputs: &Path, today: NaiveDate) -> CheckRun {
    let mut findings = Findings::default();
    let ingest = ingest(inputs, &mut findings);
    let evaluation = ingest.dataset.as_ref().map(|d| evaluate(d, today));
    if let Some(e) = &evaluation {
        findings.extend(e.findings.iter().cloned());
    }
    CheckRun { ingest, evaluation, findings, today }
}

pub struct BuildOptions {
    pub outputs: PathBuf,
    pub today: NaiveDate,
    /// Replaced versions kept per document in `outputs/.history/`.
    pub keep_history: usize,
    /// How long to wait for another build holding the outputs folder.
    pub lock_wait: Duration,
    /// A progress bar while rendering.
    pub progress: bool,
}

pub struct BuildOutcome {
    pub run: CheckRun,
    pub report: Report,
    /// Units whose documents were not rebuilt because their data has errors.
    pub held_back: Vec<String>,
    /// Documents whose template failed.
    pub failed: Vec<Failed>,
    /// Where the overview page is, relative to the outputs folder; `None` when its
    /// template failed.
    pub overview: Option<PathBuf>,
}

impl BuildOutcome {
    pub fn exit_code(&self) -> u8 {
        if self.failed.is_empty() { self.run.exit_code() } else { exit::FINDINGS.max(self.run.exit_code()) }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error(transparent)]
    Templates(#[from] TemplateError),
}

/// `templates/` beside the inputs folder overrides the embedded templates.
pub fn template_dir(inputs: &Path) -> Option<PathBuf> {
    let parent = inputs.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Some(parent.join("templates")).filter(|p| p.is_dir())
}

/// Check, then write the documents of every unit whose own data has no error.
pub fn build(inputs: &Path, options: &BuildOptions) -> Result<BuildOutcome, BuildError> {
    write_documents(check(inputs, options.today), inputs, options)
}

/// The second half of [`build`], for a caller that shows the findings of `run` before the
/// (longer) rendering starts.
pub fn write_documents(run: CheckRun, inputs: &Path, options: &BuildOptions) -> Result<BuildOutcome, BuildError> {
    let template_dir = template_dir(inputs);
    let templates = Templates::load(template_dir.as_deref())?;
    let lock = Lock::acquire(&options.outputs, options.lock_wait)?;
    let (writer, mut manifest) = Writer::open(&options.outputs, options.keep_history, &lock)?;
    // What is on disk before this run, for skipping documents that would not change.
    let before = manifest.clone();
    let mut report = Report::default();
    let mut status = None;
    let (planning, held_back, result) = match (&run.ingest.dataset, &run.evaluation) {
        (Some(d), Some(e)) => {
            let units_ok: Vec<bool> = d
                .agency
                .units
                .iter()
                .map(|u| !run.findings.iter().any(|f| f.is_error() && f.unit.as_deref() == Some(u.name.as_str())))
                .collect();
            let held_back =
                d.agency.units.iter().zip(&units_ok).filter(|(_, ok)| !**ok).map(|(u, _)| u.name.clone()).collect();
            let status = status.insert(crate::calendar::status(d, &run.findings.0, options.today));
            let agency_ok = !run.findings.has_errors();
            let inputs = PlanInputs { d, e, units_ok: &units_ok, status, agency_ok, progress: options.progress };
            let current = |rel: &Path, source: &str| output::is_current(&options.outputs, &before, rel, source);
            let mut sink = |batch| writer.write_into(batch, &mut manifest, &mut report);
            match plan(&inputs, &templates, &current, &mut sink) {
                Ok(planning) => (planning, held_back, Ok(())),
                Err(err) => (Planning::default(), held_back, Err(err)),
            }
        }
        _ => (Planning::default(), Vec::new(), Ok(())),
    };
    let Planning { documents, mut failed } = planning;
    // The page last, over what is now on disk; not after a failed write, which the
    // next build finishes.
    let result = result.and_then(|()| {
        overview::write(&run, status.as_ref(), &documents, &templates, &writer, &mut manifest, &mut report, &mut failed)
    });
    // Even after a failure, so that what was written is known; a failed save only
    // leaves the journal for the next build to finish.
    report.unsaved = writer.finish(&manifest).err();
    let overview = result?;
    Ok(BuildOutcome { run, report, held_back, failed, overview })
}

/// The outputs folder's own files, which watchers and scans must ignore.
pub fn is_output_bookkeeping(name: &str) -> bool {
    [output::MANIFEST_NAME, output::JOURNAL_NAME, output::LOCK_NAME, output::HISTORY_DIR].contains(&name)
}
