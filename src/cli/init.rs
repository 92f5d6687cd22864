//! `xeploai init DIR`: a commented starting folder (agency, roster, the agency-level
//! file, a README) whose meeting files are prepared by the very code of `xeploai
//! prepare`, so that `status` right after asks only for what the clerk must supply: the
//! meetings' outcomes.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::exit;
use crate::prepare::prepare;
use crate::rules;

/// The starting files, tera templates given the cycle's `year` and the `years` supported.
const FILES: [(&str, &str); 3] = [
    ("agency.yaml", include_str!("../../templates/init/agency.yaml.tera")),
    ("agency_review.yaml", include_str!("../../templates/init/agency_review.yaml.tera")),
    ("README.md", include_str!("../../templates/init/README.md.tera")),
];

pub fn command(dir: &Path, year: Option<i32>) -> u8 {
    let occupied = std::fs::read_dir(dir).map(|mut entries| entries.next().is_some()).unwrap_or(false);
    if occupied {
        eprintln!("LỖI: thư mục “{}” đã có dữ liệu; `init` không ghi đè. Hãy chọn một thư mục mới.", dir.display());
        return exit::CANNOT_RUN;
    }
    let year = year.unwrap_or_else(|| rules::current_cycle(chrono::Local::now().date_naive()));
    if rules::rule_set(year).is_none() {
        eprintln!("LỖI: chưa có bộ quy định cho năm {year}; các năm được hỗ trợ: {}.", rules::supported_years());
        return exit::CANNOT_RUN;
    }
    let written = std::fs::create_dir_all(dir)
        .map_err(|e| e.to_string())
        .and_then(|_| write_files(dir, year))
        .and_then(|_| sample_roster(&dir.join("danh-sach.xlsx"), year).map_err(|e| e.to_string()))
        .and_then(|_| prepare(dir).map_err(|e| e.to_string()));
    match written {
        Ok(outcomes) => {
            for outcome in &outcomes {
                println!("{}", super::prepare::line(outcome));
            }
            println!(
                "Đã tạo thư mục mẫu “{}”. Sửa thông tin cơ quan và danh sách, chạy `xeploai prepare --inputs {}` nếu danh sách có thêm đơn vị, rồi xem việc còn lại bằng: xeploai status --inputs {}",
                dir.display(),
                dir.display(),
                dir.display()
            );
            exit::OK
        }
        Err(err) => {
            eprintln!("LỖI: không tạo được thư mục mẫu “{}”: {err}", dir.display());
            exit::CANNOT_RUN
        }
    }
}

fn write_files(dir: &Path, year: i32) -> Result<(), String> {
    let mut context = tera::Context::new();
    context.insert("year", &year);
    context.insert("years", &rules::supported_years());
    for (name, template) in FILES {
        let text = tera::Tera::one_off(template, &context, false).map_err(|e| format!("{name}: {e}"))?;
        std::fs::write(dir.join(name), text).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

/// A roster laid out like the ones clerks make: title, header, numbering row, section row.
fn sample_roster(path: &Path, year: i32) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Danh sách")?;
    let bold = Format::new().set_bold();
    let head = Format::new().set_bold().set_border(FormatBorder::Thin).set_align(FormatAlign::Center).set_text_wrap();
    let cell = Format::new().set_border(FormatBorder::Thin);
    sheet.write_with_format(
        0,
        0,
        format!("DANH SÁCH CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG ĐÁNH GIÁ, XẾP LOẠI NĂM {year}"),
        &bold,
    )?;
    let headers =
        ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đối tượng", "Đảng viên", "Số tháng công tác", "Ghi chú"];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_with_format(2, c as u16, *h, &head)?;
        sheet.write_with_format(3, c as u16, format!("({})", c + 1), &head)?;
    }
    sheet.write_with_format(4, 0, "I", &bold)?;
    sheet.write_with_format(4, 1, "PHÒNG TỔ CHỨC - HÀNH CHÍNH", &bold)?;
    let people = [
        ("Trần Văn Trưởng", "12/05/1975", "Trưởng phòng", "CC", "x"),
        ("Lê Thị Thư", "03/09/1984", "Phó Trưởng phòng", "CC", "x"),
        ("Võ Văn Viên", "21/01/1992", "", "CC", ""),
    ];
    for (i, (name, birth, post, category, party)) in people.iter().enumerate() {
        let r = 5 + i as u32;
        let values = [
            (i + 1).to_string(),
            name.to_string(),
            birth.to_string(),
            post.to_string(),
            category.to_string(),
            party.to_string(),
            "12".into(),
            String::new(),
        ];
        for (c, v) in values.iter().enumerate() {
            sheet.write_with_format(r, c as u16, v.as_str(), &cell)?;
        }
    }
    sheet.set_column_width(1, 28)?;
    sheet.set_column_width(3, 20)?;
    book.save(path)
}
