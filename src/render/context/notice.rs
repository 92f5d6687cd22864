//! The Director's notice of results (`results_notice`, NĐ 90 Art 18–19): every unit's
//! and every person's final rating, grouped by unit, for posting in the agency.

use serde::Serialize;

use super::annex::AnnexFile;
use super::cycle_texts::{self, CycleTexts};
use super::{HeaderCtx, PersonCtx, SignerCtx, date_words, recipients};
use crate::model::{Dataset, DocKind, Membership, PersonId, UnitId};
use crate::render::templates::MadeRows;
use crate::rules::Evaluation;

#[derive(Clone, Debug, Serialize)]
pub struct NoticeCtx {
    pub header: HeaderCtx,
    pub year: i32,
    pub cycle: CycleTexts,
    pub agency: String,
    pub plan: String,
    pub consultation_date: String,
    pub units: Vec<NoticeUnit>,
    /// The people's table, unit by unit: not in the context tera is given, but written
    /// by `_rows_notice.tera` (`@rows`) from [`notice_rows`], a thousand lines at a time.
    #[serde(skip)]
    pub lines: Vec<Line>,
    /// The files the people's table is written in when it is too long for the notice
    /// (empty otherwise: then `lines` are in it).
    pub list_files: Vec<AnnexFile>,
    /// How many leaders UBND tỉnh rates (not in this notice).
    pub leaders: usize,
    pub signer: SignerCtx,
    pub recipients: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct NoticeUnit {
    pub order: usize,
    pub name: String,
    /// The collective's final rating, "" when none was concluded.
    pub rating: String,
}

/// A line of the people's table, before it is written out: a unit heading its people,
/// or one of them. 32 bits each, as a review's references to the roster: a nation's
/// notice holds a million lines while the agency's documents are planned.
#[derive(Clone, Copy, Debug)]
pub enum Line {
    Unit(u32),
    /// `order`: numbered through the whole list.
    Person {
        id: u32,
        order: u32,
    },
}

/// A line of the people's table as `_rows_notice.tera` reads it.
#[derive(Clone, Debug, Serialize)]
pub struct NoticeLine {
    /// The unit's name, on the line that heads its people; "" on a person's line.
    pub unit: String,
    /// The person, on a person's line.
    pub person: Option<NoticePerson>,
}

#[derive(Clone, Debug, Serialize)]
pub struct NoticePerson {
    /// Numbered through the whole list.
    pub order: usize,
    pub person: PersonCtx,
    pub rating: String,
}

/// `None` until the Director has concluded (agency_review's `consultation`). The people
/// are taken as `in_order` lists them ([`crate::rules::summary::ordered`]).
pub fn notice(d: &Dataset, e: &Evaluation, in_order: &[PersonId]) -> Option<NoticeCtx> {
    let consultation = d.agency_review.as_ref()?.consultation.as_ref()?;
    // One pass over the people, each into its unit's list, numbered through the whole list
    // (units come in agency order, so the numbering runs down the page).
    let mut by_unit: Vec<Vec<PersonId>> = vec![Vec::new(); d.agency.units.len()];
    for &id in in_order {
        if let Membership::Unit(unit) = d.people[id].membership {
            by_unit[unit].push(id);
        }
    }
    let listed = || by_unit.iter().enumerate().filter(|(_, people)| !people.is_empty());
    let mut lines = Vec::with_capacity(listed().map(|(_, people)| 1 + people.len()).sum());
    let mut order = 0;
    for (unit, people) in listed() {
        lines.push(Line::Unit(unit as u32));
        lines.extend(people.iter().map(|&id| {
            order += 1;
            Line::Person { id: id as u32, order }
        }));
    }
    let units = (0..d.agency.units.len())
        .map(|unit: UnitId| NoticeUnit {
            order: unit + 1,
            name: d.unit_name(unit).to_string(),
            rating: e.facts.units[unit].final_rating.map(|r| r.full_name().to_string()).unwrap_or_default(),
        })
        .collect();
    Some(NoticeCtx {
        header: HeaderCtx::issued(d, DocKind::ResultsNotice, "TB", consultation.date),
        year: d.agency.year,
        cycle: cycle_texts::of(d.agency.year),
        agency: d.agency.name.clone(),
        plan: d.agency.plan.clone().unwrap_or_default(),
        consultation_date: date_words(consultation.date),
        units,
        lines,
        list_files: Vec::new(),
        leaders: d.people.iter().filter(|p| p.membership == Membership::Leadership).count(),
        signer: SignerCtx::director(d),
        recipients: recipients(
            d,
            DocKind::ResultsNotice,
            &[
                "Lãnh đạo Sở",
                "Các phòng, ban, đơn vị thuộc và trực thuộc Sở",
                "Niêm yết tại trụ sở cơ quan",
                "Lưu: VT, VP",
            ],
        ),
    })
}

/// The notice's people's table, made as `_rows_notice.tera` writes it: a province's
/// hundred thousand people given to tera at once were 78 MB of its values.
pub fn notice_rows<'a>(lines: &'a [Line], d: &'a Dataset, e: &'a Evaluation) -> MadeRows<'a, Line, NoticeLine> {
    MadeRows::new(lines, move |_, line| written(d, e, *line))
}

/// A line of the people's table as the template reads it.
fn written(d: &Dataset, e: &Evaluation, line: Line) -> NoticeLine {
    match line {
        Line::Unit(unit) => NoticeLine { unit: d.unit_name(unit as UnitId).to_string(), person: None },
        Line::Person { id, order } => NoticeLine {
            unit: String::new(),
            person: Some(NoticePerson {
                order: order as usize,
                person: PersonCtx::of(d, id as PersonId),
                rating: e.facts.people[id as usize].final_rating.map(|r| r.full_name().to_string()).unwrap_or_default(),
            }),
        },
    }
}

/// The context of one part of the people's table written in a file of its own.
#[derive(Debug, Serialize)]
pub struct NoticePartCtx {
    pub year: i32,
    pub agency: String,
    pub part: usize,
    pub parts: usize,
    /// The order numbers (STT) of its first and last person.
    pub first: usize,
    pub last: usize,
    /// The part's lines: written by `_rows_notice.tera` (`@rows`), not given to tera.
    #[serde(skip)]
    pub lines: Vec<Line>,
}

/// Takes the people's table out of `notice` when it lists more than `rows` people: the
/// parts it is then written in, whole units each (a unit of more people than that is a
/// part of its own), named by `file` (from the part's number and the number of parts).
/// The notice lists them.
pub fn list_in_files(notice: &mut NoticeCtx, rows: usize, file: impl Fn(usize, usize) -> String) -> Vec<NoticePartCtx> {
    let cuts = whole_units(&notice.lines, rows.max(1));
    if cuts.len() < 2 {
        return Vec::new();
    }
    let lines = std::mem::take(&mut notice.lines);
    let parts = cuts.len();
    let order = |line: &Line| match line {
        Line::Person { order, .. } => Some(*order as usize),
        Line::Unit(_) => None,
    };
    let made: Vec<NoticePartCtx> = cuts
        .into_iter()
        .enumerate()
        .map(|(index, range)| {
            let part_lines = &lines[range];
            NoticePartCtx {
                year: notice.year,
                agency: notice.agency.clone(),
                part: index + 1,
                parts,
                first: part_lines.iter().find_map(order).unwrap_or_default(),
                last: part_lines.iter().rev().find_map(order).unwrap_or_default(),
                lines: part_lines.to_vec(),
            }
        })
        .collect();
    notice.list_files = made
        .iter()
        .map(|p| AnnexFile { part: p.part, file: file(p.part, parts), first: p.first, last: p.last })
        .collect();
    made
}

/// The lines cut into runs of whole units, each of at most `rows` people (or one unit).
fn whole_units(lines: &[Line], rows: usize) -> Vec<std::ops::Range<usize>> {
    let mut cuts = Vec::new();
    let (mut start, mut people) = (0, 0);
    for (at, line) in lines.iter().enumerate() {
        if let Line::Unit(_) = line {
            let unit_people = lines[at + 1..].iter().take_while(|l| matches!(l, Line::Person { .. })).count();
            if people > 0 && people + unit_people > rows {
                cuts.push(start..at);
                (start, people) = (at, 0);
            }
            people += unit_people;
        }
    }
    if start < lines.len() {
        cuts.push(start..lines.len());
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines for units of these many people, numbered through.
    fn lines(units: &[usize]) -> Vec<Line> {
        let mut order = 0;
        let mut lines = Vec::new();
        for (unit, people) in units.iter().enumerate() {
            lines.push(Line::Unit(unit as u32));
            for _ in 0..*people {
                order += 1;
                lines.push(Line::Person { id: order, order });
            }
        }
        lines
    }

    #[test]
    fn the_notice_is_cut_at_whole_units_of_at_most_so_many_people() {
        // (people of each unit, people a part, the units of each part)
        let table: [(&[usize], usize, &[usize]); 5] = [
            (&[3, 4, 2], 10, &[3]),
            (&[3, 4, 2], 7, &[2, 1]),
            (&[3, 4, 2], 6, &[1, 2]),
            (&[12, 1, 1], 5, &[1, 2]),
            (&[1, 12, 1], 5, &[1, 1, 1]),
        ];
        for (units, rows, expected) in table {
            let all = lines(units);
            let cuts = whole_units(&all, rows);
            let per_part: Vec<usize> = cuts
                .iter()
                .map(|range| all[range.clone()].iter().filter(|l| matches!(l, Line::Unit(_))).count())
                .collect();
            assert_eq!(per_part, expected, "units of {units:?}, {rows} a part");
            assert_eq!(cuts.first().map(|r| r.start), Some(0));
            assert_eq!(cuts.last().map(|r| r.end), Some(all.len()));
            assert!(cuts.windows(2).all(|w| w[0].end == w[1].start), "{cuts:?}: every line once");
        }
    }
}
