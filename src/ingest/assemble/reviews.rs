//! Meeting files → reviews, with every written name resolved against the roster.

use std::sync::Arc;

use serde_saphyr::Spanned;

use super::super::units::UnitIndex;
use super::super::yaml::{AgencyReviewDoc, CollectiveDoc, GuestDoc, MeetingDoc, ReviewDoc, UnitReviewDoc, source_of};
use super::people::{PeopleIndex, unknown_person};
use crate::findings::Findings;
use crate::model::{
    Absence, AgencyReview, Ballot, CollectiveReview, Comment, Conference, Consultation, DocNumber, Guest, LeaderReview,
    Meeting, Membership, PartyPosts, Person, PersonConclusion, PersonRef, PersonReview, UnitConclusion, UnitId,
    UnitReview,
};
use crate::source::{Origin, Source};
use crate::text::{clean, clean_block, name_key};

/// Resolves names written in one file against the roster.
pub struct Resolver<'a> {
    /// The meeting file: every source in it shares it.
    pub origin: &'a Arc<Origin>,
    pub people: &'a [Person],
    pub index: &'a PeopleIndex<'a>,
    pub units: &'a UnitIndex,
    pub unit_names: &'a (dyn Fn(Membership) -> String + Sync),
    pub findings: &'a mut Findings,
}

/// What names are resolved against, shared by every meeting file.
pub struct Roster<'a> {
    pub people: &'a [Person],
    pub index: &'a PeopleIndex<'a>,
    pub units: &'a UnitIndex,
    pub unit_names: &'a (dyn Fn(Membership) -> String + Sync),
}

impl<'a> Roster<'a> {
    /// `review` read back from the parse cache, each name resolved against the roster
    /// made one with the roster's again, as [`Resolver`] made it: read back, each was a
    /// string of its own, 80 MB more at a million people than the review first read.
    pub fn share_names(&self, review: &mut UnitReview) {
        for named in review.person_refs_mut() {
            if let Some(person) = named.person().and_then(|id| self.people.get(id))
                && person.name == named.name
            {
                named.name = person.name.clone();
            }
        }
    }

    pub fn resolver<'f>(&self, origin: &'f Arc<Origin>, findings: &'f mut Findings) -> Resolver<'f>
    where
        'a: 'f,
    {
        Resolver {
            origin,
            people: self.people,
            index: self.index,
            units: self.units,
            unit_names: self.unit_names,
            findings,
        }
    }
}

impl Resolver<'_> {
    /// A name that must be on the roster of `membership` (UNKNOWN_PERSON otherwise).
    fn member(&mut self, membership: Membership, name: &str, source: Source) -> PersonRef {
        self.member_or_guest(membership, name, source, &[])
    }

    /// A spanned name that may also be one of the meeting's guests.
    fn spanned(&mut self, membership: Membership, name: &Spanned<String>, guests: &[Guest]) -> PersonRef {
        let source = source_of(self.origin, name);
        self.member_or_guest(membership, &name.value, source, guests)
    }

    /// A name that may also be one of the meeting's guests.
    fn member_or_guest(&mut self, membership: Membership, name: &str, source: Source, guests: &[Guest]) -> PersonRef {
        let written = clean(name);
        let person = self.index.find(membership, &written);
        let is_guest = guests.iter().any(|g| name_key(&g.name) == name_key(&written));
        if person.is_none() && !is_guest {
            let unit_name = (self.unit_names)(membership);
            self.findings.push(unknown_person(self.people, membership, &unit_name, &written, source.clone()));
        }
        let name = person.map_or_else(|| written.into(), |id| self.people[id].name.clone());
        PersonRef::new(name, person, source)
    }

    pub fn unit_review(&mut self, doc: &UnitReviewDoc, unit: UnitId) -> UnitReview {
        let membership = Membership::Unit(unit);
        // A block left as prepared, every field empty, is no block: the rules and the
        // status then ask for it as they do when the clerk never wrote it.
        let meeting = doc
            .meeting
            .as_ref()
            .map(|m| self.meeting(membership, &m.value, source_of(self.origin, m)))
            .filter(|m| !m.is_blank());
        let guests = meeting.as_ref().map(|m| m.guests.clone()).unwrap_or_default();
        let collective = doc.collective.as_ref().map(|c| self.collective(c)).filter(|c| !c.is_blank());
        let reviews = doc.reviews.iter().map(|r| self.review(membership, r, &guests)).collect();
        UnitReview { unit, meeting, collective, reviews, source: Source::file_in(self.origin) }
    }

    fn meeting(&mut self, membership: Membership, m: &MeetingDoc, source: Source) -> Meeting {
        let guests: Vec<Guest> = m.guests.iter().map(guest).collect();
        Meeting {
            date: m.date.map(|d| d.0),
            start: m.start.map(|t| t.0),
            end: m.end.map(|t| t.0),
            place: line(&m.place),
            chair: m.chair.as_ref().map(|n| self.spanned(membership, n, &guests)),
            secretary: m.secretary.as_ref().map(|n| self.spanned(membership, n, &guests)),
            convened: m.convened,
            absent: m
                .absent
                .iter()
                .map(|a| Absence {
                    person: self.member(membership, &a.value.0.name, source_of(self.origin, a)),
                    reason: line(&a.value.0.reason),
                })
                .collect(),
            guests,
            source,
        }
    }

    fn review(&mut self, membership: Membership, r: &Spanned<ReviewDoc>, guests: &[Guest]) -> PersonReview {
        let v = &r.value;
        PersonReview {
            person: self.member(membership, &v.name.value, source_of(self.origin, &v.name)),
            chaired_by: v.chaired_by.as_ref().map(|n| Box::new(self.spanned(membership, n, guests))),
            self_rating: v.self_rating.as_ref().map(|r| r.value.0),
            comments: v
                .comments
                .iter()
                .map(|c| Comment {
                    by: self.member_or_guest(membership, &c.value.0.by, source_of(self.origin, c), guests),
                    text: clean_block(&c.value.0.text).into(),
                })
                .collect(),
            votes: v.votes.as_ref().map(|v| v.value.0),
            proposed: v.proposed.as_ref().map(|r| r.value.0),
            conclusion: block(&v.conclusion),
            score: super::scores::score(self.origin, v.score.as_ref(), v.periods.as_ref(), self.findings).map(Box::new),
            tasks: super::scores::tasks(v.tasks.as_ref()).map(Box::new),
            discipline_duty_related: v.discipline_duty_related,
            khtnv_grounds: line(&v.khtnv_grounds),
            party_posts: PartyPosts {
                party_post: line(&v.party_post),
                mass_post: line(&v.mass_post),
                party_cell: line(&v.party_cell),
            }
            .held(),
            source: source_of(self.origin, r),
        }
    }

    /// A collective's review report: a unit's, or the leadership's.
    fn collective(&mut self, c: &Spanned<CollectiveDoc>) -> CollectiveReview {
        let v = &c.value;
        CollectiveReview {
            results: block(&v.results),
            strengths: block(&v.strengths),
            shortcomings: block(&v.shortcomings),
            causes: block(&v.causes),
            previous_year_remedies: block(&v.previous_year_remedies),
            responsibility: block(&v.responsibility),
            remedies: block(&v.remedies),
            next_year: block(&v.next_year),
            self_rating: v.self_rating.as_ref().map(|r| r.value.0),
            votes: v.votes.as_ref().map(|v| v.value.0),
            proposed: v.proposed.as_ref().map(|r| r.value.0),
            score: super::scores::score(self.origin, v.score.as_ref(), v.periods.as_ref(), self.findings),
            tasks: super::scores::tasks(v.tasks.as_ref()),
            source: Some(source_of(self.origin, c)),
        }
    }

    pub fn agency_review(&mut self, doc: AgencyReviewDoc) -> AgencyReview {
        let leadership_collective = doc.leadership_collective.as_ref().map(|c| self.collective(c));
        let leadership_conference = doc.leadership_conference.as_ref().map(|c| {
            let v = &c.value;
            Conference {
                date: v.date.map(|d| d.0),
                place: line(&v.place),
                chair: line(&v.chair),
                secretary: line(&v.secretary),
                guests: v.guests.iter().map(guest).collect(),
                convened: v.convened,
                present: v.present,
                summary: block(&v.summary),
                start: v.start.map(|t| t.0),
                end: v.end.map(|t| t.0),
                leaders: v
                    .leaders
                    .iter()
                    .map(|l| LeaderReview {
                        name: clean(&l.name),
                        title: line(&l.title),
                        self_rating: l.self_rating.map(|r| r.0),
                        comments: l.comments.iter().map(|c| (clean(&c.0.by), clean_block(&c.0.text))).collect(),
                        conclusion: block(&l.conclusion),
                    })
                    .collect(),
                guest_conclusion: block(&v.guest_conclusion),
                invited: v.invited.iter().map(|i| clean(i)).filter(|i| !i.is_empty()).collect(),
                source: source_of(self.origin, c),
            }
        });
        let agency_ballot = doc.agency_ballot.as_ref().map(|b| Ballot {
            date: b.value.date.map(|d| d.0),
            issued: b.value.issued,
            returned: b.value.returned,
            valid: b.value.valid,
            votes: b.value.votes.0,
            start: b.value.start.map(|t| t.0),
            place: line(&b.value.place),
            present: b.value.present,
            counting_team: b.value.counting_team.iter().map(guest).collect(),
            secretary: line(&b.value.secretary),
            source: source_of(self.origin, b),
        });
        let consultation = doc.consultation.as_ref().map(|c| {
            let v = &c.value;
            let units = v
                .units
                .iter()
                .filter_map(|u| {
                    let source = source_of(self.origin, u);
                    match self.units.resolve_unit(&u.value.0.unit) {
                        Some(unit) => Some(UnitConclusion {
                            unit,
                            rating: u.value.0.rating.0,
                            reason: line(&u.value.0.reason),
                            source,
                        }),
                        None => {
                            self.findings.push(self.units.unknown(&u.value.0.unit, source));
                            None
                        }
                    }
                })
                .collect();
            let people = v
                .people
                .iter()
                .filter_map(|p| {
                    let source = source_of(self.origin, p);
                    let Some(membership) = self.units.resolve(&p.value.0.unit) else {
                        self.findings.push(self.units.unknown(&p.value.0.unit, source.clone()));
                        return None;
                    };
                    Some(PersonConclusion {
                        person: self.member(membership, &p.value.0.name, source),
                        rating: p.value.0.rating.0,
                        reason: line(&p.value.0.reason),
                    })
                })
                .collect();
            Consultation {
                date: v.date.map(|d| d.0),
                place: line(&v.place),
                chair: line(&v.chair),
                secretary: line(&v.secretary),
                attendees: v.attendees.iter().map(guest).collect(),
                start: v.start.map(|t| t.0),
                end: v.end.map(|t| t.0),
                units,
                people,
                source: source_of(self.origin, c),
            }
        });
        let documents = doc
            .documents
            .into_iter()
            .map(|(kind, n)| {
                let number = n.number.map(|t| clean(&t.0)).filter(|t| !t.is_empty());
                (kind.0, DocNumber { number, date: n.date.map(|d| d.0) })
            })
            .collect();
        AgencyReview {
            leadership_collective,
            leadership_conference,
            agency_ballot,
            consultation,
            documents,
            source: Source::file_in(self.origin),
        }
    }
}

fn guest(g: &GuestDoc) -> Guest {
    Guest { name: clean(&g.name), title: g.title.as_deref().map(clean) }
}

/// A one-line text as the dataset keeps it (a `String`, or a `Box<str>` where a
/// province holds one a person).
fn line<T: From<String>>(text: &Option<String>) -> Option<T> {
    text.as_deref().map(clean).filter(|t| !t.is_empty()).map(T::from)
}

fn block<T: From<String>>(text: &Option<String>) -> Option<T> {
    text.as_deref().map(clean_block).filter(|t| !t.is_empty()).map(T::from)
}
