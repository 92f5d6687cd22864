//! The self-review forms: one per person of a unit (`self_reviews`) and one per leader of
//! the agency (`leader_reviews`). Which form a person fills follows the cycle:
//! - 2023 (plan §II.2): party members the forms of HD 25-HD/BTCTW (02A, or 02B for a
//!   post), the others the agency's own form where agency.yaml names one, else NĐ 90's
//!   Mẫu 02 / Mẫu 03.
//! - 2025 and 2026: party members HD 43-HD/BTCTW's 02A (a post) or 02B (none), with
//!   their score; the state side as in 2023, except in 2026 a viên chức rated by score
//!   (NĐ 233 Phụ lục II) and a công chức (a score form on NĐ 335's scale, whose own form
//!   was not seen). A 2026 viên chức whose unit has no rating rules keeps the 2023 form,
//!   which says why (NĐ 233 Art 20 cl.1).

use serde::Serialize;

use super::HeaderCtx;
use super::cycle_texts::{self, CycleTexts};
use super::score::ScoreCtx;
use crate::model::{Birth, Category, Dataset, DocKind, Membership, PartyPosts, PersonId, Rating, UnitKind};
use crate::rules::cycle::Scheme;
use crate::rules::{Evaluation, PostRank};

/// Which form, as the template tells them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    /// HD 25: 02A-HD KĐ.ĐG 2023, a party member without a post.
    Party02a,
    /// HD 25: 02B-HD KĐ.ĐG 2023, a party member with a leading or managing post.
    Party02b,
    /// HD 43 (cycles from 2025): 02A-HD KĐ.ĐG 2025 for a post, 02B for none, with the
    /// score out of 100 in part B.
    PartyScored,
    /// NĐ 233/2026 Phụ lục II: a viên chức rated by score.
    Decree233,
    /// A công chức rated by score in 2026: NĐ 335's scale, on a form of our own until
    /// the decree's form is known.
    ScoreSheet,
    /// NĐ 90 appendix: Mẫu số 02 (công chức) or 03 (viên chức).
    Decree90,
    /// The agency's own form (agency.yaml `forms:`).
    Agency,
    /// A người lao động from 2025, where the agency names no form: NĐ 90's criteria on a
    /// form that carries no code. NĐ 90's Mẫu 02 and 03 are the forms of công chức and
    /// viên chức; the 2023 plan lent them to workers, the later texts do not.
    Worker,
}

/// One self-review form.
#[derive(Clone, Debug, Serialize)]
pub struct SelfReviewCtx {
    pub header: HeaderCtx,
    pub form: FormKind,
    /// The form's number: "02A", "02B", "02", "03", or the agency's "Mẫu số 01".
    pub form_number: String,
    /// A 2026 viên chức rated under NĐ 90/48 because the unit has not issued its own
    /// rating rules (NĐ 233 Art 20 cl.1): the form says so.
    pub fallback: bool,
    /// The year's score, where the meeting gave one.
    pub score: Option<ScoreCtx>,
    pub cycle: CycleTexts,
    /// The decision issuing the agency's form (only for [`FormKind::Agency`]).
    pub form_decision: String,
    /// "CÔNG CHỨC", "VIÊN CHỨC", "NGƯỜI LAO ĐỘNG": whom the state form rates.
    pub staff: &'static str,
    pub name: String,
    pub birth: String,
    /// Chức vụ chính quyền (the post), or "".
    pub post: String,
    pub party_post: String,
    pub mass_post: String,
    /// The chi bộ's name without "Chi bộ", or "" to fill by hand.
    pub party_cell: String,
    /// The party organisation over it ("Đảng bộ Sở Nội vụ"), or "".
    pub party_committee: String,
    pub unit: String,
    pub party_member: bool,
    pub is_leader: bool,
    /// The head of the agency: rated by the province, no direct manager's part.
    pub is_agency_head: bool,
    /// The criteria framework the agency's head rates himself by, when configured.
    pub criteria_framework: String,
    /// Công chức forms ask about service to citizens and businesses (criterion 6).
    pub civil_servant: bool,
    pub year: i32,
    pub place: String,
    /// The four levels, the self-rating marked.
    pub levels: Vec<LevelMark>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LevelMark {
    pub name: &'static str,
    pub checked: bool,
}

/// The form a person fills and its number (Plan §II.2; outputs.md `self_reviews`;
/// issue 17 for the cycles from 2025).
fn form_of(d: &Dataset, who: &Who, scheme: Scheme) -> (FormKind, String) {
    let scored_party = cycle_texts::of(d.agency.year).party_scored;
    match (who.party_member, who.leader, scored_party) {
        // HD 43 gives 02A to a post: the reverse of HD 25.
        (true, true, true) => (FormKind::PartyScored, "02A".into()),
        (true, false, true) => (FormKind::PartyScored, "02B".into()),
        (true, false, false) => (FormKind::Party02a, "02A".into()),
        (true, true, false) => (FormKind::Party02b, "02B".into()),
        _ => state_form(d, who.category, who.kind, scheme),
    }
}

/// A person's state-side form, for one who is not a party member.
fn state_form(d: &Dataset, category: Category, kind: UnitKind, scheme: Scheme) -> (FormKind, String) {
    match (scheme, category) {
        (Scheme::Score, Category::PublicEmployee) => (FormKind::Decree233, "Phụ lục II".into()),
        (Scheme::Score, _) => (FormKind::ScoreSheet, String::new()),
        _ => match d.agency.forms.own(kind) {
            Some((form, _)) => (FormKind::Agency, form.to_string()),
            None if category == Category::Worker && d.agency.year >= 2025 => (FormKind::Worker, String::new()),
            None => {
                let employee = category == Category::PublicEmployee
                    || (category == Category::Worker && kind == UnitKind::PublicService);
                (FormKind::Decree90, if employee { "03" } else { "02" }.into())
            }
        },
    }
}

pub fn self_review(d: &Dataset, e: &Evaluation, id: PersonId) -> SelfReviewCtx {
    let p = &d.people[id];
    let f = &e.facts.people[id];
    // A leader of the agency works for the agency itself, not for "Lãnh đạo Sở".
    let unit = match p.membership {
        Membership::Unit(u) => d.unit_name(u).to_string(),
        Membership::Leadership => d.agency.name.clone(),
    };
    let kind = match p.membership {
        Membership::Unit(u) => d.agency.unit(u).kind,
        Membership::Leadership => UnitKind::Administrative,
    };
    let leader = f.rank != PostRank::Member || p.membership == Membership::Leadership;
    let who = Who { party_member: p.party_member, leader, category: f.category, kind };
    let (form, form_number) = form_of(d, &who, f.scheme);
    let review = crate::rules::derive::review_of_person(d, id);
    let self_rating = review.and_then(|r| r.self_rating);
    // The roster's column, else the meeting file's entry, else a blank to fill by hand.
    let (roster, meeting) = (PartyPosts::of(&p.party_posts), review.map(|r| PartyPosts::of(&r.party_posts)));
    let field = |post: fn(&PartyPosts) -> &Option<Box<str>>| {
        let of = |posts: &PartyPosts| post(posts).as_deref().map(str::to_string);
        of(roster).or_else(|| meeting.and_then(of)).unwrap_or_default()
    };
    let birth = match p.birth {
        Some(Birth::Date(date)) => date.format("%d/%m/%Y").to_string(),
        Some(Birth::Year(y)) => y.to_string(),
        None => String::new(),
    };
    let (parent, issuer) = match p.membership {
        Membership::Unit(_) => (d.agency.name.as_str(), unit.as_str()),
        Membership::Leadership => (d.agency.parent.as_str(), d.agency.name.as_str()),
    };
    // The form is written for the meeting that reviews it: dated in that meeting's month.
    let (meeting_day, form_kind) = match p.membership {
        Membership::Unit(u) => {
            (d.review_of(u).and_then(|r| r.meeting.as_ref()).and_then(|m| m.date), DocKind::SelfReviews)
        }
        Membership::Leadership => (
            d.agency_review.as_ref().and_then(|r| r.leadership_conference.as_ref()).and_then(|c| c.date),
            DocKind::LeaderReviews,
        ),
    };
    let header =
        HeaderCtx::new(d, parent, issuer, "", None, None).dated_by_deadline(d, form_kind).in_month_of(meeting_day);
    let is_agency_head = is_agency_head(d, id);
    let forms = &d.agency.forms;
    SelfReviewCtx {
        header,
        form,
        form_number,
        fallback: f.scheme == Scheme::CriteriaFallback && matches!(form, FormKind::Decree90 | FormKind::Agency),
        score: review.and_then(|r| r.score.as_ref()).zip(f.score.as_ref()).map(|(s, l)| ScoreCtx::new(s, l)),
        cycle: cycle_texts::of(d.agency.year),
        form_decision: match form {
            FormKind::Agency => forms.own(kind).map(|(_, decision)| decision.to_string()).unwrap_or_default(),
            _ => String::new(),
        },
        staff: match f.category {
            Category::CivilServant => "CÔNG CHỨC",
            Category::PublicEmployee => "VIÊN CHỨC",
            Category::Worker => "NGƯỜI LAO ĐỘNG",
        },
        name: p.name.to_string(),
        birth,
        post: p.post.as_deref().unwrap_or_default().to_string(),
        party_post: field(|posts| &posts.party_post),
        mass_post: field(|posts| &posts.mass_post),
        party_cell: cell_name(&field(|posts| &posts.party_cell)),
        party_committee: forms.party_committee.clone().unwrap_or_default(),
        unit,
        party_member: p.party_member,
        is_leader: leader,
        is_agency_head,
        criteria_framework: if is_agency_head {
            forms.criteria_framework.clone().unwrap_or_default()
        } else {
            String::new()
        },
        civil_servant: f.category == Category::CivilServant,
        year: d.agency.year,
        place: d.agency.place.clone(),
        levels: Rating::LEVELS
            .iter()
            .map(|r| LevelMark { name: r.full_name(), checked: self_rating == Some(*r) })
            .collect(),
    }
}

/// Who fills the form, as far as the choice of form asks.
struct Who {
    party_member: bool,
    leader: bool,
    category: Category,
    kind: UnitKind,
}

/// The Director: of the agency's leaders (whom the rules rank apart from the units'
/// heads), the one whose post heads, or whom agency.yaml names as the Director.
pub fn is_agency_head(d: &Dataset, id: PersonId) -> bool {
    let p = &d.people[id];
    p.membership == Membership::Leadership
        && (crate::rules::derive::post_rank(p.post.as_deref()) == PostRank::Head || *p.name == *d.agency.director.name)
}

/// "Chi bộ Văn phòng" and "Văn phòng" both name the chi bộ "Văn phòng": the form prints
/// "CHI BỘ" itself.
fn cell_name(cell: &str) -> String {
    let trimmed = cell.trim();
    let folded = crate::text::fold(trimmed);
    match folded.strip_prefix("chi bo") {
        Some(_) => trimmed.chars().skip("Chi bộ".chars().count()).collect::<String>().trim().to_string(),
        None => trimmed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::cell_name;

    #[test]
    fn the_chi_bo_is_named_once() {
        assert_eq!(cell_name("Chi bộ Văn phòng"), "Văn phòng");
        assert_eq!(cell_name("CHI BỘ Thanh tra"), "Thanh tra");
        assert_eq!(cell_name("Văn phòng"), "Văn phòng");
    }
}
