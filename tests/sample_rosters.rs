//! The sample agencies' workbooks (`samples/2025`, `samples/2026`), written here from the
//! tables below so that they can be made again: the test checks that every committed
//! workbook holds exactly what these tables write, and with `XEPLOAI_WRITE_SAMPLES=1` it
//! writes them into `samples/` instead (then commit the .xlsx files).
//!
//! The layout is a clerk's: the province and agency over a title, one header row and a row
//! numbering the columns, section rows naming the unit (or a "Đơn vị" column), a total row
//! and the signature line under the table.

mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use common::*;

/// One line of a roster: a section row naming a unit, or a person.
enum Line {
    /// The unit's section heading, as in "II. VĂN PHÒNG SỞ".
    Heading(&'static str),
    /// Name, birth (y, m, d), post, category, party member, months worked (0: the whole
    /// year), sick leave in days (0: none), discipline [sanction, kind, decision, duty
    /// related], note, unit (for the sheets that have a unit column).
    Person(
        &'static str,
        (u16, u8, u8),
        &'static str,
        &'static str,
        bool,
        f64,
        f64,
        [&'static str; 4],
        &'static str,
        &'static str,
    ),
}

use Line::{Heading, Person};

const ROSTER_2025: &[Line] = &[
    Heading("I. LÃNH ĐẠO SỞ"),
    Person("Phạm Trường Sơn", (1971, 3, 12), "Giám đốc Sở", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Nguyễn Thị Thanh Nhàn", (1975, 8, 25), "Phó Giám đốc Sở", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Lê Hoàng Vũ", (1977, 11, 9), "Phó Giám đốc Sở", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Heading("II. VĂN PHÒNG SỞ"),
    Person("Trần Văn Quang", (1976, 5, 14), "Chánh Văn phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Nguyễn Thị Diệu Linh", (1982, 9, 2), "Phó Chánh Văn phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Bùi Quang Huy", (1988, 1, 21), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên tổng hợp", ""),
    Person("Đoàn Thị Hồng Nhung", (1985, 6, 17), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Kế toán", ""),
    Person("Võ Minh Tâm", (1990, 10, 30), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Chuyên viên quản trị", ""),
    Person("Hồ Thị Kim Chi", (1987, 4, 8), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Văn thư", ""),
    Person("Lương Văn Tài", (1979, 12, 19), "", "HĐLĐ", false, 0.0, 0.0, ["", "", "", ""], "Lái xe", ""),
    Person("Phạm Thị Ngọc Hân", (1989, 7, 11), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên tổng hợp", ""),
    Heading("III. THANH TRA SỞ"),
    Person("Đặng Văn Hiển", (1974, 2, 3), "Chánh Thanh tra", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Nguyễn Văn Phát", (1980, 9, 27), "Phó Chánh Thanh tra", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person(
        "Phan Văn Lực",
        (1984, 3, 15),
        "",
        "CC",
        true,
        0.0,
        0.0,
        ["Khiển trách", "Hành chính", "215/QĐ-SNV ngày 12/8/2025", "có"],
        "Thanh tra viên",
        "",
    ),
    Person("Trịnh Thị Thu Hà", (1991, 11, 22), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Thanh tra viên", ""),
    Person("Lê Quốc Bảo", (1986, 6, 6), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Thanh tra viên", ""),
    Heading("IV. PHÒNG CÔNG CHỨC - VIÊN CHỨC"),
    Person("Huỳnh Thị Bích Ngọc", (1978, 4, 19), "Trưởng phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Châu Văn Định", (1981, 12, 28), "Phó Trưởng phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person(
        "Lê Văn Thịnh",
        (1987, 8, 5),
        "",
        "CC",
        false,
        0.0,
        0.0,
        ["Khiển trách", "Hành chính", "187/QĐ-SNV ngày 03/7/2025", "không"],
        "Chuyên viên; vi phạm quy định về nồng độ cồn khi điều khiển xe mô tô ngoài giờ làm việc",
        "",
    ),
    Person("Nguyễn Thị Mai Phương", (1990, 2, 13), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên chính", ""),
    Person("Trần Hữu Nghĩa", (1992, 10, 24), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Võ Thị Lệ Quyên", (1988, 9, 9), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person(
        "Ngô Đình Khoa",
        (1996, 5, 16),
        "",
        "CC",
        true,
        10.0,
        0.0,
        ["", "", "", ""],
        "Chuyên viên; tuyển dụng từ tháng 3/2025",
        "",
    ),
    Heading("V. PHÒNG LAO ĐỘNG - VIỆC LÀM"),
    Person("Đinh Công Tuấn", (1977, 1, 10), "Trưởng phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Phạm Thị Thu Trang", (1983, 7, 23), "Phó Trưởng phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Lý Văn Hưng", (1989, 3, 2), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Tô Thị Hoài Thương", (1991, 8, 18), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Hà Minh Triết", (1993, 11, 29), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Nguyễn Thị Kiều Oanh", (1990, 5, 7), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
];

const CENTRE_2025: &[Line] = &[
    Person(
        "Trương Quốc Việt",
        (1975, 2, 20),
        "Giám đốc Trung tâm",
        "VC",
        true,
        0.0,
        0.0,
        ["", "", "", ""],
        "",
        "Trung tâm Dịch vụ việc làm",
    ),
    Person(
        "Lê Thị Hồng Vân",
        (1980, 6, 14),
        "Phó Giám đốc Trung tâm",
        "VC",
        true,
        0.0,
        0.0,
        ["", "", "", ""],
        "",
        "Trung tâm Dịch vụ việc làm",
    ),
    Person(
        "Nguyễn Tấn Lộc",
        (1986, 12, 3),
        "",
        "VC",
        true,
        0.0,
        0.0,
        ["", "", "", ""],
        "Tư vấn viên",
        "Trung tâm Dịch vụ việc làm",
    ),
    Person(
        "Phan Thị Mỹ Lệ",
        (1992, 9, 25),
        "",
        "VC",
        false,
        0.0,
        0.0,
        ["", "", "", ""],
        "Chuyên viên",
        "Trung tâm Dịch vụ việc làm",
    ),
    Person(
        "Đỗ Văn Khánh",
        (1988, 11, 11),
        "",
        "VC",
        true,
        0.0,
        0.0,
        ["", "", "", ""],
        "Tư vấn viên",
        "Trung tâm Dịch vụ việc làm",
    ),
    Person(
        "Huỳnh Văn Phong",
        (1998, 4, 30),
        "",
        "VC",
        false,
        4.0,
        0.0,
        ["", "", "", ""],
        "Tuyển dụng từ ngày 01/9/2025",
        "Trung tâm Dịch vụ việc làm",
    ),
    Person(
        "Trần Thị Bảo Ngọc",
        (1994, 7, 12),
        "",
        "HĐLĐ",
        false,
        0.0,
        0.0,
        ["", "", "", ""],
        "Nhân viên hỗ trợ",
        "Trung tâm Dịch vụ việc làm",
    ),
];

const ROSTER_2026: &[Line] = &[
    Heading("I. LÃNH ĐẠO SỞ"),
    Person("Võ Thành Đạt", (1972, 4, 4), "Giám đốc Sở", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Nguyễn Thị Ánh Tuyết", (1976, 10, 18), "Phó Giám đốc Sở", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Trần Đăng Khoa", (1979, 1, 27), "Phó Giám đốc Sở", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Heading("II. VĂN PHÒNG SỞ"),
    Person("Lê Minh Hoàng", (1977, 9, 9), "Chánh Văn phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Trần Thị Mỹ Duyên", (1984, 3, 21), "Phó Chánh Văn phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Nguyễn Văn Tín", (1987, 12, 15), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên tổng hợp", ""),
    Person("Phạm Thị Thanh Thảo", (1985, 6, 2), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Kế toán", ""),
    Person("Đặng Quốc Hùng", (1990, 2, 11), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Huỳnh Thị Diệu", (1992, 8, 28), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Văn thư", ""),
    Person("Ngô Văn Lợi", (1978, 3, 16), "", "HĐLĐ", false, 0.0, 0.0, ["", "", "", ""], "Lái xe", ""),
    Heading("III. PHÒNG QUẢN LÝ VĂN HÓA VÀ GIA ĐÌNH"),
    Person("Bùi Thị Thu Sương", (1978, 5, 24), "Trưởng phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Đỗ Minh Nhật", (1982, 11, 13), "Phó Trưởng phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Trương Văn Hậu", (1986, 7, 7), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Lê Thị Ngọc Trâm", (1993, 1, 30), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Phan Quốc Thái", (1989, 9, 19), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Võ Thị Hạnh", (1991, 5, 5), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Heading("IV. PHÒNG QUẢN LÝ DU LỊCH"),
    Person("Nguyễn Đình Khang", (1979, 12, 12), "Trưởng phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Hồ Văn Tài", (1983, 3, 8), "Phó Trưởng phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Nguyễn Hoàng Phúc", (1990, 4, 22), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Trịnh Thị Yến Nhi", (1994, 10, 14), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Lâm Thị Bảo Trân", (1988, 8, 1), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên chính", ""),
    Heading("V. PHÒNG QUẢN LÝ THỂ DỤC, THỂ THAO"),
    Person("Trần Quốc Cường", (1978, 8, 15), "Trưởng phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Lê Thị Thanh Hương", (1983, 11, 2), "Phó Trưởng phòng", "CC", true, 0.0, 0.0, ["", "", "", ""], "", ""),
    Person("Phạm Văn Đông", (1988, 3, 19), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Nguyễn Thị Lan Anh", (1991, 6, 25), "", "CC", true, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
    Person("Võ Hoàng Nam", (1995, 1, 8), "", "CC", false, 0.0, 0.0, ["", "", "", ""], "Chuyên viên", ""),
];

const SERVICE_UNITS_2026: &[Line] = &[
    Person(
        "Đoàn Thị Minh Châu",
        (1976, 6, 26),
        "Giám đốc Thư viện",
        "VC",
        true,
        0.0,
        0.0,
        ["", "", "", ""],
        "",
        "Thư viện tỉnh",
    ),
    Person(
        "Nguyễn Văn Bình",
        (1981, 10, 10),
        "Phó Giám đốc Thư viện",
        "VC",
        true,
        0.0,
        0.0,
        ["", "", "", ""],
        "",
        "Thư viện tỉnh",
    ),
    Person(
        "Trần Thị Thu Hiền",
        (1989, 2, 17),
        "",
        "VC",
        true,
        0.0,
        0.0,
        ["", "", "", ""],
        "Thư viện viên",
        "Thư viện tỉnh",
    ),
    Person("Lê Văn Nhân", (1991, 9, 3), "", "VC", false, 0.0, 0.0, ["", "", "", ""], "Thư viện viên", "Thư viện tỉnh"),
    Person(
        "Phạm Thị Kim Yến",
        (1987, 12, 29),
        "",
        "VC",
        false,
        0.0,
        150.0,
        ["", "", "", ""],
        "Thư viện viên; nghỉ ốm từ tháng 3 đến tháng 7/2026",
        "Thư viện tỉnh",
    ),
    Person(
        "Huỳnh Ngọc Sang",
        (1993, 5, 15),
        "",
        "VC",
        true,
        0.0,
        0.0,
        ["", "", "", ""],
        "Thư viện viên",
        "Thư viện tỉnh",
    ),
    Person(
        "Võ Thị Thùy",
        (1995, 11, 20),
        "",
        "HĐLĐ",
        false,
        0.0,
        0.0,
        ["", "", "", ""],
        "Nhân viên bảo vệ",
        "Thư viện tỉnh",
    ),
    Person(
        "Đinh Văn Mạnh",
        (1975, 2, 2),
        "Giám đốc Bảo tàng",
        "VC",
        true,
        0.0,
        0.0,
        ["", "", "", ""],
        "",
        "Bảo tàng tổng hợp tỉnh",
    ),
    Person(
        "Lưu Thị Thanh Tâm",
        (1982, 12, 23),
        "Phó Giám đốc Bảo tàng",
        "VC",
        true,
        0.0,
        0.0,
        ["", "", "", ""],
        "",
        "Bảo tàng tổng hợp tỉnh",
    ),
    Person(
        "Nguyễn Hữu Lộc",
        (1988, 6, 9),
        "",
        "VC",
        false,
        0.0,
        0.0,
        ["", "", "", ""],
        "Thuyết minh viên",
        "Bảo tàng tổng hợp tỉnh",
    ),
    Person(
        "Trần Thị Ngọc Ánh",
        (1990, 4, 18),
        "",
        "VC",
        true,
        0.0,
        0.0,
        ["", "", "", ""],
        "Bảo quản viên",
        "Bảo tàng tổng hợp tỉnh",
    ),
    Person(
        "Phan Văn Hiếu",
        (1992, 7, 27),
        "",
        "VC",
        false,
        0.0,
        0.0,
        ["", "", "", ""],
        "Bảo quản viên",
        "Bảo tàng tổng hợp tỉnh",
    ),
    Person(
        "Cao Thị Mỹ Linh",
        (1996, 1, 11),
        "",
        "HĐLĐ",
        false,
        0.0,
        0.0,
        ["", "", "", ""],
        "Nhân viên bán vé",
        "Bảo tàng tổng hợp tỉnh",
    ),
];

/// The library's score sheet: name, unit, general criteria, task results, total (a part
/// below zero is left blank: only the total was given).
const LIBRARY_SCORES_2026: &[(&str, &str, f64, f64, f64)] = &[
    ("Nguyễn Văn Bình", "Thư viện tỉnh", 27.0, 61.0, 88.0),
    ("Trần Thị Thu Hiền", "Thư viện tỉnh", 26.5, 60.5, 87.0),
    ("Lê Văn Nhân", "Thư viện tỉnh", -1.0, -1.0, 84.0),
    ("Huỳnh Ngọc Sang", "Thư viện tỉnh", 26.0, 59.0, 85.0),
];

const SECTIONED: [&str; 13] = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Chức vụ",
    "Đối tượng",
    "Đảng viên",
    "Số tháng công tác",
    "Nghỉ ốm (ngày)",
    "Kỷ luật",
    "Loại kỷ luật",
    "Quyết định kỷ luật",
    "Kỷ luật liên quan công vụ",
    "Ghi chú",
];

const WITH_UNIT_COLUMN: [&str; 10] = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Chức vụ",
    "Đơn vị",
    "Đối tượng",
    "Đảng viên",
    "Số tháng công tác",
    "Nghỉ ốm (ngày)",
    "Ghi chú",
];

fn text(value: &str) -> Cell {
    if value.is_empty() { Empty } else { S(value.to_string()) }
}

fn number(value: f64) -> Cell {
    if value > 0.0 { N(value) } else { Empty }
}

/// Title rows, the header and its numbering row.
fn heading(agency: &str, title: String, columns: &[&str]) -> Vec<Vec<Cell>> {
    vec![
        vec![T("UBND TỈNH QUẢNG NGÃI")],
        vec![S(agency.to_uppercase())],
        vec![S(title)],
        vec![],
        columns.iter().map(|c| S(c.to_string())).collect(),
        (1..=columns.len()).map(|n| S(format!("({n})"))).collect(),
    ]
}

/// The total row and the signature line.
fn footing(rows: &mut Vec<Vec<Cell>>, people: usize) {
    rows.push(vec![Empty, S(format!("Tổng cộng: {people} người"))]);
    rows.push(vec![]);
    rows.push(vec![Empty, T("Người lập biểu"), Empty, Empty, Empty, Empty, Empty, Empty, T("Thủ trưởng cơ quan")]);
}

/// A roster whose units are section rows (`with_unit: false`) or a "Đơn vị" column.
fn roster(agency: &str, title: String, lines: &[Line], with_unit: bool) -> Sheet {
    let columns: &[&str] = if with_unit { &WITH_UNIT_COLUMN } else { &SECTIONED };
    let mut rows = heading(agency, title, columns);
    let mut index: u32 = 0;
    for line in lines {
        match line {
            Heading(label) => rows.push(vec![Empty, T(label)]),
            Person(name, (y, m, d), post, category, party, months, sick, discipline, note, unit) => {
                index += 1;
                let party = if *party { T("x") } else { Empty };
                let mut row = vec![N(f64::from(index)), T(name), D(*y, *m, *d), text(post)];
                if with_unit {
                    row.extend([T(unit), T(category), party, number(*months), number(*sick), text(note)]);
                } else {
                    row.extend([T(category), party, number(*months), number(*sick)]);
                    row.extend(discipline.iter().map(|d| text(d)));
                    row.push(text(note));
                }
                rows.push(row);
            }
        }
    }
    footing(&mut rows, index as usize);
    sheet("Danh sách", rows)
}

fn score_sheet(title: String, scores: &[(&'static str, &'static str, f64, f64, f64)]) -> Sheet {
    let columns = ["STT", "Họ và tên", "Đơn vị", "Điểm tiêu chí chung", "Điểm kết quả thực hiện nhiệm vụ", "Tổng điểm"];
    let mut rows = heading("Sở Văn hóa, Thể thao và Du lịch", title, &columns);
    for (n, (name, unit, general, tasks, total)) in scores.iter().enumerate() {
        let part = |v: f64| if v < 0.0 { Empty } else { N(v) };
        rows.push(vec![N((n + 1) as f64), T(name), T(unit), part(*general), part(*tasks), N(*total)]);
    }
    footing(&mut rows, scores.len());
    sheet("Điểm", rows)
}

/// Every sample workbook: its path under `samples/` and its sheets.
fn workbooks() -> Vec<(&'static str, Vec<Sheet>)> {
    let snv = "Sở Nội vụ";
    let svh = "Sở Văn hóa, Thể thao và Du lịch";
    vec![
        (
            "2025/danh-sach/DS CBCC NLD Lanh dao So, VP, cac phong 2025.xlsx",
            vec![roster(
                snv,
                "DANH SÁCH CÁN BỘ, CÔNG CHỨC, NGƯỜI LAO ĐỘNG ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2025".into(),
                ROSTER_2025,
                false,
            )],
        ),
        (
            "2025/danh-sach/Trung tam DVVL - DS VC NLD 2025.xlsx",
            vec![roster(
                snv,
                "DANH SÁCH VIÊN CHỨC, NGƯỜI LAO ĐỘNG TRUNG TÂM DỊCH VỤ VIỆC LÀM NĂM 2025".into(),
                CENTRE_2025,
                true,
            )],
        ),
        (
            "2026/danh-sach/DS CBCC NLD Lanh dao So, cac phong 2026.xlsx",
            vec![roster(
                svh,
                "DANH SÁCH CÁN BỘ, CÔNG CHỨC, NGƯỜI LAO ĐỘNG ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2026".into(),
                ROSTER_2026,
                false,
            )],
        ),
        (
            "2026/danh-sach/DS VC NLD don vi su nghiep 2026.xlsx",
            vec![roster(
                svh,
                "DANH SÁCH VIÊN CHỨC, NGƯỜI LAO ĐỘNG CÁC ĐƠN VỊ SỰ NGHIỆP NĂM 2026".into(),
                SERVICE_UNITS_2026,
                true,
            )],
        ),
        (
            "2026/danh-sach/diem-thu-vien-tinh-2026.xlsx",
            vec![score_sheet(
                "BẢNG TỔNG HỢP ĐIỂM THEO DÕI, ĐÁNH GIÁ VIÊN CHỨC THƯ VIỆN TỈNH NĂM 2026".into(),
                LIBRARY_SCORES_2026,
            )],
        ),
    ]
}

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// Every sheet of a workbook as (name, rows of values).
fn values(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn the_committed_sample_workbooks_are_what_these_tables_write() {
    let write = std::env::var_os("XEPLOAI_WRITE_SAMPLES").is_some();
    let fresh = tempfile::tempdir().unwrap();
    for (rel, sheets) in workbooks() {
        let committed = samples_dir().join(rel);
        if write {
            write_xlsx(&committed, &sheets);
            continue;
        }
        let written = fresh.path().join(rel);
        write_xlsx(&written, &sheets);
        assert!(committed.is_file(), "{rel} is missing: run this test with XEPLOAI_WRITE_SAMPLES=1");
        assert_eq!(
            values(&committed),
            values(&written),
            "{rel} differs from its table: run with XEPLOAI_WRITE_SAMPLES=1"
        );
    }
}
