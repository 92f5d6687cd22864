//! The leadership collective's review report (`leadership_report`, Plan §II.5): the
//! sections of a unit's report, for the Director and Deputy Directors together, drafted
//! by the office before the conference.

use serde::Serialize;

use super::collective::CollectiveCtx;
use super::cycle_texts::{self, CycleTexts};
use super::{HeaderCtx, SignerCtx, recipients};
use crate::model::{Dataset, DocKind};

#[derive(Clone, Debug, Serialize)]
pub struct LeadershipReportCtx {
    pub header: HeaderCtx,
    pub year: i32,
    pub cycle: CycleTexts,
    pub agency: String,
    pub collective: CollectiveCtx,
    pub signer: SignerCtx,
    pub recipients: Vec<String>,
}

/// `None` until agency_review has a `leadership_collective`.
pub fn leadership_report(d: &Dataset) -> Option<LeadershipReportCtx> {
    let review = d.agency_review.as_ref()?;
    let collective = review.leadership_collective.as_ref()?;
    let present = review.leadership_conference.as_ref().and_then(|c| c.present).unwrap_or_default();
    Some(LeadershipReportCtx {
        header: HeaderCtx::issued(d, DocKind::LeadershipReport, "BC", None),
        year: d.agency.year,
        cycle: cycle_texts::of(d.agency.year),
        agency: d.agency.name.clone(),
        collective: CollectiveCtx::new(collective, present),
        signer: SignerCtx::director(d),
        recipients: recipients(d, DocKind::LeadershipReport, &["Ban Tổ chức Tỉnh ủy", "Lưu: VT, VP"]),
    })
}
