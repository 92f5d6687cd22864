//! serde-saphyr's errors, told to the clerk in Vietnamese with their line and column.

use std::path::Path;

use serde_saphyr::{Budget, Error, Options};

use crate::findings::Finding;
use crate::source::Source;

/// Parsing options: duplicate keys are errors and the budget caps what an alias bomb
/// ("billion laughs") could expand into, as serde-saphyr's defaults do, named here so that
/// a change of defaults upstream is a visible decision. One default is not kept: the
/// size of a plain file, which [`budget`] takes from the size limit instead.
pub fn options() -> Options {
    let mut options = Options::default();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options.budget = Some(budget());
    options.with_snippet = false;
    options
}

/// Nodes (maps, lists, values) a file may hold: one per 8 of the bytes a file may have
/// ([`MAX_YAML_BYTES`](crate::scan::MAX_YAML_BYTES)), where a node takes at least a few.
/// serde-saphyr's default of 250,000 refused the agency file of a 2,000,000-person agency
/// at its 50,000th unit (five nodes a unit), and its consultation of the units with it.
const MAX_NODES: usize = (crate::scan::MAX_YAML_BYTES / 8) as usize;

/// serde-saphyr's budget with the plain file's caps (nodes, and parser events, four a
/// node as in its defaults) following from the size limit. What an alias may expand into
/// (aliases, anchors, what an anchor records, their ratio) keeps the defaults.
fn budget() -> Budget {
    let mut budget = Budget::default();
    budget.max_nodes = MAX_NODES;
    budget.max_events = 4 * MAX_NODES;
    budget
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
    if msg.starts_with("invalid type: ") || msg.starts_with("invalid value: ") {
        return "Giá trị ở đây sai kiểu: chỗ này cần một giá trị khác (một chữ, một số, một danh sách “- ...” hay một mục “khóa: giá trị”). Hãy so với tệp mẫu (`xeploai init`).".to_string();
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected.trim_start_matches(", expected one of ").trim_start_matches(", expected ");
        let expected = expected.replace('`', "");
        return format!("Giá trị “{value}” không hợp lệ ở đây; hãy dùng một trong các giá trị: {expected}.");
    }
    if let Some(limit) = limit_message(msg) {
        return limit;
    }
    format!("Lỗi cú pháp YAML: {}", syntax_message(msg))
}

/// The budget that guards against hostile files, told by which limit was reached: a
/// deep nesting or a huge file is not "too many references".
fn limit_message(msg: &str) -> Option<String> {
    let lower = msg.to_lowercase();
    if !(lower.contains("limit") || lower.contains("budget") || lower.contains("too large")) {
        return None;
    }
    Some(if lower.contains("alias") || lower.contains("anchor") {
        "Tệp YAML dùng quá nhiều tham chiếu (&/*) nên bị từ chối để bảo vệ hệ thống; hãy viết thẳng các giá trị thay vì tham chiếu.".to_string()
    } else if lower.contains("depth") {
        "Tệp YAML lồng nhau quá nhiều cấp nên bị từ chối; một tệp họp chỉ cần vài cấp thụt lề, hãy kiểm tra lại cấu trúc tệp.".to_string()
    } else {
        "Tệp YAML quá lớn hoặc quá phức tạp nên bị từ chối; hãy tách tệp hoặc kiểm tra xem tệp có bị chép lặp nhiều lần không.".to_string()
    })
}

/// Broken YAML text, told by what the clerk most likely did; the parser's English is
/// never shown, the line and column are.
fn syntax_message(msg: &str) -> String {
    let lower = msg.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&["indicator", "block collection", "block mapping", "block end", "indentation", "indent"]) {
        return "Thụt lề không đều: các khóa cùng cấp phải thẳng cột (cùng số dấu cách ở đầu dòng), và mỗi mục của danh sách bắt đầu bằng “- ”. Hãy so dòng này với dòng ngay trên nó.".to_string();
    }
    if has(&["mapping values are not allowed", "did not find expected key", "could not find expected ':'"]) {
        return "Thiếu dấu hai chấm sau tên khóa, hoặc câu văn có dấu hai chấm “: ”. Hãy viết “khóa: giá trị”, và đặt câu có dấu hai chấm trong ngoặc kép \"...\".".to_string();
    }
    if has(&["flow", "']'", "'}'", "',' or"]) {
        return "Thiếu dấu đóng ] hoặc } (hoặc dấu phẩy giữa các mục) trong danh sách viết trên một dòng. Hãy kiểm tra các dấu ngoặc của dòng này.".to_string();
    }
    if has(&["quote", "quoted scalar"]) {
        return "Dấu ngoặc kép chưa được đóng. Hãy thêm dấu \" ở cuối giá trị.".to_string();
    }
    if has(&["cannot start any token", "character"]) {
        return "Có ký tự không được dùng ở đầu giá trị (như @, ` hoặc %). Hãy đặt giá trị trong ngoặc kép \"...\"."
            .to_string();
    }
    if has(&["duplicate"]) {
        return "Có khóa được ghi hai lần trong cùng một mục; hãy giữ lại một.".to_string();
    }
    "Tệp YAML sai cú pháp ở vị trí này. Hãy kiểm tra thụt lề, dấu hai chấm sau mỗi khóa và các dấu ngoặc kép, hoặc so với tệp mẫu (`xeploai init`).".to_string()
}

#[cfg(test)]
mod tests {
    use super::translate;

    /// A nation's two largest files as the generator writes them: 100,000 units (some
    /// 2,200,000 people), 500,000 nodes each, twice serde-saphyr's default cap.
    #[test]
    fn a_nations_agency_files_are_within_the_budget() {
        use crate::generate::{agency_yaml, consultation_yaml};
        use crate::ingest::yaml::{AgencyDoc, AgencyReviewDoc, parse};
        let units: Vec<String> = (1..=100_000).map(|n| format!("Phòng Nghiệp vụ {n}")).collect();
        let agency = parse::<AgencyDoc>(&agency_yaml(&units), std::path::Path::new("agency.yaml"));
        assert_eq!(agency.map(|doc| doc.units.len()).map_err(|finding| finding.message), Ok(100_000));
        let review = parse::<AgencyReviewDoc>(&consultation_yaml(&units), std::path::Path::new("agency_review.yaml"));
        let units = review.map(|doc| doc.consultation.map_or(0, |c| c.value.units.len()));
        assert_eq!(units.map_err(|finding| finding.message), Ok(100_000));
    }

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
