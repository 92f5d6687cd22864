//! Rules about what must exist: each unit's dossier, the agency ballot, final ratings.

use crate::findings::Finding;
use crate::model::{Deadline, DocKind, UnitId};
use crate::rules::dossier::gaps;
use crate::rules::{Context, Rule};

/// The calendar entry by which units send their dossiers: the last one that needs the
/// unit minutes (Plan §III.1: "Thời gian trước ngày 22/11/2023").
pub fn unit_dossier_deadline<'a>(ctx: &'a Context) -> Option<&'a Deadline> {
    ctx.d.agency.calendar.iter().filter(|d| d.needs.contains(&DocKind::UnitMinutes)).max_by_key(|d| d.due)
}

/// Plan §II.4: the dossier sent to the Office holds "(1) Biên bản cuộc họp; (2) Bản kiểm
/// điểm của tập thể; (3) Bản tự kiểm điểm cá nhân (4) Đề xuất mức xếp loại cá nhân, tập thể".
pub const DOSSIER_INCOMPLETE_LEGAL: &str = "Kế hoạch 2023, mục II.4";

/// Once a deadline has passed, every unit has the parts of its dossier that deadline
/// needs: minutes data, the collective report, each self-rating, each proposal. A unit
/// with no meeting file at all gets one finding whatever the date (rules.md, Precise
/// readings), since `check` judges final ratings as if the report were built now; a
/// unit whose meeting file could not be read gets none: that file's finding says why.
pub fn dossier_incomplete(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let passed: Vec<&Deadline> = ctx.d.agency.calendar.iter().filter(|d| ctx.today > d.last_day()).collect();
    let mut out = Vec::new();
    for unit in 0..ctx.d.agency.units.len() {
        if ctx.d.review_of(unit).is_none() {
            if !ctx.d.review_unreadable(unit) {
                out.push(no_meeting_file(ctx, rule, unit, unit_dossier_deadline(ctx).filter(|d| ctx.today > d.due)));
            }
            continue;
        }
        let mut missing: Vec<String> = Vec::new();
        let mut due: Option<&Deadline> = None;
        for deadline in &passed {
            for kind in deadline.needs.iter().filter(|k| k.is_unit_document()) {
                for gap in gaps(ctx.d, *kind, Some(unit)) {
                    if !missing.contains(&gap) {
                        missing.push(gap);
                        due = due.or(Some(deadline));
                    }
                }
            }
        }
        let Some(deadline) = due else { continue };
        out.push(ctx.about_unit(
            rule.finding(format!(
                "Hồ sơ của {} còn thiếu: {}. Hạn {} ({}) đã qua.",
                ctx.unit_name(unit),
                missing.join("; "),
                deadline.due.format("%d/%m/%Y"),
                deadline.what
            )),
            unit,
            None,
        ));
    }
    out
}

/// The one finding for a unit without a meeting file: how many of its people are left
/// without a rating, and the deadline if it has passed.
fn no_meeting_file(ctx: &Context, rule: &Rule, unit: UnitId, passed: Option<&Deadline>) -> Finding {
    let unrated = ctx.d.members(unit).filter(|(id, _)| ctx.facts.people[*id].final_rating.is_none()).count();
    let deadline =
        passed.map(|d| format!(" Hạn {} ({}) đã qua.", d.due.format("%d/%m/%Y"), d.what)).unwrap_or_default();
    if let Some(prepared) = ctx.d.pending_review(unit) {
        return ctx.about_unit(
            rule.finding(format!(
                "{} chưa họp kiểm điểm: tệp họp {} đã được chuẩn bị nhưng chưa nhập kết quả cuộc họp, nên {unrated} người của đơn vị chưa có mức xếp loại.{deadline} Sau cuộc họp, hãy điền các mục còn trống trong tệp này (số phiếu có thể nhập vào bảng phiếu đi kèm).",
                ctx.unit_name(unit),
                prepared.source
            )),
            unit,
            Some(prepared.source.clone()),
        );
    }
    ctx.about_unit(
        rule.finding(format!(
            "{} chưa có tệp kết quả họp kiểm điểm (kind: unit_review), nên {unrated} người của đơn vị chưa có mức xếp loại.{deadline} Hãy đặt tệp họp kiểm điểm của đơn vị vào thư mục dữ liệu (mẫu: `xeploai init`).",
            ctx.unit_name(unit)
        )),
        unit,
        None,
    )
}

/// Arithmetic of the agency ballot (Plan §II.5): valid ≤ returned ≤ issued, and the
/// votes add up to the valid ballots.
pub const BALLOT_LEGAL: &str = "Kế hoạch 2023, mục II.5; kiểm tra số học của phiếu bầu";

pub fn ballot_inconsistent(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let Some(ballot) = ctx.d.agency_review.as_ref().and_then(|a| a.agency_ballot.as_ref()) else { return vec![] };
    let mut problems = Vec::new();
    if ballot.returned > ballot.issued {
        problems.push(format!("số phiếu thu về ({}) nhiều hơn số phát ra ({})", ballot.returned, ballot.issued));
    }
    if ballot.valid > ballot.returned {
        problems.push(format!("số phiếu hợp lệ ({}) nhiều hơn số thu về ({})", ballot.valid, ballot.returned));
    }
    if ballot.votes.has_negative() {
        problems.push("có số phiếu âm".to_string());
    } else if ballot.votes.total() != i64::from(ballot.valid) {
        problems.push(format!(
            "tổng số phiếu các mức ({}) khác số phiếu hợp lệ ({})",
            ballot.votes.total(),
            ballot.valid
        ));
    }
    if problems.is_empty() {
        return vec![];
    }
    vec![
        rule.finding(format!("Kết quả kiểm phiếu xếp loại cơ quan chưa khớp: {}.", problems.join("; ")))
            .at(ballot.source.clone()),
    ]
}

/// Plan §II.4 and §II.5: each person and unit gets a proposal from its meeting, and the
/// Director concludes; the report to UBND tỉnh lists every final rating.
pub const NO_FINAL_RATING_LEGAL: &str = "Kế hoạch 2023, mục II.4 và II.5";

/// Everybody and every unit has a final rating (a proposal or a consultation conclusion),
/// checked as if the agency report were built now.
pub fn no_final_rating(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    // A unit without a readable meeting file has one finding of its own (DOSSIER_INCOMPLETE
    // or the file's input finding): its people and collective are not listed again.
    let without_review = |unit: UnitId| ctx.d.review_of(unit).is_none();
    let mut out = Vec::new();
    for (id, p) in ctx.d.people.iter().enumerate() {
        if p.membership.unit().is_some_and(without_review) {
            continue;
        }
        if ctx.facts.people[id].final_rating.is_none() {
            out.push(ctx.about_person(
                rule.finding(format!(
                    "{} chưa có mức xếp loại: chưa có mức đề xuất của đơn vị (proposed) hay kết luận của cuộc họp tham vấn.",
                    p.name
                )),
                id,
            ));
        }
    }
    for (unit, uf) in ctx.facts.units.iter().enumerate() {
        if uf.final_rating.is_none() && !without_review(unit) {
            out.push(ctx.about_unit(
                rule.finding(format!(
                    "Tập thể {} chưa có mức xếp loại: chưa có mức đề xuất (collective) hay kết luận của cuộc họp tham vấn.",
                    ctx.unit_name(unit)
                )),
                unit,
                None,
            ));
        }
    }
    out
}
