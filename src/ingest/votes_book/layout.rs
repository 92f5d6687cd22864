//! Where things are in a unit's votes workbook (`don-vi/<đơn vị>-phieu.xlsx`): the one
//! layout `prepare` writes and ingest reads back, so the two cannot drift apart.

use crate::model::Rating;
use crate::text::fold;

/// The sheet the counts are typed into.
pub const SHEET: &str = "Phiếu";
/// The sheet of instructions: never read.
pub const GUIDE_SHEET: &str = "Hướng dẫn";
/// Zero-based cell holding the unit's name (B2).
pub const UNIT_CELL: (u32, u32) = (1, 1);
/// Zero-based row of the column headings (row 4).
pub const HEADER_ROW: u32 = 3;
/// Zero-based row of the collective (row 5); the members follow, one a row.
pub const FIRST_ROW: u32 = 4;
/// Zero-based columns.
pub const NUMBER_COLUMN: u16 = 0;
pub const NAME_COLUMN: u16 = 1;
/// The votes per level, in [`Rating::LEVELS`] order (C to F).
pub const VOTE_COLUMNS: [u16; 4] = [2, 3, 4, 5];
pub const SELF_RATING_COLUMN: u16 = 6;
pub const PROPOSED_COLUMN: u16 = 7;
/// Category and post, for the clerk's eye only (I).
pub const ABOUT_COLUMN: u16 = 8;

/// The collective's row is named "Tập thể …": no person is.
pub const COLLECTIVE_PREFIX: &str = "Tập thể";

/// The suffix that tells a votes workbook from a roster by its file name.
const NAME_SUFFIX: &str = "-phieu";

/// The workbook beside a meeting file: `van-phong-so.yaml` → `van-phong-so-phieu.xlsx`.
pub fn book_name(meeting_stem: &str) -> String {
    format!("{meeting_stem}{NAME_SUFFIX}.xlsx")
}

/// A votes workbook, known by its name (`…-phieu.xlsx`, `…-Phiếu.xlsx`): it has a name
/// column too, and must never be read as a roster.
pub fn is_book_name(file_name: &str) -> bool {
    let lower = file_name.to_lowercase();
    let Some(stem) = lower.strip_suffix(".xlsx").or_else(|| lower.strip_suffix(".xlsm")) else { return false };
    let folded = fold(stem);
    let words: Vec<&str> = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.len() > 1 && words.last() == Some(&NAME_SUFFIX.trim_start_matches('-'))
}

/// Whether a name cell is the collective's row.
pub fn is_collective(name: &str) -> bool {
    fold(name).starts_with(&fold(COLLECTIVE_PREFIX))
}

/// The headings of row 4, A to I.
pub fn headings() -> [String; 9] {
    let [a, b, c, d] = Rating::LEVELS.map(|r| r.code().to_string());
    [
        "STT".into(),
        "Người được kiểm điểm".into(),
        a,
        b,
        c,
        d,
        "Tự xếp loại".into(),
        "Tập thể đề xuất".into(),
        "Đối tượng, chức vụ".into(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_votes_book_is_known_by_its_name() {
        for name in ["van-phong-so-phieu.xlsx", "Van-Phong-So-PHIEU.xlsx", "ban ton giao - phiếu.xlsx"] {
            assert!(is_book_name(name), "{name}");
        }
        for name in ["danh-sach.xlsx", "phieu.ods", "DS phieu bau.xlsx"] {
            assert!(!is_book_name(name), "{name}");
        }
    }

    #[test]
    fn the_name_heading_is_not_a_roster_name_column() {
        assert_ne!(crate::ingest::roster::classify(&headings()[1]), Some(crate::ingest::roster::Field::Name));
    }
}
