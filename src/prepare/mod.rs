//! `xeploai prepare`: for each unit of the roster without a meeting file, the file the
//! clerk completes after the meeting (every member named, in the meeting's order, every
//! field present and empty) and the workbook the paper votes are typed into. A file the
//! clerk has touched is never written again; a prepared one untouched since is brought
//! up to date with the roster.

mod drift;
mod meeting_file;
mod votes_book;

use std::path::{Path, PathBuf};

pub use drift::Drift;
pub use meeting_file::{MeetingFile, Member, is_untouched};

use crate::findings::Findings;
use crate::ingest::ingest;
use crate::ingest::votes_book::{layout, read_book};
use crate::model::{Dataset, PersonId, UnitId, UnitReview};
use crate::output::atomic;
use crate::rules::cycle::{needs_score, party_scored};
use crate::rules::{Facts, derive, meeting_order};

/// The folder of the meeting files, inside the inputs folder.
pub const MEETING_FOLDER: &str = "don-vi";

/// What happened to one unit's meeting file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A new file was written.
    Written,
    /// A prepared file, untouched since, rewritten for a changed roster.
    Refreshed,
    /// An existing file, left as it is.
    Kept,
    /// The unit's meeting file exists but cannot be read (`check` says why).
    Unreadable,
    /// The file's name is taken by a file that is no meeting file of this unit.
    Occupied,
}

#[derive(Clone, Debug)]
pub struct UnitOutcome {
    pub unit: String,
    /// Relative to the inputs folder.
    pub file: PathBuf,
    pub action: Action,
    /// Roster changes against the file as it was found (empty for a new file).
    pub drift: Drift,
    /// The votes workbook, when one was written (new, or refreshed while still empty).
    pub book: Option<PathBuf>,
    pub members: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    #[error(
        "không có tệp thông tin cơ quan (kind: agency) đọc được trong thư mục dữ liệu; hãy chạy `xeploai check` để xem lỗi"
    )]
    NoAgency,
    #[error("không ghi được tệp “{0}”: {1}")]
    Io(String, std::io::Error),
    #[error("mẫu tệp họp kiểm điểm: {0}")]
    Template(String),
    #[error("không lập được bảng phiếu “{0}”: {1}")]
    Book(String, String),
}

/// Prepares every unit of the inputs folder `inputs`.
pub fn prepare(inputs: &Path) -> Result<Vec<UnitOutcome>, PrepareError> {
    let mut findings = Findings::default();
    let dataset = ingest(inputs, &mut findings).dataset.ok_or(PrepareError::NoAgency)?;
    let facts = derive(&dataset);
    let folders = dataset.agency.unit_folders().names;
    let preparer = Preparer { inputs, d: &dataset, facts: &facts };
    (0..dataset.agency.units.len()).map(|unit| preparer.unit(unit, &folders[unit])).collect()
}

struct Preparer<'a> {
    inputs: &'a Path,
    d: &'a Dataset,
    facts: &'a Facts,
}

impl Preparer<'_> {
    fn unit(&self, unit: UnitId, folder: &str) -> Result<UnitOutcome, PrepareError> {
        let order = meeting_order(self.d, self.facts, unit);
        let outcome = |file: PathBuf, action: Action, drift: Drift| UnitOutcome {
            unit: self.d.unit_name(unit).to_string(),
            file,
            action,
            drift,
            book: None,
            members: order.len(),
        };
        if let Some(review) = self.d.review_of(unit) {
            let mut kept =
                outcome(review.source.path().to_path_buf(), Action::Kept, drift::drift(self.d, review, &order));
            kept.book = self.book(unit, review.source.path(), &order, false)?;
            return Ok(kept);
        }
        if let Some(review) = self.d.pending_review(unit) {
            return self.pending(unit, review, &order).map(|(action, drift, book)| UnitOutcome {
                book,
                ..outcome(review.source.path().to_path_buf(), action, drift)
            });
        }
        let rel = Path::new(MEETING_FOLDER).join(format!("{folder}.yaml"));
        if self.d.review_unreadable(unit) {
            return Ok(outcome(rel, Action::Unreadable, Drift::default()));
        }
        if self.inputs.join(&rel).exists() {
            return Ok(outcome(rel, Action::Occupied, Drift::default()));
        }
        self.write_meeting_file(unit, &rel, &order)?;
        let mut written = outcome(rel.clone(), Action::Written, Drift::default());
        written.book = self.book(unit, &rel, &order, true)?;
        Ok(written)
    }

    /// A prepared file with nothing recorded: rewritten if untouched and out of date.
    fn pending(
        &self,
        unit: UnitId,
        review: &UnitReview,
        order: &[PersonId],
    ) -> Result<(Action, Drift, Option<PathBuf>), PrepareError> {
        let rel = review.source.path();
        let drift = drift::drift(self.d, review, order);
        let current = std::fs::read_to_string(self.inputs.join(rel)).unwrap_or_default();
        let fresh = self.meeting_file(unit, rel, order).render().map_err(|e| PrepareError::Template(e.to_string()))?;
        if is_untouched(&current) && current != fresh {
            write(&self.inputs.join(rel), fresh.as_bytes())?;
            let book = self.book(unit, rel, order, true)?;
            return Ok((Action::Refreshed, drift, book));
        }
        let book = self.book(unit, rel, order, false)?;
        Ok((Action::Kept, drift, book))
    }

    fn meeting_file(&self, unit: UnitId, rel: &Path, order: &[PersonId]) -> MeetingFile {
        let head = self.facts.units[unit].head;
        MeetingFile {
            year: self.d.agency.year,
            unit: self.d.unit_name(unit).to_string(),
            book: book_path(rel).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            members: order
                .iter()
                .map(|id| {
                    let person = &self.d.people[*id];
                    Member {
                        name: person.name.to_string(),
                        about: self.about(*id),
                        head: head == Some(*id),
                        scored: needs_score(self.d, person, &self.facts.people[*id]),
                        party_scored: party_scored(self.d.agency.year, person),
                    }
                })
                .collect(),
        }
    }

    fn write_meeting_file(&self, unit: UnitId, rel: &Path, order: &[PersonId]) -> Result<(), PrepareError> {
        let text = self.meeting_file(unit, rel, order).render().map_err(|e| PrepareError::Template(e.to_string()))?;
        write(&self.inputs.join(rel), text.as_bytes())
    }

    /// "Công chức, Trưởng phòng": what the clerk sees beside a name.
    fn about(&self, id: PersonId) -> String {
        let category = self.facts.people[id].category.name_vi();
        match &self.d.people[id].post {
            Some(post) => format!("{category}, {post}"),
            None => category.to_string(),
        }
    }

    /// Writes the votes workbook beside the meeting file `rel` when there is none, or,
    /// with `refresh`, when the one there has nothing typed in and lists other names.
    fn book(
        &self,
        unit: UnitId,
        rel: &Path,
        order: &[PersonId],
        refresh: bool,
    ) -> Result<Option<PathBuf>, PrepareError> {
        let book_rel = book_path(rel);
        let path = self.inputs.join(&book_rel);
        if path.exists() {
            let mut ignored = Findings::default();
            let stale = read_book(&path, &book_rel, &mut ignored).is_some_and(|book| {
                let names: Vec<&str> = book.rows.iter().filter(|r| !r.collective).map(|r| r.name.as_str()).collect();
                let wanted: Vec<&str> = order.iter().map(|id| &*self.d.people[*id].name).collect();
                book.is_empty() && names != wanted
            });
            if !(refresh && stale) {
                return Ok(None);
            }
        }
        let members: Vec<votes_book::BookMember> = order
            .iter()
            .map(|id| votes_book::BookMember { name: self.d.people[*id].name.to_string(), about: self.about(*id) })
            .collect();
        let bytes = votes_book::votes_book(self.d.agency.year, self.d.unit_name(unit), &members)
            .map_err(|e| PrepareError::Book(crate::source::display_path(&book_rel), e.to_string()))?;
        write(&path, &bytes)?;
        Ok(Some(book_rel))
    }
}

/// The votes workbook beside a meeting file.
pub fn book_path(meeting: &Path) -> PathBuf {
    let stem = meeting.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    meeting.with_file_name(layout::book_name(&stem))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), PrepareError> {
    atomic::write(path, bytes).map_err(|e| PrepareError::Io(path.display().to_string(), e))
}
