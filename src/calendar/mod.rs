//! The plan's calendar: for each deadline of agency.yaml, who is ready, who is missing
//! what, who is held up by errors, and how many days are left. `xeploai status` prints
//! it; every build renders it as the `status` document.

pub mod schedule;

use chrono::NaiveDate;
use serde::Serialize;

use crate::findings::Finding;
use crate::model::{Dataset, Deadline, DocKind, UnitId};
use crate::rules::dossier::gaps;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum State {
    /// Everything the deadline needs is in, without error.
    Ready,
    /// Parts not yet in, in words.
    Missing { parts: Vec<String> },
    /// In, but with errors (their rule ids) that keep the documents from being built.
    InError { rules: Vec<&'static str> },
}

/// One unit (or the agency) at one deadline.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// A unit's name, or the agency's for agency documents.
    pub who: String,
    pub state: State,
}

#[derive(Clone, Debug, Serialize)]
pub struct EntryStatus {
    pub id: String,
    pub due: NaiveDate,
    /// "trước ngày": the due day itself is late.
    pub before: bool,
    pub what: String,
    pub needs: Vec<DocKind>,
    /// Days from today to the last day on time: negative when overdue.
    pub days_left: i64,
    pub rows: Vec<Row>,
}

impl EntryStatus {
    /// Every row ready: the step is done, and a past due date is no longer "quá hạn".
    pub fn complete(&self) -> bool {
        !self.rows.is_empty() && self.rows.iter().all(|r| matches!(r.state, State::Ready))
    }

    /// "đã hoàn thành" for a complete step, else the days left ([`days_left_vi`]).
    pub fn days_vi(&self) -> String {
        if self.complete() { "đã hoàn thành".to_string() } else { days_left_vi(self.days_left) }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Status {
    pub today: NaiveDate,
    pub entries: Vec<EntryStatus>,
}

pub fn status(d: &Dataset, findings: &[Finding], today: NaiveDate) -> Status {
    let mut calendar: Vec<&Deadline> = d.agency.calendar.iter().collect();
    calendar.sort_by_key(|c| c.due);
    let errors = UnitErrors::new(findings);
    let entries = calendar
        .into_iter()
        .map(|deadline| {
            let unit_docs: Vec<DocKind> = deadline.needs.iter().copied().filter(|k| k.is_unit_document()).collect();
            let agency_docs: Vec<DocKind> = deadline.needs.iter().copied().filter(|k| !k.is_unit_document()).collect();
            let mut rows = Vec::new();
            if !unit_docs.is_empty() {
                for (unit, u) in d.agency.units.iter().enumerate() {
                    rows.push(Row { who: u.name.clone(), state: unit_state(d, &errors, unit, &unit_docs, today) });
                }
            }
            if !agency_docs.is_empty() {
                let mut parts: Vec<String> = agency_docs.iter().flat_map(|k| gaps(d, *k, None)).collect();
                parts.extend(agency_pending(d, &agency_docs, today));
                // The consolidated reports also wait for every unit's errors to be cleared.
                let reports = agency_docs.iter().any(|k| matches!(k, DocKind::AgencyReport | DocKind::PartyReport));
                let errors = rule_ids(findings.iter().filter(|f| f.is_error() && (f.unit.is_none() || reports)));
                rows.push(Row { who: d.agency.name.clone(), state: state(parts, errors) });
            }
            EntryStatus {
                id: deadline.id.clone(),
                due: deadline.due,
                before: deadline.before,
                what: deadline.what.clone(),
                needs: deadline.needs.clone(),
                days_left: (deadline.last_day() - today).num_days(),
                rows,
            }
        })
        .collect();
    Status { today, entries }
}

/// Where one unit stands for the unit documents `unit_docs`: what is missing, else its
/// errors, else ready. The overview page asks it for the whole dossier.
pub fn unit_state(d: &Dataset, errors: &UnitErrors, unit: UnitId, unit_docs: &[DocKind], today: NaiveDate) -> State {
    let mut parts: Vec<String> = Vec::new();
    // One missing meeting file is the gap of every document it feeds: said once.
    for gap in unit_docs.iter().flat_map(|k| gaps(d, *k, Some(unit))) {
        if !parts.contains(&gap) {
            parts.push(gap);
        }
    }
    // A meeting dated after today has not been held yet, whatever the file says.
    let pending = d.review_of(unit).and_then(|r| r.meeting.as_ref()).and_then(|m| m.date).filter(|date| *date > today);
    if let Some(date) = pending.filter(|_| unit_docs.iter().any(|k| *k != DocKind::UnitReport)) {
        parts.insert(0, format!("cuộc họp chưa diễn ra (lịch họp {})", date.format("%d/%m/%Y")));
    }
    state(parts, rule_ids(errors.of(d.unit_name(unit))))
}

/// The error findings of each unit, found once: a province has thousands of units and of
/// findings, and every unit's state asks for its own.
pub struct UnitErrors<'a>(std::collections::HashMap<&'a str, Vec<&'a Finding>>);

impl<'a> UnitErrors<'a> {
    pub fn new(findings: &'a [Finding]) -> UnitErrors<'a> {
        let mut by_unit: std::collections::HashMap<&str, Vec<&Finding>> = std::collections::HashMap::new();
        for finding in findings.iter().filter(|f| f.is_error()) {
            if let Some(unit) = finding.unit.as_deref() {
                by_unit.entry(unit).or_default().push(finding);
            }
        }
        UnitErrors(by_unit)
    }

    /// The error findings of the unit named `unit`, as agency.yaml spells it.
    pub fn of(&self, unit: &str) -> impl Iterator<Item = &'a Finding> + '_ {
        self.0.get(unit).into_iter().flatten().copied()
    }
}

/// Agency meetings dated after today: not held yet.
fn agency_pending(d: &Dataset, docs: &[DocKind], today: NaiveDate) -> Vec<String> {
    let Some(review) = &d.agency_review else { return Vec::new() };
    let meetings = [
        (
            DocKind::LeadershipMinutes,
            "hội nghị kiểm điểm tập thể lãnh đạo",
            review.leadership_conference.as_ref().and_then(|c| c.date),
        ),
        (DocKind::BallotMinutes, "bỏ phiếu xếp loại cơ quan", review.agency_ballot.as_ref().and_then(|b| b.date)),
        (DocKind::ConsultationMinutes, "họp tham vấn", review.consultation.as_ref().and_then(|c| c.date)),
        (DocKind::AgencyReport, "họp tham vấn", review.consultation.as_ref().and_then(|c| c.date)),
    ];
    let mut out: Vec<String> = Vec::new();
    for (kind, what, date) in meetings {
        if let Some(date) = date.filter(|date| *date > today && docs.contains(&kind)) {
            let line = format!("{what} chưa diễn ra (lịch {})", date.format("%d/%m/%Y"));
            if !out.contains(&line) {
                out.push(line);
            }
        }
    }
    out
}

fn state(parts: Vec<String>, errors: Vec<&'static str>) -> State {
    if !parts.is_empty() {
        State::Missing { parts }
    } else if !errors.is_empty() {
        State::InError { rules: errors }
    } else {
        State::Ready
    }
}

fn rule_ids<'a>(findings: impl Iterator<Item = &'a Finding>) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = findings.map(|f| f.rule).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// "còn 1 ngày", "hôm nay là hạn", "quá hạn 2 ngày".
pub fn days_left_vi(days: i64) -> String {
    match days {
        0 => "hôm nay là hạn".to_string(),
        d if d > 0 => format!("còn {d} ngày"),
        d => format!("quá hạn {} ngày", -d),
    }
}

impl State {
    pub fn label_vi(&self) -> String {
        match self {
            State::Ready => "đã đủ".to_string(),
            State::Missing { parts } => format!("còn thiếu: {}", parts.join("; ")),
            State::InError { rules } => format!("có lỗi: {}", rules.join(", ")),
        }
    }
}

/// The status as a terminal table for the clerk.
pub fn text(s: &Status) -> String {
    let mut out = format!("TÌNH HÌNH THỰC HIỆN — ngày {}\n", s.today.format("%d/%m/%Y"));
    if s.entries.is_empty() {
        out.push_str("\nagency.yaml chưa có lịch (calendar).\n");
    }
    for e in &s.entries {
        let before = if e.before { "trước ngày " } else { "" };
        out.push_str(&format!("\nHạn {before}{} ({}): {}\n", e.due.format("%d/%m/%Y"), e.days_vi(), e.what));
        if !e.needs.is_empty() {
            let needs: Vec<&str> = e.needs.iter().map(|k| k.name_vi()).collect();
            out.push_str(&format!("  Cần: {}\n", needs.join(", ")));
        }
        let width = e.rows.iter().map(|r| r.who.chars().count()).max().unwrap_or(0);
        for row in &e.rows {
            let pad = width - row.who.chars().count();
            out.push_str(&format!("  {}{}  {}\n", row.who, " ".repeat(pad), row.state.label_vi()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::days_left_vi;

    #[test]
    fn days_in_words() {
        assert_eq!(days_left_vi(1), "còn 1 ngày");
        assert_eq!(days_left_vi(0), "hôm nay là hạn");
        assert_eq!(days_left_vi(-2), "quá hạn 2 ngày");
    }
}
