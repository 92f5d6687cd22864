//! Rules about one person's rating: discipline, time worked, leave, maternity.

use crate::findings::{Finding, Severity};
use crate::model::Category;
use crate::model::Rating;
use crate::rules::cycle::{Scheme, duty_matters};
use crate::rules::derive::PersonFacts;
use crate::rules::{Context, Rule};
use crate::text::decimal_vi;

/// The rating a person rule judges, and how: the final rating when it breaks the rule
/// (the rule's own severity); else the unit's proposal when only it broke the rule and
/// the consultation concluded otherwise (a warning: rules.md, Precise readings, "A
/// proposal the conclusion corrected").
fn judged(rule: &Rule, facts: &PersonFacts, breaks: impl Fn(Rating) -> bool) -> Option<(Rating, Severity)> {
    match (facts.final_rating, facts.proposed) {
        (Some(rating), _) if breaks(rating) => Some((rating, rule.severity)),
        (Some(_), Some(proposed)) if breaks(proposed) => Some((proposed, Severity::Warning)),
        _ => None,
    }
}

/// What the clerk reads: the rule's text about `rating`, and for a corrected proposal,
/// that the conclusion already settled it.
fn judged_finding(rule: &Rule, facts: &PersonFacts, severity: Severity, message: String) -> Finding {
    if severity == rule.severity {
        return rule.finding(message);
    }
    let concluded = facts.final_rating.map(Rating::code).unwrap_or_default();
    rule.finding(format!(
        "{message} Đây là mức đơn vị đề xuất; cuộc họp tham vấn đã kết luận {concluded} đúng quy định, nên không cần sửa. Danh sách đề xuất vẫn ghi mức đã biểu quyết, kèm kết luận bên cạnh."
    ))
    .with_severity(severity)
}

/// Plan §II.1 note 5; NĐ 90/2020 Art 2 cl.5 a (added by NĐ 48/2023 Art 1 cl.1): "bị xử lý
/// kỷ luật đảng hoặc kỷ luật hành chính trong năm đánh giá thì xếp loại chất lượng ở mức
/// không hoàn thành nhiệm vụ, trừ trường hợp quy định tại điểm b khoản này"; cl.5 c: one
/// act sanctioned by both counts once.
pub const DISCIPLINE_LEGAL: &str = "Kế hoạch 2023, mục II.1, lưu ý thứ năm; Nghị định 90/2020/NĐ-CP, Điều 2 khoản 5 (bổ sung bởi Nghị định 48/2023/NĐ-CP)";

/// A person disciplined this year (party or administrative, not exempt; from 2025, for an
/// act related to public duty where that matters) is rated KHTNV.
pub fn discipline(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for (id, p) in ctx.d.people.iter().enumerate() {
        let f = &ctx.facts.people[id];
        if !f.disciplined {
            continue;
        }
        let Some((rating, severity)) = judged(rule, f, |r| r != Rating::NotCompleted) else { continue };
        let sanction = p.discipline.as_ref().map(|d| d.sanction.as_str()).unwrap_or_default();
        let way_out = if duty_matters(ctx.d.agency.year, f) {
            "Nếu hành vi bị kỷ luật không liên quan đến hoạt động công vụ, hãy ghi “không” ở cột “Kỷ luật liên quan công vụ”."
        } else {
            "Nếu thuộc trường hợp không tính kỷ luật (điểm b, c khoản 5 Điều 2 NĐ 90), hãy đánh dấu cột “Không tính kỷ luật”."
        };
        out.push(ctx.about_person(
            judged_finding(rule, f, severity, format!(
                "{} bị kỷ luật trong năm ({sanction}) nhưng được xếp loại {}; người bị kỷ luật đảng hoặc hành chính trong năm phải xếp loại KHTNV. {way_out}",
                p.name,
                rating.code()
            )),
            id,
        ));
    }
    out
}

/// NĐ 90/2020 Art 2 cl.3 ¶1: under 6 months worked in the year, "không thực hiện việc đánh
/// giá, xếp loại chất lượng nhưng vẫn phải kiểm điểm thời gian công tác trong năm, trừ
/// trường hợp nghỉ chế độ thai sản".
pub const UNDER_SIX_LEGAL: &str = "Nghị định 90/2020/NĐ-CP, Điều 2 khoản 3 đoạn 1";

/// Worked under 6 months: not rated (KXL). Under NĐ 90 (2023, 2025, and 2026 for those
/// still rated by its criteria) maternity leave is the exception; under NĐ 233 (2026
/// viên chức, and công chức where `under_six_months_cong_chuc` says so) sick leave too,
/// both rated on the time worked (Art 14 cl.2).
pub fn under_six_months(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for (id, p) in ctx.d.people.iter().enumerate() {
        let f = &ctx.facts.people[id];
        let Some(reading) = six_month_reading(ctx, f) else { continue };
        let on_leave = p.work_time().leave_months.is_some_and(|m| m > 0.0);
        if p.maternity || f.months_worked >= 6.0 || (reading != SixMonths::Decree90 && on_leave) {
            continue;
        }
        let Some((rating, severity)) = judged(rule, f, |r| r != Rating::NotRated) else { continue };
        let unverified = if reading == SixMonths::Decree233ForCivilServants { UNVERIFIED_335 } else { "" };
        out.push(ctx.about_person(
            judged_finding(rule, f, severity, format!(
                "{} công tác {} tháng trong năm (dưới 6 tháng) nên chỉ kiểm điểm, không xếp loại (KXL), nhưng đang được xếp loại {}.{unverified}",
                p.name,
                decimal_vi(f.months_worked, if f.months_worked.fract() == 0.0 { 0 } else { 1 }),
                rating.code()
            )),
            id,
        ));
    }
    out
}

/// What a finding that rests on NĐ 335/2025 beyond the articles seen says of itself.
pub const UNVERIFIED_335: &str =
    " (Áp dụng cho công chức theo nội dung chưa được đối chiếu với văn bản gốc của Nghị định 335/2025/NĐ-CP.)";

/// Which text decides the under-six-months case for a person.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SixMonths {
    /// NĐ 90/2020 Art 2 cl.3: only maternity leave is excepted.
    Decree90,
    /// NĐ 233/2026 Art 14 cl.1–2: sick and maternity leave excepted.
    Decree233,
    /// The same reading for công chức in 2026, a setting (NĐ 335's clause was not seen).
    Decree233ForCivilServants,
}

fn six_month_reading(ctx: &Context, f: &PersonFacts) -> Option<SixMonths> {
    match (f.scheme, f.category) {
        (Scheme::Score, Category::CivilServant) => {
            ctx.d.agency.settings.under_six_months_cong_chuc.then_some(SixMonths::Decree233ForCivilServants)
        }
        (Scheme::Score, _) => Some(SixMonths::Decree233),
        _ => Some(SixMonths::Decree90),
    }
}

/// NĐ 90/2020 Art 2 cl.3 ¶2: leave of 3 to under 6 months "vẫn thực hiện đánh giá nhưng
/// không xếp loại chất lượng ở mức hoàn thành tốt nhiệm vụ trở lên".
pub const LEAVE_CAP_LEGAL: &str = "Nghị định 90/2020/NĐ-CP, Điều 2 khoản 3 đoạn 2";

/// Legal leave (not maternity) of 3 to under 6 months caps the rating at HTNV.
/// NĐ 233 dropped the cap: people rated by score (2026) are not held to it.
pub fn leave_cap(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for (id, p) in ctx.d.people.iter().enumerate() {
        let Some(leave) = p.work_time().leave_months.filter(|m| !p.maternity && (3.0..6.0).contains(m)) else {
            continue;
        };
        let f = &ctx.facts.people[id];
        if f.scheme == Scheme::Score {
            continue;
        }
        let Some((rating, severity)) = judged(rule, f, |r| r.is_above(Rating::Completed)) else { continue };
        out.push(ctx.about_person(
            judged_finding(rule, f, severity, format!(
                "{} nghỉ {} tháng trong năm (từ 3 đến dưới 6 tháng, khoảng {} ngày) nên chỉ được xếp loại tối đa HTNV, nhưng đang được xếp loại {}.",
                p.name,
                decimal_vi(leave, 1),
                (leave * 30.0).round(),
                rating.code()
            )),
            id,
        ));
    }
    out
}

/// NĐ 90/2020 Art 2 cl.3 ¶3: on maternity leave, "kết quả xếp loại chất lượng trong năm là
/// kết quả xếp loại chất lượng của thời gian làm việc thực tế của năm đó".
pub const MATERNITY_LEGAL: &str = "Nghị định 90/2020/NĐ-CP, Điều 2 khoản 3 đoạn 3";

/// A note for each person on maternity leave: rated on the time actually worked.
pub fn maternity(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    ctx.d
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.maternity)
        .map(|(id, p)| {
            ctx.about_person(
                rule.finding(format!(
                    "{} nghỉ thai sản: xếp loại theo thời gian làm việc thực tế ({} tháng); không áp dụng quy định dưới 6 tháng và nghỉ từ 3 tháng.",
                    p.name,
                    decimal_vi(ctx.facts.people[id].months_worked, 0)
                )),
                id,
            )
        })
        .collect()
}

/// NĐ 233/2026 Art 14 cl.2: a viên chức (and, as a setting, a công chức) under 6 months
/// worked on sick leave is rated on the time actually worked, not left unrated.
pub fn leave_worked_time(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for (id, p) in ctx.d.people.iter().enumerate() {
        let f = &ctx.facts.people[id];
        let Some(reading) = six_month_reading(ctx, f) else { continue };
        let Some(leave) = p.work_time().leave_months.filter(|m| *m > 0.0) else { continue };
        if reading == SixMonths::Decree90 || p.maternity || f.months_worked >= 6.0 {
            continue;
        }
        let unverified = if reading == SixMonths::Decree233ForCivilServants { UNVERIFIED_335 } else { "" };
        out.push(ctx.about_person(
            rule.finding(format!(
                "{} công tác {} tháng trong năm và nghỉ ốm, nghỉ theo chế độ {} tháng: xếp loại theo kết quả của thời gian làm việc thực tế, không để KXL.{unverified}",
                p.name,
                decimal_vi(f.months_worked, if f.months_worked.fract() == 0.0 { 0 } else { 1 }),
                decimal_vi(leave, if leave.fract() == 0.0 { 0 } else { 1 })
            )),
            id,
        ));
    }
    out
}

/// From 2025 some grounds make a person KHTNV whatever their score (NĐ 335 Art 20 cl.4 b, d;
/// NĐ 233 Art 12 cl.4 b, d; QĐ 366 Art 11 cl.4): the meeting writes them as `khtnv_grounds`.
pub fn khtnv_grounds(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for review in ctx.d.unit_reviews.iter().flat_map(|unit| &unit.reviews) {
        let (Some(id), Some(grounds)) = (review.person.person(), &review.khtnv_grounds) else { continue };
        let f = &ctx.facts.people[id];
        let Some((rating, severity)) = judged(rule, f, |r| r != Rating::NotCompleted && r != Rating::NotRated) else {
            continue;
        };
        out.push(ctx.about_person(
            judged_finding(rule, f, severity, format!(
                "{} thuộc trường hợp không hoàn thành nhiệm vụ ({grounds}) nên phải xếp loại KHTNV dù điểm cao hơn, nhưng đang được xếp loại {}.",
                ctx.d.people[id].name,
                rating.code()
            )),
            id,
        ));
    }
    out
}
