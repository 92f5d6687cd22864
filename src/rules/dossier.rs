//! What each document of the campaign needs from the data, and what is still missing:
//! shared by the DOSSIER_INCOMPLETE rule and the calendar's status.

use crate::model::{Dataset, DocKind, PersonReview, UnitId};

/// What `kind` still lacks for `unit` (unit documents) or for the agency (the others),
/// in words for the clerk; empty when nothing is missing.
pub fn gaps(d: &Dataset, kind: DocKind, unit: Option<UnitId>) -> Vec<String> {
    match unit {
        Some(unit) if kind.is_unit_document() => unit_gaps(d, kind, unit),
        Some(_) => Vec::new(),
        None => agency_gaps(d, kind),
    }
}

fn unit_gaps(d: &Dataset, kind: DocKind, unit: UnitId) -> Vec<String> {
    if let Some(prepared) = d.pending_review(unit) {
        return vec![format!("kết quả cuộc họp kiểm điểm (tệp {} đã chuẩn bị, chưa nhập)", prepared.source)];
    }
    let Some(review) = d.review_of(unit) else {
        return vec!["tệp kết quả họp kiểm điểm (kind: unit_review)".to_string()];
    };
    let lacking = |what: &str, pred: &dyn Fn(&PersonReview) -> bool| -> Vec<String> {
        let who: Vec<&str> = review.reviews.iter().filter(|r| pred(r)).map(|r| &*r.person.name).collect();
        if who.is_empty() { vec![] } else { vec![format!("{what} của {}", who.join(", "))] }
    };
    match kind {
        DocKind::UnitMinutes if review.meeting.is_none() => vec!["thông tin cuộc họp (meeting)".into()],
        DocKind::UnitReport if review.collective.is_none() => vec!["báo cáo kiểm điểm tập thể (collective)".into()],
        DocKind::SelfReviews => {
            let mut g = if review.reviews.is_empty() {
                vec!["phần kiểm điểm từng người (reviews)".into()]
            } else {
                vec![]
            };
            g.extend(lacking("mức tự xếp loại (self_rating)", &|r| r.self_rating.is_none()));
            g
        }
        DocKind::UnitProposal => {
            let mut g = lacking("mức đề xuất (proposed)", &|r| r.proposed.is_none());
            if review.collective.as_ref().is_some_and(|c| c.proposal().is_none()) {
                g.push("mức đề xuất của tập thể (collective.proposed hoặc self_rating)".into());
            }
            g
        }
        _ => Vec::new(),
    }
}

fn agency_gaps(d: &Dataset, kind: DocKind) -> Vec<String> {
    let review = d.agency_review.as_ref();
    let missing = |what: &str| vec![format!("{what} trong tệp kind: agency_review")];
    match kind {
        DocKind::AgencySelfAssessment => {
            let lacking: Vec<&str> = (0..d.agency.units.len())
                .filter(|u| d.review_of(*u).and_then(|r| r.collective.as_ref()).is_none())
                .map(|u| d.unit_name(u))
                .collect();
            if lacking.is_empty() {
                Vec::new()
            } else {
                vec![format!("báo cáo kiểm điểm tập thể (collective) của {}", lacking.join(", "))]
            }
        }
        DocKind::LeadershipReport if review.and_then(|r| r.leadership_collective.as_ref()).is_none() => {
            missing("báo cáo kiểm điểm tập thể lãnh đạo (leadership_collective)")
        }
        DocKind::LeadershipMinutes | DocKind::Invitation
            if review.and_then(|r| r.leadership_conference.as_ref()).is_none() =>
        {
            missing("hội nghị kiểm điểm tập thể lãnh đạo (leadership_conference)")
        }
        DocKind::BallotMinutes if review.and_then(|r| r.agency_ballot.as_ref()).is_none() => {
            missing("kết quả bỏ phiếu xếp loại cơ quan (agency_ballot)")
        }
        DocKind::ConsultationMinutes | DocKind::AgencyReport | DocKind::PartyReport | DocKind::ResultsNotice
            if review.and_then(|r| r.consultation.as_ref()).is_none() =>
        {
            missing("kết luận của cuộc họp tham vấn (consultation)")
        }
        _ => Vec::new(),
    }
}
