//! Mistakes on the command line told in Vietnamese: clap's own messages are English
//! ("error: unexpected argument"), so its errors are caught and retold here, keeping
//! clap's suggestion of the flag or command that was probably meant.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

/// The Vietnamese message for a command-line error, with what to do.
pub fn message(err: &Error) -> String {
    let context = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(list)) => list.first().cloned(),
        _ => None,
    };
    let list = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::Strings(list)) => list.iter().map(|s| format!("“{s}”")).collect::<Vec<_>>().join(", "),
        Some(ContextValue::String(text)) => format!("“{text}”"),
        _ => String::new(),
    };
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let suggestion = context(ContextKind::SuggestedArg)
        .or_else(|| context(ContextKind::SuggestedSubcommand))
        .map(|s| format!(" Có phải ý bạn là “{s}”?"))
        .unwrap_or_default();
    let what = match err.kind() {
        ErrorKind::UnknownArgument => format!("Không có tùy chọn “{arg}”.{suggestion}"),
        ErrorKind::InvalidSubcommand => {
            let name = context(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!(
                "Không có lệnh “{name}”.{suggestion} Các lệnh: check, build, status, prepare, watch, schedule, init."
            )
        }
        ErrorKind::InvalidValue => {
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            let valid = list(ContextKind::ValidValue);
            let valid = if valid.is_empty() { String::new() } else { format!(" Giá trị hợp lệ: {valid}.") };
            if value.is_empty() {
                format!("Tùy chọn “{arg}” cần một giá trị.{valid}")
            } else {
                format!("Giá trị “{value}” của “{arg}” không hợp lệ.{valid}{suggestion}")
            }
        }
        ErrorKind::ValueValidation => {
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            format!("Giá trị “{value}” của “{arg}” không hợp lệ (cần một số hoặc một đường dẫn đúng).")
        }
        ErrorKind::MissingRequiredArgument => format!("Thiếu {}.", list(ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "Hãy cho biết lệnh cần chạy: check, build, status, prepare, watch, schedule hoặc init.".to_string()
        }
        ErrorKind::ArgumentConflict => format!("Tùy chọn “{arg}” không dùng chung được với tùy chọn đã ghi."),
        ErrorKind::TooManyValues => format!("Thừa giá trị “{arg}”."),
        _ => "Dòng lệnh không đúng.".to_string(),
    };
    format!("LỖI: {what} Xem hướng dẫn bằng `xeploai --help` hoặc `xeploai <lệnh> --help`.")
}
