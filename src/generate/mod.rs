//! A synthetic but lawful agency of any size, deterministic by seed, for measuring
//! the pipeline at province and national scale (`xeploai generate`).

use std::fmt::Write as _;
use std::path::Path;

use rust_xlsxwriter::{Workbook, XlsxError};

/// A small deterministic generator (xorshift64*): the same seed gives the same agency on
/// every machine, without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FAMILY: [&str; 16] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý",
];
const MIDDLE: [&str; 12] = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hữu", "Quốc", "Thu", "Đức", "Hoài", "Kim", "Công"];
const GIVEN: [&str; 40] = [
    "An", "Anh", "Ánh", "Bình", "Cường", "Dũng", "Dung", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng",
    "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Nhung", "Phong", "Phúc", "Phương",
    "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Trinh", "Tuấn", "Uyên", "Vân", "Yến",
];

pub struct Generated {
    pub people: usize,
    pub units: usize,
    pub workbooks: usize,
}

/// Rows per generated workbook by default: as a province's units send them.
pub const ROWS_PER_WORKBOOK: usize = 5_000;

/// Writes an inputs folder of about `people` people in units of 5–40 into `dir`.
pub fn generate(dir: &Path, people: usize, seed: u64) -> Result<Generated, String> {
    generate_with(dir, people, seed, ROWS_PER_WORKBOOK)
}

/// [`generate`] with rosters of `rows_per_workbook` rows each (one workbook holding a
/// whole province's roster measures what reading one large sheet costs).
pub fn generate_with(dir: &Path, people: usize, seed: u64, rows_per_workbook: usize) -> Result<Generated, String> {
    let mut rng = Rng(seed.max(1));
    let mut sizes = Vec::new();
    let mut total = 0;
    while total < people {
        let size = (5 + rng.below(36)).min(people - total).max(5);
        sizes.push(size);
        total += size;
    }
    let units: Vec<String> = (0..sizes.len()).map(|i| format!("Phòng Nghiệp vụ {}", i + 1)).collect();
    std::fs::create_dir_all(dir.join("don-vi")).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir.join("danh-sach")).map_err(|e| e.to_string())?;

    std::fs::write(dir.join("agency.yaml"), agency_yaml(&units)).map_err(|e| e.to_string())?;

    // Rosters: workbooks of at most `rows_per_workbook` rows.
    let mut rows: Vec<(String, &'static str, usize)> = Vec::with_capacity(total);
    for (u, size) in sizes.iter().enumerate() {
        let mut names: Vec<String> = Vec::with_capacity(*size);
        while names.len() < *size {
            let name = format!("{} {} {}", rng.pick(&FAMILY), rng.pick(&MIDDLE), rng.pick(&GIVEN));
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let excellent = size / 10;
        let mut review = format!(
            "kind: unit_review\nunit: {}\nmeeting:\n  date: 2023-11-{}\n  start: \"14:00\"\n  end: \"16:00\"\n  place: Phòng họp\n  chair: {}\n  secretary: {}\n  convened: {size}\ncollective:\n  results: Hoàn thành các nhiệm vụ được giao năm 2023.\n  strengths: Đoàn kết, chủ động.\n  shortcomings: Một số việc còn chậm.\n  causes: Khối lượng công việc lớn.\n  previous_year_remedies: Đã khắc phục hạn chế năm 2022.\n  responsibility: Trưởng phòng chịu trách nhiệm chính.\n  remedies: Tăng cường kiểm tra, đôn đốc.\n  self_rating: HTTNV\n  votes: {{ HTTNV: {size} }}\nreviews:\n",
            units[u],
            15 + rng.below(6),
            names[0],
            names[2]
        );
        for (i, name) in names.iter().enumerate() {
            let post = match i {
                0 => "Trưởng phòng",
                1 => "Phó Trưởng phòng",
                _ => "",
            };
            rows.push((name.clone(), post, u));
            let rating = if i >= 2 && i < 2 + excellent { "HTXSNV" } else { "HTTNV" };
            let chaired = if i == 0 { format!("    chaired_by: {}\n", names[1]) } else { String::new() };
            let _ = write!(
                review,
                "  - name: {name}\n{chaired}    self_rating: {rating}\n    comments:\n      - by: {}\n        text: Hoàn thành nhiệm vụ được giao, có tinh thần trách nhiệm.\n    votes: {{ {rating}: {size} }}\n    proposed: {rating}\n",
                names[if i == 0 { 1 } else { 0 }]
            );
        }
        std::fs::write(dir.join("don-vi").join(format!("phong-{}.yaml", u + 1)), review).map_err(|e| e.to_string())?;
    }
    std::fs::write(dir.join("agency_review.yaml"), consultation_yaml(&units)).map_err(|e| e.to_string())?;
    let mut workbooks = 0;
    for (i, chunk) in rows.chunks(rows_per_workbook.max(1)).enumerate() {
        roster(&dir.join("danh-sach").join(format!("danh-sach-{}.xlsx", i + 1)), chunk, &units)
            .map_err(|e| e.to_string())?;
        workbooks += 1;
    }
    Ok(Generated { people: total, units: units.len(), workbooks })
}

/// The agency file of `units`: the agency's largest YAML file with its consultation, a
/// unit a line pair, so the YAML budget is tested on it (`ingest::yaml::errors`).
pub fn agency_yaml(units: &[String]) -> String {
    let mut agency = String::from(
        "kind: agency\nyear: 2023\nname: Sở Thử nghiệm\nparent: UBND tỉnh Quảng Ngãi\ncode: STN\nplace: Quảng Ngãi\n\
         director: { name: Giám Đốc Thử, title: Giám đốc }\nunits:\n",
    );
    for u in units {
        let _ = writeln!(agency, "  - name: {u}\n    type: hanh_chinh");
    }
    agency.push_str(
        "calendar:\n  - id: unit-dossiers\n    due: 2023-11-22\n    what: Các phòng gửi hồ sơ\n    needs: [unit_minutes, unit_report, unit_proposal, self_reviews]\n",
    );
    agency
}

/// The agency's consultation of `units` (`agency_review.yaml`): each unit rated HTTNV.
pub fn consultation_yaml(units: &[String]) -> String {
    let mut consultation = String::from("kind: agency_review\nconsultation:\n  date: 2023-11-28\n  units:\n");
    for u in units {
        let _ = writeln!(consultation, "    - {{ unit: {u}, rating: HTTNV }}");
    }
    consultation
}

fn roster(path: &Path, rows: &[(String, &str, usize)], units: &[String]) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Đối tượng"].iter().enumerate() {
        sheet.write(0, c as u16, *h)?;
    }
    for (i, (name, post, unit)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write(r, 0, r)?;
        sheet.write(r, 1, name.as_str())?;
        sheet.write(r, 2, *post)?;
        sheet.write(r, 3, units[*unit].as_str())?;
        sheet.write(r, 4, "CC")?;
    }
    book.save(path)
}
