//! Finding a unit by how a clerk wrote it: its name or an alias, in any case, with or
//! without the section numbering rosters put in front ("II. VĂN PHÒNG SỞ").

use std::collections::HashMap;
use std::path::Path;

use crate::findings::{Finding, input};
use crate::ingest::yaml::top_level_value;
use crate::model::{Agency, LEADERSHIP_NAME, Membership, UnitId};
use crate::source::Source;
use crate::text::{clean, closest, fold, join_or, unit_key};

/// Names that mean the agency's leadership in a roster section or a consultation entry.
const LEADERSHIP_NAMES: [&str; 5] =
    [LEADERSHIP_NAME, "Lãnh đạo cơ quan", "Ban Giám đốc", "Ban Giám đốc Sở", "Lãnh đạo"];

pub struct UnitIndex {
    keys: HashMap<String, Membership>,
    /// Every name and alias, for suggestions.
    labels: Vec<String>,
}

impl UnitIndex {
    pub fn new(agency: &Agency) -> Self {
        let mut keys = HashMap::new();
        let mut labels = Vec::new();
        for (id, unit) in agency.units.iter().enumerate() {
            for label in std::iter::once(&unit.name).chain(&unit.aliases) {
                keys.entry(unit_key(label)).or_insert(Membership::Unit(id));
                labels.push(label.clone());
            }
        }
        for label in LEADERSHIP_NAMES {
            keys.entry(unit_key(label)).or_insert(Membership::Leadership);
        }
        UnitIndex { keys, labels }
    }

    /// The unit or leadership a label names, numbering prefixes ignored.
    pub fn resolve(&self, label: &str) -> Option<Membership> {
        self.keys.get(&unit_key(label)).or_else(|| self.keys.get(&unit_key(strip_numbering(label)))).copied()
    }

    /// A unit proper (not the leadership).
    pub fn resolve_unit(&self, label: &str) -> Option<UnitId> {
        self.resolve(label).and_then(Membership::unit)
    }

    /// The unit a label most likely means: the one it names, else the closest name.
    pub fn guess(&self, label: &str) -> Option<UnitId> {
        self.resolve_unit(label).or_else(|| self.suggestions(label).first().and_then(|s| self.resolve_unit(s)))
    }

    /// The unit a meeting file is about when it cannot be read as one: its `unit:` line,
    /// else a file name that spells a unit's name or alias ("van-phong-so.yaml").
    pub fn of_meeting_file(&self, rel: &Path, text: Option<&str>) -> Option<UnitId> {
        if let Some(unit) = text.and_then(|t| top_level_value(t, "unit")).and_then(|label| self.guess(label)) {
            return Some(unit);
        }
        let stem = fold(&rel.file_stem()?.to_string_lossy());
        self.labels.iter().find(|label| fold(label) == stem).and_then(|label| self.resolve_unit(label))
    }

    pub fn suggestions(&self, label: &str) -> Vec<&str> {
        closest(strip_numbering(label), self.labels.iter().map(String::as_str))
    }

    /// UNKNOWN_UNIT for a label that names no unit, with the closest names.
    pub fn unknown(&self, label: &str, source: Source) -> Finding {
        let suggestions = self.suggestions(label);
        let hint = if suggestions.is_empty() {
            "Hãy thêm đơn vị vào mục units của agency.yaml, hoặc khai báo tên này trong aliases.".to_string()
        } else {
            format!(
                "Có phải là {}? Nếu đúng, hãy sửa lại hoặc khai báo tên này trong aliases của agency.yaml.",
                join_or(&suggestions)
            )
        };
        Finding::error(input::UNKNOWN_UNIT, format!("Không có đơn vị “{}” trong agency.yaml. {hint}", clean(label)))
            .at(source)
    }
}

/// "II. Văn phòng Sở" → "Văn phòng Sở"; "2- Phòng X" → "Phòng X"; "a) Ban Y" → "Ban Y".
pub fn strip_numbering(label: &str) -> &str {
    let trimmed = label.trim();
    let Some((head, rest)) = trimmed.split_once(['.', ')', '-', ':', '/']) else {
        return trimmed;
    };
    let head = head.trim();
    let is_number = !head.is_empty()
        && head.len() <= 5
        && (head.chars().all(|c| c.is_ascii_digit())
            || head.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'i' | 'v' | 'x' | 'l'))
            || (head.chars().count() == 1 && head.chars().all(|c| c.is_ascii_lowercase())));
    if is_number { rest.trim() } else { trimmed }
}

/// Does the text look like a section heading of a roster (numbered with a Roman numeral,
/// or written in capitals), so that an unknown one is worth an UNKNOWN_UNIT finding?
pub fn looks_like_section(label: &str) -> bool {
    let stripped = strip_numbering(label);
    let letters: Vec<char> = stripped.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 3 && letters.iter().all(|c| c.is_uppercase());
    let roman = stripped != label.trim() && label.trim().chars().next().is_some_and(|c| matches!(c, 'I' | 'V' | 'X'));
    all_caps || roman
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_is_stripped() {
        assert_eq!(strip_numbering("II. VĂN PHÒNG SỞ"), "VĂN PHÒNG SỞ");
        assert_eq!(strip_numbering("2. Phòng Tổ chức - Biên chế"), "Phòng Tổ chức - Biên chế");
        assert_eq!(strip_numbering("a) Ban Tôn giáo"), "Ban Tôn giáo");
        assert_eq!(strip_numbering("Phòng Tổ chức - Biên chế"), "Phòng Tổ chức - Biên chế");
    }

    #[test]
    fn sections_are_recognised() {
        assert!(looks_like_section("III. THANH TRA SỞ"));
        assert!(looks_like_section("PHÒNG MỚI"));
        assert!(!looks_like_section("Nguyễn Văn An"));
    }
}
