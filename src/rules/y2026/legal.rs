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
pub const QUOTA_GROUP: &str = "Nghị định 335/2025/NĐ-CP, Điều 20 khoản 5 điểm a; Nghị định 233/2026/NĐ-CP, Điều 12 khoản 6; Quy định 366-QĐ/TW, Điều 11";
pub const QUOTA_UNIT_GROUP: &str =
    "Nghị định 335/2025/NĐ-CP, Điều 20 khoản 5 điểm a; Nghị định 233/2026/NĐ-CP, Điều 12 khoản 6";
pub const QUOTA_PUBLIC_UNITS: &str = "Nghị định 233/2026/NĐ-CP, Điều 7 khoản 7, 8";
pub const DISCIPLINE: &str = "Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm c; Nghị định 233/2026/NĐ-CP, Điều 12 khoản 4 điểm c và Điều 14 khoản 3; Luật Cán bộ, công chức 80/2025/QH15, Điều 38 khoản 4";
pub const DISCIPLINE_DUTY: &str =
    "Luật Cán bộ, công chức 80/2025/QH15, Điều 38 khoản 4; Nghị định 233/2026/NĐ-CP, Điều 14 khoản 3 điểm a";
pub const UNDER_SIX_MONTHS: &str = "Nghị định 233/2026/NĐ-CP, Điều 14 khoản 1; Nghị định 90/2020/NĐ-CP, Điều 2 khoản 3 (viên chức của đơn vị chưa ban hành quy chế đánh giá, người lao động)";
pub const LEAVE_WORKED_TIME: &str = "Nghị định 233/2026/NĐ-CP, Điều 14 khoản 2";
pub const LEAVE_CAP: &str = "Nghị định 90/2020/NĐ-CP, Điều 2 khoản 3 đoạn 2 (chỉ người còn đánh giá theo Nghị định 90; Nghị định 233/2026/NĐ-CP không còn quy định này)";
pub const MATERNITY: &str = "Nghị định 233/2026/NĐ-CP, Điều 14 khoản 2; Nghị định 90/2020/NĐ-CP, Điều 2 khoản 3 đoạn 3";
pub const HEAD_ABOVE_UNIT: &str = "Nghị định 233/2026/NĐ-CP, Điều 12 khoản 7; Quy định 366-QĐ/TW, Điều 3 khoản 2";
pub const COLLECTIVE_DISCIPLINE: &str = "Quy định 366-QĐ/TW, Điều 11 khoản 4; Nghị định 233/2026/NĐ-CP, Điều 7 khoản 4";
pub const RULES_FALLBACK: &str = "Nghị định 233/2026/NĐ-CP, Điều 18 khoản 3 điểm a và Điều 20 khoản 1";
pub const SCORE_MISSING: &str = "Nghị định 335/2025/NĐ-CP, Điều 12 (thang 100 điểm); Nghị định 233/2026/NĐ-CP, Điều 10, 11 và Điều 12 khoản 5; Quy định 366-QĐ/TW, Điều 10";
pub const SCORE_RANGE: &str = "Nghị định 233/2026/NĐ-CP, Điều 10, 11 (tiêu chí chung tối đa 30 điểm, kết quả thực hiện nhiệm vụ tối đa 70 điểm); Nghị định 335/2025/NĐ-CP, Điều 12; Quy định 366-QĐ/TW, Điều 10";
pub const SCORE_PERIODS: &str = "Nghị định 233/2026/NĐ-CP, Điều 12 khoản 5; Nghị định 335/2025/NĐ-CP, Điều 21 (điểm năm tính từ điểm hằng tháng hoặc hằng quý)";
pub const SCORE_LEVEL: &str = "Nghị định 335/2025/NĐ-CP, Điều 20 khoản 1–4; Nghị định 233/2026/NĐ-CP, Điều 12 khoản 1–4; Quy định 366-QĐ/TW, Điều 11";
pub const PARTY_CONDITIONS: &str = "Quy định 366-QĐ/TW, Điều 11 khoản 1";
pub const KHTNV_GROUNDS: &str = "Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm b, d; Nghị định 233/2026/NĐ-CP, Điều 12 khoản 4 điểm b, d; Quy định 366-QĐ/TW, Điều 11 khoản 4";
