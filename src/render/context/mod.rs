//! What each document shows, computed from the dataset and the rules' facts: plain
//! values (strings already in Vietnamese form) so that templates stay readable.

pub mod agency;
pub mod annex;
pub mod ballot;
pub mod collective;
pub mod cycle_texts;
pub mod forms;
pub mod invitation;
pub mod leadership_report;
pub mod notice;
pub mod overview;
pub mod score;
pub mod self_assessment;
pub mod status;
pub mod unit;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Category, Dataset, DocKind, Rating, Votes};
use crate::render::vn;
use crate::rules::cycle::DisciplineWeight;
use crate::text::percent_vi;
use cycle_texts::{UNRELATED_DISCIPLINE_CC, UNRELATED_DISCIPLINE_VC};

/// The fields of the official header block.
#[derive(Clone, Debug, Serialize)]
pub struct HeaderCtx {
    pub parent: String,
    pub issuer: String,
    pub number: String,
    pub symbol: String,
    pub place: String,
    /// ISO date, or "" for the registry to fill by hand.
    pub date: String,
    pub month: u32,
    pub year: i32,
}

impl HeaderCtx {
    pub fn new(
        d: &Dataset,
        parent: &str,
        issuer: &str,
        symbol: &str,
        date: Option<NaiveDate>,
        number: Option<&str>,
    ) -> Self {
        HeaderCtx {
            parent: parent.to_string(),
            issuer: issuer.to_string(),
            number: number.unwrap_or_default().to_string(),
            symbol: if symbol.is_empty() { String::new() } else { format!("{symbol}-{}", d.agency.code) },
            place: d.agency.place.clone(),
            date: date.map(|d| d.to_string()).unwrap_or_default(),
            month: date.map_or(11, |d| chrono::Datelike::month(&d)),
            year: date.map_or(d.agency.year, |d| chrono::Datelike::year(&d)),
        }
    }
}

impl HeaderCtx {
    /// The header of an agency document the registry numbers: its number and date from
    /// agency_review's `documents`, else `fallback` for the date and a blank number.
    pub fn issued(d: &Dataset, kind: DocKind, symbol: &str, fallback: Option<NaiveDate>) -> Self {
        let issued = d.agency_review.as_ref().and_then(|r| r.documents.get(&kind));
        let date = issued.and_then(|n| n.date).or(fallback);
        HeaderCtx::new(d, &d.agency.parent, &d.agency.name, symbol, date, issued.and_then(|n| n.number.as_deref()))
            .dated_by_deadline(d, kind)
    }

    /// A date line left for the registry to fill ("ngày … tháng 12 năm 2026") names the
    /// month of the document's deadline in the agency's calendar: a report due in
    /// December is not dated November. Without a deadline, the line is left as it was.
    pub fn dated_by_deadline(self, d: &Dataset, kind: DocKind) -> Self {
        let deadline = d.agency.calendar.iter().find(|deadline| deadline.needs.contains(&kind));
        self.in_month_of(deadline.map(|deadline| deadline.last_day()))
    }

    /// A blank date line in the month of `day` (when known); a full date stays as it is.
    pub fn in_month_of(mut self, day: Option<NaiveDate>) -> Self {
        if let (true, Some(day)) = (self.date.is_empty(), day) {
            self.month = chrono::Datelike::month(&day);
            self.year = chrono::Datelike::year(&day);
        }
        self
    }
}

/// Who signs an agency document: the Director in his own name, or another for him
/// ("TL. GIÁM ĐỐC" above the signer's own title).
#[derive(Clone, Debug, Serialize)]
pub struct SignerCtx {
    /// The Director's title when another signs for him ("thừa lệnh"), else "".
    pub on_behalf_of: String,
    pub title: String,
    pub name: String,
}

impl SignerCtx {
    /// The head of the agency, in his own name.
    pub fn director(d: &Dataset) -> Self {
        SignerCtx {
            on_behalf_of: String::new(),
            title: d.agency.director.title.clone(),
            name: d.agency.director.name.clone(),
        }
    }
}

/// A rating as documents print it.
#[derive(Clone, Debug, Serialize)]
pub struct RatingCtx {
    pub code: &'static str,
    pub name: &'static str,
    /// One of the four levels; `false` for KXL, which is no level a person "tự nhận".
    pub rated: bool,
}

impl From<Rating> for RatingCtx {
    fn from(r: Rating) -> Self {
        RatingCtx { code: r.code(), name: r.full_name(), rated: r.level_index().is_some() }
    }
}

pub fn rating(r: Option<Rating>) -> Option<RatingCtx> {
    r.map(RatingCtx::from)
}

/// One level of a vote: "Hoàn thành tốt nhiệm vụ: 6/7 phiếu (85,7%)".
#[derive(Clone, Debug, Serialize)]
pub struct VoteLine {
    pub code: &'static str,
    pub name: &'static str,
    pub count: i64,
    pub percent: String,
}

pub fn vote_lines(votes: Option<&Votes>, present: u32) -> Vec<VoteLine> {
    let Some(votes) = votes else { return Vec::new() };
    Rating::LEVELS
        .iter()
        .map(|r| VoteLine {
            code: r.code(),
            name: r.full_name(),
            count: votes.get(*r),
            percent: percent_vi(votes.get(*r).max(0) as u32, present),
        })
        .collect()
}

/// The Nơi nhận of agency.yaml for a kind of document, else `fallback`.
pub fn recipients(d: &Dataset, kind: DocKind, fallback: &[&str]) -> Vec<String> {
    let mut list: Vec<String> = match d.agency.recipients.get(&kind) {
        Some(list) if !list.is_empty() => list.clone(),
        _ => fallback.iter().map(|s| s.to_string()).collect(),
    };
    // Decree 30: the archive line closes every list.
    if !list.iter().any(|r| crate::text::fold(r).starts_with("luu")) {
        list.push("Lưu: VT, VP".into());
    }
    // Decree 30: every line ends with ";" and the last, the archive line, with ".".
    let n = list.len();
    list.into_iter()
        .enumerate()
        .map(|(i, r)| {
            let r = r.trim_end_matches([';', '.', ',']).to_string();
            if i + 1 == n { format!("{r}.") } else { format!("{r};") }
        })
        .collect()
}

/// A person as every document names them: the same shape for a roster member, a guest,
/// a leader at the conference or a counting-team member.
#[derive(Clone, Debug, Serialize)]
pub struct PersonCtx {
    pub name: String,
    /// The post, or the professional title, or "". Templates name a person through the
    /// `person` component of `_shared.tera`: "đồng chí Nguyễn Văn An, Trưởng phòng".
    pub post: String,
}

impl PersonCtx {
    pub fn new(name: &str, post: &str) -> Self {
        PersonCtx { name: name.to_string(), post: post.to_string() }
    }

    /// A roster member.
    pub fn of(d: &Dataset, id: crate::model::PersonId) -> Self {
        let p = &d.people[id];
        PersonCtx::new(&p.name, p.post.as_deref().unwrap_or_default())
    }

    /// A name written in an agency-level meeting: its title as written, else the post of
    /// the roster member of that name.
    pub fn named(d: &Dataset, name: &str, title: Option<&str>) -> Self {
        let key = crate::text::name_key(name);
        let post = title.map(str::to_string).or_else(|| {
            d.people
                .iter()
                .find(|p| crate::text::name_key(&p.name) == key)
                .and_then(|p| p.post.as_deref().map(str::to_string))
        });
        PersonCtx::new(name, post.as_deref().unwrap_or_default())
    }
}

/// A discipline as every document prints it (agency and party reports, unit list): the
/// sanction, the decision's number and date, and for one rated above KHTNV, the exception
/// and its legal basis. The wording is in `templates/_shared.tera`.
#[derive(Clone, Debug, Serialize)]
pub struct DisciplineCtx {
    pub sanction: String,
    /// "14-QĐ/ĐU ngày 22/6/2023", or "" when the roster does not give it.
    pub decision: String,
    /// Disciplined in the year yet not rated KHTNV: NĐ 90 Art 2 cl.5 b or c.
    pub exception: bool,
    /// The point of clause 5 relied on: "b" (the act already counted in an earlier
    /// year's rating) or "c" (party and administrative sanctions for one act).
    pub point: String,
    /// The normalised citation of the exception.
    pub basis: String,
    /// From 2025, the act was unrelated to public duty and is no ground for the rating:
    /// the text that says so (Luật 80/2025 for công chức, NĐ 233 for viên chức), else "".
    pub unrelated_basis: &'static str,
}

pub fn discipline(d: &Dataset, e: &crate::rules::Evaluation, id: crate::model::PersonId) -> Option<DisciplineCtx> {
    let disc = d.people[id].discipline.as_ref()?;
    let basis = disc.basis.clone().unwrap_or_else(crate::model::citation::discipline_exception);
    let facts = &e.facts.people[id];
    Some(DisciplineCtx {
        sanction: disc.sanction.clone(),
        decision: disc.decision.clone().unwrap_or_default(),
        exception: disc.exempt && facts.final_rating != Some(Rating::NotCompleted),
        point: basis.point.map(String::from).unwrap_or_else(|| "b".into()),
        basis: basis.to_string(),
        unrelated_basis: match (facts.discipline, facts.category) {
            (Some(DisciplineWeight::UnrelatedToDuty), Category::PublicEmployee) => UNRELATED_DISCIPLINE_VC,
            (Some(DisciplineWeight::UnrelatedToDuty), _) => UNRELATED_DISCIPLINE_CC,
            _ => "",
        },
    })
}

/// The Nơi nhận of a report with a "Kính gửi": "Như trên" first, standing for the
/// addressee (whose own line, naming `addressee`, is dropped), then the others.
pub fn addressed_recipients(d: &Dataset, kind: DocKind, addressee: &str, fallback: &[&str]) -> Vec<String> {
    let key = crate::text::fold(addressee);
    let mut list = vec!["Như trên;".to_string()];
    list.extend(
        recipients(d, kind, fallback)
            .into_iter()
            .filter(|r| !crate::text::fold(r).starts_with(&key) && !crate::text::fold(r).starts_with("nhu tren")),
    );
    list
}

/// "14 giờ 00".
pub fn time_words(t: Option<chrono::NaiveTime>) -> String {
    t.map(|t| t.format("%H giờ %M").to_string()).unwrap_or_default()
}

pub fn date_words(date: Option<NaiveDate>) -> String {
    date.map(vn::date_words).unwrap_or_else(|| "ngày … tháng … năm …".to_string())
}

/// Multi-line YAML text as paragraphs.
pub fn paragraphs(text: Option<&str>) -> Vec<String> {
    text.map(|t| t.split('\n').map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect())
        .unwrap_or_default()
}

/// The levels that got votes, for the one-sentence vote of the `votes` component.
pub fn votes_cast(lines: &[VoteLine]) -> Vec<VoteLine> {
    lines.iter().filter(|v| v.count != 0).cloned().collect()
}
