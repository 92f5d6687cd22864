//! The 2025 cycle's legal sources, one per rule, as `check --format json` reports them.

pub const MEMBER_NOT_REVIEWED: &str =
    "Kế hoạch của cơ quan; Nghị định 90/2020/NĐ-CP, Điều 2 khoản 3; Quy định 366-QĐ/TW, Điều 5 khoản 2";
pub const REVIEW_ORDER: &str = "Quy định 366-QĐ/TW, Điều 7 khoản 3; Hướng dẫn 43-HD/BTCTW, mục 2";
pub const HEAD_CHAIR: &str = "Kế hoạch của cơ quan; Quy định 366-QĐ/TW, Điều 7 khoản 3";
pub const ABSENT_REASON: &str = "Nghị định 90/2020/NĐ-CP, Điều 20 khoản 3";
pub const LATE_MEETING: &str = "Kế hoạch của cơ quan; Nghị định 90/2020/NĐ-CP, Điều 20 khoản 2";
pub const DOSSIER_INCOMPLETE: &str = "Kế hoạch của cơ quan; Hướng dẫn 43-HD/BTCTW, mục 2";
pub const BALLOT: &str = "Kế hoạch của cơ quan; kiểm tra số học của phiếu bầu";
pub const NO_FINAL_RATING: &str = "Kế hoạch của cơ quan; Quy định 366-QĐ/TW, Điều 12 khoản 1";
