//! The HTXSNV ceilings.

use crate::findings::{Finding, Severity};
use crate::rules::{Context, Rule};
use crate::text::quote_list;

/// Plan §II.1, note 3: "Tỷ lệ công chức, viên chức, người lao động trong mỗi phòng, ban,
/// đơn vị được tập thể lựa chọn, đề xuất đánh giá hoàn thành xuất sắc nhiệm vụ không vượt
/// quá 20% tổng số công chức, viên chức, người lao động trong mỗi phòng, ban, đơn vị."
pub const QUOTA_UNIT_LEGAL: &str = "Kế hoạch 2023 của Sở Nội vụ, mục II.1, lưu ý thứ ba";

/// Proposed HTXSNV in a unit ≤ the share of its staff being rated (KXL not counted).
pub fn quota_unit(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for q in ctx.quotas.units.iter().filter(|q| q.exceeded()) {
        let name = ctx.unit_name(q.unit);
        let counts = format!("{name} đề xuất HTXSNV {}", q.describe());
        let finding = match &q.exception {
            Some((max, decision)) if q.within_exception() => Finding::new(
                "QUOTA_EXCEPTION",
                Severity::Info,
                format!("{counts}, nhưng được áp dụng tỷ lệ riêng tối đa {max} người theo {decision}."),
            )
            .legal(QUOTA_EXCEPTION_LEGAL),
            _ => rule.finding(format!(
                "{counts}. Hãy giảm số đề xuất HTXSNV, hoặc ghi quyết định tỷ lệ riêng (settings.exceptions) nếu có."
            )),
        };
        out.push(ctx.about_unit(finding, q.unit, None));
    }
    out
}

/// Plan §II.1, note 4: "Tập thể Lãnh đạo xem xét đánh giá tập thể, cá nhân được xếp loại
/// 'Hoàn thành xuất sắc nhiệm vụ' không quá 20% số được xếp loại 'Hoàn thành tốt nhiệm vụ'
/// theo từng nhóm đối tượng có vị trí, vai trò, chức năng, nhiệm vụ tương đồng"; QĐ 124-QĐ/TW
/// Art 12; NĐ 90/2020 Art 2 cl.6 (added by NĐ 48/2023 Art 1 cl.1).
pub const QUOTA_GROUP_LEGAL: &str =
    "Kế hoạch 2023, mục II.1, lưu ý thứ tư; Quy định 124-QĐ/TW, Điều 12; Nghị định 90/2020/NĐ-CP, Điều 2 khoản 6";

/// NĐ 90/2020 Art 2 cl.6 ¶2: "Trường hợp cơ quan, tổ chức, đơn vị có thành tích xuất sắc,
/// nổi trội ... thì cấp có thẩm quyền quyết định tỷ lệ hoàn thành xuất sắc nhiệm vụ phù hợp
/// với thực tế".
pub const QUOTA_EXCEPTION_LEGAL: &str =
    "Nghị định 90/2020/NĐ-CP, Điều 2 khoản 6 đoạn 2 (bổ sung bởi Nghị định 48/2023/NĐ-CP)";

/// Final HTXSNV in each quota group ≤ the share of those finally rated HTTNV; an
/// exception decided for an outstanding unit turns the excess into QUOTA_EXCEPTION.
pub fn quota_group(ctx: &Context, rule: &Rule) -> Vec<Finding> {
    let mut out = Vec::new();
    for g in ctx.quotas.groups.iter().filter(|g| g.exceeded()) {
        let counts = format!(
            "Nhóm “{}”: {} xếp loại HTXSNV trên {} xếp loại HTTNV; tối đa {}% của {} là {}",
            g.group.name_vi(),
            g.excellent,
            g.good,
            g.percent,
            g.good,
            g.ceiling
        );
        let finding = if g.excepted > 0 && g.within_exceptions() {
            Finding::new(
                "QUOTA_EXCEPTION",
                Severity::Info,
                format!("{counts}; phần vượt được phép theo {}.", quote_list(&g.decisions)),
            )
            .legal(QUOTA_EXCEPTION_LEGAL)
        } else {
            rule.finding(format!(
                "{counts}. Cuộc họp tham vấn cần kết luận lại mức xếp loại trong nhóm (agency_review → consultation)."
            ))
        };
        out.push(finding);
    }
    out
}
