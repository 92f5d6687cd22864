//! The agency-level documents: the leadership conference, the agency ballot, the
//! consultation, and the consolidated reports to UBND tỉnh and Ban Tổ chức Tỉnh ủy.
//! Every number comes from [`crate::rules::summary`].

use serde::Serialize;

use super::annex::AnnexFile;
use super::cycle_texts::{self, CycleTexts};
use super::score::ScoreCtx;
use super::{
    DisciplineCtx, HeaderCtx, PersonCtx, RatingCtx, addressed_recipients, date_words, discipline, paragraphs, rating,
    time_words,
};
use crate::model::{Ballot, Conclusions, Conference, Consultation, Dataset, DocKind, PersonId, Rating, Score, Votes};
use crate::render::templates::MadeRows;
use crate::rules::Evaluation;
use crate::rules::cycle::ScoreLevel;
use crate::rules::summary::{Row, Summary};
use crate::text::{decimal_vi, percent_vi};

#[derive(Clone, Debug, Serialize)]
pub struct CountCell {
    pub count: u32,
    pub percent: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct RowCtx {
    pub label: String,
    pub total: u32,
    /// HTXSNV, HTTNV, HTNV, KHTNV, KXL.
    pub cells: Vec<CountCell>,
}

/// A row of the result tables: each cell its own count over the row's total.
fn row(r: &Row) -> RowCtx {
    let total = r.total();
    RowCtx {
        label: r.label.clone(),
        total,
        cells: Rating::ALL
            .iter()
            .map(|level| {
                let count = r.counts.get(*level);
                CountCell { count, percent: percent_vi(count, total) }
            })
            .collect(),
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct PersonLine {
    pub order: usize,
    pub name: String,
    pub unit: String,
    pub post: String,
    pub category: String,
    /// "CC", "VC", "NLĐ": the scored annex is one column wider and says it short.
    pub category_code: &'static str,
    pub rating: String,
    /// "HTTNV", for the scored annex.
    pub rating_code: String,
    /// The unit's proposal ("HTXSNV"), for a conclusion that differs from it.
    pub proposed_code: String,
    /// Why the Director concluded otherwise, as the consultation wrote it.
    pub reason: String,
    /// Months worked in the year ("4"), for one not rated.
    pub months_worked: String,
    pub discipline: Option<DisciplineCtx>,
    /// The year's score and the level it gives (cycles from 2025), where given.
    pub score: Option<ScoreCtx>,
}

fn person_line(d: &Dataset, e: &Evaluation, said: &Conclusions, order: usize, id: PersonId) -> PersonLine {
    let p = &d.people[id];
    let facts = &e.facts.people[id];
    let reason = said.person(id).and_then(|x| x.reason.clone()).unwrap_or_default();
    PersonLine {
        order,
        name: p.name.to_string(),
        unit: d.membership_name(p.membership).to_string(),
        post: p.post.as_deref().unwrap_or_default().to_string(),
        category: e.facts.people[id].category.name_vi().to_string(),
        rating: facts.final_rating.map(|r| r.full_name().to_string()).unwrap_or_default(),
        category_code: super::unit::category_short(facts.category),
        rating_code: facts.final_rating.map(|r| r.code().to_string()).unwrap_or_default(),
        proposed_code: facts.proposed.map(|r| r.code().to_string()).unwrap_or_default(),
        reason,
        months_worked: decimal_vi(facts.months_worked, 0),
        discipline: discipline(d, e, id),
        score: score(d, e, id),
    }
}

/// The year's score and the level it gives, where the meeting gave one.
fn score(d: &Dataset, e: &Evaluation, id: PersonId) -> Option<ScoreCtx> {
    scored(d, e, id).map(|(given, level)| ScoreCtx::new(given, level))
}

/// The year's score as the meeting gave it and the level the rules found for it.
fn scored<'a>(d: &'a Dataset, e: &'a Evaluation, id: PersonId) -> Option<(&'a Score, &'a ScoreLevel)> {
    crate::rules::derive::review_of_person(d, id)
        .and_then(|r| r.score.as_deref())
        .zip(e.facts.people[id].score.as_deref())
}

/// The annex: a line per person of the province, in the summary's order, made as the
/// row templates write it (a province's hundred thousand lines held at once were 54 MB
/// at the peak of its build). `first` is the order number of its first line: 1, or where
/// a part of an annex in files of its own starts.
pub fn annex<'a>(
    ids: &'a [PersonId],
    first: usize,
    d: &'a Dataset,
    e: &'a Evaluation,
) -> MadeRows<'a, PersonId, PersonLine> {
    let said = d.conclusions();
    MadeRows::new(ids, move |index, id| person_line(d, e, &said, first + index, *id))
}

#[derive(Clone, Debug, Serialize)]
pub struct GroupLine {
    pub name: String,
    pub good: u32,
    pub excellent: u32,
    pub ceiling: u32,
    /// More HTXSNV than the share allows.
    pub exceeded: bool,
    /// …yet within the exceptions the province granted (`decisions`).
    pub excepted: bool,
    pub decisions: Vec<String>,
}

/// A unit's own share of HTXSNV granted by the province (khoản 6 Điều 2 NĐ 90).
#[derive(Clone, Debug, Serialize)]
pub struct ExceptionLine {
    pub unit: String,
    pub max_excellent: u32,
    pub decision: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct UnitLine {
    pub order: usize,
    pub unit: String,
    pub proposed: String,
    pub rating: String,
    /// "HTTNV", for the scored table.
    pub rating_code: String,
    pub reason: String,
    /// The Director concluded otherwise than the unit proposed.
    pub changed: bool,
    pub proposed_code: String,
    /// The collective's score and the level it gives (cycles from 2025), where given.
    pub score: Option<ScoreCtx>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VoteCell {
    pub name: String,
    pub count: i64,
    pub percent: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct AgencyCtx {
    pub year: i32,
    pub cycle: CycleTexts,
    /// Someone or some collective has a score: the tables show a score column (never in
    /// 2023).
    pub scored: bool,
    pub agency: String,
    pub agency_upper: String,
    pub director: String,
    pub director_title: String,
    /// The agency's plan and the province's guidance, as the reports cite them.
    pub plan: String,
    pub guidance: Vec<String>,
    /// The leadership collective's own rating (its review report), for Ban Tổ chức Tỉnh ủy.
    pub leadership_rating: Option<RatingCtx>,
    pub header_report: HeaderCtx,
    pub header_party: HeaderCtx,
    pub header_leadership: HeaderCtx,
    pub header_ballot: HeaderCtx,
    pub header_consultation: HeaderCtx,
    /// How the units' meetings went, for the report's section I.
    pub unit_meetings: Option<UnitMeetingsCtx>,
    pub rows: Vec<RowCtx>,
    pub total: RowCtx,
    pub leaders: RowCtx,
    pub party_rows: Vec<RowCtx>,
    pub party_total: RowCtx,
    pub collectives: RowCtx,
    pub units: Vec<UnitLine>,
    pub groups: Vec<GroupLine>,
    pub exceptions: Vec<ExceptionLine>,
    pub not_completed: Vec<PersonLine>,
    pub disciplined: Vec<PersonLine>,
    pub not_rated: Vec<PersonLine>,
    /// Every person, for the annex: not in the context tera is given, but written by
    /// the row templates (`@rows`) from [`annex`], a thousand at a time.
    #[serde(skip)]
    pub annex: Vec<PersonId>,
    /// The files the annex is written in when it is too long for the report (empty
    /// otherwise: then `annex` is in it).
    pub annex_files: Vec<AnnexFile>,
    pub changes: Vec<PersonLine>,
    pub recipients_report: Vec<String>,
    pub recipients_party: Vec<String>,
    // The agency-level meetings.
    pub conference: Option<ConferenceCtx>,
    pub ballot: Option<BallotCtx>,
    pub consultation: Option<ConsultationCtx>,
}

/// The units' review meetings: from the first to the last date, how many of how many units.
#[derive(Clone, Debug, Serialize)]
pub struct UnitMeetingsCtx {
    pub first: String,
    pub last: String,
    pub met: usize,
    pub units: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct ConferenceCtx {
    pub date_words: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub chair: PersonCtx,
    pub secretary: PersonCtx,
    pub guests: Vec<PersonCtx>,
    /// The invited Ban Tổ chức Tỉnh ủy representative: the guest whose title names the
    /// Ban, else the first guest.
    pub representative: Option<PersonCtx>,
    pub convened: String,
    pub present: String,
    pub summary: Vec<String>,
    pub leaders: Vec<LeaderCtx>,
    pub guest_conclusion: Vec<String>,
}

/// One leader's review at the conference.
#[derive(Clone, Debug, Serialize)]
pub struct LeaderCtx {
    pub person: PersonCtx,
    pub self_rating: Option<RatingCtx>,
    pub comments: Vec<CommentCtx>,
    pub conclusion: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CommentCtx {
    pub by: PersonCtx,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct BallotCtx {
    pub date_words: String,
    pub start: String,
    pub place: String,
    pub present: Option<u32>,
    /// Ballots issued above the number present (0 when none, or nobody counted).
    pub over_issued: u32,
    pub issued: u32,
    pub returned: u32,
    pub valid: u32,
    pub invalid: u32,
    pub votes: Vec<VoteCell>,
    pub result: Option<RatingCtx>,
    /// Tổ kiểm phiếu, its head first.
    pub counting_team: Vec<PersonCtx>,
    pub secretary: Option<PersonCtx>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ConsultationCtx {
    pub date_words: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub chair: PersonCtx,
    pub secretary: PersonCtx,
    pub attendees: Vec<PersonCtx>,
    /// Collectives the Director rated otherwise than proposed.
    pub unit_changes: Vec<UnitLine>,
    /// The collectives' cap: `ceiling` HTXSNV allowed for `good` HTTNV at `percent`%.
    pub collective_good: u32,
    pub collective_ceiling: u32,
    pub collective_percent: u32,
}

fn conference_ctx(d: &Dataset, c: &Conference) -> ConferenceCtx {
    let guests: Vec<PersonCtx> = c.guests.iter().map(|g| PersonCtx::named(d, &g.name, g.title.as_deref())).collect();
    let representative =
        guests.iter().find(|g| crate::text::fold(&g.post).contains("ban to chuc")).or(guests.first()).cloned();
    ConferenceCtx {
        date_words: date_words(c.date),
        start: time_words(c.start),
        end: time_words(c.end),
        place: c.place.clone().unwrap_or_default(),
        chair: PersonCtx::named(d, c.chair.as_deref().unwrap_or_default(), None),
        secretary: PersonCtx::named(d, c.secretary.as_deref().unwrap_or_default(), None),
        representative,
        guests,
        convened: c.convened.map(|n| n.to_string()).unwrap_or_default(),
        present: c.present.map(|n| n.to_string()).unwrap_or_default(),
        summary: paragraphs(c.summary.as_deref()),
        leaders: c
            .leaders
            .iter()
            .map(|l| LeaderCtx {
                person: PersonCtx::named(d, &l.name, l.title.as_deref()),
                self_rating: rating(l.self_rating),
                comments: l
                    .comments
                    .iter()
                    .map(|(by, text)| CommentCtx { by: PersonCtx::named(d, by, None), text: text.clone() })
                    .collect(),
                conclusion: paragraphs(l.conclusion.as_deref()),
            })
            .collect(),
        guest_conclusion: paragraphs(c.guest_conclusion.as_deref()),
    }
}

fn ballot_ctx(d: &Dataset, b: &Ballot) -> BallotCtx {
    BallotCtx {
        date_words: date_words(b.date),
        start: time_words(b.start),
        place: b.place.clone().unwrap_or_default(),
        present: b.present,
        over_issued: b.present.map_or(0, |p| b.issued.saturating_sub(p)),
        issued: b.issued,
        returned: b.returned,
        valid: b.valid,
        invalid: b.returned.saturating_sub(b.valid),
        votes: vote_cells(&b.votes, b.valid),
        result: rating(b.votes.basis(b.valid)),
        counting_team: b.counting_team.iter().map(|g| PersonCtx::named(d, &g.name, g.title.as_deref())).collect(),
        secretary: b.secretary.as_deref().map(|s| PersonCtx::named(d, s, None)),
    }
}

fn consultation_ctx(d: &Dataset, e: &Evaluation, c: &Consultation, units: &[UnitLine]) -> ConsultationCtx {
    let good = e.facts.units.iter().filter(|u| u.final_rating == Some(Rating::Good)).count() as u32;
    let percent = d.agency.settings.group_share_percent;
    ConsultationCtx {
        date_words: date_words(c.date),
        start: time_words(c.start),
        end: time_words(c.end),
        place: c.place.clone().unwrap_or_default(),
        chair: PersonCtx::named(d, c.chair.as_deref().unwrap_or_default(), None),
        secretary: PersonCtx::named(d, c.secretary.as_deref().unwrap_or_default(), None),
        attendees: c.attendees.iter().map(|g| PersonCtx::named(d, &g.name, g.title.as_deref())).collect(),
        unit_changes: units.iter().filter(|u| u.changed).cloned().collect(),
        collective_good: good,
        collective_ceiling: d.agency.settings.rounding.share(good, percent),
        collective_percent: percent,
    }
}

/// Takes the summary whole: its annex, a line per person, becomes the context's, not a
/// copy beside it (8 MB at a million people, at the top of a one-unit rebuild).
pub fn agency(d: &Dataset, e: &Evaluation, s: Summary) -> AgencyCtx {
    let review = d.agency_review.as_ref();
    let header =
        |kind: DocKind, symbol: &str, fallback: Option<chrono::NaiveDate>| HeaderCtx::issued(d, kind, symbol, fallback);
    let conference = review.and_then(|r| r.leadership_conference.as_ref());
    let ballot = review.and_then(|r| r.agency_ballot.as_ref());
    let consultation = review.and_then(|r| r.consultation.as_ref());
    let said = d.conclusions();

    let meeting_dates: Vec<chrono::NaiveDate> =
        d.unit_reviews.iter().filter_map(|r| r.meeting.as_ref().and_then(|m| m.date)).collect();
    let unit_meetings = match (meeting_dates.iter().min(), meeting_dates.iter().max()) {
        (Some(first), Some(last)) => Some(UnitMeetingsCtx {
            first: date_words(Some(*first)),
            last: date_words(Some(*last)),
            met: meeting_dates.len(),
            units: d.agency.units.len(),
        }),
        _ => None,
    };

    let units: Vec<UnitLine> = d
        .agency
        .units
        .iter()
        .enumerate()
        .map(|(u, unit)| {
            let reason = said.unit(u).and_then(|x| x.reason.clone()).unwrap_or_default();
            let facts = &e.facts.units[u];
            UnitLine {
                order: u + 1,
                unit: unit.name.clone(),
                proposed: facts.proposed.map(|r| r.full_name().to_string()).unwrap_or_default(),
                rating: facts.final_rating.map(|r| r.full_name().to_string()).unwrap_or_default(),
                rating_code: facts.final_rating.map(|r| r.code().to_string()).unwrap_or_default(),
                reason,
                changed: facts.proposed.is_some() && facts.proposed != facts.final_rating,
                proposed_code: facts.proposed.map(|r| r.code().to_string()).unwrap_or_default(),
                score: d.review_of(u).and_then(|r| r.collective.as_ref()).and_then(ScoreCtx::collective),
            }
        })
        .collect();
    let groups = e
        .quotas
        .groups
        .iter()
        .map(|g| GroupLine {
            name: g.group.name_vi(),
            good: g.good,
            excellent: g.excellent,
            ceiling: g.ceiling,
            exceeded: g.exceeded(),
            excepted: g.excepted > 0 && g.within_exceptions(),
            decisions: g.decisions.clone(),
        })
        .collect();
    let exceptions = d
        .agency
        .settings
        .exceptions
        .iter()
        .map(|x| ExceptionLine {
            unit: d.unit_name(x.unit).to_string(),
            max_excellent: x.max_excellent,
            decision: x.decision.clone(),
        })
        .collect();
    let lines = |ids: &[PersonId]| -> Vec<PersonLine> {
        ids.iter().enumerate().map(|(i, id)| person_line(d, e, &said, i + 1, *id)).collect()
    };
    // Whether anyone has a score, without writing out every person's.
    let scored = s.annex.iter().any(|id| scored(d, e, *id).is_some()) || units.iter().any(|u| u.score.is_some());
    AgencyCtx {
        year: d.agency.year,
        cycle: cycle_texts::of(d.agency.year),
        scored,
        agency: d.agency.name.clone(),
        agency_upper: crate::render::vn::upper(&d.agency.name),
        director: d.agency.director.name.clone(),
        director_title: d.agency.director.title.clone(),
        plan: d.agency.plan.clone().unwrap_or_default(),
        guidance: d.agency.guidance.clone(),
        leadership_rating: rating(review.and_then(|r| r.leadership_collective.as_ref()).and_then(|c| c.self_rating)),
        header_report: header(DocKind::AgencyReport, "BC", None),
        header_party: header(DocKind::PartyReport, "BC", None),
        header_leadership: header(DocKind::LeadershipMinutes, "BB", conference.and_then(|c| c.date)),
        header_ballot: header(DocKind::BallotMinutes, "BB", ballot.and_then(|b| b.date)),
        header_consultation: header(DocKind::ConsultationMinutes, "BB", consultation.and_then(|c| c.date)),
        unit_meetings,
        rows: s.counts.categories.iter().map(row).collect(),
        total: row(&s.counts.total),
        leaders: row(&s.counts.leaders),
        party_rows: s.counts.party.iter().map(row).collect(),
        party_total: row(&s.counts.party_total),
        collectives: row(&s.counts.collectives),
        groups,
        exceptions,
        not_completed: lines(&s.not_completed),
        disciplined: lines(&s.disciplined),
        not_rated: lines(&s.not_rated),
        annex: s.annex,
        annex_files: Vec::new(),
        changes: lines(&s.changes),
        recipients_report: addressed_recipients(d, DocKind::AgencyReport, "UBND tỉnh", &["Lưu: VT, VP"]),
        recipients_party: addressed_recipients(d, DocKind::PartyReport, "Ban Tổ chức Tỉnh ủy", &["Lưu: VT, VP"]),
        conference: conference.map(|c| conference_ctx(d, c)),
        ballot: ballot.map(|b| ballot_ctx(d, b)),
        consultation: consultation.map(|c| consultation_ctx(d, e, c, &units)),
        units,
    }
}

fn vote_cells(votes: &Votes, valid: u32) -> Vec<VoteCell> {
    Rating::LEVELS
        .iter()
        .map(|r| VoteCell {
            name: r.full_name().to_string(),
            count: votes.get(*r),
            percent: percent_vi(votes.get(*r).max(0) as u32, valid),
        })
        .collect()
}
