//! Finding the header of a hand-made roster: somewhere in the first 20 rows, maybe over
//! two rows with merged cells, with synonyms matched ignoring case, diacritics,
//! punctuation and spacing (inputs.md, "Staff roster").

use crate::text::fold;

/// The rows searched for a header.
pub const HEADER_SEARCH_ROWS: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Index,
    Name,
    Birth {
        year_only: bool,
    },
    BirthMale {
        year_only: bool,
    },
    BirthFemale {
        year_only: bool,
    },
    Gender,
    Position,
    Unit,
    Category,
    Party,
    Discipline,
    DisciplineKind,
    DisciplineExempt,
    /// "Kỷ luật liên quan công vụ": yes or no (cycles from 2025, Luật 80/2025 Art 38 cl.4).
    DisciplineDutyRelated,
    /// "Quyết định kỷ luật (số, ngày)".
    DisciplineDecision,
    /// "Căn cứ không tính kỷ luật": the legal basis of the exception.
    DisciplineBasis,
    Months,
    Maternity,
    Leave {
        in_days: bool,
    },
    Group,
    Note,
    /// The fields of the party self-review forms (HD 25: 02A/02B).
    PartyPost,
    MassPost,
    PartyCell,
    /// "Điểm tiêu chí chung" (cycles from 2025): the general criteria, out of 30.
    ScoreGeneral,
    /// "Điểm kết quả thực hiện nhiệm vụ": the task results, out of 70.
    ScoreTasks,
    /// "Tổng điểm": the year's score out of 100, when the parts are not given.
    ScoreTotal,
    /// "Tháng 1".."Tháng 12": one month's score out of 100.
    ScoreMonth(u8),
    /// "Quý I".."Quý IV": one quarter's score out of 100.
    ScoreQuarter(u8),
}

impl Field {
    /// A score column (inputs.md, "Cycles after 2023: scores").
    pub fn is_score(self) -> bool {
        matches!(
            self,
            Field::ScoreGeneral | Field::ScoreTasks | Field::ScoreTotal | Field::ScoreMonth(_) | Field::ScoreQuarter(_)
        )
    }

    /// A column a score sheet may have too: it names or places the person, or only comments.
    fn is_shared_with_score_sheets(self) -> bool {
        self.is_score() || matches!(self, Field::Index | Field::Name | Field::Unit | Field::Group | Field::Note)
    }

    /// Two columns read the same thing: the field, whatever its details ("Năm sinh" and
    /// "Ngày sinh"), except periods, where each month and quarter is a column of its own.
    fn repeats(self, other: Field) -> bool {
        match (self, other) {
            (Field::ScoreMonth(a), Field::ScoreMonth(b)) | (Field::ScoreQuarter(a), Field::ScoreQuarter(b)) => a == b,
            _ => std::mem::discriminant(&self) == std::mem::discriminant(&other),
        }
    }
}

/// What a header cell's text means, most specific patterns first ("Loại kỷ luật" is
/// the kind of discipline, not the category; "Nghỉ thai sản" is not other leave).
pub fn classify(text: &str) -> Option<Field> {
    let t = fold(text);
    let has = |p: &str| t.contains(p);
    let is = |p: &str| t == p;
    let field = if t.is_empty() {
        return None;
    } else if is("stt") || is("tt") || has("so thu tu") {
        Field::Index
    } else if let Some(score) = score_field(&t) {
        score
    } else if has("ki luat") && has("can cu") {
        Field::DisciplineBasis
    } else if has("ki luat") && (has("quyet dinh") || t.split(' ').any(|w| w == "qd")) {
        Field::DisciplineDecision
    } else if has("ki luat") && has("cong vu") {
        Field::DisciplineDutyRelated
    } else if has("ki luat") && (has("khong tinh") || has("ngoai le") || has("mien")) {
        Field::DisciplineExempt
    } else if has("ki luat") && (has("loai") || has("dang hanh chinh")) {
        Field::DisciplineKind
    } else if has("ki luat") {
        Field::Discipline
    } else if has("thai san") {
        Field::Maternity
    } else if has("thang cong tac") || has("thoi gian cong tac") || has("so thang") {
        Field::Months
    } else if has("nghi") && !has("nghi dinh") {
        Field::Leave { in_days: has("ngay") }
    } else if has("sinh") {
        Field::Birth { year_only: has("nam sinh") && !has("ngay") }
    } else if has("gioi tinh") {
        Field::Gender
    } else if has("ho va ten") || has("ho ten") || is("ten") || has("ho va ten dem") {
        Field::Name
    } else if has("chuc vu") && has("dang") && !has("dang vien") {
        Field::PartyPost
    } else if has("doan the") {
        Field::MassPost
    } else if has("chi bo") {
        Field::PartyCell
    } else if has("chuc vu") || has("chuc danh") {
        Field::Position
    } else if has("don vi") || is("phong") || is("phong ban") || is("ban") || has("co quan") {
        Field::Unit
    } else if has("doi tuong") || is("loai") || has("cong chuc vien chuc") || is("cc vc nld") || has("loai can bo") {
        Field::Category
    } else if has("dang vien") || is("dv") || is("dang") {
        Field::Party
    } else if t.starts_with("nhom") {
        Field::Group
    } else if has("ghi chu") {
        Field::Note
    } else {
        return None;
    };
    Some(field)
}

/// The score columns: "Điểm tiêu chí chung", "Điểm kết quả thực hiện nhiệm vụ", "Tổng điểm",
/// and periods written "Tháng 1" or "Quý I" (maybe after "Điểm", or under a merged "Điểm
/// theo quý"), whose number is Arabic or Roman. [`fold`] spells "quý" as "qui".
fn score_field(folded: &str) -> Option<Field> {
    let has = |p: &str| folded.contains(p);
    if has("tieu chi chung") {
        return Some(Field::ScoreGeneral);
    }
    if has("ket qua thuc hien nhiem vu") && !has("xep loai") {
        return Some(Field::ScoreTasks);
    }
    if has("tong diem") || has("tong so diem") {
        return Some(Field::ScoreTotal);
    }
    let words: Vec<&str> = folded.split(' ').collect();
    let [.., period, number] = words.as_slice() else { return None };
    if words.len() > 2 && words[0] != "diem" {
        return None;
    }
    let index = match *number {
        "i" => 1,
        "ii" => 2,
        "iii" => 3,
        "iv" => 4,
        digits => digits.parse::<u8>().ok()?,
    };
    match *period {
        "thang" if (1..=12).contains(&index) => Some(Field::ScoreMonth(index)),
        "qui" if (1..=4).contains(&index) => Some(Field::ScoreQuarter(index)),
        _ => None,
    }
}

/// The field of a column whose header spans two rows: `top` (maybe carried from a merged
/// cell to the left) and `sub` below it.
pub fn classify_two_rows(top: &str, sub: &str) -> Option<Field> {
    if sub.trim().is_empty() {
        return classify(top);
    }
    let top_field = classify(top);
    if let Some(Field::Birth { year_only }) = top_field {
        match fold(sub).as_str() {
            "nam" => return Some(Field::BirthMale { year_only }),
            "nu" => return Some(Field::BirthFemale { year_only }),
            _ => {}
        }
    }
    classify(&format!("{top} {sub}")).or_else(|| classify(sub)).or(top_field)
}

/// A row of column numbers under a header: "(1) (2) (3)..." or "1 2 3" or "A B C".
pub fn is_numbering_row(cells: &[String]) -> bool {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    filled.len() >= 3
        && filled.iter().all(|c| {
            let inner = c.trim().trim_start_matches('(').trim_end_matches(')');
            !inner.is_empty()
                && inner.len() <= 3
                && inner.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '=' || ch == '+')
        })
}

/// The columns of a found header.
#[derive(Debug, Clone)]
pub struct Header {
    /// Zero-based row of the (first) header row.
    pub row: usize,
    /// Rows the header occupies, numbering row included.
    pub height: usize,
    pub columns: Vec<(usize, Field)>,
    /// Headed columns that are not read, for the clerk to see (never dropped in silence).
    pub ignored: Vec<Ignored>,
}

/// A column whose header was not understood, or that repeats a field already read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// Zero-based row (in the searched rows) and column of the header cell.
    pub row: usize,
    pub col: usize,
    /// The header as written (both rows of a two-row header).
    pub text: String,
    /// The column read instead, when this one repeats its field.
    pub same_as: Option<usize>,
}

impl Header {
    pub fn column(&self, wanted: impl Fn(Field) -> bool) -> Option<(usize, Field)> {
        self.columns.iter().copied().find(|(_, f)| wanted(*f))
    }

    pub fn has(&self, wanted: impl Fn(Field) -> bool) -> bool {
        self.column(wanted).is_some()
    }

    /// A sheet of scores only (name, unit and score columns): its people are the
    /// roster's, so it adds scores, never a second copy of anyone.
    pub fn is_score_sheet(&self) -> bool {
        self.has(Field::is_score) && self.columns.iter().all(|(_, f)| f.is_shared_with_score_sheets())
    }
}

/// Looks for a header with the name column and at least one other known column in the
/// first [`HEADER_SEARCH_ROWS`] rows; `rows` are the cells as text.
pub fn find_header(rows: &[Vec<String>]) -> Option<Header> {
    let limit = rows.len().min(HEADER_SEARCH_ROWS);
    for r in 0..limit {
        let single: Vec<Option<Field>> = rows[r].iter().map(|c| classify(c)).collect();
        let known = single.iter().flatten().filter(|f| **f != Field::Index).count();
        let has_name = single.contains(&Some(Field::Name));
        if !has_name || known < 2 {
            continue;
        }
        let next = rows.get(r + 1);
        let (read, mut height) = match next.filter(|sub| is_sub_header(&rows[r], sub, &single)) {
            Some(sub) => (merge_two_rows(r, &rows[r], sub), 2),
            None => {
                let read = single
                    .into_iter()
                    .enumerate()
                    .map(|(c, f)| {
                        (c, f, Ignored { row: r, col: c, text: rows[r][c].trim().to_string(), same_as: None })
                    })
                    .collect();
                (read, 1)
            }
        };
        if rows.get(r + height).is_some_and(|row| is_numbering_row(row)) {
            height += 1;
        }
        let (columns, ignored) = dedup(read);
        return Some(Header { row: r, height, columns, ignored });
    }
    None
}

/// The row under a header is a second header row when the name column is empty there
/// and some of its cells read as headers or fill a gap under a merged cell.
fn is_sub_header(top: &[String], sub: &[String], top_fields: &[Option<Field>]) -> bool {
    let name_col = top_fields.iter().position(|f| *f == Some(Field::Name));
    if name_col.is_some_and(|c| sub.get(c).is_some_and(|t| !t.trim().is_empty())) {
        return false;
    }
    let mut filled = 0;
    let mut headerish = 0;
    for (c, text) in sub.iter().enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        // Data has digits (dates, counts); sub-headers ("Nam", "Hình thức") do not.
        if text.chars().any(|ch| ch.is_ascii_digit()) {
            return false;
        }
        filled += 1;
        let under_merge = top.get(c).is_none_or(|t| t.trim().is_empty());
        if under_merge || classify(text).is_some() || matches!(fold(text).as_str(), "nam" | "nu") {
            headerish += 1;
        }
    }
    filled > 0 && headerish > 0
}

/// Each column of a two-row header starting at row `r`: its field, if understood, and
/// its header cell (the sub cell under a merged heading, else the top cell).
fn merge_two_rows(r: usize, top: &[String], sub: &[String]) -> Vec<(usize, Option<Field>, Ignored)> {
    let width = top.len().max(sub.len());
    let mut carried = String::new();
    let mut columns = Vec::new();
    for c in 0..width {
        let t = top.get(c).map(String::as_str).unwrap_or("").trim();
        let s = sub.get(c).map(String::as_str).unwrap_or("").trim();
        if !t.is_empty() {
            carried = t.to_string();
        }
        // A blank top cell above a filled sub cell is the tail of a merged group heading.
        let top_text = if t.is_empty() && !s.is_empty() { carried.as_str() } else { t };
        let (row, text) = match (t.is_empty(), s.is_empty()) {
            (_, true) => (r, t.to_string()),
            (true, false) => (r + 1, format!("{top_text} / {s}")),
            (false, false) => (r, format!("{t} / {s}")),
        };
        columns.push((c, classify_two_rows(top_text, s), Ignored { row, col: c, text, same_as: None }));
    }
    columns
}

/// The first column of each field is read; a second "Ghi chú" must not shadow the first.
/// Every other headed column (not understood, or a repeat) is returned as ignored.
fn dedup(columns: Vec<(usize, Option<Field>, Ignored)>) -> (Vec<(usize, Field)>, Vec<Ignored>) {
    let mut read: Vec<(usize, Field)> = Vec::new();
    let mut ignored = Vec::new();
    for (c, field, mut cell) in columns {
        let same = |f: Field| read.iter().find(|(_, g)| g.repeats(f));
        match field {
            Some(f) => match same(f) {
                None => read.push((c, f)),
                Some((first, _)) => {
                    cell.same_as = Some(*first);
                    ignored.push(cell);
                }
            },
            None if !cell.text.is_empty() => ignored.push(cell),
            None => {}
        }
    }
    (read, ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_are_classified() {
        let cases = [
            ("Họ và tên", Field::Name),
            ("HỌ TÊN", Field::Name),
            ("Chức vụ/chức danh", Field::Position),
            ("Phòng, ban, đơn vị", Field::Unit),
            ("Phòng/đơn vị", Field::Unit),
            ("Đối tượng", Field::Category),
            ("Công chức/Viên chức/NLĐ", Field::Category),
            ("Đảng viên", Field::Party),
            ("ĐV", Field::Party),
            ("Hình thức kỷ luật", Field::Discipline),
            ("Kỉ luật", Field::Discipline),
            ("Hình thức kỷ luật (nếu có)", Field::Discipline),
            ("Loại kỉ luật", Field::DisciplineKind),
            ("Loại kỷ luật", Field::DisciplineKind),
            ("Không tính kỷ luật", Field::DisciplineExempt),
            ("Kỷ luật liên quan công vụ", Field::DisciplineDutyRelated),
            ("Kỷ luật có liên quan đến hoạt động công vụ", Field::DisciplineDutyRelated),
            ("Quyết định kỷ luật (số, ngày)", Field::DisciplineDecision),
            ("Căn cứ không tính kỷ luật", Field::DisciplineBasis),
            ("Kỷ luật trong năm 2023 Số, ngày QĐ", Field::DisciplineDecision),
            ("Số tháng công tác", Field::Months),
            ("Thời gian công tác trong năm (tháng)", Field::Months),
            ("Nghỉ thai sản", Field::Maternity),
            ("Nghỉ ốm (ngày)", Field::Leave { in_days: true }),
            ("Thời gian nghỉ (tháng)", Field::Leave { in_days: false }),
            ("Năm sinh", Field::Birth { year_only: true }),
            ("Ngày tháng năm sinh", Field::Birth { year_only: false }),
            ("Nhóm đánh giá", Field::Group),
            ("Ghi chú", Field::Note),
            ("Chức vụ Đảng", Field::PartyPost),
            ("Chức vụ đoàn thể", Field::MassPost),
            ("Chi bộ", Field::PartyCell),
            ("STT", Field::Index),
        ];
        for (text, want) in cases {
            assert_eq!(classify(text), Some(want), "{text}");
        }
        assert_eq!(classify("Xếp loại năm 2022"), None);
    }

    #[test]
    fn score_columns_are_classified() {
        let cases = [
            ("Điểm tiêu chí chung", Field::ScoreGeneral),
            ("Tiêu chí chung (30 điểm)", Field::ScoreGeneral),
            ("Điểm kết quả thực hiện nhiệm vụ", Field::ScoreTasks),
            ("Kết quả thực hiện nhiệm vụ (70 điểm)", Field::ScoreTasks),
            ("Tổng điểm", Field::ScoreTotal),
            ("TỔNG SỐ ĐIỂM", Field::ScoreTotal),
            ("Quý I", Field::ScoreQuarter(1)),
            ("Quý IV", Field::ScoreQuarter(4)),
            ("Quý 3", Field::ScoreQuarter(3)),
            ("Điểm quý II", Field::ScoreQuarter(2)),
            ("Tháng 1", Field::ScoreMonth(1)),
            ("Tháng 12", Field::ScoreMonth(12)),
            ("THÁNG 07", Field::ScoreMonth(7)),
            ("Điểm tháng 9", Field::ScoreMonth(9)),
        ];
        for (text, want) in cases {
            assert_eq!(classify(text), Some(want), "{text}");
        }
        for other in [
            "Tháng 13",
            "Quý V",
            "Số tháng công tác",
            "Thời gian công tác trong năm (tháng)",
            "Xếp loại kết quả thực hiện nhiệm vụ",
        ] {
            assert!(!classify(other).is_some_and(Field::is_score), "{other}");
        }
        assert_eq!(classify_two_rows("Điểm theo quý", "Quý II"), Some(Field::ScoreQuarter(2)));
        assert_eq!(classify_two_rows("Điểm theo tháng", "Tháng 12"), Some(Field::ScoreMonth(12)));
    }

    #[test]
    fn a_sheet_of_names_units_and_scores_is_a_score_sheet() {
        let scores = vec![
            row(&["STT", "Họ và tên", "Đơn vị", "Quý I", "Quý II", "Quý III", "Quý IV"]),
            row(&["1", "Lê Văn B", "Văn phòng", "90", "91", "92", "93"]),
        ];
        let header = find_header(&scores).expect("header");
        assert_eq!(header.columns.len(), 7, "each quarter is a column of its own: {:?}", header.ignored);
        assert!(header.is_score_sheet());
        let roster =
            vec![row(&["STT", "Họ và tên", "Đối tượng", "Tổng điểm"]), row(&["1", "Lê Văn B", "Công chức", "91"])];
        assert!(!find_header(&roster).expect("header").is_score_sheet(), "a roster carrying scores is a roster");
        let plain = vec![row(&["STT", "Họ và tên", "Đơn vị"]), row(&["1", "Lê Văn B", "Văn phòng"])];
        assert!(!find_header(&plain).expect("header").is_score_sheet());
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn two_row_header_with_nam_nu_and_numbering() {
        let rows = vec![
            row(&["DANH SÁCH CÔNG CHỨC"]),
            row(&[]),
            row(&["STT", "Họ và tên", "Ngày sinh", "", "Chức vụ", "Kỷ luật", ""]),
            row(&["", "", "Nam", "Nữ", "", "Hình thức", "Loại"]),
            row(&["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]),
            row(&["1", "Nguyễn Văn An", "01/02/1980", "", "Trưởng phòng", "", ""]),
        ];
        let header = find_header(&rows).expect("header");
        assert_eq!((header.row, header.height), (2, 3));
        assert!(header.ignored.is_empty(), "{:?}", header.ignored);
        assert_eq!(
            header.columns,
            vec![
                (0, Field::Index),
                (1, Field::Name),
                (2, Field::BirthMale { year_only: false }),
                (3, Field::BirthFemale { year_only: false }),
                (4, Field::Position),
                (5, Field::Discipline),
                (6, Field::DisciplineKind),
            ]
        );
    }

    #[test]
    fn single_row_header_is_not_merged_with_data() {
        let rows = vec![row(&["STT", "Họ tên", "Chức vụ"]), row(&["1", "Lê Văn B", ""])];
        let header = find_header(&rows).expect("header");
        assert_eq!(header.height, 1);
    }

    #[test]
    fn unknown_and_repeated_columns_are_listed() {
        let rows =
            vec![row(&["STT", "Họ tên", "Kỉ luật", "Xếp loại 2022", "Kỷ luật"]), row(&["1", "Lê Văn B", "", "", ""])];
        let header = find_header(&rows).expect("header");
        assert_eq!(header.columns, vec![(0, Field::Index), (1, Field::Name), (2, Field::Discipline)]);
        let ignored: Vec<(usize, &str, Option<usize>)> =
            header.ignored.iter().map(|i| (i.col, i.text.as_str(), i.same_as)).collect();
        assert_eq!(ignored, vec![(3, "Xếp loại 2022", None), (4, "Kỷ luật", Some(2))]);
    }

    #[test]
    fn no_header_without_name_column() {
        let rows = vec![row(&["Hướng dẫn điền biểu mẫu"]), row(&["Cột 1: ..."])];
        assert!(find_header(&rows).is_none());
    }
}
