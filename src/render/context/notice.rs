//! The Director's notice of results (`results_notice`, NĐ 90 Art 18–19): every unit's
//! and every person's final rating, grouped by unit, for posting in the agency.

use serde::Serialize;

use super::cycle_texts::{self, CycleTexts};
use super::{HeaderCtx, PersonCtx, SignerCtx, date_words, recipients};
use crate::model::{Dataset, DocKind, Membership, PersonId, UnitId};
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
    pub people: Vec<NoticePerson>,
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
    let mut by_unit: Vec<Vec<NoticePerson>> = vec![Vec::new(); d.agency.units.len()];
    let mut order = 0;
    for &id in in_order {
        let Membership::Unit(unit) = d.people[id].membership else { continue };
        order += 1;
        by_unit[unit].push(NoticePerson {
            order,
            person: PersonCtx::of(d, id),
            rating: e.facts.people[id].final_rating.map(|r| r.full_name().to_string()).unwrap_or_default(),
        });
    }
    let units = by_unit
        .into_iter()
        .enumerate()
        .map(|(unit, people): (UnitId, _)| NoticeUnit {
            order: unit + 1,
            name: d.unit_name(unit).to_string(),
            rating: e.facts.units[unit].final_rating.map(|r| r.full_name().to_string()).unwrap_or_default(),
            people,
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
