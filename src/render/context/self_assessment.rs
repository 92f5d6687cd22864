//! The agency's self-assessment report (`agency_self_assessment`, Plan §II.5, due
//! 23/11): a draft compiled from every unit's collective report (results, shortcomings
//! and causes, remedies, next year's tasks), and the criteria the agency is rated by.

use serde::Serialize;

use super::cycle_texts::{self, CycleTexts};
use super::{HeaderCtx, RatingCtx, SignerCtx, date_words, paragraphs, rating, recipients};
use crate::model::{Dataset, DocKind};

#[derive(Clone, Debug, Serialize)]
pub struct SelfAssessmentCtx {
    pub header: HeaderCtx,
    pub year: i32,
    pub cycle: CycleTexts,
    pub next_year: i32,
    pub agency: String,
    pub plan: String,
    /// The units, in agency order, each with what its collective report says.
    pub units: Vec<UnitPart>,
    pub criteria: Vec<String>,
    pub framework: String,
    /// The key staff's ballot, once held: its date and the level adopted.
    pub ballot_date: String,
    pub ballot_result: Option<RatingCtx>,
    pub signer: SignerCtx,
    pub recipients: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct UnitPart {
    /// Its number among the units that report results (section I), 0 when it reports none.
    pub results_order: usize,
    pub name: String,
    pub results: Vec<String>,
    pub shortcomings: Vec<String>,
    pub causes: Vec<String>,
    pub remedies: Vec<String>,
    pub next_year: Vec<String>,
}

pub fn self_assessment(d: &Dataset) -> SelfAssessmentCtx {
    let mut reporting = 0;
    let units = (0..d.agency.units.len())
        .map(|unit| {
            let collective = d.review_of(unit).and_then(|r| r.collective.as_ref());
            let part =
                |pick: fn(&crate::model::CollectiveReview) -> Option<&str>| paragraphs(collective.and_then(pick));
            let results = part(|c| c.results.as_deref());
            reporting += usize::from(!results.is_empty());
            UnitPart {
                results_order: if results.is_empty() { 0 } else { reporting },
                name: d.unit_name(unit).to_string(),
                results,
                shortcomings: part(|c| c.shortcomings.as_deref()),
                causes: part(|c| c.causes.as_deref()),
                remedies: part(|c| c.remedies.as_deref()),
                next_year: part(|c| c.next_year.as_deref()),
            }
        })
        .collect();
    let ballot = d.agency_review.as_ref().and_then(|r| r.agency_ballot.as_ref());
    SelfAssessmentCtx {
        header: HeaderCtx::issued(d, DocKind::AgencySelfAssessment, "BC", None),
        year: d.agency.year,
        cycle: cycle_texts::of(d.agency.year),
        next_year: d.agency.year + 1,
        agency: d.agency.name.clone(),
        plan: d.agency.plan.clone().unwrap_or_default(),
        units,
        criteria: d.agency.forms.collective_criteria(),
        framework: d.agency.forms.criteria_framework.clone().unwrap_or_default(),
        ballot_date: ballot.map(|b| date_words(b.date)).unwrap_or_default(),
        ballot_result: ballot.and_then(|b| rating(b.votes.basis(b.valid))),
        signer: SignerCtx::director(d),
        recipients: recipients(
            d,
            DocKind::AgencySelfAssessment,
            &["Lãnh đạo Sở", "Đảng ủy Sở", "Các phòng, ban, đơn vị thuộc và trực thuộc Sở", "Lưu: VT, VP"],
        ),
    }
}
