//! Rules tying a unit's head and members to the unit's collective rating.

use crate::findings::Finding;
use crate::model::Rating;
use crate::rules::cycle::Scheme;
use crate::rules::{Context, PostRank, Rule};

/// Luật Viên chức Art 41 cl.2 b: "Mức xếp loại chất lượng của cá nhân không cao hơn mức
/// xếp loại chất lượng của cơ quan, tổ chức, đơn vị trực tiếp phụ trách"; NĐ 90/2020 Art 2
/// cl.2: a leader's rating "phải gắn với kết quả thực hiện nhiệm vụ của cơ quan, tổ chức,
/// đơn vị được giao quản lý, phụ trách".
pub const HEAD_ABOVE_LEGAL: &str = "Luật Viên chức, Điều 41 khoản 2 điểm b; Nghị định 90/2020/NĐ-CP, Điều 2 khoản 2";

/// A unit's head is not rated above the unit.
pub fn head_above_unit(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for (unit, uf) in ctx.facts.units.iter().enumerate() {
        let (Some(head), Some(unit_rating)) = (uf.head, uf.final_rating) else { continue };
        let Some(head_rating) = ctx.facts.people[head].final_rating else { continue };
        if head_rating.is_above(unit_rating) {
            out.push(ctx.about_person(
                rule.finding(format!(
                    "Người đứng đầu {} ({}) được xếp loại {}, cao hơn mức của tập thể ({}); mức của người đứng đầu không được cao hơn mức của đơn vị.",
                    ctx.unit_name(unit),
                    ctx.d.people[head].name,
                    head_rating.code(),
                    unit_rating.code()
                )),
                head,
            ));
        }
    }
    out
}

/// QĐ 124-QĐ/TW Art 12: a collective is rated KHTNV when "tập thể lãnh đạo, quản lý bị xử
/// lý kỷ luật"; the HTXSNV criteria exclude a collective with a disciplined member.
pub const COLLECTIVE_DISCIPLINE_LEGAL: &str = "Quy định 124-QĐ/TW, Điều 12";

/// A unit whose head or a deputy was disciplined is KHTNV; one with any disciplined
/// member cannot be HTXSNV.
pub fn collective_discipline(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for (unit, uf) in ctx.facts.units.iter().enumerate() {
        let Some(rating) = uf.final_rating else { continue };
        let disciplined: Vec<usize> =
            ctx.d.members(unit).map(|(id, _)| id).filter(|id| ctx.facts.people[*id].disciplined).collect();
        let leader = disciplined.iter().find(|id| ctx.facts.people[**id].rank != PostRank::Member);
        let message = match (leader, disciplined.first()) {
            (Some(id), _) if rating != Rating::NotCompleted => format!(
                "{} có lãnh đạo bị kỷ luật trong năm ({}) nên tập thể phải xếp loại KHTNV, nhưng đang là {}.",
                ctx.unit_name(unit),
                ctx.d.people[*id].name,
                rating.code()
            ),
            (_, Some(id)) if rating == Rating::Excellent => format!(
                "{} có thành viên bị kỷ luật trong năm ({}) nên tập thể không được xếp loại HTXSNV.",
                ctx.unit_name(unit),
                ctx.d.people[*id].name
            ),
            _ => continue,
        };
        out.push(ctx.about_unit(rule.finding(message), unit, None));
    }
    out
}

/// NĐ 233/2026 Art 20 cl.1: a public service unit that has not issued its own rating rules
/// (Quy chế đánh giá, Art 18) rates its viên chức under NĐ 90/2020 as amended by NĐ 48/2023
/// in 2026: said once per unit, so the clerk knows which forms and ceilings apply.
pub fn rules_fallback(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for (unit, info) in ctx.d.agency.units.iter().enumerate() {
        let fallback = ctx.d.members(unit).filter(|(id, _)| ctx.facts.people[*id].scheme == Scheme::CriteriaFallback);
        let count = fallback.count();
        if count == 0 {
            continue;
        }
        out.push(ctx.about_unit(
            rule.finding(format!(
                "{} chưa có trong danh sách đơn vị đã ban hành quy chế đánh giá (settings.units_rules_issued) nên {count} viên chức của đơn vị được đánh giá, xếp loại theo Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP), không chấm điểm. Nếu đơn vị đã ban hành quy chế, hãy thêm tên đơn vị vào danh sách đó.",
                info.name
            )),
            unit,
            None,
        ));
    }
    out
}
