//! What every merge of a workbook into a unit's meeting shares (the votes workbook, the
//! score sheets): finding the member's entry in the meeting file, and the error naming
//! both places when the workbook and the meeting file disagree.

use std::sync::Arc;

use super::people::unknown_person;
use super::reviews::Roster;
use crate::findings::{Finding, Findings, input};
use crate::model::{Membership, UnitId, UnitReview};
use crate::source::{Origin, Source};

/// Which workbook a value came from, as the clerk calls it.
#[derive(Clone, Copy, Debug)]
pub enum Book {
    Votes,
    Scores,
}

impl Book {
    fn name(self) -> &'static str {
        match self {
            Book::Votes => "bảng phiếu",
            Book::Scores => "bảng điểm",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Book::Votes => "Bảng phiếu",
            Book::Scores => "Bảng điểm",
        }
    }
}

/// One unit's meeting file, as a workbook's values are merged into it.
pub struct Target<'a> {
    pub roster: &'a Roster<'a>,
    /// The meeting file, relative to the inputs folder.
    pub yaml: &'a Arc<Origin>,
    pub unit: UnitId,
    pub book: Book,
}

impl Target<'_> {
    pub fn unit_name(&self) -> String {
        (self.roster.unit_names)(Membership::Unit(self.unit))
    }

    /// The meeting file's entry for `name` (written at `source` in the workbook); a
    /// finding when the name is nobody of the unit, or the meeting file does not list them.
    pub fn entry(&self, review: &UnitReview, name: &str, source: &Source, findings: &mut Findings) -> Option<usize> {
        let membership = Membership::Unit(self.unit);
        let unit_name = self.unit_name();
        let Some(id) = self.roster.index.find(membership, name) else {
            findings.push(unknown_person(self.roster.people, membership, &unit_name, name, source.clone()));
            return None;
        };
        let found = review.reviews.iter().position(|r| r.person.person() == Some(id));
        if found.is_none() {
            findings.push(
                Finding::error(
                    input::INPUT_INVALID,
                    format!(
                        "{} có số liệu của {name} nhưng tệp họp {} không có mục của người này trong reviews; hãy thêm `- name: {name}` vào tệp họp.",
                        self.book.title(),
                        crate::source::display_path(self.yaml.path()),
                    ),
                )
                .unit(unit_name)
                .person(name)
                .at(source.clone()),
            );
        }
        found
    }

    /// INPUT_INVALID at the workbook's cell: `what` of `who` is `in_book` there and
    /// `in_yaml` in the meeting file (at `yaml`, when the place is known).
    pub fn conflict(
        &self,
        who: &str,
        what: &str,
        (book_cell, in_book): (&Source, &str),
        (yaml, in_yaml): (Option<&Source>, &str),
    ) -> Finding {
        let yaml = yaml.map_or_else(|| crate::source::display_path(self.yaml.path()), Source::to_string);
        Finding::error(
            input::INPUT_INVALID,
            format!(
                "{who}: {what} ghi khác nhau ở hai nơi: {} {book_cell} ghi {in_book}, tệp họp {yaml} ghi {in_yaml}. Hãy sửa cho khớp, hoặc xóa ở một nơi.",
                self.book.name()
            ),
        )
        .unit(self.unit_name())
        .at(book_cell.clone())
    }
}
