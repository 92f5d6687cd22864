//! `xeploai prepare`: the meeting files and votes workbooks the clerk completes, and what
//! changed on the roster since a file was written, told unit by unit.

use std::path::Path;

use crate::pipeline::exit;
use crate::prepare::{Action, UnitOutcome, prepare};
use crate::source::display_path;

pub fn command(inputs: &Path) -> u8 {
    if !inputs.is_dir() {
        eprintln!(
            "LỖI: không có thư mục dữ liệu “{}”. Hãy chỉ đúng thư mục bằng --inputs, hoặc tạo mẫu bằng `xeploai init`.",
            inputs.display()
        );
        return exit::CANNOT_RUN;
    }
    match prepare(inputs) {
        Ok(outcomes) => {
            for outcome in &outcomes {
                println!("{}", line(outcome));
            }
            println!("{}", summary(&outcomes));
            exit::OK
        }
        Err(err) => {
            eprintln!("LỖI: {err}");
            exit::CANNOT_RUN
        }
    }
}

/// One unit's line (and its roster changes, indented under it).
pub fn line(outcome: &UnitOutcome) -> String {
    let file = display_path(&outcome.file);
    let written_book = outcome.book.as_deref().map(display_path);
    let book = written_book.as_deref().map(|b| format!(" và bảng phiếu {b}")).unwrap_or_default();
    let added_book = written_book.map(|b| format!(", đã tạo thêm bảng phiếu {b}")).unwrap_or_default();
    let mut text = match outcome.action {
        Action::Written => {
            format!("{}: đã tạo tệp họp kiểm điểm {file}{book} ({} người).", outcome.unit, outcome.members)
        }
        Action::Refreshed => format!(
            "{}: tệp {file} chưa được điền nên đã lập lại theo danh sách mới{book} ({} người).",
            outcome.unit, outcome.members
        ),
        Action::Kept if outcome.drift.is_empty() => {
            format!("{}: giữ nguyên tệp {file}{added_book}; khớp danh sách.", outcome.unit)
        }
        Action::Kept => format!(
            "{}: giữ nguyên tệp {file}{added_book} (đã có người điền); danh sách đã thay đổi từ khi tệp được lập, hãy sửa tệp cho khớp:",
            outcome.unit
        ),
        Action::Unreadable => format!(
            "{}: tệp họp kiểm điểm của đơn vị đang có lỗi nên không được đụng tới; chạy `xeploai check` để xem lỗi.",
            outcome.unit
        ),
        Action::Occupied => format!(
            "{}: đã có tệp {file} nhưng không phải tệp họp kiểm điểm của đơn vị; không ghi đè. Hãy đổi tên tệp đó rồi chạy lại.",
            outcome.unit
        ),
    };
    if !outcome.drift.added.is_empty() {
        text.push_str(&format!("\n    thêm vào danh sách (chưa có trong tệp): {}", outcome.drift.added.join(", ")));
    }
    if !outcome.drift.gone.is_empty() {
        text.push_str(&format!(
            "\n    không còn trong danh sách (vẫn có trong tệp): {}",
            outcome.drift.gone.join(", ")
        ));
    }
    text
}

fn summary(outcomes: &[UnitOutcome]) -> String {
    let written = outcomes.iter().filter(|o| matches!(o.action, Action::Written | Action::Refreshed)).count();
    format!(
        "\nĐã lập {written} tệp họp kiểm điểm; {} tệp đã có được giữ nguyên. Sau mỗi cuộc họp, điền tệp của đơn vị rồi chạy `xeploai check`.",
        outcomes.len() - written
    )
}
