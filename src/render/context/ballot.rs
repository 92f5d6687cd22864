//! The ballot paper of the agency's self-rating (`agency_ballot`, Plan §II.5): the
//! collective criteria with the four levels to tick, no names.

use serde::Serialize;

use super::HeaderCtx;
use crate::model::{Dataset, DocKind, Rating};

#[derive(Clone, Debug, Serialize)]
pub struct BallotCtx {
    pub header: HeaderCtx,
    pub agency: String,
    pub year: i32,
    /// The criteria agency.yaml lists, else those of Quy định 124-QĐ/TW.
    pub criteria: Vec<String>,
    /// The criteria framework the ballot follows, when agency.yaml names one.
    pub framework: String,
    pub levels: Vec<BallotLevel>,
}

#[derive(Clone, Debug, Serialize)]
pub struct BallotLevel {
    pub code: &'static str,
    pub name: &'static str,
}

pub fn ballot(d: &Dataset) -> BallotCtx {
    let forms = &d.agency.forms;
    BallotCtx {
        header: HeaderCtx::new(d, &d.agency.parent, &d.agency.name, "", None, None)
            .dated_by_deadline(d, DocKind::AgencyBallot),
        agency: d.agency.name.clone(),
        year: d.agency.year,
        criteria: forms.collective_criteria(),
        framework: forms.criteria_framework.clone().unwrap_or_default(),
        levels: Rating::LEVELS
            .iter()
            .map(|r| BallotLevel { code: r.code().trim_end_matches("NV"), name: r.full_name() })
            .collect(),
    }
}
