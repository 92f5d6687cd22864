//! The four parts of a unit's dossier (Plan §II.4): minutes, collective report,
//! proposal list, self-review forms.

use serde::Serialize;

use super::{
    DisciplineCtx, HeaderCtx, PersonCtx, RatingCtx, VoteLine, date_words, discipline, paragraphs, rating, recipients,
    time_words, vote_lines, vote_text,
};
use crate::model::{Birth, Category, Dataset, DocKind, Membership, PersonId, PersonRef, Rating, UnitId};
use crate::rules::{Evaluation, PostRank};

fn person(d: &Dataset, id: PersonId) -> PersonCtx {
    PersonCtx::of(d, id)
}

/// A name from a meeting file: a member of the unit or one of its guests.
fn named(d: &Dataset, r: &PersonRef, guests: &[crate::model::Guest]) -> PersonCtx {
    match r.person {
        Some(id) => person(d, id),
        None => {
            let title = guests.iter().find(|g| g.name == r.name).and_then(|g| g.title.clone()).unwrap_or_default();
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
    pub chaired_by: Option<PersonCtx>,
    pub self_rating: Option<RatingCtx>,
    pub comments: Vec<CommentCtx>,
    pub votes: Vec<VoteLine>,
    /// The vote in one sentence (levels with votes only).
    pub votes_text: String,
    pub proposed: Option<RatingCtx>,
    pub conclusion: Vec<String>,
    pub category: &'static str,
    pub party_member: bool,
    /// KXL, leave, maternity, the roster's note: what the proposal list notes besides
    /// the discipline.
    pub note: String,
    pub discipline: Option<DisciplineCtx>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AbsentCtx {
    pub person: PersonCtx,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct CollectiveCtx {
    pub results: Vec<String>,
    pub strengths: Vec<String>,
    pub shortcomings: Vec<String>,
    pub causes: Vec<String>,
    pub previous_year_remedies: Vec<String>,
    pub responsibility: Vec<String>,
    pub remedies: Vec<String>,
    pub self_rating: Option<RatingCtx>,
    pub votes: Vec<VoteLine>,
    pub votes_text: String,
    pub proposed: Option<RatingCtx>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CountCtx {
    pub code: &'static str,
    pub name: &'static str,
    pub count: u32,
}

/// Everything a unit's documents print.
#[derive(Clone, Debug, Serialize)]
pub struct UnitCtx {
    pub year: i32,
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
    /// "Số đề xuất HTXSNV: 1/8 = 12,5% (tối đa 20% là 1 người)".
    pub quota_line: String,
    pub counts: Vec<CountCtx>,
    pub recipients_report: Vec<String>,
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
    let reviews = review
        .reviews
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let id = r.person.person?;
            let f = &e.facts.people[id];
            Some(ReviewCtx {
                order: i + 1,
                person: person(d, id),
                is_head: f.rank == PostRank::Head,
                chaired_by: r.chaired_by.as_ref().map(|c| named(d, c, &guests)),
                self_rating: rating(r.self_rating),
                comments: r
                    .comments
                    .iter()
                    .map(|c| CommentCtx { by: named(d, &c.by, &guests), text: c.text.clone() })
                    .collect(),
                votes: vote_lines(r.votes.as_ref(), present),
                votes_text: vote_text(&vote_lines(r.votes.as_ref(), present), present),
                proposed: rating(r.proposed),
                conclusion: paragraphs(r.conclusion.as_deref()),
                category: category_short(f.category),
                party_member: d.people[id].party_member,
                note: note(d, e, id),
                discipline: discipline(d, e, id),
            })
        })
        .collect();
    let q = &e.quotas.units[unit];
    let quota_line = format!("Số đề xuất HTXSNV: {}", q.describe());
    let counts = Rating::ALL
        .iter()
        .map(|r| CountCtx { code: r.code(), name: r.full_name(), count: q.proposed.get(*r) })
        .collect();
    let collective = review.collective.as_ref().map(|c| CollectiveCtx {
        results: paragraphs(c.results.as_deref()),
        strengths: paragraphs(c.strengths.as_deref()),
        shortcomings: paragraphs(c.shortcomings.as_deref()),
        causes: paragraphs(c.causes.as_deref()),
        previous_year_remedies: paragraphs(c.previous_year_remedies.as_deref()),
        responsibility: paragraphs(c.responsibility.as_deref()),
        remedies: paragraphs(c.remedies.as_deref()),
        self_rating: rating(c.self_rating),
        votes: vote_lines(c.votes.as_ref(), present),
        votes_text: vote_text(&vote_lines(c.votes.as_ref(), present), present),
        proposed: rating(c.proposal()),
    });
    Some(UnitCtx {
        year: d.agency.year,
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
        quota_line,
        counts,
        recipients_report: recipients(d, DocKind::UnitReport, &["Văn phòng Sở (tổng hợp)", "Lưu: đơn vị"]),
    })
}

fn category_short(c: Category) -> &'static str {
    match c {
        Category::CivilServant => "CC",
        Category::PublicEmployee => "VC",
        Category::Worker => "NLĐ",
    }
}

/// The remarks column of the proposal list.
fn note(d: &Dataset, e: &Evaluation, id: PersonId) -> String {
    let p = &d.people[id];
    let f = &e.facts.people[id];
    let mut notes = Vec::new();
    if p.maternity {
        notes.push(format!("Nghỉ thai sản; làm việc {} tháng", crate::text::decimal_vi(f.months_worked, 0)));
    } else if f.months_worked < 6.0 {
        notes.push(format!("Công tác {} tháng: không xếp loại", crate::text::decimal_vi(f.months_worked, 0)));
    }
    if let Some(leave) = p.leave_months.filter(|_| !p.maternity) {
        notes.push(format!("Nghỉ {} ngày", (leave * 30.0).round()));
    }
    // A note that only carries the discipline decision is printed with the discipline.
    let decision = p.discipline.as_ref().and_then(|x| x.decision.as_deref());
    if let Some(n) = p.note.as_ref().filter(|n| decision.is_none_or(|x| !n.contains(x))) {
        notes.push(n.clone());
    }
    notes.join("; ")
}

/// One self-review form.
#[derive(Clone, Debug, Serialize)]
pub struct SelfReviewCtx {
    pub header: HeaderCtx,
    /// "02A", "02B", "NĐ90-02", "NĐ90-03", "NLĐ".
    pub form: &'static str,
    pub form_label: String,
    pub title: String,
    pub subject: String,
    pub name: String,
    pub birth: String,
    pub post: String,
    pub unit: String,
    pub party_member: bool,
    pub is_leader: bool,
    pub year: i32,
    /// The four levels, the self-rating marked.
    pub levels: Vec<LevelMark>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LevelMark {
    pub name: &'static str,
    pub checked: bool,
}

/// The form a person fills (Plan §II.2; outputs.md `self_reviews`).
pub fn form_of(party_member: bool, rank: PostRank, category: Category) -> (&'static str, &'static str) {
    match (party_member, rank != PostRank::Member, category) {
        (true, false, _) => ("02A", "Mẫu 02A-HD KĐ.ĐG 2023"),
        (true, true, _) => ("02B", "Mẫu 02B-HD KĐ.ĐG 2023"),
        (false, _, Category::CivilServant) => ("NĐ90-02", "Mẫu số 02 - Nghị định 90/2020/NĐ-CP"),
        (false, _, Category::PublicEmployee) => ("NĐ90-03", "Mẫu số 03 - Nghị định 90/2020/NĐ-CP"),
        (false, _, Category::Worker) => ("NLĐ", "Mẫu của Sở (Quyết định 1125/QĐ-SNV)"),
    }
}

pub fn self_review(d: &Dataset, e: &Evaluation, id: PersonId) -> SelfReviewCtx {
    let p = &d.people[id];
    let f = &e.facts.people[id];
    let unit = d.membership_name(p.membership).to_string();
    let (form, form_label) = form_of(p.party_member, f.rank, f.category);
    let (title, subject) = match form {
        "02A" => ("BẢN KIỂM ĐIỂM CÁ NHÂN", format!("Năm {}", d.agency.year)),
        "02B" => ("BẢN KIỂM ĐIỂM CÁ NHÂN", format!("(Dùng cho cán bộ lãnh đạo, quản lý) Năm {}", d.agency.year)),
        "NĐ90-02" => ("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC", format!("Năm {}", d.agency.year)),
        "NĐ90-03" => ("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC", format!("Năm {}", d.agency.year)),
        _ => ("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NGƯỜI LAO ĐỘNG", format!("Năm {}", d.agency.year)),
    };
    let self_rating = derive_self_rating(d, id);
    let birth = match p.birth {
        Some(Birth::Date(date)) => date.format("%d/%m/%Y").to_string(),
        Some(Birth::Year(y)) => y.to_string(),
        None => String::new(),
    };
    let issuer = match p.membership {
        Membership::Unit(_) => unit.clone(),
        Membership::Leadership => d.agency.name.clone(),
    };
    SelfReviewCtx {
        header: HeaderCtx::new(d, &d.agency.name, &issuer, "", None, None),
        form,
        form_label: form_label.to_string(),
        title: title.to_string(),
        subject,
        name: p.name.clone(),
        birth,
        post: p.post.clone().unwrap_or_default(),
        unit,
        party_member: p.party_member,
        is_leader: f.rank != PostRank::Member,
        year: d.agency.year,
        levels: Rating::LEVELS
            .iter()
            .map(|r| LevelMark { name: r.full_name(), checked: self_rating == Some(*r) })
            .collect(),
    }
}

fn derive_self_rating(d: &Dataset, id: PersonId) -> Option<Rating> {
    crate::rules::derive::review_of_person(d, id).and_then(|r| r.self_rating)
}
