//! A unit's votes workbook as `prepare` writes it: the layout of
//! [`crate::ingest::votes_book::layout`], one row for the collective and one per member,
//! the counts left empty for the clerk, and a sheet of instructions.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use crate::ingest::votes_book::layout;

const GUIDE: &str = include_str!("../../templates/init/huong-dan-phieu.txt");

/// A member's row: name, and category and post for the clerk's eye.
pub struct BookMember {
    pub name: String,
    pub about: String,
}

/// The workbook's bytes, ready to be written atomically.
pub fn votes_book(year: i32, unit: &str, members: &[BookMember]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let head = Format::new().set_bold().set_border(FormatBorder::Thin).set_align(FormatAlign::Center).set_text_wrap();
    let cell = Format::new().set_border(FormatBorder::Thin);
    let sheet = book.add_worksheet().set_name(layout::SHEET)?;
    sheet.write_with_format(
        0,
        0,
        format!("KẾT QUẢ BIỂU QUYẾT, TỰ XẾP LOẠI VÀ ĐỀ XUẤT MỨC XẾP LOẠI NĂM {year}"),
        &bold,
    )?;
    sheet.write_with_format(layout::UNIT_CELL.0, 0, "Đơn vị:", &bold)?;
    sheet.write_with_format(layout::UNIT_CELL.0, layout::UNIT_CELL.1 as u16, unit, &bold)?;
    sheet.write(
        2,
        0,
        "Nhập số phiếu và mức xếp loại theo biên bản; ô để trống là chưa nhập. Xem trang tính “Hướng dẫn”.",
    )?;
    for (col, heading) in layout::headings().iter().enumerate() {
        sheet.write_with_format(layout::HEADER_ROW, col as u16, heading.as_str(), &head)?;
    }
    let collective = format!("{} {unit}", layout::COLLECTIVE_PREFIX);
    let rows = std::iter::once((String::new(), collective.as_str(), ""))
        .chain(members.iter().enumerate().map(|(i, m)| ((i + 1).to_string(), m.name.as_str(), m.about.as_str())));
    for (offset, (number, name, about)) in rows.enumerate() {
        let row = layout::FIRST_ROW + offset as u32;
        for col in 0..=layout::ABOUT_COLUMN {
            sheet.write_blank(row, col, &cell)?;
        }
        sheet.write_with_format(row, layout::NUMBER_COLUMN, number, &cell)?;
        sheet.write_with_format(row, layout::NAME_COLUMN, name, &cell)?;
        sheet.write_with_format(row, layout::ABOUT_COLUMN, about, &cell)?;
    }
    sheet.set_column_width(layout::NUMBER_COLUMN, 5)?;
    sheet.set_column_width(layout::NAME_COLUMN, 30)?;
    for col in layout::VOTE_COLUMNS {
        sheet.set_column_width(col, 9)?;
    }
    sheet.set_column_width(layout::SELF_RATING_COLUMN, 13)?;
    sheet.set_column_width(layout::PROPOSED_COLUMN, 15)?;
    sheet.set_column_width(layout::ABOUT_COLUMN, 32)?;
    sheet.set_freeze_panes(layout::FIRST_ROW, layout::VOTE_COLUMNS[0])?;
    let guide = book.add_worksheet().set_name(layout::GUIDE_SHEET)?;
    for (row, line) in GUIDE.lines().enumerate() {
        if row == 0 {
            guide.write_with_format(0, 0, line, &bold)?;
        } else {
            guide.write(row as u32, 0, line)?;
        }
    }
    guide.set_column_width(0, 120)?;
    book.save_to_buffer()
}
