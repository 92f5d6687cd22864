//! Stage 2a: read the staff rosters (calamine) into rows that keep their cell address.
//!
//! A roster is whatever a clerk made in Excel: title rows, a header somewhere in the
//! first 20 rows, section rows naming the unit, totals and footnotes under the table.
//! Each sheet with a recognisable header is a roster; the others are noted and skipped.

pub(crate) mod cells;
mod header;
pub mod scores;
mod sheet;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, Reader, open_workbook_auto};
use serde::{Deserialize, Serialize};

pub use header::{Field, classify};
use header::{Header, find_header};
pub use scores::{ScoreRow, points_text};
use sheet::{Grid, SheetError};

use super::units::{UnitIndex, looks_like_section};
use crate::findings::{Finding, Findings, input};
use crate::model::{Birth, Category, Discipline, Gender, Membership, WorkTime};
use crate::source::{Origin, Source, cell_name};
use crate::text::{decimal_vi, fold};

/// One person as a roster row gives them, before the dataset is assembled.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RosterRow {
    pub name: String,
    /// The unit, resolved from the unit column or the section above; `None` if unknown
    /// (the finding has been given already).
    pub membership: Option<Membership>,
    pub birth: Option<Birth>,
    pub gender: Option<Gender>,
    pub post: Option<String>,
    pub category: Option<Category>,
    pub party_member: bool,
    pub discipline: Option<Discipline>,
    pub maternity: bool,
    pub work_time: WorkTime,
    pub group: Option<String>,
    pub note: Option<String>,
    pub party_post: Option<String>,
    pub mass_post: Option<String>,
    pub party_cell: Option<String>,
    /// The name cell.
    pub source: Source,
}

/// What one workbook gave.
#[derive(Serialize, Deserialize)]
pub struct Workbook {
    pub rows: Vec<RosterRow>,
    /// The scores of its roster sheets' score columns and of its score sheets.
    pub scores: Vec<ScoreRow>,
    /// `false` when no sheet had a roster header (ROSTER_NO_HEADER, severity decided by
    /// the caller, who knows whether another workbook supplied the roster).
    pub has_roster: bool,
    /// A sheet of scores only was read: the workbook is not a roster, and not a
    /// workbook without one either.
    pub has_score_sheet: bool,
    /// A sheet was refused as too large (INPUT_TOO_LARGE given): not also "no header".
    pub refused: bool,
}

pub fn read_workbook(path: &Path, rel: &Arc<Path>, units: &UnitIndex, findings: &mut Findings) -> Workbook {
    let mut book =
        Workbook { rows: Vec::new(), scores: Vec::new(), has_roster: false, has_score_sheet: false, refused: false };
    // calamine is careful, but a clerk's file must never take the whole run down.
    let _quiet = QuietPanics::enter();
    let opened = catch_unwind(AssertUnwindSafe(|| open_workbook_auto(path).map_err(|e| e.to_string())));
    let mut workbook = match opened {
        Ok(Ok(workbook)) => workbook,
        Ok(Err(why)) => {
            findings.push(unreadable(rel, &why));
            return book;
        }
        Err(_) => {
            findings.push(unreadable(rel, "tệp bị hỏng"));
            return book;
        }
    };
    // One sheet at a time: only the sheet being read is held in memory.
    for name in workbook.sheet_names() {
        let grid = match catch_unwind(AssertUnwindSafe(|| sheet::read(&mut workbook, &name))) {
            Ok(Ok(grid)) => grid,
            Ok(Err(SheetError::TooLarge { row, col })) => {
                findings.push(too_large(rel, &name, row, col));
                book.refused = true;
                continue;
            }
            Ok(Err(SheetError::Unreadable(why))) => {
                findings.push(unreadable(rel, &why));
                return book;
            }
            Err(_) => {
                findings.push(unreadable(rel, "tệp bị hỏng"));
                return book;
            }
        };
        // Every row's source shares the workbook's name and its sheet's.
        let sheet = Origin::sheet(rel, &name);
        let reader = SheetReader { sheet: &sheet, grid: &grid, units, findings: &mut *findings };
        match reader.read() {
            Some(sheet) => {
                book.has_roster |= !sheet.score_sheet;
                book.has_score_sheet |= sheet.score_sheet;
                book.rows.extend(sheet.people);
                book.scores.extend(sheet.scores);
            }
            None => findings.push(
                Finding::info(
                    input::ROSTER_NO_HEADER,
                    format!("Trang tính “{name}” không có dòng tiêu đề danh sách (cột “Họ và tên”); đã bỏ qua."),
                )
                .at(Source::file(rel)),
            ),
        }
    }
    book
}

/// A sheet with a value past the bounds of any real roster: refused whole, so that no
/// part of it is taken for the complete list.
fn too_large(rel: &Path, sheet: &str, row: u32, col: u32) -> Finding {
    Finding::error(
        input::INPUT_TOO_LARGE,
        format!(
            "Trang tính “{sheet}” có dữ liệu ở ô {}, vượt quá cỡ của một danh sách ({} dòng, {} cột, đến cột IV); trang tính này không được đọc. Nếu đó là ô gõ nhầm, hãy xóa nó (Ctrl+End trong Excel đưa tới ô cuối cùng có dữ liệu); nếu danh sách thật sự lớn hơn, hãy tách thành nhiều tệp.",
            cell_name(row, col),
            decimal_vi(f64::from(sheet::MAX_ROWS), 0),
            sheet::MAX_COLUMNS,
        ),
    )
    .at(Source::cell(rel, sheet, row, col))
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// While alive, a panic on this thread is an expected, handled one (a broken file deep in
/// calamine): the panic hook stays silent instead of printing a Rust backtrace.
struct QuietPanics;

impl QuietPanics {
    fn enter() -> QuietPanics {
        QUIET.with(|q| q.set(true));
        QuietPanics
    }
}

impl Drop for QuietPanics {
    fn drop(&mut self) {
        QUIET.with(|q| q.set(false));
    }
}

/// For the panic hook: is this panic one that the roster reader catches and reports?
pub fn panic_is_handled() -> bool {
    QUIET.with(|q| q.get())
}

fn unreadable(rel: &Path, why: &str) -> Finding {
    // calamine's reasons are English ("Zip error: … EOCD"): the clerk gets what they mean.
    let lower = why.to_lowercase();
    let why = if lower.contains("password") || lower.contains("encrypt") {
        "tệp có đặt mật khẩu"
    } else if lower.contains("zip") || lower.contains("eocd") || lower.contains("cfb") || lower.contains("signature") {
        "tệp bị hỏng, chưa tải về xong, hoặc không phải tệp Excel dù mang đuôi Excel"
    } else if why.is_ascii() {
        "tệp bị hỏng hoặc không đúng định dạng Excel"
    } else {
        why
    };
    Finding::error(
        input::INPUT_UNREADABLE,
        format!("Không đọc được tệp Excel ({why}). Hãy mở tệp bằng Excel, bỏ mật khẩu nếu có, rồi lưu lại dạng .xlsx."),
    )
    .at(Source::file(rel))
}

struct SheetReader<'a> {
    /// The workbook and this sheet, shared by every row's source.
    sheet: &'a Arc<Origin>,
    grid: &'a Grid,
    units: &'a UnitIndex,
    findings: &'a mut Findings,
}

/// What one sheet gave: people (a roster sheet), scores (either kind of sheet).
struct SheetRows {
    score_sheet: bool,
    people: Vec<RosterRow>,
    scores: Vec<ScoreRow>,
}

/// Where the unit of the next rows comes from when there is no unit column.
enum Section {
    None,
    Known(Membership),
    /// A section heading naming no known unit: reported once, its rows skipped.
    Unknown,
}

impl SheetReader<'_> {
    fn read(mut self) -> Option<SheetRows> {
        // The header is searched in the rows from the first one used, blank ones included.
        let first = self.grid.first_row()?;
        let window = header::HEADER_SEARCH_ROWS + 2;
        let mut texts: Vec<Vec<String>> = vec![Vec::new(); window];
        for (row, cells) in self.grid.rows_from(first).take_while(|(row, _)| *row < first + window as u32) {
            texts[(row - first) as usize] = cells.iter().map(cells::text).collect();
        }
        let header = find_header(&texts)?;
        self.report_ignored(&header, &texts, first);
        let has_unit_column = header.has(|f| f == Field::Unit);
        let mut section = Section::None;
        let mut out = SheetRows { score_sheet: header.is_score_sheet(), people: Vec::new(), scores: Vec::new() };
        let body = first + (header.row + header.height) as u32;
        for (abs_row, row) in self.grid.rows_from(body) {
            let sheet = self.sheet;
            let at = move |col: usize| Source::cell_in(sheet, abs_row, col as u32);
            let row = row.as_slice();
            let texts: Vec<String> = row.iter().map(cells::text).collect();
            let filled: Vec<usize> = (0..texts.len()).filter(|c| !texts[*c].trim().is_empty()).collect();
            if filled.is_empty() {
                continue;
            }
            let lead = &texts[filled[0]];
            if is_footer(lead) {
                break;
            }
            if is_total(lead) || is_total(&texts.get(name_col(&header)).cloned().unwrap_or_default()) {
                continue;
            }
            if let Some(label) = section_label(&header, &texts, &filled) {
                match self.units.resolve(label) {
                    Some(m) => {
                        section = Section::Known(m);
                        continue;
                    }
                    None if looks_like_section(label) => {
                        self.unknown_unit(label, at(filled[filled.len() - 1]));
                        section = Section::Unknown;
                        continue;
                    }
                    None => {}
                }
            }
            if let Some(person) = self.person(&header, row, &texts, has_unit_column, &section, &at) {
                if let Some(score) = scores::row_score(&header, row, &at, self.findings) {
                    let (name, membership, source) = (person.name.clone(), person.membership, person.source.clone());
                    out.scores.push(ScoreRow { name, membership, score, source });
                }
                if !out.score_sheet {
                    out.people.push(person);
                }
            }
        }
        Some(out)
    }

    fn person(
        &mut self,
        header: &Header,
        row: &[Data],
        texts: &[String],
        has_unit_column: bool,
        section: &Section,
        at: &dyn Fn(usize) -> Source,
    ) -> Option<RosterRow> {
        let name_col = name_col(header);
        let cell = |c: usize| row.get(c).unwrap_or(&Data::Empty);
        let text_of = |c: usize| texts.get(c).cloned().unwrap_or_default();
        if let Some(err) = error_value(cell(name_col)) {
            self.invalid(format!("Ô họ tên chứa lỗi công thức {err}; hãy nhập tên trực tiếp."), at(name_col));
            return None;
        }
        let name = text_of(name_col);
        if name.is_empty() {
            let substantive =
                header.columns.iter().any(|(c, f)| !matches!(f, Field::Index | Field::Note) && !text_of(*c).is_empty());
            if substantive {
                self.invalid("Dòng có dữ liệu nhưng thiếu họ và tên.".into(), at(name_col));
            }
            return None;
        }
        let mut person = RosterRow {
            name,
            membership: None,
            birth: None,
            gender: None,
            post: None,
            category: None,
            party_member: false,
            discipline: None,
            maternity: false,
            work_time: WorkTime::default(),
            group: None,
            note: None,
            party_post: None,
            mass_post: None,
            party_cell: None,
            source: at(name_col),
        };
        let mut sanction = None;
        let mut kind = None;
        let mut exempt = false;
        let mut duty_related = None;
        let mut decision: Option<String> = None;
        let mut basis = None;
        let mut unit_label = None;
        for &(c, field) in &header.columns {
            let data = cell(c);
            let text = text_of(c);
            if let Some(err) = error_value(data) {
                self.invalid(format!("Ô chứa lỗi công thức {err}."), at(c));
                continue;
            }
            let result: Result<(), String> = match field {
                Field::Index | Field::Name => Ok(()),
                // Read beside the person, by `scores::row_score`.
                Field::ScoreGeneral
                | Field::ScoreTasks
                | Field::ScoreTotal
                | Field::ScoreMonth(_)
                | Field::ScoreQuarter(_) => Ok(()),
                Field::Birth { year_only } => cells::birth(data, year_only).map(|b| person.birth = person.birth.or(b)),
                Field::BirthMale { year_only } | Field::BirthFemale { year_only } => {
                    cells::birth(data, year_only).map(|b| {
                        if b.is_some() {
                            person.birth = b;
                            let male = matches!(field, Field::BirthMale { .. });
                            person.gender = Some(if male { Gender::Male } else { Gender::Female });
                        }
                    })
                }
                Field::Gender => cells::gender(&text).map(|g| person.gender = g.or(person.gender)),
                Field::Position => {
                    person.post = non_empty(text);
                    Ok(())
                }
                Field::Unit => {
                    unit_label = non_empty(text).map(|t| (t, at(c)));
                    Ok(())
                }
                Field::Category => cells::category(&text).map(|k| person.category = k),
                Field::Party => cells::yes(data).map(|y| person.party_member = y),
                Field::Discipline => {
                    sanction = non_empty(text).filter(|t| !matches!(fold(t).as_str(), "khong" | "0"));
                    Ok(())
                }
                Field::DisciplineKind => cells::discipline_kind(&text).map(|k| kind = k),
                Field::DisciplineExempt => cells::yes(data).map(|y| exempt = y),
                Field::DisciplineDutyRelated => cells::yes_or_no(data).map(|y| duty_related = y),
                Field::DisciplineDecision => {
                    decision = non_empty(text).map(|t| crate::model::decision_in(&t).unwrap_or(t));
                    Ok(())
                }
                Field::DisciplineBasis => match non_empty(text) {
                    None => Ok(()),
                    Some(t) => match crate::model::citation::parse_citation(&t) {
                        Some(c) => {
                            basis = Some(c);
                            Ok(())
                        }
                        None => Err(format!(
                            "Không đọc được căn cứ “{t}”: ghi rõ điểm, khoản, Điều và Nghị định, ví dụ “điểm b khoản 5 Điều 2 Nghị định 90/2020/NĐ-CP”."
                        )),
                    },
                },
                Field::Months => cells::number(data).and_then(|n| match n {
                    Some(m) if !(0.0..=12.0).contains(&m) => {
                        Err(format!("Số tháng công tác “{m}” phải trong khoảng 0 đến 12."))
                    }
                    m => {
                        person.work_time.months_worked = m;
                        Ok(())
                    }
                }),
                Field::Maternity => cells::yes(data).map(|y| person.maternity = y),
                Field::Leave { in_days } => cells::number(data).and_then(|n| match n {
                    Some(v) if v < 0.0 => Err(format!("Thời gian nghỉ “{v}” không được âm.")),
                    v => {
                        let v = v.filter(|v| *v > 0.0);
                        person.work_time.leave_months = v.map(|v| if in_days { v / 30.0 } else { v });
                        person.work_time.leave_days = v.filter(|_| in_days);
                        Ok(())
                    }
                }),
                Field::Group => {
                    person.group = non_empty(text);
                    Ok(())
                }
                Field::Note => {
                    person.note = non_empty(text);
                    Ok(())
                }
                Field::PartyPost => {
                    person.party_post = non_empty(text);
                    Ok(())
                }
                Field::MassPost => {
                    person.mass_post = non_empty(text);
                    Ok(())
                }
                Field::PartyCell => {
                    person.party_cell = non_empty(text);
                    Ok(())
                }
            };
            if let Err(why) = result {
                self.invalid(why, at(c));
            }
        }
        let decision = decision.or_else(|| person.note.as_deref().and_then(crate::model::decision_in));
        let exempt = exempt || basis.is_some();
        person.discipline =
            sanction.map(|sanction| Discipline { sanction, kind, exempt, decision, basis, duty_related });
        if exempt && person.discipline.is_none() {
            person.discipline = None;
        }
        person.membership = match (unit_label, section) {
            (Some((label, source)), _) => match self.units.resolve(&label) {
                Some(m) => Some(m),
                None => {
                    self.unknown_unit(&label, source);
                    None
                }
            },
            (None, Section::Known(m)) => Some(*m),
            (None, Section::Unknown) => None,
            (None, Section::None) => {
                let why = if has_unit_column {
                    "Dòng không ghi đơn vị; hãy điền cột “Đơn vị”."
                } else {
                    "Không xác định được đơn vị của dòng này: thêm cột “Đơn vị” hoặc dòng tên đơn vị (ví dụ “I. VĂN PHÒNG SỞ”) phía trên."
                };
                self.invalid(why.into(), person.source.clone());
                None
            }
        };
        Some(person)
    }

    /// Each headed column that is not read, once, at its header cell: a column the
    /// program does not understand must not look as if it had been taken into account.
    fn report_ignored(&mut self, header: &Header, texts: &[Vec<String>], first: u32) {
        for column in &header.ignored {
            let at = |col: usize| Source::cell_in(self.sheet, first + column.row as u32, col as u32);
            let message = match column.same_as {
                None => format!(
                    "Cột “{}” không thuộc các cột chương trình đọc nên không được dùng. Nếu cột này cần cho việc đánh giá, hãy đặt lại tên cột theo mẫu (xem mục “Danh sách Excel” trong inputs/README.md).",
                    column.text
                ),
                Some(first_col) => {
                    let first_text = header_text(texts, header, first_col);
                    format!(
                        "Cột “{}” trùng ý nghĩa với cột “{first_text}” ({}); chỉ cột đầu được đọc. Hãy gộp hai cột hoặc đổi tên cột này.",
                        column.text,
                        cell_name(first + header.row as u32, first_col as u32),
                    )
                }
            };
            self.findings.push(Finding::info(input::ROSTER_COLUMN_IGNORED, message).at(at(column.col)));
        }
    }

    fn invalid(&mut self, message: String, source: Source) {
        self.findings.push(Finding::error(input::INPUT_INVALID, message).at(source));
    }

    fn unknown_unit(&mut self, label: &str, source: Source) {
        self.findings.push(self.units.unknown(label, source));
    }
}

/// The text of a header column, both rows of a two-row header joined.
fn header_text(texts: &[Vec<String>], header: &Header, col: usize) -> String {
    (header.row..header.row + header.height.min(2))
        .filter_map(|r| texts.get(r)?.get(col).filter(|t| !t.trim().is_empty()).cloned())
        .collect::<Vec<_>>()
        .join(" / ")
}

fn name_col(header: &Header) -> usize {
    header.column(|f| f == Field::Name).map_or(0, |(c, _)| c)
}

fn error_value(cell: &Data) -> Option<String> {
    cells::error_value(cell)
}

fn non_empty(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

/// Total and subtotal rows ("Tổng cộng", "Cộng: 12", "Tổng số: 75") are skipped;
/// "Tống Văn A" and a given name "Công" are people.
fn is_total(text: &str) -> bool {
    let t = fold(text);
    let numbered_cong = t.strip_prefix("cong ").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    t.starts_with("tong cong") || t.starts_with("tong so") || t == "cong" || numbered_cong
}

/// Footnotes and signature lines end the table.
fn is_footer(text: &str) -> bool {
    let t = fold(text);
    let trimmed = text.trim_start();
    t.starts_with("ghi chu")
        || trimmed.starts_with('*')
        || trimmed.starts_with("(*)")
        || t.starts_with("nguoi lap")
        || t.starts_with("thu truong")
}

/// The text of a section row: a row whose only text is one label (maybe beside a Roman
/// or Arabic number in the STT column), nothing in the person columns.
fn section_label<'t>(header: &Header, texts: &'t [String], filled: &[usize]) -> Option<&'t str> {
    let index_col = header.column(|f| f == Field::Index).map(|(c, _)| c);
    let labels: Vec<usize> = filled.iter().copied().filter(|c| Some(*c) != index_col).collect();
    match labels.as_slice() {
        [only] => Some(texts[*only].as_str()),
        [] => index_col.map(|c| texts[c].as_str()).filter(|t| t.chars().any(char::is_alphabetic) && t.len() > 4),
        _ => None,
    }
}
