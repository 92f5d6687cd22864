//! The HTXSNV ceilings of the cycles from 2025, where the texts name the denominator (those
//! rated HTTNV) but no rounding: each message shows the exact quotient and the rounding
//! the agency chose (`settings.rounding`, default floor), so a clerk can check it by hand.
//!
//! - QĐ 366-QĐ/TW Art 11 cl.1.5 (the party ratio, which NĐ 90 Art 2 cl.6 made the state
//!   ratio for 2025): "không vượt quá 20% tổng số tập thể, cá nhân được xếp loại 'Hoàn
//!   thành tốt nhiệm vụ' theo đối tượng có vị trí, vai trò, chức năng, nhiệm vụ tương
//!   đồng"; an outstanding body up to 25%.
//! - NĐ 233/2026 Art 12 cl.6: 20% of the viên chức rated HTTNV in the same unit and group;
//!   25% only where the unit itself is recognised HTXSNV. Art 7 cl.7: 20% of the units
//!   rated HTTNV (25% exception); fewer than 5 units, at most 1.

use crate::findings::{Finding, Severity};
use crate::model::{Category, Rating, Rounding, UnitId, UnitKind};
use crate::rules::cycle::Scheme;
use crate::rules::quota::{LevelCounts, issued_own_rules, unit_group_percent, unit_groups};
use crate::rules::rating::person::UNVERIFIED_335;
use crate::rules::{Context, QuotaGroup, Rule};
use crate::text::{exact_vi, quote_list};

/// "20% của 7 là 1,4, làm tròn xuống còn 1" (or "20% của 10 là 2" when exact).
pub fn ceiling_words(n: u32, percent: u32, rounding: Rounding) -> String {
    let ceiling = rounding.share(n, percent);
    match rounding.exact_share(n, percent) {
        (_, None) => format!("{percent}% của {n} là {ceiling}"),
        (exact, Some(how)) => format!("{percent}% của {n} là {}, {how} còn {ceiling}", exact_vi(exact, 2)),
    }
}

/// QUOTA_GROUP from 2025: the agency's quota groups on final ratings, 20% of HTTNV, and
/// a decided exception never above `htxs_exception_percent` of HTTNV.
pub fn quota_group_2025(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    quota_group_capped(ctx, rule, EXCEPTION_LEGAL_2025)
}

pub fn quota_group_2026(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    quota_group_capped(ctx, rule, EXCEPTION_LEGAL_2026)
}

pub const EXCEPTION_LEGAL_2025: &str =
    "Quy định 366-QĐ/TW, Điều 11; Nghị định 90/2020/NĐ-CP, Điều 2 khoản 6 đoạn 2 (bổ sung bởi Nghị định 48/2023/NĐ-CP)";
pub const EXCEPTION_LEGAL_2026: &str = "Nghị định 233/2026/NĐ-CP, Điều 12 khoản 6 điểm b; Nghị định 335/2025/NĐ-CP, Điều 20 khoản 5 điểm b; Quy định 366-QĐ/TW, Điều 11";

fn quota_group_capped(ctx: &Context, rule: &Rule, exception_legal: &'static str) -> Vec<Finding> {
    let settings = &ctx.d.agency.settings;
    let mut out = Vec::new();
    for g in ctx.quotas.groups.iter().filter(|g| g.exceeded()) {
        let counts = format!(
            "Nhóm “{}”: {} xếp loại HTXSNV trên {} xếp loại HTTNV; tối đa {}",
            g.group.name_vi(),
            g.excellent,
            g.good,
            ceiling_words(g.good, g.percent, settings.rounding)
        );
        let top = settings.rounding.share(g.good, settings.htxs_exception_percent);
        let unverified = if has_scored_civil_servants(ctx, &g.group) { UNVERIFIED_335 } else { "" };
        let finding = if g.excepted > 0 && g.within_exceptions() && g.excellent <= top {
            Finding::new(
                "QUOTA_EXCEPTION",
                Severity::Info,
                format!(
                    "{counts}; phần vượt được phép theo {}, trong mức tối đa {}.{unverified}",
                    quote_list(&g.decisions),
                    ceiling_words(g.good, settings.htxs_exception_percent, settings.rounding)
                ),
            )
            .legal(exception_legal)
        } else if g.excepted > 0 && g.excellent > top {
            rule.finding(format!(
                "{counts}; kể cả khi có quyết định tỷ lệ riêng ({}), số HTXSNV không được vượt {}.{unverified} Cuộc họp tham vấn cần kết luận lại mức xếp loại trong nhóm.",
                quote_list(&g.decisions),
                ceiling_words(g.good, settings.htxs_exception_percent, settings.rounding)
            ))
        } else {
            rule.finding(format!(
                "{counts}. Cuộc họp tham vấn cần kết luận lại mức xếp loại trong nhóm (agency_review → consultation)."
            ))
        };
        out.push(finding);
    }
    out
}

/// A 2026 group holding công chức rated under NĐ 335, whose exception clause was not seen.
fn has_scored_civil_servants(ctx: &Context, group: &QuotaGroup) -> bool {
    ctx.d.agency.year >= 2026
        && ctx.facts.people.iter().any(|f| {
            f.group.as_ref() == Some(group) && f.category == Category::CivilServant && f.scheme == Scheme::Score
        })
}

/// NĐ 335/2025 Art 20 cl.5 a and NĐ 233/2026 Art 12 cl.6 a: "trong phạm vi cùng một cơ quan,
/// tổ chức, đơn vị và trong từng nhóm ... có nhiệm vụ tương đồng": in each unit and each
/// quota group of its members, final HTXSNV ≤ 20% of those rated HTTNV. 25%
/// (`htxs_exception_percent`) only for the viên chức of a unit rated HTXSNV that rates by
/// NĐ 233 (Art 12 cl.6 b); a unit still under NĐ 90 keeps 20%.
pub fn quota_unit_group(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let settings = &ctx.d.agency.settings;
    let mut out = Vec::new();
    for (unit, info) in ctx.d.agency.units.iter().enumerate() {
        let unit_excellent = ctx.facts.units[unit].final_rating == Some(Rating::Excellent);
        let own_rules = issued_own_rules(ctx.d, unit);
        for (group, counts, public_employees) in unit_groups(ctx.d, ctx.facts, unit, |f| f.final_rating) {
            let (good, excellent) = (counts.get(Rating::Good), counts.get(Rating::Excellent));
            let (percent, raised) = unit_group_percent(ctx.d, unit, unit_excellent, public_employees);
            if excellent <= settings.rounding.share(good, percent) {
                continue;
            }
            let why_not_more = match (raised, own_rules, public_employees) {
                (true, _, _) => String::new(),
                (false, true, true) => format!(
                    " Mức {}% chỉ áp dụng khi đơn vị được công nhận Hoàn thành xuất sắc nhiệm vụ.",
                    settings.htxs_exception_percent
                ),
                (false, false, true) if info.kind == UnitKind::PublicService => {
                    " Đơn vị chưa ban hành quy chế đánh giá nên đánh giá theo Nghị định 90/2020/NĐ-CP, áp dụng tỷ lệ 20%."
                        .to_string()
                }
                _ => String::new(),
            };
            out.push(ctx.about_unit(
                rule.finding(format!(
                    "{}, nhóm “{}”: {excellent} người xếp loại HTXSNV trên {good} xếp loại HTTNV; tối đa {}.{why_not_more} Cuộc họp tham vấn cần kết luận lại mức xếp loại trong nhóm.",
                    ctx.unit_name(unit),
                    group.name_vi(),
                    ceiling_words(good, percent, settings.rounding)
                )),
                unit,
                None,
            ));
        }
    }
    out
}

/// Fewer public service units than this under one authority: at most one HTXSNV.
const FEW_UNITS: usize = 5;

/// NĐ 233/2026 Art 7 cl.7: the public service units under the agency: HTXSNV ≤ 20% of
/// those rated HTTNV; with fewer than 5 such units, at most 1.
pub fn quota_public_units(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let settings = &ctx.d.agency.settings;
    let units: Vec<UnitId> =
        (0..ctx.d.agency.units.len()).filter(|u| ctx.d.agency.units[*u].kind == UnitKind::PublicService).collect();
    let mut counts = LevelCounts::default();
    for unit in &units {
        if let Some(rating) = ctx.facts.units[*unit].final_rating {
            counts.add(rating);
        }
    }
    let (good, excellent) = (counts.get(Rating::Good), counts.get(Rating::Excellent));
    let (ceiling, how) = if units.len() < FEW_UNITS {
        (1, format!("có {} đơn vị sự nghiệp công lập trực thuộc (dưới 5) nên tối đa 1 đơn vị", units.len()))
    } else {
        (settings.rounding.share(good, 20), format!("tối đa {}", ceiling_words(good, 20, settings.rounding)))
    };
    if excellent <= ceiling {
        return Vec::new();
    }
    vec![rule.finding(format!(
        "{excellent} đơn vị sự nghiệp công lập xếp loại HTXSNV, {good} xếp loại HTTNV; {how}. Cần kết luận lại mức xếp loại của các đơn vị."
    ))]
}
