//! The 2026 cycle's legal sources, one per rule, as `check --format json` reports them.
//! NĐ 335/2025 was seen only in part: a source citing it says which article was seen.

pub const MEMBER_NOT_REVIEWED: &str =
    "Kế hoạch của cơ quan; Nghị định 233/2026/NĐ-CP, Điều 15 khoản 2, 3; Luật Cán bộ, công chức 80/2025/QH15, Điều 25";
pub const REVIEW_ORDER: &str = "Quy định 366-QĐ/TW, Điều 7 khoản 3; Hướng dẫn 43-HD/BTCTW, mục 2";
pub const HEAD_CHAIR: &str = "Kế hoạch của cơ quan; Quy định 366-QĐ/TW, Điều 7 khoản 3";
pub const ABSENT_REASON: &str = "Nghị định 233/2026/NĐ-CP, Điều 15 khoản 2, 3 (ý kiến được ghi vào biên bản)";
pub const LATE_MEETING: &str = "Kế hoạch của cơ quan; Nghị định 233/2026/NĐ-CP, Điều 15 khoản 1; Nghị định 335/2025/NĐ-CP, Điều 21 (trước ngày 15/12)";
pub const DOSSIER_INCOMPLETE: &str =
    "Kế hoạch của cơ quan; Nghị định 233/2026/NĐ-CP, Điều 17; Hướng dẫn 43-HD/BTCTW, mục 2";
pub const BALLOT: &str = "Kế hoạch của cơ quan; kiểm tra số học của phiếu bầu";
pub const NO_FINAL_RATING: &str = "Kế hoạch của cơ quan; Nghị định 233/2026/NĐ-CP, Điều 15";
