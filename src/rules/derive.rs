//! Facts the rules and the documents both need, derived once from the dataset: who
//! heads each unit, each person's category and quota group, proposals and final ratings.

use std::fmt;

use serde::Serialize;

use super::cycle::{DisciplineWeight, Scheme, ScoreLevel, discipline_weight, party_scored, scheme, score_level};
use crate::model::{
    Category, Conclusions, Dataset, Membership, Person, PersonId, PersonReview, Rating, UnitId, UnitKind, UnitReview,
};
use crate::text::fold;

/// Rank of a post in a unit: the order of the review meeting (Plan §II.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum PostRank {
    Head,
    Deputy,
    Member,
}

/// Giám đốc / Phó Giám đốc of the agency: rated by the province, outside the quota groups.
pub fn is_agency_leader(person: &Person) -> bool {
    person.membership == Membership::Leadership
}

/// The rank a post text gives (rules.md, Terms and Precise readings): Trưởng, Chánh,
/// Giám đốc (Trung tâm) head a unit, their "Phó" deputises; professional titles
/// (Chuyên viên, Kế toán trưởng, Thanh tra viên...) are no post at all.
pub fn post_rank(post: Option<&str>) -> PostRank {
    let Some(post) = post else { return PostRank::Member };
    let t = fold(post);
    let heads = ["truong", "chanh", "giam doc", "quyen truong", "quyen chanh", "quyen giam doc", "phu trach"];
    let is_head_post = |s: &str| heads.iter().any(|h| s == *h || s.starts_with(&format!("{h} ")));
    if let Some(rest) = t.strip_prefix("pho ")
        && is_head_post(rest)
    {
        return PostRank::Deputy;
    }
    if is_head_post(&t) { PostRank::Head } else { PostRank::Member }
}

/// A group of people with similar posts and tasks, whose HTXSNV share is capped
/// (rules.md, Terms: quota group).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum QuotaGroup {
    UnitLeaders,
    CivilServants,
    PublicEmployees,
    Workers,
    /// The units themselves, rated as collectives.
    Collectives,
    /// A group named in the roster.
    Named(std::sync::Arc<str>),
}

impl QuotaGroup {
    pub fn name_vi(&self) -> String {
        match self {
            QuotaGroup::UnitLeaders => "Lãnh đạo phòng, ban, đơn vị".into(),
            QuotaGroup::CivilServants => "Công chức không giữ chức vụ".into(),
            QuotaGroup::PublicEmployees => "Viên chức không giữ chức vụ".into(),
            QuotaGroup::Workers => "Người lao động".into(),
            QuotaGroup::Collectives => "Tập thể phòng, ban, đơn vị".into(),
            QuotaGroup::Named(name) => name.to_string(),
        }
    }

    /// The ids of rules.md (`lanh_dao_phong`...), for JSON and tests.
    pub fn id(&self) -> String {
        match self {
            QuotaGroup::UnitLeaders => "lanh_dao_phong".into(),
            QuotaGroup::CivilServants => "cong_chuc".into(),
            QuotaGroup::PublicEmployees => "vien_chuc".into(),
            QuotaGroup::Workers => "nguoi_lao_dong".into(),
            QuotaGroup::Collectives => "tap_the".into(),
            QuotaGroup::Named(name) => name.to_string(),
        }
    }

    fn from_written(name: &str) -> QuotaGroup {
        match fold(name).replace(' ', "_").as_str() {
            "lanh_dao_phong" | "lanh_dao" => QuotaGroup::UnitLeaders,
            "cong_chuc" => QuotaGroup::CivilServants,
            "vien_chuc" => QuotaGroup::PublicEmployees,
            "nguoi_lao_dong" | "nld" => QuotaGroup::Workers,
            _ => QuotaGroup::Named(name.into()),
        }
    }
}

impl fmt::Display for QuotaGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name_vi())
    }
}

/// What the rules know about one person.
#[derive(Clone, Debug, Serialize)]
pub struct PersonFacts {
    pub rank: PostRank,
    pub category: Category,
    /// `None` for the agency's leaders.
    pub group: Option<QuotaGroup>,
    pub months_worked: f64,
    /// The unit meeting's proposal.
    pub proposed: Option<Rating>,
    /// The consultation's conclusion, else the proposal.
    pub final_rating: Option<Rating>,
    /// A party or administrative sanction this year that caps the rating (not exempt; from
    /// 2025, related to public duty where that matters).
    pub disciplined: bool,
    /// How the year's discipline weighs in the cycle, `None` without one.
    pub discipline: Option<DisciplineWeight>,
    /// How the cycle reaches this person's level on the state side.
    pub scheme: Scheme,
    /// The level the person's score gives, where the meeting gave a score. Boxed: most
    /// cycles and people have none, and an absent box is one word, not 40 bytes.
    pub score: Option<Box<ScoreLevel>>,
}

/// Derived facts for the whole dataset, indexed like `dataset.people` and `agency.units`.
#[derive(Clone, Debug, Serialize)]
pub struct Facts {
    pub people: Vec<PersonFacts>,
    pub units: Vec<UnitFacts>,
}

#[derive(Clone, Debug, Serialize)]
pub struct UnitFacts {
    pub head: Option<PersonId>,
    pub deputies: Vec<PersonId>,
    pub proposed: Option<Rating>,
    pub final_rating: Option<Rating>,
    /// Convened minus absent at the unit's meeting (rules.md: Present).
    pub present: Option<u32>,
}

pub fn derive(d: &Dataset) -> Facts {
    let said = d.conclusions();
    let people: Vec<PersonFacts> = d.people.iter().enumerate().map(|(id, p)| person_facts(d, &said, id, p)).collect();
    let units = (0..d.agency.units.len())
        .map(|unit| {
            let members: Vec<PersonId> = d.members(unit).map(|(id, _)| id).collect();
            let head = members.iter().copied().find(|id| people[*id].rank == PostRank::Head);
            let deputies = members.iter().copied().filter(|id| people[*id].rank == PostRank::Deputy).collect();
            let review = d.review_of(unit);
            let proposed = review.and_then(|r| r.collective.as_ref()).and_then(|c| c.proposal());
            let concluded = said.unit(unit).map(|u| u.rating);
            UnitFacts {
                head,
                deputies,
                proposed,
                final_rating: concluded.or(proposed),
                present: review.and_then(|r| present(d, unit, r)),
            }
        })
        .collect();
    Facts { people, units }
}

fn person_facts(d: &Dataset, said: &Conclusions, id: PersonId, p: &Person) -> PersonFacts {
    let rank = if is_agency_leader(p) { PostRank::Member } else { post_rank(p.post.as_deref()) };
    let unit_kind = p.membership.unit().map(|u| d.agency.units[u].kind);
    let category = p.category.unwrap_or(match unit_kind {
        Some(UnitKind::PublicService) => Category::PublicEmployee,
        _ => Category::CivilServant,
    });
    let group = if is_agency_leader(p) {
        None
    } else if let Some(named) = &p.group {
        Some(QuotaGroup::from_written(&named.0))
    } else if rank != PostRank::Member {
        Some(QuotaGroup::UnitLeaders)
    } else if let Some(named) = p.membership.unit().and_then(|u| d.agency.units[u].group.as_deref()) {
        Some(QuotaGroup::from_written(named))
    } else {
        Some(match category {
            Category::CivilServant => QuotaGroup::CivilServants,
            Category::PublicEmployee => QuotaGroup::PublicEmployees,
            Category::Worker => QuotaGroup::Workers,
        })
    };
    let proposed = review_of_person(d, id).and_then(|r| r.proposed);
    let concluded = said.person(id).map(|c| c.rating);
    let review = review_of_person(d, id);
    let party =
        party_scored(d.agency.year, p).then(|| review.and_then(|r| r.tasks.as_deref().copied()).unwrap_or_default());
    let score = review.and_then(|r| r.score.as_ref()).map(|score| Box::new(score_level(score.total(), party)));
    let mut facts = PersonFacts {
        rank,
        category,
        group,
        months_worked: p.work_time().months_worked.unwrap_or(12.0),
        proposed,
        final_rating: concluded.or(proposed),
        disciplined: false,
        discipline: None,
        scheme: Scheme::Criteria,
        score,
    };
    facts.scheme = scheme(d, p, &facts);
    facts.discipline = discipline_weight(d.agency.year, p, review.and_then(|r| r.discipline_duty_related), &facts);
    facts.disciplined = facts.discipline == Some(DisciplineWeight::Counts);
    facts
}

/// A unit's members in the order its meeting reviews them (Plan §II.4): the head, the
/// deputies, then the others, each rank in roster order: the order REVIEW_ORDER asks for.
pub fn meeting_order(d: &Dataset, facts: &Facts, unit: UnitId) -> Vec<PersonId> {
    let mut ids: Vec<PersonId> = d.members(unit).map(|(id, _)| id).collect();
    ids.sort_by_key(|id| facts.people[*id].rank);
    ids
}

/// The person's entry in their unit's meeting, if any.
pub fn review_of_person(d: &Dataset, id: PersonId) -> Option<&PersonReview> {
    let unit = d.people[id].membership.unit()?;
    d.review_of(unit)?.reviews.iter().find(|r| r.person.person() == Some(id))
}

/// Convened (default: the unit's headcount) minus those absent.
pub fn present(d: &Dataset, unit: UnitId, review: &UnitReview) -> Option<u32> {
    let meeting = review.meeting.as_ref()?;
    let convened = meeting.convened.unwrap_or(d.headcount(unit) as u32);
    Some(convened.saturating_sub(meeting.absent.len() as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_rank_heads_deputies_and_titles() {
        let cases = [
            ("Trưởng phòng", PostRank::Head),
            ("Chánh Văn phòng", PostRank::Head),
            ("Chánh Thanh tra", PostRank::Head),
            ("Giám đốc Trung tâm", PostRank::Head),
            ("Trưởng ban", PostRank::Head),
            ("Phó Trưởng phòng", PostRank::Deputy),
            ("Phó Chánh Văn phòng", PostRank::Deputy),
            ("Phó Giám đốc Trung tâm", PostRank::Deputy),
            ("PHÓ TRƯỞNG BAN", PostRank::Deputy),
            ("Chuyên viên", PostRank::Member),
            ("Kế toán trưởng", PostRank::Member),
            ("Thanh tra viên", PostRank::Member),
            ("Trợ giúp viên pháp lý", PostRank::Member),
            ("Lái xe", PostRank::Member),
        ];
        for (post, want) in cases {
            assert_eq!(post_rank(Some(post)), want, "{post}");
        }
        assert_eq!(post_rank(None), PostRank::Member);
    }
}
