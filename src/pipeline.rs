//! The stages wired together: inputs → dataset → findings → documents → outputs/.
//! The commands (`check`, `build`, `status`, `watch`) are thin shells around this.

mod overview;
pub mod replay;
mod summary_file;
mod unchanged;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;

use crate::findings::{Findings, input};
use crate::ingest::parse_cache::{CACHE_NAME, Last, ParseCache};
use crate::ingest::{Ingest, forget_texts, ingest_cached, ingest_renewing, ingest_scanned, scanned};
use crate::model::Dataset;
use crate::output::{self, Changes, DocumentMap, Lock, Manifest, OutputError, Report, Restamps, Writer};
use crate::render::plan::{Failed, Inputs as PlanInputs, OVERVIEW_FILE, Planning, Titles, plan};
use crate::render::{RenderError, TemplateError, Templates};
use crate::rules::{Evaluation, evaluate};
use crate::timings;

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
    /// The outputs folder's manifest, read beside the inputs for [`write_documents`]
    /// (`None` for a check, which writes nothing).
    pub manifest: Option<output::ReadAhead>,
    /// The inputs, day and program this check holds for, for the next build to replay
    /// it ([`replay`]); `None` for a check, which keeps nothing.
    pub key: Option<replay::Key>,
    /// Replayed from the last build's check of the same inputs on the same day: then
    /// there is no dataset, and this says what it held.
    pub replayed: Option<replay::Replayed>,
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

    /// How many people and units the inputs hold.
    pub fn counts(&self) -> (usize, usize) {
        match (&self.ingest.dataset, &self.replayed) {
            (Some(d), _) => (d.people.len(), d.agency.units.len()),
            (None, Some(replayed)) => (replayed.people, replayed.units),
            (None, None) => (0, 0),
        }
    }

    /// The names of the units whose documents stay as an earlier build left them: their
    /// own data has errors.
    pub fn held_back(&self) -> Vec<String> {
        match (&self.ingest.dataset, &self.replayed) {
            (Some(d), _) => held_back(d, &units_ok(d, &self.findings)),
            (None, Some(replayed)) => replayed.held_back.clone(),
            (None, None) => Vec::new(),
        }
    }

    /// What the next build of the same inputs on the same day may replay of this check.
    fn to_replay(&self) -> replay::Replayed {
        let (people, units) = self.counts();
        replay::Replayed { people, units, held_back: self.held_back() }
    }
}

/// Ingest and rules, nothing written. The parse cache a build left in `cache_in` (an
/// outputs folder), if any, spares the meeting files and rosters that did not change:
/// at province scale that is most of a check. It is read, never written.
pub fn check(inputs: &Path, cache_in: Option<&Path>, today: NaiveDate) -> CheckRun {
    let cached = cache_in.and_then(read_cache);
    let mut findings = Findings::default();
    let ingest = ingest_cached(inputs, cached, &mut findings);
    check_from(ingest, findings, today)
}

/// [`check`] for a build into `outputs`, whose parse cache spares it the meeting files
/// that did not change; the cache brought up to date is in the run's ingest, for
/// [`write_documents`] to keep. Inputs scanned as the last build's were on the same day
/// are not read further: that build's check is replayed ([`replay`]).
pub fn check_for_build(inputs: &Path, outputs: &Path, today: NaiveDate) -> CheckRun {
    std::thread::scope(|scope| {
        let manifest = scope.spawn(|| timings::stage("manifest: read ahead", || output::ReadAhead::read(outputs)));
        let mut findings = Findings::default();
        let mut files = scanned(inputs, &mut findings);
        let key = replay::Key::of(inputs, &files, today);
        let mut run = match timings::stage("check: replay", || replay::read(outputs, key)) {
            Some((kept, replayed)) => {
                forget_texts(&mut files);
                let ingest = Ingest { dataset: None, files, cache: None };
                CheckRun { replayed: Some(replayed), ..check_from(ingest, Findings(kept), today) }
            }
            None => {
                let ingest = ingest_scanned(inputs, files, read_cache(outputs), outputs, &mut findings);
                check_from(ingest, findings, today)
            }
        };
        run.key = Some(key);
        run.manifest = manifest.join().ok();
        run
    })
}

/// The check of a build that replayed it and found something to do after all: the
/// dataset read, and the rules run, as without the replay. The parse cache it renews is
/// kept at once.
fn check_again(inputs: &Path, outputs: &Path, today: NaiveDate) -> CheckRun {
    let mut findings = Findings::default();
    let mut run = check_from(ingest_renewing(inputs, read_cache(outputs), outputs, &mut findings), findings, today);
    if let Some(cache) = run.ingest.cache.take() {
        save_cache(outputs, cache);
    }
    run
}

/// Keeps the parse cache for the next build. Best effort: without it the next build
/// only reads every file again.
fn save_cache(outputs: &Path, cache: ParseCache) {
    let path = outputs.join(CACHE_NAME);
    let into = |file: &mut std::fs::File| cache.write_to(std::io::BufWriter::with_capacity(256 * 1024, file));
    // The outputs folder is made by the write if it is missing.
    let write = || output::atomic::write_with(&path, into);
    let _ = timings::stage("cache: write", write);
}

/// The parse cache a build left in `outputs`, if any.
fn read_cache(outputs: &Path) -> Option<Last> {
    Last::open(&outputs.join(CACHE_NAME))
}

fn check_from(ingest: Ingest, mut findings: Findings, today: NaiveDate) -> CheckRun {
    let evaluation = timings::stage("rules", || ingest.dataset.as_ref().map(|d| evaluate(d, today)));
    if let Some(e) = &evaluation {
        findings.extend(e.findings.iter().cloned());
    }
    CheckRun { ingest, evaluation, findings, today, manifest: None, key: None, replayed: None }
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
    /// The most people a list of everyone (the reports' annex, the notice's table) holds
    /// in one document before it is written in files of its own
    /// ([`crate::render::plan::LIST_ROWS`]).
    pub list_rows: usize,
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
    write_documents(check_for_build(inputs, &options.outputs, options.today), inputs, options)
}

/// The second half of [`build`], for a caller that shows the findings of `run` before the
/// (longer) rendering starts.
pub fn write_documents(mut run: CheckRun, inputs: &Path, options: &BuildOptions) -> Result<BuildOutcome, BuildError> {
    let template_dir = template_dir(inputs);
    let templates = timings::stage("templates", || Templates::load(template_dir.as_deref()))?;
    let lock = Lock::acquire(&options.outputs, options.lock_wait)?;
    // The check and the parse cache are written beside the build's own work (tens of MB
    // at province scale), under the lock, as the documents are: a build that cannot
    // write them writes no document either, and says so then.
    let cache = run.ingest.cache.take();
    let outputs = &options.outputs;
    let check = match (run.key, &run.replayed) {
        (Some(key), None) => replay::encoded(key, &run.findings.0, &run.to_replay()),
        _ => None,
    };
    std::thread::scope(|scope| {
        // The check kept for the next build, then the cache: beside the documents.
        if check.is_some() || cache.is_some() {
            scope.spawn(move || {
                if let Some(check) = check {
                    timings::stage("check: keep", || replay::save(outputs, &check));
                }
                if let Some(cache) = cache {
                    save_cache(outputs, cache);
                }
            });
        }
        write_locked(run, inputs, &templates, &lock, options)
    })
}

/// [`write_documents`] once the outputs folder is held.
fn write_locked(
    mut run: CheckRun,
    inputs: &Path,
    templates: &Templates,
    lock: &Lock,
    options: &BuildOptions,
) -> Result<BuildOutcome, BuildError> {
    let (writer, mut manifest) = timings::stage("manifest: load", || {
        Writer::open(&options.outputs, options.keep_history, lock, run.manifest.take())
    })?;
    let mut built_from = timings::stage("fingerprint", || unchanged::fingerprint(&run, templates));
    let restamps = Restamps::default();
    if manifest.built_from.as_deref() == Some(built_from.as_str())
        && timings::stage("outputs: stamps", || manifest.untouched(&options.outputs, &restamps))
    {
        return Ok(nothing_to_do(run, writer, manifest, restamps)?);
    }
    if run.replayed.is_some() {
        run = timings::stage("check: again", || check_again(inputs, &options.outputs, options.today));
        built_from = unchanged::fingerprint(&run, templates);
    }
    let mut report = Report::default();
    let mut status = None;
    // The manifest stays as it was on disk while the documents are planned: the planning
    // skips those that would not change by it, and the writer records over it.
    let (planning, held_back, result, written) = match (&run.ingest.dataset, &run.evaluation) {
        (Some(d), Some(e)) => {
            let units_ok = units_ok(d, &run.findings);
            let held_back = held_back(d, &units_ok);
            let status = status
                .insert(timings::stage("calendar", || crate::calendar::status(d, &run.findings.0, options.today)));
            let agency_ok = !run.findings.has_errors();
            let built_units = &manifest.units;
            let progress = options.progress;
            let list_rows = options.list_rows;
            let inputs = PlanInputs { d, e, units_ok: &units_ok, status, agency_ok, progress, built_units, list_rows };
            let recorded = |rel: &Path| output::recorded_source(&options.outputs, &manifest, rel, &restamps);
            let stage_file = |rel: &Path, make: &mut dyn FnMut(&mut std::fs::File) -> Result<(), RenderError>| {
                output::stage_file(&options.outputs, rel, make)
            };
            let mut changes = Changes::over(&manifest);
            let mut sink = |batch| writer.write_into(batch, &mut changes, &mut report);
            let planned =
                crate::allocator::reusing_freed(|| plan(&inputs, templates, &recorded, &stage_file, &mut sink));
            let written = changes.into_changed();
            match planned {
                Ok(planning) => (planning, held_back, Ok(()), written),
                Err(err) => (Planning::default(), held_back, Err(err), written),
            }
        }
        _ => (Planning::default(), Vec::new(), Ok(()), DocumentMap::new()),
    };
    if let Some(d) = run.ingest.dataset.as_mut() {
        d.forget_comments();
    }
    // A first build's map is taken whole (packed), not copied entry by entry: the copy
    // stood beside the run's map. A rebuild's mostly replaces entries of the manifest
    // read back (packed when read), which leaves its nodes as they are.
    if manifest.documents.is_empty() {
        manifest.documents = written.packed();
    } else {
        manifest.documents.extend(written);
    }
    let Planning { agency, mut failed, built_units } = planning;
    // A unit not planned (held back) keeps its record: its documents are still those
    // of that build.
    for (folder, key) in &built_units {
        match key {
            Some(key) => manifest.units.insert(folder.clone(), key.clone()),
            None => manifest.units.remove(folder),
        };
    }
    let result = result.and_then(|()| {
        timings::stage("summary file", || summary_file::write(&run, &agency, &writer, &mut manifest, &mut report))
    });
    let titles = run.ingest.dataset.as_ref().map(|d| Titles::new(d, &agency, &built_units, &failed));
    // The page last, over what is now on disk; not after a failed write, which the
    // next build finishes.
    let result = result.and_then(|()| {
        timings::stage("overview", || {
            overview::write(
                &run,
                status.as_ref(),
                titles.as_ref(),
                templates,
                &writer,
                &mut manifest,
                &mut report,
                &mut failed,
                &restamps,
            )
        })
    });
    restamps.record(&mut manifest);
    // Only a build that put every document it set out to under its own name may tell
    // the next one that the same inputs need nothing more: one held open by Word, or
    // edited by hand, waits for a later build to be placed (or to be warned of again).
    let complete = result.is_ok() && failed.is_empty() && report.beside.is_empty() && report.held_open.is_empty();
    manifest.built_from = complete.then_some(built_from);
    // Even after a failure, so that what was written is known; a failed save only
    // leaves the journal for the next build to finish.
    report.unsaved = timings::stage("manifest: save", || writer.finish(&manifest)).err();
    let overview = result?;
    Ok(BuildOutcome { run, report, held_back, failed, overview })
}

/// Which units' own data has no error: only those get their documents rebuilt.
fn units_ok(d: &Dataset, findings: &Findings) -> Vec<bool> {
    let errors = crate::calendar::UnitErrors::new(&findings.0);
    d.agency.units.iter().map(|u| errors.of(&u.name).next().is_none()).collect()
}

/// The names of the units whose documents stay as an earlier build left them.
fn held_back(d: &Dataset, units_ok: &[bool]) -> Vec<String> {
    d.agency.units.iter().zip(units_ok).filter(|(_, ok)| !**ok).map(|(u, _)| u.name.clone()).collect()
}

/// The outcome of a build that found its inputs as the last complete build left them
/// and every document untouched: the same documents, nothing rendered or written. Every
/// document of ours on disk is reported kept as it is, those of a unit held back too.
fn nothing_to_do(
    run: CheckRun,
    writer: Writer,
    mut manifest: Manifest,
    restamps: Restamps,
) -> Result<BuildOutcome, OutputError> {
    let mut report = Report::default();
    for rel in manifest.documents.keys().map(|key| PathBuf::from(key.path())) {
        match output::place::original(&rel) {
            // A copy beside a document that is current under its own name again.
            Some((document, _)) if manifest.documents.contains_key(&crate::source::display_path(&document)) => {
                report.stale.push((rel, document));
            }
            Some(_) => {}
            None => report.unchanged.push(rel),
        }
    }
    let held_back = run.held_back();
    let overview = manifest.documents.contains_key(OVERVIEW_FILE).then(|| PathBuf::from(OVERVIEW_FILE));
    // Documents found by their bytes under new stamps (a copied folder) are all that
    // changed: recorded, so that the next build only looks at their stamps.
    let saved = match restamps.record(&mut manifest) {
        0 => writer.finish_unchanged(&manifest),
        _ => writer.finish(&manifest),
    };
    report.unsaved = saved.err();
    Ok(BuildOutcome { run, report, held_back, failed: Vec::new(), overview })
}

/// The outputs folder's own files, which watchers and scans must ignore.
pub fn is_output_bookkeeping(name: &str) -> bool {
    [
        output::MANIFEST_NAME,
        output::JOURNAL_NAME,
        output::LOCK_NAME,
        output::HISTORY_DIR,
        CACHE_NAME,
        replay::REPLAY_NAME,
    ]
    .contains(&name)
}
