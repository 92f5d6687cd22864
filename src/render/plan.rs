//! Which documents a run builds, where they go, and what they are built from.
//!
//! A unit's dossier is built only when the unit's own data has no error; otherwise its
//! previous documents stay as they were (rules.md, Command contract).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde::Serialize;

use super::context::agency::{AgencyCtx, PersonLine, agency, annex};
use super::context::annex::{AnnexPartCtx, parts, split};
use super::context::ballot::{BallotCtx, ballot};
use super::context::forms::{SelfReviewCtx, self_review};
use super::context::invitation::{InvitationCtx, invitation};
use super::context::leadership_report::{LeadershipReportCtx, leadership_report};
use super::context::notice::{Line, NoticeCtx, NoticeLine, NoticePartCtx, list_in_files, notice, notice_rows};
use super::context::self_assessment::{SelfAssessmentCtx, self_assessment};
use super::context::status::{StatusCtx, status};
use super::context::unit::{UnitCtx, unit};
use super::markup::Markup;
use super::templates::{MadeRows, context_of};
use super::{DocMeta, NO_ROWS, RenderError, Templates, Title, unit_key, write_markup, write_markup_to_file};
use crate::calendar::Status;
use crate::model::{Dataset, DocKind, Membership, PersonId, UnitId};
use crate::output::{Digest, Made, Planned, Unmade};
use crate::rules::Evaluation;
use crate::text::slug;

/// One document to render: template, context, where it goes.
struct Job {
    rel: PathBuf,
    template: &'static str,
    /// Shared by the documents built from the same data: the agency's context holds
    /// every person of the province, and five documents print it.
    context: Arc<Shared>,
    /// `party`: the report to Ban Tổ chức Tỉnh ủy rather than to UBND tỉnh.
    party: Option<bool>,
    title: Title,
    /// What its properties give as the subject.
    subject: String,
}

/// A context and its hash, computed once for all the documents that print it.
struct Shared {
    context: Context,
    hash: OnceLock<String>,
}

/// The data of one document, typed: tera and the hasher read it directly, without a
/// JSON tree in between.
#[derive(Serialize)]
#[serde(untagged)]
// Each context is built once and lives in an `Arc`: the size of the enum is never copied.
#[allow(clippy::large_enum_variant)]
enum Context {
    Status(StatusCtx),
    Unit(UnitCtx),
    SelfReview(SelfReviewCtx),
    Agency(AgencyCtx),
    AnnexPart(AnnexPartCtx),
    NoticePart(NoticePartCtx),
    Ballot(BallotCtx),
    SelfAssessment(SelfAssessmentCtx),
    LeadershipReport(LeadershipReportCtx),
    Invitation(InvitationCtx),
    Notice(NoticeCtx),
}

impl Job {
    fn listed(&self) -> Listed {
        Listed { rel: self.rel.clone().into_boxed_path(), title: self.title.clone() }
    }
}

impl Shared {
    /// The hash of the context and of the long list its documents write: the data a
    /// document is built from.
    fn hash(&self, d: &Dataset, e: &Evaluation) -> &str {
        self.hash.get_or_init(|| crate::output::hash_json(&(&self.context, self.context.rows(d, e))))
    }
}

impl Context {
    /// The long list the template's `@rows` lines write: the agency's annex, a row per
    /// person of the province, or the notice's people.
    fn rows<'a>(&'a self, d: &'a Dataset, e: &'a Evaluation) -> ContextRows<'a> {
        match self {
            Context::Agency(agency) => ContextRows::Annex(annex(&agency.annex, 1, d, e)),
            Context::AnnexPart(part) => ContextRows::Annex(annex(&part.people, part.first, d, e)),
            Context::Notice(notice) => ContextRows::Notice(notice_rows(&notice.lines, d, e)),
            Context::NoticePart(part) => ContextRows::Notice(notice_rows(&part.lines, d, e)),
            _ => ContextRows::None,
        }
    }
}

/// A context's long list, of whichever kind it has.
enum ContextRows<'a> {
    None,
    Annex(MadeRows<'a, PersonId, PersonLine>),
    Notice(MadeRows<'a, Line, NoticeLine>),
}

impl Serialize for ContextRows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ContextRows::None => NO_ROWS.serialize(serializer),
            ContextRows::Annex(annex) => annex.serialize(serializer),
            ContextRows::Notice(notice) => notice.serialize(serializer),
        }
    }
}

/// A document that could not be rendered (a broken template override, say).
#[derive(Debug)]
pub struct Failed {
    pub rel: PathBuf,
    pub error: RenderError,
}

/// File names of a unit's dossier, relative to its folder.
pub const MINUTES_FILE: &str = "bien-ban-hop-kiem-diem.docx";
pub const REPORT_FILE: &str = "bao-cao-kiem-diem-tap-the.docx";
pub const PROPOSAL_FILE: &str = "danh-sach-de-xuat-xep-loai.docx";
pub const SELF_REVIEW_DIR: &str = "tu-kiem-diem";

/// Each unit's folder under outputs/ (see [`crate::model::Agency::unit_folders`]).
pub fn unit_folders(d: &Dataset) -> Vec<String> {
    d.agency.unit_folders().names
}

/// The agency-level folder.
pub const AGENCY_DIR: &str = crate::model::AGENCY_FOLDER;
pub const STATUS_FILE: &str = "tinh-hinh-thuc-hien.docx";
/// The overview page, at the top of the outputs folder.
pub const OVERVIEW_FILE: &str = "tong-quan.html";

/// Where the report to UBND tỉnh goes, relative to the outputs folder.
pub fn agency_report() -> PathBuf {
    let file = AGENCY_FILES.iter().find(|(kind, ..)| *kind == DocKind::AgencyReport).map_or("", |(_, file, _)| file);
    PathBuf::from(AGENCY_DIR).join(file)
}

/// What a build plans from: the dataset, the rules' outcome, which units are clean,
/// and the calendar's status.
pub struct Inputs<'a> {
    pub d: &'a Dataset,
    pub e: &'a Evaluation,
    pub units_ok: &'a [bool],
    pub status: &'a Status,
    /// No error anywhere: the consolidated documents can be built.
    pub agency_ok: bool,
    /// Show a progress bar while rendering (an interactive terminal, not `--quiet`).
    pub progress: bool,
    /// What each unit's documents were last built from ([`unit_key`]), by folder.
    pub built_units: &'a BTreeMap<String, String>,
    /// The most people a list of everyone holds in one document before it is written in
    /// files of its own ([`LIST_ROWS`] but in tests).
    pub list_rows: usize,
}

/// The most people a list of everyone holds in one document: the reports' annex and the
/// results notice's table. A province's hundred thousand stay in the document, as the
/// plan has it (the generated 100,000 make an annex of 256 MB of XML, a DOCX of 6.8 MB),
/// and so does every smaller agency; a larger one gets the list in parts, each a file
/// beside the document, which lists them ([`super::context::annex`]; the notice's parts
/// hold whole units).
pub const LIST_ROWS: usize = 100_000;

/// How many documents are rendered before they are handed to `sink` and dropped: memory
/// stays bounded whatever the size of the agency. A batch is units planned
/// [`UNITS_AT_ONCE`] at a time until it holds this many: in a province, one set of 16
/// units of about 25 documents each, some 400 documents and 5 MB of bytes.
pub const BATCH: usize = 256;

/// A document of this run, by the title its properties carry: the overview page lists
/// it.
#[derive(Clone, Debug)]
pub struct Listed {
    pub rel: Box<Path>,
    pub title: Title,
}

/// What [`plan`] did: the documents it built (or found current) and those it could not.
#[derive(Debug, Default)]
pub struct Planning {
    /// The agency's own documents (its folder's), each listed. A unit's are known by
    /// its folder in `built_units`, and named again when asked for ([`Titles`]): a
    /// nation's build held its million documents' paths and titles, 113 MB, from the
    /// first unit planned to the overview page.
    pub agency: Vec<Listed>,
    pub failed: Vec<Failed>,
    /// What each unit planned was built from, by folder; `None` for a unit with a
    /// document that did not come out.
    pub built_units: BTreeMap<String, Option<String>>,
}

/// The source hash of the document at `rel` as it is on disk, if it is untouched since
/// it was written: a document whose source is this run's need not be rendered.
pub type Recorded<'a> = dyn Fn(&Path) -> Option<Digest> + Sync + 'a;

/// Writes a document straight into its staging file, as the maker given writes it
/// (relative path, maker): what the pipeline gives [`plan`] for the documents compiled
/// from the whole agency, a row per person long, which would otherwise be held whole
/// and then wait in memory for the units' work to end.
pub type StageFile<'a> = dyn Fn(&Path, &mut dyn FnMut(&mut std::fs::File) -> Result<(), RenderError>) -> Result<Made, Unmade<RenderError>>
    + Sync
    + 'a;

/// How many units are planned at once, in parallel.
const UNITS_AT_ONCE: usize = 16;

/// How many rendered batches may wait for the writer beside the one it writes: one lets
/// the cores go on rendering while the writer waits on the disk's sync. With the batches
/// half the size they were (800 documents), a province's full build is 6% faster on this
/// VM's disk and holds less: three batches in hand take less than two did.
const QUEUED: usize = 1;

/// Renders every document this run can build, except those `recorded` says are on disk
/// already as this run would build them, handing them to `sink` batch by batch.
pub fn plan<E>(
    i: &Inputs,
    templates: &Templates,
    recorded: &Recorded,
    stage_file: &StageFile,
    sink: &mut (dyn FnMut(Vec<Planned>) -> Result<(), E> + Send),
) -> Result<Planning, E>
where
    E: Send,
{
    let (d, e) = (i.d, i.e);
    let units: Vec<UnitId> = (0..d.agency.units.len()).filter(|u| i.units_ok[*u]).collect();
    let mut jobs = vec![status_job(d, i.status)];
    crate::timings::stage("contexts: forms", || form_jobs(d, e, &mut jobs));
    let total = jobs.len() + units.iter().map(|u| 3 + d.headcount(*u)).sum::<usize>();
    let run = Run {
        i,
        templates,
        recorded,
        folders: unit_folders(d),
        keys: crate::timings::stage("unit keys: shared", || unit_key::Shared::new(d, e, templates)),
        bar: progress_bar(i.progress, total),
    };
    let mut planning = Planning::default();
    planning.agency.extend(jobs.iter().map(Job::listed));
    // The documents compiled from the whole agency are the large ones (a province's
    // annex has a row per person). They are made on a thread of their own beside the
    // units' batches, a context at a time: each is built just before its documents are
    // rendered, one by one, each into its staging file, and let go of after them. Built
    // all first, a nation's self-assessment, report and notice stood side by side.
    let (compiled_listed, compiled) = std::thread::scope(|scope| {
        let compiled = scope.spawn(|| {
            let mut listed: Vec<Listed> = Vec::new();
            let mut rendered = Vec::new();
            if i.agency_ok {
                compiled_jobs(d, e, i.list_rows, &mut |jobs: Vec<Job>| {
                    run.bar.inc_length(jobs.len() as u64);
                    listed.extend(jobs.iter().map(Job::listed));
                    let jobs = jobs.into_iter().map(|job| run.render_staged(job, stage_file));
                    crate::timings::stage("render: compiled", || rendered.extend(jobs));
                });
            }
            (listed, rendered)
        });
        let units = run.units(&units, jobs, &mut planning, sink);
        let compiled = compiled.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        units.map(|()| compiled)
    })?;
    planning.agency.extend(compiled_listed);
    let mut ready = Vec::new();
    sort_out(compiled, &mut ready, &mut planning.failed);
    sink(ready)?;
    run.bar.finish_and_clear();
    let failed = &planning.failed;
    planning.agency.retain(|doc| !failed.iter().any(|f| *f.rel == *doc.rel));
    for (folder, key) in planning.built_units.iter_mut() {
        if failed.iter().any(|f| f.rel.starts_with(folder)) {
            *key = None;
        }
    }
    Ok(planning)
}

fn status_job(d: &Dataset, calendar: &Status) -> Job {
    Job {
        rel: PathBuf::from(AGENCY_DIR).join(STATUS_FILE),
        template: "status.tera",
        context: shared(Context::Status(status(d, calendar))),
        party: None,
        title: Title::Text(format!("Tình hình thực hiện kế hoạch năm {}", d.agency.year).into()),
        subject: DocKind::Status.name_vi().to_string(),
    }
}

/// What every step of a plan reads.
struct Run<'a> {
    i: &'a Inputs<'a>,
    templates: &'a Templates,
    recorded: &'a Recorded<'a>,
    folders: Vec<String>,
    keys: unit_key::Shared,
    bar: indicatif::ProgressBar,
}

impl Run<'_> {
    /// Plans `units` after the `jobs` already made, batch by batch: each batch is
    /// written (by `sink`, on a thread of its own: it mostly waits on the disk) while the
    /// next ones are planned and rendered, up to [`QUEUED`] batches ahead. The `jobs`
    /// (the agency's forms) are rendered once, first, and go with the first batch.
    fn units<E: Send>(
        &self,
        units: &[UnitId],
        jobs: Vec<Job>,
        planning: &mut Planning,
        sink: &mut (dyn FnMut(Vec<Planned>) -> Result<(), E> + Send),
    ) -> Result<(), E> {
        let mut pending = units.chunks(UNITS_AT_ONCE);
        let mut first = Vec::new();
        let forms = crate::timings::stage("hash, render", || self.render(jobs));
        sort_out(forms, &mut first, &mut planning.failed);
        let (batches, queue) = std::sync::mpsc::sync_channel::<Vec<Planned>>(QUEUED);
        std::thread::scope(|scope| {
            let writing = scope.spawn(move || queue.into_iter().try_for_each(sink));
            while let Some(ready) = self.next_batch(&mut pending, std::mem::take(&mut first), planning) {
                // Refused only once the writer has stopped on an error, which the join
                // below returns: nothing more is rendered.
                if batches.send(ready).is_err() {
                    break;
                }
            }
            drop(batches);
            writing.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    }

    /// The next batch: `ready` (what is already rendered), then units planned and
    /// rendered until it is full; `None` when every unit is planned and nothing is ready.
    fn next_batch(
        &self,
        pending: &mut std::slice::Chunks<UnitId>,
        mut ready: Vec<Planned>,
        planning: &mut Planning,
    ) -> Option<Vec<Planned>> {
        while ready.len() < BATCH {
            let Some(chunk) = pending.next() else { break };
            self.next_units(chunk, &mut ready, planning);
        }
        (!ready.is_empty()).then_some(ready)
    }

    /// Plans a chunk of units in parallel, each unit's documents rendered as soon as its
    /// contexts are made, in the same parallel pass: planned in one pass and rendered in
    /// the next, each batch waited twice for its slowest unit or document, and a
    /// province's build left a core idle 8% of the time. The documents of each go to
    /// `ready` (or `planning.failed`), current or rendered.
    fn next_units(&self, chunk: &[UnitId], ready: &mut Vec<Planned>, planning: &mut Planning) {
        let (d, e) = (self.i.d, self.i.e);
        let planned = crate::timings::stage("units: plan, render", || {
            let plan_unit = |unit: &UnitId| {
                let plan = unit_plan(d, e, *unit, &self.folders[*unit], &self.keys, self.i.built_units, self.recorded);
                let documents = match plan.work {
                    Work::Current(current) => {
                        self.bar.inc(current.len() as u64);
                        current.into_iter().map(Ok).collect()
                    }
                    Work::Render(jobs) => self.render(jobs),
                };
                (plan.folder, plan.key, documents)
            };
            chunk.par_iter().map(plan_unit).collect::<Vec<_>>()
        });
        for (folder, key, documents) in planned {
            planning.built_units.insert(folder, Some(key));
            sort_out(documents, ready, &mut planning.failed);
        }
    }

    fn render(&self, jobs: Vec<Job>) -> Vec<Result<Planned, Failed>> {
        jobs.into_par_iter().map(|job| self.render_one(job)).collect()
    }

    /// One document: rendered, or found on disk as this run would render it.
    fn render_one(&self, job: Job) -> Result<Planned, Failed> {
        self.render_job(job, |job| self.bytes(job).map(Made::Bytes))
    }

    /// One of the documents compiled from the whole agency: rendered straight into its
    /// staging file, or found on disk as this run would render it.
    fn render_staged(&self, job: Job, stage_file: &StageFile) -> Result<Planned, Failed> {
        self.render_job(job, |job| {
            let into_file = &mut |file: &mut std::fs::File| {
                write_markup_to_file(&self.markup(job)?, job.template, &self.meta(job), self.created(), file)
            };
            match stage_file(&job.rel, into_file) {
                Ok(made) => Ok(made),
                Err(Unmade::Maker(error)) => Err(error),
                // No staging file: in memory, for the batch's own write to meet the error
                // again and report it.
                Err(Unmade::Output(_)) => self.bytes(job).map(Made::Bytes),
            }
        })
    }

    /// The document of `job` as `make` makes it, unless it is on disk as this run would
    /// render it.
    fn render_job(&self, job: Job, make: impl FnOnce(&Job) -> Result<Made, RenderError>) -> Result<Planned, Failed> {
        self.bar.inc(1);
        let (d, e) = (self.i.d, self.i.e);
        let source = source_hash(&self.templates.source_hash(job.template), job.context.hash(d, e), job.party);
        if (self.recorded)(&job.rel) == Some(source) {
            return Ok(Planned { rel: job.rel, source, made: None });
        }
        match make(&job) {
            Ok(made) => Ok(Planned { rel: job.rel, source, made: Some(made) }),
            Err(error) => Err(Failed { rel: job.rel, error }),
        }
    }

    /// The document of `job` as bytes.
    fn bytes(&self, job: &Job) -> Result<Vec<u8>, RenderError> {
        write_markup(&self.markup(job)?, job.template, &self.meta(job), self.created())
    }

    /// The markup of `job`, its long list written where its template says.
    fn markup(&self, job: &Job) -> Result<Markup, RenderError> {
        let context = self.tera_context(job)?;
        let (d, e) = (self.i.d, self.i.e);
        let markup = match job.context.context.rows(d, e) {
            ContextRows::None => self.templates.render_markup_in(job.template, &context, NO_ROWS),
            ContextRows::Annex(annex) => self.templates.render_markup_in(job.template, &context, &annex),
            ContextRows::Notice(notice) => self.templates.render_markup_in(job.template, &context, &notice),
        };
        Ok(markup?)
    }

    /// `job`'s context as tera's values, with its flag (`party`) when it has one. Set
    /// on tera's map, not serialized with the context through `#[serde(flatten)]`,
    /// which buffers every field: 3% of a province's build.
    fn tera_context(&self, job: &Job) -> Result<tera::Context, RenderError> {
        let mut context = context_of(job.template, &job.context.context)?;
        if let Some(party) = job.party {
            context.insert("party", &party);
        }
        Ok(context)
    }

    /// The properties of `job`'s document: the agency is the author Word shows.
    fn meta(&self, job: &Job) -> DocMeta {
        DocMeta { title: job.title.to_string(), subject: job.subject.clone(), author: self.i.d.agency.name.clone() }
    }

    /// The day the documents are made, in their properties.
    fn created(&self) -> Option<chrono::NaiveDate> {
        Some(self.i.status.today)
    }
}

/// Puts each rendered document with those `ready` to be written, each failure with the
/// `failed`.
fn sort_out(rendered: Vec<Result<Planned, Failed>>, ready: &mut Vec<Planned>, failed: &mut Vec<Failed>) {
    for result in rendered {
        match result {
            Ok(planned) => ready.push(planned),
            Err(failure) => failed.push(failure),
        }
    }
}

fn progress_bar(shown: bool, total: usize) -> indicatif::ProgressBar {
    if !shown {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("Đang lập văn bản {bar:40} {pos}/{len} · {elapsed} · còn khoảng {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

/// One unit's share of a build: its documents, and either all of them found current or
/// the jobs that render them.
struct UnitPlan {
    folder: String,
    key: String,
    work: Work,
}

enum Work {
    Current(Vec<Planned>),
    Render(Vec<Job>),
}

/// Plans one unit: when its key is the one recorded and every one of its documents is
/// on disk untouched, nothing is built; otherwise its contexts are.
fn unit_plan(
    d: &Dataset,
    e: &Evaluation,
    unit: UnitId,
    folder: &str,
    keys: &unit_key::Shared,
    built_units: &BTreeMap<String, String>,
    recorded: &Recorded,
) -> UnitPlan {
    let key = keys.unit_key(d, e, unit, folder);
    let named = unit_documents(d, unit, folder);
    let current = (built_units.get(folder) == Some(&key))
        .then(|| {
            named
                .iter()
                .map(|doc| recorded(&doc.rel).map(|source| Planned { rel: doc.rel.clone(), source, made: None }))
                .collect::<Option<Vec<Planned>>>()
        })
        .flatten();
    let work = match current {
        Some(current) => Work::Current(current),
        None => Work::Render(unit_jobs(d, e, unit, named)),
    };
    UnitPlan { folder: folder.to_string(), key, work }
}

/// The titles of the documents a run planned, top folder by top folder: the agency's as
/// [`Planning::agency`] lists them, a planned unit's as its folder's documents are named
/// again ([`unit_documents`]), which is what the planning named them.
pub struct Titles<'a> {
    d: &'a Dataset,
    agency: &'a [Listed],
    /// The units planned, by folder ([`Planning::built_units`]).
    planned: &'a BTreeMap<String, Option<String>>,
    /// The documents that did not come out.
    failed: Vec<PathBuf>,
    /// Each unit's folder, to its unit.
    units: std::collections::HashMap<String, UnitId>,
}

impl<'a> Titles<'a> {
    /// The titles of what a [`Planning`] holds: its `agency`, `built_units` and `failed`.
    pub fn new(
        d: &'a Dataset,
        agency: &'a [Listed],
        planned: &'a BTreeMap<String, Option<String>>,
        failed: &[Failed],
    ) -> Titles<'a> {
        let units = unit_folders(d).into_iter().enumerate().map(|(unit, folder)| (folder, unit)).collect();
        let failed = failed.iter().map(|f| f.rel.clone()).collect();
        Titles { d, agency, planned, failed, units }
    }

    /// The documents planned in the top folder `folder` (a path relative to the outputs
    /// folder, without a slash), but those that failed.
    pub fn in_folder(&self, folder: &str) -> Vec<Listed> {
        let agency = self.agency.iter().filter(|doc| doc.rel.starts_with(folder)).cloned();
        let mut listed: Vec<Listed> = agency.collect();
        if let Some(unit) = self.units.get(folder).filter(|_| self.planned.contains_key(folder)) {
            let named = unit_documents(self.d, *unit, folder).into_iter();
            listed.extend(named.map(|doc| Listed { rel: doc.rel.into_boxed_path(), title: doc.title }));
        }
        listed.retain(|doc| !self.failed.iter().any(|rel| **rel == *doc.rel));
        listed
    }
}

/// The kind of the document at `rel` by its file name, for a document of an earlier
/// build that this run did not plan (a unit held back by its errors).
pub fn kind_of(rel: &Path) -> Option<DocKind> {
    let file = rel.file_name()?.to_str()?;
    let folder = rel.parent().and_then(Path::file_name).and_then(|f| f.to_str()).unwrap_or_default();
    let agency = [SELF_ASSESSMENT, LEADERSHIP_REPORT, INVITATION, RESULTS_NOTICE];
    match (folder, file) {
        (SELF_REVIEW_DIR, _) => Some(DocKind::SelfReviews),
        (LEADER_REVIEW_DIR, _) => Some(DocKind::LeaderReviews),
        (_, MINUTES_FILE) => Some(DocKind::UnitMinutes),
        (_, REPORT_FILE) => Some(DocKind::UnitReport),
        (_, PROPOSAL_FILE) => Some(DocKind::UnitProposal),
        (_, STATUS_FILE) => Some(DocKind::Status),
        (_, AGENCY_BALLOT_FILE) => Some(DocKind::AgencyBallot),
        _ => AGENCY_FILES
            .iter()
            .find(|(_, name, _)| *name == file)
            .map(|(kind, _, _)| *kind)
            .or_else(|| agency.iter().find(|doc| doc.file == file).map(|doc| doc.kind)),
    }
}

/// A document of a unit's folder, named and titled before any context is built.
struct Named {
    rel: PathBuf,
    title: Title,
    of: Of,
}

/// What a unit's document is made of.
enum Of {
    /// The unit's dossier (minutes, report, proposal), from its template.
    Dossier(&'static str),
    /// A person's self-review form.
    SelfReview(PersonId),
}

/// The documents of a unit's folder: its dossier when it has a meeting file (as
/// [`unit`] has a context), and a self-review form for each of its people, in the order
/// the meeting took them.
fn unit_documents(d: &Dataset, unit_id: UnitId, folder: &str) -> Vec<Named> {
    let dir = PathBuf::from(folder);
    let mut named = Vec::new();
    let review = d.review_of(unit_id);
    if review.is_some() {
        let name: Arc<str> = d.unit_name(unit_id).into();
        for (file, template, kind) in [
            (MINUTES_FILE, "unit_minutes.tera", DocKind::UnitMinutes),
            (REPORT_FILE, "unit_report.tera", DocKind::UnitReport),
            (PROPOSAL_FILE, "unit_proposal.tera", DocKind::UnitProposal),
        ] {
            let title = Title::Of(kind, name.clone());
            named.push(Named { rel: dir.join(file), title, of: Of::Dossier(template) });
        }
    }
    let ordered: Vec<usize> = match review {
        Some(r) => r.reviews.iter().filter_map(|r| r.person.person()).collect(),
        None => Vec::new(),
    };
    let rest = d.members(unit_id).map(|(id, _)| id).filter(|id| !ordered.contains(id)).collect::<Vec<_>>();
    for (i, id) in ordered.into_iter().chain(rest).enumerate() {
        let name = &d.people[id].name;
        let file = format!("{:02}-{}.docx", i + 1, slug(name));
        let title = Title::Of(DocKind::SelfReviews, name.clone());
        named.push(Named { rel: dir.join(SELF_REVIEW_DIR).join(file), title, of: Of::SelfReview(id) });
    }
    named
}

/// The jobs that render a unit's documents, each with its context.
fn unit_jobs(d: &Dataset, e: &Evaluation, unit_id: UnitId, named: Vec<Named>) -> Vec<Job> {
    let subject = review_subject(d);
    let dossier = named.iter().any(|doc| matches!(doc.of, Of::Dossier(_)));
    let context = dossier.then(|| unit(d, e, unit_id)).flatten().map(|ctx| shared(Context::Unit(ctx)));
    named
        .into_iter()
        .filter_map(|doc| {
            let (template, context) = match doc.of {
                Of::Dossier(template) => (template, context.clone()?),
                Of::SelfReview(id) => ("self_review.tera", shared(Context::SelfReview(self_review(d, e, id)))),
            };
            Some(Job { rel: doc.rel, template, context, party: None, title: doc.title, subject: subject.clone() })
        })
        .collect()
}

/// The subject the properties of the year's review documents give.
fn review_subject(d: &Dataset) -> String {
    format!("Kiểm điểm, đánh giá, xếp loại chất lượng năm {}", d.agency.year)
}

/// File names of the agency-level documents.
pub const AGENCY_FILES: [(DocKind, &str, &str); 5] = [
    (DocKind::LeadershipMinutes, "bien-ban-hoi-nghi-kiem-diem-lanh-dao.docx", "leadership_minutes.tera"),
    (DocKind::BallotMinutes, "bien-ban-kiem-phieu-xep-loai-co-quan.docx", "ballot_minutes.tera"),
    (DocKind::ConsultationMinutes, "bien-ban-hop-tham-van.docx", "consultation_minutes.tera"),
    (DocKind::AgencyReport, "bao-cao-ubnd-tinh.docx", "agency_report.tera"),
    (DocKind::PartyReport, "bao-cao-ban-to-chuc-tinh-uy.docx", "agency_report.tera"),
];

/// The documents compiled from every unit's data, built only when no unit is in error:
/// handed to `made` a context at a time (the documents that share it together).
fn compiled_jobs(d: &Dataset, e: &Evaluation, list_rows: usize, made: &mut dyn FnMut(Vec<Job>)) {
    let built = |build: &dyn Fn() -> Vec<Job>| crate::timings::stage("contexts: agency", build);
    made(built(&|| vec![agency_job(SELF_ASSESSMENT, Context::SelfAssessment(self_assessment(d)), d)]));
    let order = crate::timings::stage("contexts: agency", || crate::rules::summary::ordered(d));
    if d.agency_review.is_some() {
        made(built(&|| agency_jobs(d, e, &order, list_rows)));
    }
    made(built(&|| notice_jobs(d, e, &order, list_rows)));
}

/// An agency document with a context of its own: its kind, file and template.
#[derive(Clone, Copy)]
pub struct AgencyDocument {
    pub kind: DocKind,
    pub file: &'static str,
    template: &'static str,
}

pub const SELF_ASSESSMENT: AgencyDocument = AgencyDocument {
    kind: DocKind::AgencySelfAssessment,
    file: "bao-cao-tu-danh-gia.docx",
    template: "agency_self_assessment.tera",
};
pub const LEADERSHIP_REPORT: AgencyDocument = AgencyDocument {
    kind: DocKind::LeadershipReport,
    file: "bao-cao-kiem-diem-tap-the-lanh-dao.docx",
    template: "leadership_report.tera",
};
pub const INVITATION: AgencyDocument =
    AgencyDocument { kind: DocKind::Invitation, file: "giay-moi-hoi-nghi-kiem-diem.docx", template: "invitation.tera" };
pub const RESULTS_NOTICE: AgencyDocument =
    AgencyDocument { kind: DocKind::ResultsNotice, file: "thong-bao-ket-qua.docx", template: "results_notice.tera" };

fn agency_job(doc: AgencyDocument, context: Context, d: &Dataset) -> Job {
    Job {
        rel: PathBuf::from(AGENCY_DIR).join(doc.file),
        template: doc.template,
        context: shared(context),
        party: None,
        title: Title::Kind(doc.kind),
        subject: review_subject(d),
    }
}

fn agency_jobs(d: &Dataset, e: &Evaluation, order: &[PersonId], list_rows: usize) -> Vec<Job> {
    let summary = crate::rules::summary::summarize(d, e, order);
    let mut context = agency(d, e, summary);
    let annex_parts = annex_in_files(&mut context, list_rows);
    let value = shared(Context::Agency(context));
    let job = |(kind, file, template): (DocKind, &str, &'static str)| Job {
        rel: PathBuf::from(AGENCY_DIR).join(file),
        template,
        context: value.clone(),
        party: Some(kind == DocKind::PartyReport),
        title: Title::Kind(kind),
        subject: review_subject(d),
    };
    let part = |part: AnnexPartCtx| {
        let at = (part.part, part.parts);
        ANNEX_PART.job(d, at, Context::AnnexPart(part))
    };
    AGENCY_FILES.into_iter().map(job).chain(annex_parts.into_iter().map(part)).collect()
}

/// A part of a list of everyone written in a file of its own, in the agency's folder:
/// its file's stem, its template, and its title before its number.
struct PartDocument {
    stem: &'static str,
    template: &'static str,
    title: &'static str,
}

const ANNEX_PART: PartDocument = PartDocument {
    stem: "phu-luc-bao-cao",
    template: "agency_report_annex.tera",
    title: "Phụ lục kèm theo báo cáo kết quả xếp loại",
};
const NOTICE_PART: PartDocument = PartDocument {
    stem: "thong-bao-ket-qua",
    template: "results_notice_part.tera",
    title: "Danh sách kèm theo thông báo kết quả xếp loại",
};

impl PartDocument {
    /// "phu-luc-bao-cao-phan-03.docx": part `part` of `parts`, numbered to sort in a
    /// file list.
    fn file(&self, part: usize, parts: usize) -> String {
        let width = parts.to_string().len();
        format!("{}-phan-{part:0width$}.docx", self.stem)
    }

    /// The document of part `part` of `parts`, in its [`PartDocument::file`].
    fn job(&self, d: &Dataset, (part, parts): (usize, usize), context: Context) -> Job {
        Job {
            rel: PathBuf::from(AGENCY_DIR).join(self.file(part, parts)),
            template: self.template,
            context: shared(context),
            party: None,
            title: Title::Text(format!("{}, phần {part}/{parts}", self.title).into()),
            subject: review_subject(d),
        }
    }
}

/// The results notice, and the parts of its people's table when it lists more than
/// `rows` people.
fn notice_jobs(d: &Dataset, e: &Evaluation, order: &[PersonId], rows: usize) -> Vec<Job> {
    let Some(mut context) = notice(d, e, order) else { return Vec::new() };
    let parts = list_in_files(&mut context, rows, |part, parts| NOTICE_PART.file(part, parts));
    let part = |part: NoticePartCtx| {
        let at = (part.part, part.parts);
        NOTICE_PART.job(d, at, Context::NoticePart(part))
    };
    let notice = agency_job(RESULTS_NOTICE, Context::Notice(context), d);
    std::iter::once(notice).chain(parts.into_iter().map(part)).collect()
}

/// Takes the annex out of the reports' `context` when it has more than `rows` rows:
/// the parts it is then written in, whose files the reports list.
fn annex_in_files(context: &mut AgencyCtx, rows: usize) -> Vec<AnnexPartCtx> {
    let Some(files) = split(&context.annex, rows, |part, parts| ANNEX_PART.file(part, parts)) else {
        return Vec::new();
    };
    let people = std::mem::take(&mut context.annex);
    let annex_parts = parts(&files, &people, context.year, &context.agency, context.scored);
    context.annex_files = files;
    annex_parts
}

/// The leaders' self-review forms and the agency's ballot paper: blank forms filled from
/// the roster and agency.yaml, built whatever the state of the meetings.
pub const LEADER_REVIEW_DIR: &str = "lanh-dao";
pub const AGENCY_BALLOT_FILE: &str = "phieu-danh-gia-co-quan.docx";

fn form_jobs(d: &Dataset, e: &Evaluation, jobs: &mut Vec<Job>) {
    // Drafted before the conference, from agency_review alone.
    if let Some(ctx) = leadership_report(d) {
        jobs.push(agency_job(LEADERSHIP_REPORT, Context::LeadershipReport(ctx), d));
    }
    if let Some(ctx) = invitation(d, e) {
        jobs.push(agency_job(INVITATION, Context::Invitation(ctx), d));
    }
    let subject = review_subject(d);
    // The Director first, then the deputies, in roster order.
    let mut leaders: Vec<usize> =
        d.people.iter().enumerate().filter(|(_, p)| p.membership == Membership::Leadership).map(|(id, _)| id).collect();
    leaders.sort_by_key(|id| !super::context::forms::is_agency_head(d, *id));
    for (i, id) in leaders.into_iter().enumerate() {
        let ctx = self_review(d, e, id);
        let file = format!("{:02}-{}.docx", i + 1, slug(&d.people[id].name));
        jobs.push(Job {
            rel: PathBuf::from(AGENCY_DIR).join(LEADER_REVIEW_DIR).join(file),
            template: "self_review.tera",
            title: Title::Of(DocKind::LeaderReviews, d.people[id].name.clone()),
            subject: subject.clone(),
            context: shared(Context::SelfReview(ctx)),
            party: None,
        });
    }
    jobs.push(Job {
        rel: PathBuf::from(AGENCY_DIR).join(AGENCY_BALLOT_FILE),
        template: "agency_ballot.tera",
        context: shared(Context::Ballot(ballot(d))),
        party: None,
        title: Title::Kind(DocKind::AgencyBallot),
        subject,
    });
}

fn shared(context: Context) -> Arc<Shared> {
    Arc::new(Shared { context, hash: OnceLock::new() })
}

/// What a document is built from: this build of the program, its template's text and its data.
pub fn source_hash(template_hash: &str, context_hash: &str, party: Option<bool>) -> Digest {
    let mut hasher = blake3::Hasher::new();
    hasher.update(crate::BUILD.as_bytes());
    hasher.update(template_hash.as_bytes());
    hasher.update(context_hash.as_bytes());
    hasher.update(match party {
        None => b"",
        Some(false) => b"party=false",
        Some(true) => b"party=true",
    });
    hasher.finalize().into()
}
