//! Findings for people (Vietnamese text grouped by unit, errors first) and for programs
//! (the JSON object of rules.md, "Command contract").

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use serde_json::{Value, json};

use crate::findings::{Finding, Severity};
use crate::output::Report;
use crate::pipeline::CheckRun;

pub fn json(run: &CheckRun) -> String {
    let findings: Vec<Value> = crate::findings::sorted(&run.findings.0).into_iter().map(finding_json).collect();
    let (people, units) = run.counts();
    let value = json!({
        "findings": findings,
        "summary": {
            "people": people,
            "units": units,
            "errors": run.findings.count(Severity::Error),
            "warnings": run.findings.count(Severity::Warning),
        }
    });
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_string())
}

fn finding_json(f: &Finding) -> Value {
    let source = f.source.as_ref().map(|s| {
        let (line, column) = s.line_column().unzip();
        let (sheet, cell) = s.sheet_cell().unzip();
        json!({ "file": s.file_display(), "line": line, "column": column, "sheet": sheet, "cell": cell })
    });
    json!({
        "rule": f.rule,
        "severity": f.severity,
        "unit": f.unit,
        "person": f.person,
        "message": f.message,
        "source": source,
        "legal": f.legal,
    })
}

pub fn text(run: &CheckRun, inputs: &Path) -> String {
    let mut out = String::new();
    let (people, units) = run.counts();
    let _ = writeln!(
        out,
        "Đã đọc {} tệp trong “{}”: {people} người, {units} đơn vị.",
        run.ingest.files.len(),
        super::absolute(inputs).display()
    );
    let mut groups: BTreeMap<(bool, String), Vec<&Finding>> = BTreeMap::new();
    for f in crate::findings::sorted(&run.findings.0) {
        let key = match &f.unit {
            Some(unit) => (false, unit.clone()),
            None => (true, "Chung (toàn cơ quan và các tệp)".to_string()),
        };
        groups.entry(key).or_default().push(f);
    }
    // Units with errors come first, then the others; the agency-wide group last, unless
    // it holds a file that could not be read: that is a cause, and comes first.
    let mut ordered: Vec<(&(bool, String), &Vec<&Finding>)> = groups.iter().collect();
    let is_cause = |f: &&Finding| f.is_input() && f.severity != Severity::Info;
    ordered.sort_by_key(|((general, name), list)| {
        let general_last = *general && !list.iter().any(is_cause);
        (general_last, !list.iter().any(|f| f.is_error()), name.clone())
    });
    for ((_, name), list) in ordered {
        let _ = writeln!(out, "\n{name}");
        // Within a unit, what went wrong with its files first: the rest may follow from it.
        let mut list = list.clone();
        list.sort_by_key(|f| (!f.is_input(), f.severity));
        for f in list {
            let _ = writeln!(out, "  {} [{}] {}", f.severity.label_vi(), f.rule, f.message);
            if let Some(source) = &f.source {
                let _ = writeln!(out, "      tại: {source}");
            }
            if let Some(legal) = f.legal {
                let _ = writeln!(out, "      căn cứ: {legal}");
            }
        }
    }
    let _ = writeln!(
        out,
        "\nTổng cộng: {} lỗi, {} cảnh báo, {} ghi nhận.",
        run.findings.count(Severity::Error),
        run.findings.count(Severity::Warning),
        run.findings.count(Severity::Info)
    );
    if !run.findings.has_errors() {
        let _ = writeln!(out, "Dữ liệu không có lỗi.");
    }
    out
}

/// What a build wrote, left alone or put beside an edited document, and where its
/// overview page (`overview`, relative to `outputs`) is.
pub fn build_summary(report: &Report, outputs: &Path, overview: Option<&Path>) -> String {
    let mut out = String::new();
    // The page and the summary's data are no documents: each is named on a line of its own.
    let summary = Path::new(crate::rollup::FILE);
    if report.written.is_empty() && report.beside.is_empty() {
        let _ = writeln!(
            out,
            "\nKhông có gì thay đổi: không ghi lại văn bản nào ({} văn bản giữ nguyên trong “{}”).",
            report.unchanged.documents,
            super::absolute(outputs).display()
        );
    } else {
        let _ = writeln!(
            out,
            "\nĐã ghi {} văn bản vào “{}”; {} văn bản không đổi.",
            report.written.documents,
            super::absolute(outputs).display(),
            report.unchanged.documents
        );
    }
    if let Some(page) = overview {
        let _ = writeln!(
            out,
            "Trang tổng quan (mở bằng trình duyệt): “{}”",
            super::absolute(&outputs.join(page)).display()
        );
    }
    if report.written.others.iter().chain(&report.unchanged.others).any(|p| p.as_path() == summary) {
        let _ = writeln!(
            out,
            "Số liệu tổng hợp gửi cấp trên (để cộng bằng `xeploai consolidate`): “{}”",
            super::absolute(&outputs.join(summary)).display()
        );
    }
    for (edited, beside) in &report.beside {
        let _ = writeln!(
            out,
            "  CẢNH BÁO: “{}” đã được sửa tay nên được giữ nguyên; bản mới ghi tại “{}”.",
            crate::source::display_path(edited),
            crate::source::display_path(beside)
        );
    }
    for (open, beside) in &report.held_open {
        let _ = writeln!(
            out,
            "  CẢNH BÁO: “{}” đang mở (có thể trong Word) nên bản mới được ghi cạnh: “{}”. \
             Đóng văn bản rồi chạy lại để bản mới về đúng tên.",
            crate::source::display_path(open),
            crate::source::display_path(beside)
        );
    }
    for (copy, document) in &report.stale {
        let _ = writeln!(
            out,
            "  CẢNH BÁO: “{}” không còn là bản mới nhất: “{}” đã được lập lại theo dữ liệu hiện nay; \
             hãy chép sang phần cần giữ (nếu có) rồi xóa “{}”.",
            crate::source::display_path(copy),
            crate::source::display_path(document),
            crate::source::display_path(copy)
        );
    }
    if let Some(err) = &report.unsaved {
        let _ = writeln!(
            out,
            "  CẢNH BÁO: các văn bản đã ghi đầy đủ, nhưng chưa lưu được sổ theo dõi {}: {err}. \
             Lần chạy sau sẽ tự lưu lại; nếu ổ đĩa đầy, hãy giải phóng chỗ trống.",
            crate::output::MANIFEST_NAME
        );
    }
    out
}
