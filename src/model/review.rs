//! Meetings and what they concluded: the units' review meetings and the agency-level steps.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::agency::UnitId;
use super::document_kind::DocKind;
use super::person::{PartyPosts, PersonId};
use super::rating::Rating;
use super::score::{Score, TaskConditions};
use super::votes::Votes;
use crate::source::Source;

/// A name written in a meeting file, resolved against the roster when it can be.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PersonRef {
    pub name: Arc<str>,
    /// `None` when the name is nobody on the roster (a guest, or an UNKNOWN_PERSON
    /// finding). 32 bits: a province has a reference a review, a comment and a chair,
    /// and no roster four billion people.
    person: Option<u32>,
    pub source: Source,
}

impl PersonRef {
    /// `name` as written at `source`, and whom of the roster it names. A roster beyond
    /// 32 bits (none is) would leave the name unresolved rather than name someone else.
    pub fn new(name: Arc<str>, person: Option<PersonId>, source: Source) -> PersonRef {
        PersonRef { name, person: person.and_then(|id| u32::try_from(id).ok()), source }
    }

    /// Whom of the roster the name is, if anyone.
    pub fn person(&self) -> Option<PersonId> {
        self.person.map(|id| id as PersonId)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Guest {
    pub name: String,
    pub title: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Absence {
    pub person: PersonRef,
    pub reason: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Meeting {
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub place: Option<String>,
    pub chair: Option<PersonRef>,
    pub secretary: Option<PersonRef>,
    pub guests: Vec<Guest>,
    /// Số được triệu tập; `None` means the unit's headcount.
    pub convened: Option<u32>,
    pub absent: Vec<Absence>,
    pub source: Source,
}

/// The collective's review report (form 01-HD KĐ.ĐG 2023) and the meeting's vote on it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct CollectiveReview {
    pub results: Option<String>,
    pub strengths: Option<String>,
    pub shortcomings: Option<String>,
    pub causes: Option<String>,
    pub previous_year_remedies: Option<String>,
    pub responsibility: Option<String>,
    pub remedies: Option<String>,
    /// Nhiệm vụ chủ yếu năm sau: the plan asks every unit for it, and the agency's
    /// self-assessment compiles it.
    pub next_year: Option<String>,
    pub self_rating: Option<Rating>,
    pub votes: Option<Votes>,
    pub proposed: Option<Rating>,
    /// The collective's score (cycles from 2025), and whether its tasks met the party
    /// side's conditions.
    pub score: Option<Score>,
    pub tasks: Option<TaskConditions>,
    pub source: Option<Source>,
}

impl CollectiveReview {
    /// rules.md: "The collective's proposal is `collective.proposed`, else `collective.self_rating`".
    pub fn proposal(&self) -> Option<Rating> {
        self.proposed.or(self.self_rating)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Comment {
    pub by: PersonRef,
    pub text: Box<str>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PersonReview {
    pub person: PersonRef,
    // Boxed, here and below, where a field is mostly absent or large: a province has a
    // hundred thousand reviews, and an absent box is one word, not the field's size
    // (552 → 368 bytes a review; 18 MB at 100,000 people).
    pub chaired_by: Option<Box<PersonRef>>,
    pub self_rating: Option<Rating>,
    pub comments: Box<[Comment]>,
    pub votes: Option<Votes>,
    pub proposed: Option<Rating>,
    pub conclusion: Option<Box<str>>,
    /// The year's score (cycles from 2025), and the party side's conditions on tasks.
    pub score: Option<Box<Score>>,
    pub tasks: Option<Box<TaskConditions>>,
    /// The meeting's word on whether the person's discipline was for an act related to
    /// public duty, where the roster does not say.
    pub discipline_duty_related: Option<bool>,
    /// A ground for KHTNV whatever the score, as the meeting wrote it (a conclusion of
    /// degradation, a unit in the leader's charge handled for corruption or waste).
    pub khtnv_grounds: Option<Box<str>>,
    /// As the meeting file gives them (the roster's columns come first).
    pub party_posts: Option<Box<PartyPosts>>,
    pub source: Source,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct UnitReview {
    pub unit: UnitId,
    pub meeting: Option<Meeting>,
    pub collective: Option<CollectiveReview>,
    /// In the order the meeting took them.
    pub reviews: Vec<PersonReview>,
    pub source: Source,
}

impl UnitReview {
    /// Every name of the review that refers to someone: the meeting's chair, secretary
    /// and absentees, and each review's person, chair and commenters.
    pub fn person_refs_mut(&mut self) -> impl Iterator<Item = &mut PersonRef> {
        let meeting = self.meeting.iter_mut().flat_map(|m| {
            let absent = m.absent.iter_mut().map(|a| &mut a.person);
            m.chair.iter_mut().chain(m.secretary.iter_mut()).chain(absent)
        });
        let reviews = self.reviews.iter_mut().flat_map(|r| {
            let comments = r.comments.iter_mut().map(|c| &mut c.by);
            std::iter::once(&mut r.person).chain(r.chaired_by.as_deref_mut()).chain(comments)
        });
        meeting.chain(reviews)
    }

    /// Nothing recorded but who is to be reviewed: a meeting file prepared for the clerk
    /// and not completed yet. As far as the inputs tell, the meeting has not been held.
    pub fn is_blank(&self) -> bool {
        self.meeting.as_ref().is_none_or(Meeting::is_blank)
            && self.collective.as_ref().is_none_or(CollectiveReview::is_blank)
            && self.reviews.iter().all(PersonReview::is_blank)
    }
}

impl Meeting {
    /// Every field empty, as a prepared file has it: no meeting data at all.
    pub fn is_blank(&self) -> bool {
        self.date.is_none()
            && self.start.is_none()
            && self.end.is_none()
            && self.place.is_none()
            && self.chair.is_none()
            && self.secretary.is_none()
            && self.guests.is_empty()
            && self.convened.is_none()
            && self.absent.is_empty()
    }
}

impl CollectiveReview {
    /// Every field empty, as a prepared file has it: no report written yet.
    pub fn is_blank(&self) -> bool {
        [
            &self.results,
            &self.strengths,
            &self.shortcomings,
            &self.causes,
            &self.previous_year_remedies,
            &self.responsibility,
            &self.remedies,
            &self.next_year,
        ]
        .iter()
        .all(|text| text.is_none())
            && self.self_rating.is_none()
            && self.votes.is_none()
            && self.proposed.is_none()
    }
}

impl PersonReview {
    /// Only the name: the person has not been reviewed yet.
    fn is_blank(&self) -> bool {
        self.chaired_by.is_none()
            && self.self_rating.is_none()
            && self.comments.is_empty()
            && self.votes.is_none()
            && self.proposed.is_none()
            && self.conclusion.is_none()
            && self.score.is_none()
            && self.tasks.is_none()
            && self.discipline_duty_related.is_none()
            && self.khtnv_grounds.is_none()
            && self.party_posts.is_none()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Conference {
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub secretary: Option<String>,
    pub guests: Vec<Guest>,
    pub convened: Option<u32>,
    pub present: Option<u32>,
    pub summary: Option<String>,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub leaders: Vec<LeaderReview>,
    /// The invited Ban Tổ chức Tỉnh ủy representative's closing remarks.
    pub guest_conclusion: Option<String>,
    /// Thành phần mời as the invitation lists them; empty: the plan's (Đảng ủy, heads of
    /// units, trade union, youth union).
    pub invited: Vec<String>,
    pub source: Source,
}

/// A leader's self-review at the leadership conference: names as written (a leader
/// need not be on the roster; the province rates them).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LeaderReview {
    pub name: String,
    pub title: Option<String>,
    pub self_rating: Option<Rating>,
    /// (who, what) as written.
    pub comments: Vec<(String, String)>,
    /// The Ban Tổ chức Tỉnh ủy representative's conclusion about this leader.
    pub conclusion: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Ballot {
    pub date: Option<NaiveDate>,
    pub issued: u32,
    pub returned: u32,
    pub valid: u32,
    pub votes: Votes,
    pub start: Option<NaiveTime>,
    pub place: Option<String>,
    pub present: Option<u32>,
    /// Tổ kiểm phiếu, its head first.
    pub counting_team: Vec<Guest>,
    pub secretary: Option<String>,
    pub source: Source,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct UnitConclusion {
    pub unit: UnitId,
    pub rating: Rating,
    pub reason: Option<String>,
    pub source: Source,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PersonConclusion {
    pub person: PersonRef,
    pub rating: Rating,
    pub reason: Option<String>,
}

/// The consultation's last word on each unit and person: a later line for the same one
/// stands over an earlier. Read once for every unit and person of the agency, so looked
/// up, not searched: searching the lines for each unit of a nation's consultation (88,842
/// units, every one concluded) was some four billion comparisons, twice a build.
pub struct Conclusions<'a> {
    units: HashMap<UnitId, &'a UnitConclusion>,
    people: HashMap<PersonId, &'a PersonConclusion>,
}

impl<'a> Conclusions<'a> {
    /// Those of `consultation`; none without one.
    pub fn of(consultation: Option<&'a Consultation>) -> Conclusions<'a> {
        let lines = consultation.map_or((&[][..], &[][..]), |c| (&c.units[..], &c.people[..]));
        Conclusions {
            units: lines.0.iter().map(|line| (line.unit, line)).collect(),
            people: lines.1.iter().filter_map(|line| Some((line.person.person()?, line))).collect(),
        }
    }

    pub fn unit(&self, unit: UnitId) -> Option<&'a UnitConclusion> {
        self.units.get(&unit).copied()
    }

    pub fn person(&self, id: PersonId) -> Option<&'a PersonConclusion> {
        self.people.get(&id).copied()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Consultation {
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub secretary: Option<String>,
    pub attendees: Vec<Guest>,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub units: Vec<UnitConclusion>,
    pub people: Vec<PersonConclusion>,
    pub source: Source,
}

/// A registry number and date (số và ngày văn bản); blank until the văn thư issues them.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DocNumber {
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AgencyReview {
    /// The leadership collective's own review report (form 01-HD KĐ.ĐG, as a unit's).
    pub leadership_collective: Option<CollectiveReview>,
    pub leadership_conference: Option<Conference>,
    pub agency_ballot: Option<Ballot>,
    pub consultation: Option<Consultation>,
    pub documents: BTreeMap<DocKind, DocNumber>,
    pub source: Source,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consultation(units: &[(UnitId, Rating)], people: &[(Option<PersonId>, Rating)]) -> Consultation {
        Consultation {
            date: None,
            place: None,
            chair: None,
            secretary: None,
            attendees: Vec::new(),
            start: None,
            end: None,
            units: units
                .iter()
                .map(|&(unit, rating)| UnitConclusion { unit, rating, reason: None, source: Source::file("c.yaml") })
                .collect(),
            people: people
                .iter()
                .map(|&(person, rating)| PersonConclusion {
                    person: PersonRef::new("A".into(), person, Source::file("c.yaml")),
                    rating,
                    reason: None,
                })
                .collect(),
            source: Source::file("c.yaml"),
        }
    }

    #[test]
    fn the_consultations_last_line_for_a_unit_or_person_stands() {
        use Rating::{Excellent, Good, NotCompleted};
        let c = consultation(
            &[(0, Good), (1, Excellent), (0, NotCompleted)],
            &[(Some(7), Good), (None, Excellent), (Some(7), Excellent), (Some(3), NotCompleted)],
        );
        let said = Conclusions::of(Some(&c));
        let units: Vec<Option<Rating>> = (0..3).map(|u| said.unit(u).map(|x| x.rating)).collect();
        assert_eq!(units, [Some(NotCompleted), Some(Excellent), None]);
        let people: Vec<Option<Rating>> = [7, 3, 0].iter().map(|&p| said.person(p).map(|x| x.rating)).collect();
        assert_eq!(
            people,
            [Some(Excellent), Some(NotCompleted), None],
            "a line for no one in the roster concludes nothing"
        );
        assert!(Conclusions::of(None).unit(0).is_none() && Conclusions::of(None).person(0).is_none());
    }
}
