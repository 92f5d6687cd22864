//! serde-saphyr's errors, told to the clerk in Vietnamese with their line and column.

use std::path::Path;

use serde_saphyr::{Budget, Error, Options};

use crate::findings::Finding;
use crate::source::Source;

/// Parsing options: duplicate keys are errors and the default budget caps what an
/// alias bomb ("billion laughs") could expand into; both are serde-saphyr's defaults,
/// named here so that a change of defaults upstream is a visible decision.
pub fn options() -> Options {
    let mut options = Options::default();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options.budget = Some(Budget::default());
    options.with_snippet = false;
    options
}

/// Errors of the YAML text itself, as opposed to a well-formed value of the wrong shape.
pub fn is_syntax_error(err: &Error) -> bool {
    let text = message(err);
    let shape_errors = [
        "unknown field",
        "missing field",
        "invalid type",
        "invalid value",
        "invalid u",
        "invalid i",
        "duplicate mapping key",
        "unknown variant",
        "expected string scalar",
    ];
    !(shape_errors.iter().any(|s| text.contains(s)) || text.starts_with('~'))
}

pub fn to_finding(err: &Error, rel: &Path, rule: &'static str) -> Finding {
    let source = match err.location() {
        Some(loc) => Source::line(rel, loc.line() as u32, loc.column() as u32),
        None => Source::file(rel),
    };
    Finding::error(rule, translate(&message(err))).at(source)
}

/// The error's own text without the snippet and without serde-saphyr's location prefix.
fn message(err: &Error) -> String {
    let text = err.without_snippet().to_string();
    let text = text.lines().next().unwrap_or_default().to_string();
    let text = text.strip_prefix("error: ").unwrap_or(&text).to_string();
    let text = match text.split_once(": ") {
        Some((head, rest)) if head.starts_with("line ") && head.contains(" column ") => rest.to_string(),
        _ => text,
    };
    // The place is reported on its own; drop "… at line 7, column 5" from the text.
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Vietnamese for the messages a clerk actually meets; our own messages (from
/// `values.rs`, marked with a leading `~`) pass through unchanged.
fn translate(msg: &str) -> String {
    if let Some(own) = msg.strip_prefix('~') {
        return own.to_string();
    }
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected.trim_start_matches(", expected one of ").trim_start_matches(", expected ");
        let expected = expected.replace('`', "");
        if field.contains(' ') {
            return format!(
                "YAML hiểu “{field}” là một khóa: có lẽ câu văn chứa dấu phẩy trong dấu {{ }}. Hãy đặt câu trong ngoặc kép \"...\" hoặc viết mỗi khóa trên một dòng."
            );
        }
        return if expected.is_empty() || expected.starts_with("there are no fields") {
            format!("Khóa “{field}” không có trong mẫu; hãy xóa hoặc sửa lại tên khóa.")
        } else {
            format!("Khóa “{field}” không có trong mẫu (các khóa hợp lệ: {expected}); hãy kiểm tra chính tả.")
        };
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return format!("Thiếu khóa bắt buộc “{field}”.");
    }
    if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest);
        return format!("Khóa “{key}” được ghi hai lần trong cùng một mục; hãy giữ lại một.");
    }
    if msg.contains("tabs disallowed") {
        return "Không được dùng phím Tab để thụt lề trong YAML; hãy dùng dấu cách.".to_string();
    }
    if msg.starts_with("invalid u") || msg.starts_with("invalid i") {
        return "Giá trị phải là một số nguyên không âm (ví dụ: 8).".to_string();
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        return format!("Giá trị sai kiểu ({rest}).");
    }
    if msg.contains("budget") || msg.contains("alias") && msg.contains("limit") {
        return format!("Tệp YAML dùng quá nhiều tham chiếu (&/*) và bị từ chối để bảo vệ hệ thống ({msg}).");
    }
    format!("Lỗi cú pháp YAML: {msg}.")
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn translates_common_messages() {
        assert_eq!(
            translate("unknown field `datee`, expected one of `date`, `convened`"),
            "Khóa “datee” không có trong mẫu (các khóa hợp lệ: date, convened); hãy kiểm tra chính tả."
        );
        assert_eq!(translate("missing field `name`"), "Thiếu khóa bắt buộc “name”.");
        assert_eq!(translate("~Ngày 31/02/2023 không có thật."), "Ngày 31/02/2023 không có thật.");
    }
}
