//! The four parts of a unit's dossier (Plan §II.4): minutes, collective report,
//! proposal list, self-review forms.

use serde::Serialize;

use super::collective::CollectiveCtx;
use super::cycle_texts::{self, CycleTexts};
use super::score::ScoreCtx;
use super::{
    DisciplineCtx, HeaderCtx, PersonCtx, RatingCtx, VoteLine, date_words, discipline, paragraphs, rating, recipients,
    time_words, vote_lines, votes_cast,
};
use crate::model::{Category, Dataset, DocKind, PersonId, PersonRef, Rating, Rounding, UnitId};
use crate::rules::cycle::Scheme;
use crate::rules::quota::{QuotaBase, UnitGroupShare, UnitQuota};
use crate::rules::{Evaluation, PostRank};

fn person(d: &Dataset, id: PersonId) -> PersonCtx {
    PersonCtx::of(d, id)
}

/// A name from a meeting file: a member of the unit or one of its guests.
fn named(d: &Dataset, r: &PersonRef, guests: &[crate::model::Guest]) -> PersonCtx {
    match r.person() {
        Some(id) => person(d, id),
        None => {
            let title = guests.iter().find(|g| *g.name == *r.name).and_then(|g| g.title.clone()).unwrap_or_default();
            PersonCtx::new(&r.name, &title)
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CommentCtx {
    pub by: PersonCtx,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReviewCtx {
    pub order: usize,
    pub person: PersonCtx,
    pub is_head: bool,
    /// Absent from the meeting: the self-review was sent in writing and read out by the
    /// secretary (NĐ 90 Art 20 cl.3), never presented by the person.
    pub absent: bool,
    pub chaired_by: Option<PersonCtx>,
    pub self_rating: Option<RatingCtx>,
    pub comments: Vec<CommentCtx>,
    pub votes: Vec<VoteLine>,
    /// The vote in one sentence (levels with votes only).
    /// The levels with votes, as the `votes` component words them.
    pub votes_cast: Vec<VoteLine>,
    pub proposed: Option<RatingCtx>,
    pub conclusion: Vec<String>,
    pub category: &'static str,
    pub party_member: bool,
    /// KXL, leave, maternity, the roster's note: what the proposal list notes besides
    /// the discipline.
    pub note: NoteCtx,
    pub discipline: Option<DisciplineCtx>,
    /// The year's score and the level it gives (cycles from 2025), where given.
    pub score: Option<ScoreCtx>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AbsentCtx {
    pub person: PersonCtx,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct CountCtx {
    pub code: &'static str,
    pub name: &'static str,
    pub count: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuotaCtx {
    /// The group of like tasks the count is of, "" for the whole unit.
    pub group: String,
    pub excellent: u32,
    /// What the share is of: "rated" (2023: the staff rated) or "good" (from 2025: those
    /// proposed HTTNV), and how many they are.
    pub base: QuotaBase,
    pub base_count: u32,
    /// `excellent` over `base_count`, "12,5%".
    pub share: String,
    /// The share allowed, in percent, and what it allows: exactly ("1,2") and rounded the
    /// agency's way (`rounding` is empty when nothing was rounded).
    pub percent: u32,
    pub exact: String,
    pub rounding: &'static str,
    pub ceiling: u32,
}

impl QuotaCtx {
    fn of_unit(quota: &UnitQuota, rounding: Rounding) -> QuotaCtx {
        let share = Share {
            excellent: quota.excellent,
            base_count: quota.base_count(),
            percent: quota.percent,
            ceiling: quota.ceiling,
        };
        QuotaCtx::new(String::new(), quota.base, share, rounding)
    }

    fn of_group(share: &UnitGroupShare, rounding: Rounding) -> QuotaCtx {
        let counts = Share {
            excellent: share.proposed.get(Rating::Excellent),
            base_count: share.proposed.get(Rating::Good),
            percent: share.percent,
            ceiling: share.ceiling,
        };
        QuotaCtx::new(share.group.name_vi(), QuotaBase::Good, counts, rounding)
    }

    fn new(group: String, base: QuotaBase, share: Share, rounding: Rounding) -> QuotaCtx {
        let (exact, rounded) = rounding.exact_share(share.base_count, share.percent);
        QuotaCtx {
            group,
            excellent: share.excellent,
            base,
            base_count: share.base_count,
            share: crate::text::percent_vi(share.excellent, share.base_count),
            percent: share.percent,
            exact: crate::text::exact_vi(exact, 2),
            rounding: rounded.unwrap_or_default(),
            ceiling: share.ceiling,
        }
    }
}

/// HTXSNV proposals against a share of a count.
struct Share {
    excellent: u32,
    base_count: u32,
    percent: u32,
    ceiling: u32,
}

/// Everything a unit's documents print.
#[derive(Clone, Debug, Serialize)]
pub struct UnitCtx {
    pub year: i32,
    pub cycle: CycleTexts,
    /// The cycle asks someone of this unit for a score, or the meeting gave one: the
    /// documents show a score column (never in 2023).
    pub scored: bool,
    /// A công chức's score is printed with the level NĐ 335's unverified bands give it.
    pub scale_unverified: bool,
    /// The unit's viên chức are rated under NĐ 90/48 because it has not issued its own
    /// rules (2026, RULES_FALLBACK): its documents say so.
    pub rules_fallback: bool,
    pub agency: String,
    pub unit: String,
    pub header_minutes: HeaderCtx,
    pub header_report: HeaderCtx,
    pub header_proposal: HeaderCtx,
    pub date_words: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub chair: Option<PersonCtx>,
    pub secretary: Option<PersonCtx>,
    pub guests: Vec<PersonCtx>,
    pub convened: u32,
    pub present: u32,
    pub absent: Vec<AbsentCtx>,
    pub head: Option<PersonCtx>,
    pub collective: Option<CollectiveCtx>,
    pub reviews: Vec<ReviewCtx>,
    /// The unit's HTXSNV proposals against its share (the template words it:
    /// "Số đề xuất HTXSNV: 1/8 = 12,5% (tối đa 20% là 1 người)").
    pub quota: QuotaCtx,
    /// From 2026, the same group by group, which is how the ceiling holds (else empty).
    pub quota_groups: Vec<QuotaCtx>,
    pub counts: Vec<CountCtx>,
    pub recipients_report: Vec<String>,
    pub recipients_minutes: Vec<String>,
}

pub fn unit(d: &Dataset, e: &Evaluation, unit: UnitId) -> Option<UnitCtx> {
    let review = d.review_of(unit)?;
    let name = d.unit_name(unit).to_string();
    let meeting = review.meeting.as_ref();
    let date = meeting.and_then(|m| m.date);
    let guests = meeting.map(|m| m.guests.clone()).unwrap_or_default();
    let uf = &e.facts.units[unit];
    let present = uf.present.unwrap_or(d.headcount(unit) as u32);
    let head = uf.head.map(|id| person(d, id));
    let absent_ids: Vec<PersonId> =
        meeting.map(|m| m.absent.iter().filter_map(|a| a.person.person()).collect()).unwrap_or_default();
    let reviews = review
        .reviews
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let id = r.person.person()?;
            let f = &e.facts.people[id];
            Some(ReviewCtx {
                order: i + 1,
                person: person(d, id),
                is_head: f.rank == PostRank::Head,
                absent: absent_ids.contains(&id),
                chaired_by: r.chaired_by.as_ref().map(|c| named(d, c, &guests)),
                self_rating: rating(r.self_rating),
                comments: r
                    .comments
                    .iter()
                    .map(|c| CommentCtx { by: named(d, &c.by, &guests), text: c.text.to_string() })
                    .collect(),
                votes: vote_lines(r.votes.as_ref(), present),
                votes_cast: votes_cast(&vote_lines(r.votes.as_ref(), present)),
                proposed: rating(r.proposed),
                conclusion: paragraphs(r.conclusion.as_deref()),
                category: category_short(f.category),
                party_member: d.people[id].party_member,
                note: note(d, e, id),
                discipline: discipline(d, e, id),
                score: r.score.as_ref().zip(f.score.as_ref()).map(|(s, l)| ScoreCtx::new(s, l)),
            })
        })
        .collect::<Vec<ReviewCtx>>();
    let q = &e.quotas.units[unit];
    let rounding = d.agency.settings.rounding;
    let quota = QuotaCtx::of_unit(q, rounding);
    let quota_groups = q.groups.iter().map(|g| QuotaCtx::of_group(g, rounding)).collect();
    let counts = Rating::ALL
        .iter()
        .map(|r| CountCtx { code: r.code(), name: r.full_name(), count: q.proposed.get(*r) })
        .collect();
    let collective = review.collective.as_ref().map(|c| CollectiveCtx::new(c, present));
    let asked = d.members(unit).any(|(id, p)| crate::rules::cycle::needs_score(d, p, &e.facts.people[id]));
    let given = reviews.iter().any(|r| r.score.is_some()) || collective.as_ref().is_some_and(|c| c.score.is_some());
    let cycle = cycle_texts::of(d.agency.year);
    let civil_scored =
        reviews.iter().any(|r| r.score.is_some() && r.category == category_short(Category::CivilServant));
    Some(UnitCtx {
        year: d.agency.year,
        scale_unverified: cycle.civil_servant_scale_unverified && civil_scored,
        rules_fallback: d.members(unit).any(|(id, _)| e.facts.people[id].scheme == Scheme::CriteriaFallback),
        cycle,
        scored: asked || given,
        agency: d.agency.name.clone(),
        header_minutes: HeaderCtx::new(d, &d.agency.name, &name, "BB", date, None),
        header_report: HeaderCtx::new(d, &d.agency.name, &name, "BC", date, None),
        header_proposal: HeaderCtx::new(d, &d.agency.name, &name, "DS", date, None),
        unit: name,
        date_words: date_words(date),
        start: time_words(meeting.and_then(|m| m.start)),
        end: time_words(meeting.and_then(|m| m.end)),
        place: meeting.and_then(|m| m.place.clone()).unwrap_or_default(),
        chair: meeting.and_then(|m| m.chair.as_ref()).map(|c| named(d, c, &guests)),
        secretary: meeting.and_then(|m| m.secretary.as_ref()).map(|c| named(d, c, &guests)),
        guests: guests.iter().map(|g| PersonCtx::new(&g.name, g.title.as_deref().unwrap_or_default())).collect(),
        convened: meeting.and_then(|m| m.convened).unwrap_or(d.headcount(unit) as u32),
        present,
        absent: meeting
            .map(|m| {
                m.absent
                    .iter()
                    .map(|a| AbsentCtx {
                        person: named(d, &a.person, &guests),
                        reason: a.reason.clone().unwrap_or_default(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        head,
        collective,
        reviews,
        quota,
        quota_groups,
        counts,
        recipients_report: recipients(d, DocKind::UnitReport, &["Văn phòng Sở (tổng hợp)", "Lưu: đơn vị"]),
        recipients_minutes: recipients(d, DocKind::UnitMinutes, &["Văn phòng Sở (tổng hợp)", "Lưu: hồ sơ đơn vị"]),
    })
}

pub(super) fn category_short(c: Category) -> &'static str {
    match c {
        Category::CivilServant => "CC",
        Category::PublicEmployee => "VC",
        Category::Worker => "NLĐ",
    }
}

/// The remarks column of the proposal list, as facts; `templates/_shared.tera` words them.
#[derive(Clone, Debug, Default, Serialize)]
pub struct NoteCtx {
    /// On maternity leave in the year: rated on the months worked.
    pub maternity: bool,
    /// Fewer than six months worked (not maternity): not rated.
    pub under_six: bool,
    pub months_worked: String,
    /// The roster's own remark already tells the leave ("Nghỉ ốm từ … đến …"): the
    /// list says it once.
    pub leave_noted: bool,
    /// Leave as the roster counted it: days stay days, months stay months.
    pub leave_days: String,
    pub leave_months: String,
    /// The roster's remark, unless it only carries the discipline decision.
    pub remark: String,
    /// Anything at all to print.
    pub any: bool,
}

fn note(d: &Dataset, e: &Evaluation, id: PersonId) -> NoteCtx {
    let p = &d.people[id];
    let f = &e.facts.people[id];
    let leave_noted = p.note.as_deref().is_some_and(|n| crate::text::fold(n).contains("nghi"));
    let counted = !p.maternity && !leave_noted;
    let time = p.work_time();
    let leave_days =
        time.leave_days.filter(|_| counted).map(|days| crate::text::decimal_vi(days, 0)).unwrap_or_default();
    let leave_months = time
        .leave_months
        .filter(|_| counted && time.leave_days.is_none())
        .map(|m| crate::text::decimal_vi(m, if m.fract() == 0.0 { 0 } else { 1 }))
        .unwrap_or_default();
    let decision = p.discipline.as_ref().and_then(|x| x.decision.as_deref());
    let remark = p.note.as_deref().filter(|n| decision.is_none_or(|x| !n.contains(x))).unwrap_or_default().to_string();
    let under_six = !p.maternity && f.months_worked < 6.0;
    NoteCtx {
        maternity: p.maternity,
        under_six,
        months_worked: crate::text::decimal_vi(f.months_worked, 0),
        leave_noted,
        any: p.maternity || under_six || !leave_days.is_empty() || !leave_months.is_empty() || !remark.is_empty(),
        leave_days,
        leave_months,
        remark,
    }
}
