//! From 2025 a discipline counts only for an act related to public duty (Luật Cán bộ,
//! công chức 80/2025 Art 38 cl.4 for cán bộ and công chức; NĐ 233/2026 Art 14 cl.3 a for
//! viên chức rated under it). The weight of each discipline is in
//! [`crate::rules::cycle::discipline_weight`]; these rules tell the clerk about it.

use crate::findings::Finding;
use crate::rules::cycle::DisciplineWeight;
use crate::rules::{Context, Rule};

/// The people whose discipline has this weight, with the sanction as written.
fn weighing<'a>(ctx: &'a Context, weight: DisciplineWeight) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    ctx.d.people.iter().enumerate().filter_map(move |(id, p)| {
        let sanction = p.discipline.as_ref()?.sanction.as_str();
        (ctx.facts.people[id].discipline == Some(weight)).then_some((id, sanction))
    })
}

/// A discipline whose weight depends on whether the act was related to public duty, and
/// nobody said: the rating cannot be checked until the roster or meeting file says.
pub fn discipline_duty(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    weighing(ctx, DisciplineWeight::DutyUnknown)
        .map(|(id, sanction)| {
            ctx.about_person(
                rule.finding(format!(
                    "{} bị kỷ luật trong năm ({sanction}) nhưng chưa ghi hành vi có liên quan đến hoạt động công vụ hay không. Từ năm 2025, kỷ luật về hành vi không liên quan đến hoạt động công vụ không là căn cứ xếp loại; hãy ghi “có” hoặc “không” ở cột “Kỷ luật liên quan công vụ” của danh sách (hoặc discipline_duty_related trong tệp họp).",
                    ctx.d.people[id].name
                )),
                id,
            )
        })
        .collect()
}

/// A discipline for an act unrelated to public duty: noted, and not a ground for KHTNV.
pub fn discipline_unrelated(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    weighing(ctx, DisciplineWeight::UnrelatedToDuty)
        .map(|(id, sanction)| {
            ctx.about_person(
                rule.finding(format!(
                    "{} bị kỷ luật trong năm ({sanction}) về hành vi không liên quan đến hoạt động công vụ: không tính là căn cứ để xếp loại chất lượng trong năm đánh giá.",
                    ctx.d.people[id].name
                )),
                id,
            )
        })
        .collect()
}
