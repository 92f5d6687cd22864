//! A unit's votes workbook merged into its meeting: what the workbook gives fills what
//! the meeting file leaves empty; a value given in both places that disagrees is an
//! error naming both (the workbook's Phiếu!C5 and the YAML line:column), never a silent
//! choice of one.

use std::sync::Arc;

use serde_saphyr::Spanned;

use super::super::units::UnitIndex;
use super::super::votes_book::layout::is_collective;
use super::super::votes_book::{BookRow, Typed, VotesBook, read_book};
use super::super::yaml::{UnitReviewDoc, YRating, YVotes, source_of};
use super::book_merge::{Book, Target};
use super::reviews::Roster;
use crate::findings::{Finding, Findings, input};
use crate::model::{Agency, CollectiveReview, Rating, UnitId, UnitReview, Votes};
use crate::scan::{FileKind, InputFile};
use crate::source::{Origin, Source};

/// Every votes workbook, read and placed under its unit (indexed like the units).
pub fn read_books(
    files: &[InputFile],
    units: &UnitIndex,
    agency: &Agency,
    findings: &mut Findings,
) -> Vec<Option<VotesBook>> {
    let mut books: Vec<Option<VotesBook>> = vec![None; agency.units.len()];
    for file in files.iter().filter(|f| f.kind == FileKind::VotesBook) {
        let Some(book) = read_book(&file.path, &file.rel, findings) else { continue };
        let Some(unit) = units.resolve_unit(&book.unit.value) else {
            findings.push(units.unknown(&book.unit.value, book.unit.source.clone()));
            continue;
        };
        if let Some(first) = &books[unit] {
            let first = Source::file(&first.file);
            findings.push(super::second_file(&agency.units[unit].name, "bảng phiếu", &first, &file.rel));
            continue;
        }
        books[unit] = Some(book);
    }
    books
}

/// A workbook with counts typed in for a unit that has no meeting file: nothing to put
/// them in yet, and the clerk is told rather than left to wonder.
pub fn unused(book: &VotesBook, unit_name: &str) -> Option<Finding> {
    (!book.is_empty()).then(|| {
        Finding::warning(
            input::INPUT_INVALID,
            format!(
                "Bảng phiếu của {unit_name} đã có số liệu nhưng đơn vị chưa có tệp họp kiểm điểm (kind: unit_review), nên số liệu chưa được dùng. Hãy chạy `xeploai prepare` để tạo tệp họp."
            ),
        )
        .unit(unit_name)
        .at(Source::file(&book.file))
    })
}

/// Merges one unit's workbook into the review read from its meeting file `doc`.
pub struct Merge<'a> {
    pub roster: &'a Roster<'a>,
    pub yaml: &'a Arc<Origin>,
    pub unit: UnitId,
    pub findings: &'a mut Findings,
}

impl<'a> Merge<'a> {
    pub fn merge(&mut self, review: &mut UnitReview, doc: &UnitReviewDoc, book: &VotesBook) {
        for row in book.rows.iter().filter(|r| !r.is_empty()) {
            if row.collective {
                let written = doc.collective.as_ref().map(|c| &c.value);
                let collective = review.collective.get_or_insert_with(|| CollectiveReview {
                    source: Some(Source::file(&book.file)),
                    ..CollectiveReview::default()
                });
                let who = row.name.clone();
                self.votes(&who, "số phiếu", &mut collective.votes, written.and_then(|c| c.votes.as_ref()), row);
                self.rating(
                    &who,
                    "mức tự xếp loại",
                    &mut collective.self_rating,
                    written.and_then(|c| c.self_rating.as_ref()),
                    &row.self_rating,
                );
                self.rating(
                    &who,
                    "mức đề xuất",
                    &mut collective.proposed,
                    written.and_then(|c| c.proposed.as_ref()),
                    &row.proposed,
                );
                continue;
            }
            let Some(index) = self.entry(review, row) else { continue };
            let written = &doc.reviews[index].value;
            let entry = &mut review.reviews[index];
            let who = entry.person.name.clone();
            self.votes(&who, "số phiếu", &mut entry.votes, written.votes.as_ref(), row);
            self.rating(
                &who,
                "mức tự xếp loại",
                &mut entry.self_rating,
                written.self_rating.as_ref(),
                &row.self_rating,
            );
            self.rating(&who, "mức đề xuất", &mut entry.proposed, written.proposed.as_ref(), &row.proposed);
        }
    }

    fn target(&self) -> Target<'a> {
        Target { roster: self.roster, yaml: self.yaml, unit: self.unit, book: Book::Votes }
    }

    /// The meeting file's entry for the person of `row`; a finding when there is none.
    fn entry(&mut self, review: &UnitReview, row: &BookRow) -> Option<usize> {
        self.target().entry(review, &row.name, &row.source, self.findings)
    }

    /// Votes: each level typed in the workbook must agree with the meeting file's.
    fn votes(
        &mut self,
        who: &str,
        what: &str,
        target: &mut Option<Votes>,
        written: Option<&Spanned<YVotes>>,
        row: &BookRow,
    ) {
        if row.votes.iter().all(Option::is_none) {
            return;
        }
        let Some(current) = *target else {
            let mut votes = Votes::default();
            for (level, typed) in Rating::LEVELS.into_iter().zip(&row.votes) {
                votes.set(level, typed.as_ref().map_or(0, |t| t.value));
            }
            *target = Some(votes);
            return;
        };
        for (level, typed) in Rating::LEVELS.into_iter().zip(&row.votes) {
            let Some(typed) = typed else { continue };
            if current.get(level) != i64::from(typed.value) {
                let yaml = written.map(|w| source_of(self.yaml, w));
                let what = format!("{what} {}", level.code());
                self.conflict(who, &what, typed, yaml, current.get(level).to_string(), typed.value.to_string());
            }
        }
    }

    fn rating(
        &mut self,
        who: &str,
        what: &str,
        target: &mut Option<Rating>,
        written: Option<&Spanned<YRating>>,
        typed: &Option<Typed<Rating>>,
    ) {
        let Some(typed) = typed else { return };
        match *target {
            None => *target = Some(typed.value),
            Some(current) if current != typed.value => {
                let yaml = written.map(|w| source_of(self.yaml, w));
                self.conflict(who, what, typed, yaml, current.code().to_string(), typed.value.code().to_string());
            }
            Some(_) => {}
        }
    }

    fn conflict<T>(
        &mut self,
        who: &str,
        what: &str,
        typed: &Typed<T>,
        yaml: Option<Source>,
        in_yaml: String,
        in_book: String,
    ) {
        let finding = self.target().conflict(who, what, (&typed.source, &in_book), (yaml.as_ref(), &in_yaml));
        // The collective's row is about the unit, a member's about that person.
        self.findings.push(if is_collective(who) { finding } else { finding.person(who) });
    }
}
