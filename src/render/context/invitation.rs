//! The invitation to the leadership review conference (`invitation`, Plan §II.5): who
//! is invited, when and where, signed for the Director by the head of the office.

use serde::Serialize;

use super::{HeaderCtx, PersonCtx, SignerCtx, date_words, recipients, time_words};
use crate::model::{Dataset, DocKind};
use crate::render::vn;
use crate::rules::Evaluation;

#[derive(Clone, Debug, Serialize)]
pub struct InvitationCtx {
    pub header: HeaderCtx,
    pub year: i32,
    pub agency: String,
    pub plan: String,
    /// The invited Ban Tổ chức Tỉnh ủy representatives (the conference's guests).
    pub guests: Vec<PersonCtx>,
    /// Thành phần as agency_review lists them; empty: the template says the plan's.
    pub invited: Vec<String>,
    pub date_words: String,
    /// "thứ Hai", "" without a date.
    pub weekday: String,
    pub start: String,
    pub place: String,
    /// The agency ballot is held the same day: the invitation announces it too.
    pub with_ballot: bool,
    pub signer: SignerCtx,
    pub recipients: Vec<String>,
}

/// `None` until agency_review has a `leadership_conference`.
pub fn invitation(d: &Dataset, e: &Evaluation) -> Option<InvitationCtx> {
    let review = d.agency_review.as_ref()?;
    let conference = review.leadership_conference.as_ref()?;
    let ballot_date = review.agency_ballot.as_ref().and_then(|b| b.date);
    Some(InvitationCtx {
        header: HeaderCtx::issued(d, DocKind::Invitation, "GM", None),
        year: d.agency.year,
        agency: d.agency.name.clone(),
        plan: d.agency.plan.clone().unwrap_or_default(),
        guests: conference.guests.iter().map(|g| PersonCtx::named(d, &g.name, g.title.as_deref())).collect(),
        invited: conference.invited.clone(),
        date_words: date_words(conference.date),
        weekday: conference.date.map(vn::weekday).unwrap_or_default().to_string(),
        start: time_words(conference.start),
        place: conference.place.clone().unwrap_or_default(),
        with_ballot: conference.date.is_some() && ballot_date == conference.date,
        signer: office_head(d, e).unwrap_or_else(|| SignerCtx::director(d)),
        recipients: recipients(d, DocKind::Invitation, &["Như thành phần mời", "Lưu: VT, VP"]),
    })
}

/// The head of the agency's office (the unit named "Văn phòng …"), signing "TL. GIÁM ĐỐC".
fn office_head(d: &Dataset, e: &Evaluation) -> Option<SignerCtx> {
    let unit = d.agency.units.iter().position(|u| crate::text::fold(&u.name).starts_with("van phong"))?;
    let head = &d.people[e.facts.units[unit].head?];
    Some(SignerCtx {
        on_behalf_of: d.agency.director.title.clone(),
        title: head.post.as_deref().unwrap_or_default().to_string(),
        name: head.name.to_string(),
    })
}
