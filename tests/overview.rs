//! The overview page, `tong-quan.html`: every build writes it, and a real browser
//! (Debian's chromium, headless) opens it. Its DOM is checked against the build's own
//! findings (`check --format json`), the documents on disk and the rules' counts, and
//! screenshots at a laptop's and a phone's width are taken for a person to look at.
//!
//! Without chromium the browser tests skip with a printed reason, and fail when `CI` is set.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use quick_xml::events::Event;
use serde_json::Value;
use xeploai::model::Rating;

const TODAY: &str = "2023-12-01";
const PAGE: &str = "tong-quan.html";

/// The chromium binary, or `None` (a loud skip) when it is missing; a failure under CI.
fn chromium() -> Option<PathBuf> {
    let candidates = [PathBuf::from("/usr/bin/chromium"), PathBuf::from("chromium")];
    let found = candidates
        .into_iter()
        .find(|bin| Command::new(bin).arg("--version").output().is_ok_and(|o| o.status.success()));
    if found.is_none() {
        assert!(std::env::var_os("CI").is_none(), "CI is set but chromium is not installed (apt-get install chromium)");
        eprintln!("\n*** SKIPPED: chromium is not installed; the overview page was not opened in a browser. ***\n");
    }
    found
}

/// Headless chromium on `page` with a fresh profile and nothing from the network.
fn browse(bin: &Path, page: &Path, args: &[&str]) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(output.status.success(), "chromium failed: {}", String::from_utf8_lossy(&output.stderr));
    output
}

/// The DOM as chromium built it from the page.
fn dump_dom(bin: &Path, page: &Path) -> String {
    String::from_utf8(browse(bin, page, &["--dump-dom"]).stdout).expect("UTF-8 DOM")
}

/// Screenshots at a laptop's and a phone's width into `dir`: (path, size) of each.
fn screenshots(bin: &Path, page: &Path, dir: &Path) -> Vec<PathBuf> {
    [("laptop", "1280,2400"), ("phone", "390,3000")]
        .into_iter()
        .map(|(name, size)| {
            let png = dir.join(format!("tong-quan-{name}.png"));
            browse(bin, page, &[&format!("--screenshot={}", png.display()), &format!("--window-size={size}")]);
            let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("{}: {e}", png.display()));
            assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000, "{} is a real picture", png.display());
            png
        })
        .collect()
}

/// An element carrying `data-*` markers: its attributes and its text.
#[derive(Debug, Default, Clone)]
struct Marked {
    attrs: BTreeMap<String, String>,
    text: String,
}

impl Marked {
    fn get(&self, name: &str) -> &str {
        self.attrs.get(name).map_or("", String::as_str)
    }
}

/// HTML elements with no end tag: they never open a level.
const VOID: [&str; 6] = ["meta", "br", "img", "input", "link", "hr"];

/// Every element of the DOM that has the attribute `marker`, with its text, read by
/// quick-xml leniently (HTML is not XML: void elements, unmatched ends).
fn marked(dom: &str, marker: &str) -> Vec<Marked> {
    let mut reader = quick_xml::Reader::from_str(dom);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut found = Vec::new();
    // (depth at which a marked element opened, its index in `found`)
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    loop {
        let text = match reader.read_event() {
            Ok(Event::Start(tag)) => {
                let hit = record(&tag, reader.decoder(), marker, &mut found);
                let name = String::from_utf8_lossy(tag.name().as_ref()).to_ascii_lowercase();
                if !VOID.contains(&name.as_str()) {
                    depth += 1;
                    if hit {
                        open.push((depth, found.len() - 1));
                    }
                }
                continue;
            }
            Ok(Event::Empty(tag)) => {
                record(&tag, reader.decoder(), marker, &mut found);
                continue;
            }
            Ok(Event::End(_)) => {
                if open.last().is_some_and(|(d, _)| *d == depth) {
                    open.pop();
                }
                depth = depth.saturating_sub(1);
                continue;
            }
            Ok(Event::Text(text)) => text.decode().map(|t| t.into_owned()).unwrap_or_default(),
            Ok(Event::GeneralRef(r)) => match r.decode().unwrap_or_default().as_ref() {
                "amp" => "&".to_string(),
                "lt" => "<".to_string(),
                "gt" => ">".to_string(),
                "quot" => "\"".to_string(),
                "nbsp" => " ".to_string(),
                other => format!("&{other};"),
            },
            Ok(Event::Eof) => break,
            Ok(_) => continue,
            Err(e) => panic!("the DOM does not parse at {}: {e}", reader.buffer_position()),
        };
        for (_, i) in &open {
            found[*i].text.push_str(&text);
        }
    }
    found
}

/// Adds the element to `found` if it carries `marker`.
fn record(
    tag: &quick_xml::events::BytesStart,
    decoder: quick_xml::encoding::Decoder,
    marker: &str,
    found: &mut Vec<Marked>,
) -> bool {
    let mut attrs = BTreeMap::new();
    for attr in tag.html_attributes().flatten() {
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        let value = attr
            .decoded_and_normalized_value(quick_xml::XmlVersion::Implicit1_0, decoder)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| String::from_utf8_lossy(&attr.value).replace("&nbsp;", " "));
        attrs.insert(key, value);
    }
    let hit = attrs.contains_key(marker);
    if hit {
        found.push(Marked { attrs, text: String::new() });
    }
    hit
}

/// `%XX` escapes of a URL path undone.
fn percent_decode(href: &str) -> String {
    let bytes = href.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap(), 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Every `.docx` under `outputs` (not the history), relative, with forward slashes.
fn documents_on_disk(outputs: &Path) -> BTreeSet<String> {
    walk(outputs)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .map(|p| xeploai::source::display_path(p.strip_prefix(outputs).unwrap()))
        .filter(|rel| !rel.starts_with(".history"))
        .collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
    }
    out
}

/// `check --format json` and `check` (text) on the same inputs and day.
fn check_both(inputs: &Path) -> (Value, String) {
    let (_, json) = check_json_on(inputs, TODAY);
    let (_, text, _) = run(&["check", "--inputs", inputs.to_str().unwrap(), "--today", TODAY]);
    (json, text)
}

/// The checks every page must pass against the build that wrote it.
fn assert_page_matches_build(bin: &Path, inputs: &Path, outputs: &Path) -> String {
    let page = outputs.join(PAGE);
    let html = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    assert_self_contained(&html);
    let dom = dump_dom(bin, &page);
    assert!(dom.contains("Lịch thực hiện") && dom.contains("Văn bản đã lập"), "the page reads in Vietnamese: {dom}");
    assert_eq!(marked(&dom, "data-today").first().map(|m| m.get("data-today").to_string()), Some(TODAY.to_string()));

    let (json, text) = check_both(inputs);
    assert_findings(&dom, &json, &text);
    assert_documents(&dom, outputs);
    dom
}

/// No network, no outside file: the page must open in an office without internet.
fn assert_self_contained(html: &str) {
    for banned in ["<script src", "<link", "@import", "url(", "http://", "https://", "<img", "<iframe"] {
        assert!(!html.contains(banned), "the page loads something from outside ({banned})");
    }
    assert!(html.contains("<style>") && html.contains("@media print") && html.contains("@media (max-width"));
}

/// Every finding of `check` is on the page, once, with its rule, severity, unit, message
/// and place as `check` prints it.
fn assert_findings(dom: &str, json: &Value, text: &str) {
    let on_page = marked(dom, "data-finding");
    let expected = json["findings"].as_array().unwrap();
    assert_eq!(on_page.len(), expected.len(), "one entry per finding");
    let mut unmatched: Vec<&Marked> = on_page.iter().collect();
    for f in expected {
        let source = &f["source"];
        let as_attr = |v: &Value| match v {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let position = unmatched.iter().position(|m| {
            m.get("data-rule") == f["rule"].as_str().unwrap()
                && m.get("data-severity") == f["severity"].as_str().unwrap()
                && m.get("data-unit") == f["unit"].as_str().unwrap_or_default()
                && m.get("data-file") == as_attr(&source["file"])
                && m.get("data-sheet") == as_attr(&source["sheet"])
                && m.get("data-cell") == as_attr(&source["cell"])
                && m.get("data-line") == as_attr(&source["line"])
                && m.get("data-column") == as_attr(&source["column"])
                && squash(&m.text).contains(&squash(f["message"].as_str().unwrap()))
        });
        let Some(i) = position else { panic!("finding not on the page: {f:#}\n{on_page:#?}") };
        let m = unmatched.remove(i);
        if !source.is_null() {
            let place = m.get("data-place");
            let printed = format!("tại: {place}");
            assert!(text.lines().any(|l| l.trim() == printed), "“{place}” is not the place `check` prints:\n{text}");
            assert!(squash(&m.text).contains(&squash(&format!("tại: {place}"))), "the place is shown: {m:?}");
        }
    }
}

/// Whitespace runs as one space: the DOM's text keeps the template's line breaks.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every document on disk is linked once, by a relative link that leads to it.
fn assert_documents(dom: &str, outputs: &Path) {
    let links = marked(dom, "data-doc");
    let linked: BTreeSet<String> = links.iter().map(|m| m.get("data-doc").to_string()).collect();
    assert_eq!(linked.len(), links.len(), "no document linked twice");
    assert_eq!(linked, documents_on_disk(outputs), "every document, and only documents, are linked");
    for link in &links {
        let href = link.get("href");
        assert!(!href.starts_with('/') && !href.contains(':'), "relative link: {href}");
        let target = outputs.join(percent_decode(href));
        assert!(target.is_file(), "the link {href} leads to no file");
        assert!(!link.text.trim().is_empty(), "{href} has a title");
    }
}

/// The sample agency: a clean build, every unit ready, the counts of the rules.
#[test]
fn the_sample_agencys_page_shows_the_build() {
    let Some(bin) = chromium() else { return };
    let (dir, inputs) = sample_copy();
    let outputs = dir.path().join("outputs");
    let (code, log) = build_at(&inputs, &outputs);
    assert_eq!(code, 0, "{log}");
    assert!(
        log.contains(&format!("Trang tổng quan (mở bằng trình duyệt): “{}”", outputs.join(PAGE).display())),
        "{log}"
    );
    let dom = assert_page_matches_build(&bin, &inputs, &outputs);

    // The final ratings per level, as the rules count them.
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let checked = xeploai::pipeline::check(&inputs, None, today);
    let evaluation = checked.evaluation.as_ref().unwrap();
    let levels: BTreeMap<String, u32> = marked(&dom, "data-level")
        .iter()
        .map(|m| (m.get("data-level").into(), m.get("data-count").parse().unwrap()))
        .collect();
    for rating in Rating::ALL {
        let expected = evaluation.facts.people.iter().filter(|p| p.final_rating == Some(rating)).count() as u32;
        assert_eq!(levels.get(rating.code()), Some(&expected), "{} on the chart", rating.code());
    }
    assert!(levels.values().sum::<u32>() > 0);

    // The quota lines: one per unit, one per group, each as the rules computed it.
    let quotas = marked(&dom, "data-quota");
    let units: Vec<&Marked> = quotas.iter().filter(|m| m.get("data-quota") == "unit").collect();
    assert_eq!(units.len(), evaluation.quotas.units.len());
    for (line, quota) in units.iter().zip(&evaluation.quotas.units) {
        assert_eq!(
            (line.get("data-allowed"), line.get("data-given")),
            (&*quota.ceiling.to_string(), &*quota.excellent.to_string())
        );
    }
    let groups = quotas.iter().filter(|m| m.get("data-quota") == "group").count();
    assert_eq!(groups, evaluation.quotas.groups.len());

    // Each unit ready, with its meeting file; each deadline of the calendar, met.
    let dataset = checked.ingest.dataset.as_ref().unwrap();
    let rows = marked(&dom, "data-ready");
    assert_eq!(rows.len(), dataset.agency.units.len());
    assert!(rows.iter().all(|r| r.get("data-ready") == "true" && r.text.contains("don-vi/")), "{rows:#?}");
    // Each with its minutes, found among the documents on disk.
    assert!(rows.iter().all(|r| r.text.contains("đã lập") && !r.text.contains("chưa lập")), "{rows:#?}");
    let (_, status, _) = run(&["status", "--format", "json", "--inputs", inputs.to_str().unwrap(), "--today", TODAY]);
    let status: Value = serde_json::from_str(&status).unwrap();
    let deadlines = marked(&dom, "data-deadline");
    let entries = status["entries"].as_array().unwrap();
    assert_eq!(deadlines.len(), entries.len());
    for (row, entry) in deadlines.iter().zip(entries) {
        let due = chrono::NaiveDate::parse_from_str(entry["due"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        assert_eq!(row.get("data-deadline"), due.format("%d/%m/%Y").to_string());
        let met = entry["rows"].as_array().unwrap().iter().all(|r| r["state"]["state"] == "ready");
        assert_eq!(row.get("data-met"), met.to_string(), "{entry:#}");
    }

    let shots = screenshots(&bin, &outputs.join(PAGE), dir.path());
    keep_for_a_person(&shots);
}

/// Inputs with errors: the page is written all the same, with every finding at its
/// place, the held-back unit not ready, and the documents of the units still built.
#[test]
fn a_page_is_written_when_the_inputs_have_errors() {
    let Some(bin) = chromium() else { return };
    let dir = rules_case("quota-unit", &[("Lê Văn Cường", "Số tháng công tác", "mười hai")]);
    copy_dir(&fixtures_dir().join("yaml-errors/bad-rating"), dir.path());
    let out = tempfile::tempdir().unwrap();
    let outputs = out.path().join("outputs");
    let (code, log) = build_at(dir.path(), &outputs);
    assert_eq!(code, 1, "{log}");
    let dom = assert_page_matches_build(&bin, dir.path(), &outputs);
    let (json, _) = check_both(dir.path());
    let located = json["findings"].as_array().unwrap().iter().filter(|f| !f["source"]["cell"].is_null()).count();
    let at_lines = json["findings"].as_array().unwrap().iter().filter(|f| !f["source"]["line"].is_null()).count();
    assert!(located > 0 && at_lines > 0, "the case has findings at a cell and at a line: {json:#}");
    let not_ready: Vec<Marked> =
        marked(&dom, "data-ready").into_iter().filter(|r| r.get("data-ready") == "false").collect();
    assert!(!not_ready.is_empty(), "a unit with errors is not ready");
    for row in &not_ready {
        let unit = row.get("data-unit");
        let errors = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["unit"] == unit && f["severity"] == "error")
            .count();
        assert_eq!(row.get("data-errors"), errors.to_string(), "{unit}");
    }
    let shots = screenshots(&bin, &outputs.join(PAGE), out.path());
    keep_for_a_person(&shots);
}

/// No agency.yaml: nothing can be built, but the page says why.
#[test]
fn a_page_is_written_without_a_dataset() {
    let inputs = tempfile::tempdir().unwrap();
    write(inputs.path(), "ghi-chu.yaml", "kind: unit_review\nunit: Văn phòng Sở\n");
    let out = tempfile::tempdir().unwrap();
    let (code, log) = build_at(inputs.path(), out.path());
    assert_eq!(code, 2, "{log}");
    let html = std::fs::read_to_string(out.path().join(PAGE)).unwrap();
    assert!(html.contains(r#"data-rule="AGENCY_MISSING""#), "{html}");
    assert!(html.contains("Chưa có văn bản nào."), "{html}");
    if let Some(bin) = chromium() {
        let dom = dump_dom(&bin, &out.path().join(PAGE));
        let (json, text) = check_both(inputs.path());
        assert_findings(&dom, &json, &text);
    }
}

/// The page is the build's like any document: a rebuild without change leaves it
/// alone, and a page a person edited is never overwritten.
#[test]
fn the_page_is_kept_when_nothing_changed_and_never_overwrites_a_hand_edit() {
    let dir = rules_case("clean", &[]);
    let out = tempfile::tempdir().unwrap();
    assert_eq!(build_at(dir.path(), out.path()).0, 0);
    let page = out.path().join(PAGE);
    let first = std::fs::read(&page).unwrap();
    let (code, log) = build_at(dir.path(), out.path());
    assert_eq!(code, 0);
    assert!(log.contains("Không có gì thay đổi"), "{log}");
    assert_eq!(std::fs::read(&page).unwrap(), first, "unchanged facts, unchanged page");

    std::fs::write(&page, "<p>ghi chú của văn phòng</p>").unwrap();
    let vp = dir.path().join("don-vi/vp.yaml");
    std::fs::write(&vp, std::fs::read_to_string(&vp).unwrap().replace("16:30", "17:00")).unwrap();
    let (code, log) = build_at(dir.path(), out.path());
    assert_eq!(code, 0, "{log}");
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "<p>ghi chú của văn phòng</p>");
    let beside = out.path().join("tong-quan (ban moi).html");
    assert!(std::fs::read_to_string(&beside).unwrap().contains("Lịch thực hiện"));
    assert!(log.contains("tong-quan (ban moi).html"), "the summary names where the page is: {log}");
}

/// Screenshots copied to `$OVERVIEW_SCREENSHOTS` when set, for a person to look at.
fn keep_for_a_person(shots: &[PathBuf]) {
    let Some(dir) = std::env::var_os("OVERVIEW_SCREENSHOTS") else { return };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    for shot in shots {
        let name = format!(
            "{}-{}",
            std::thread::current().name().unwrap_or("test").replace("::", "-"),
            shot.file_name().unwrap().to_string_lossy()
        );
        std::fs::copy(shot, dir.join(name)).unwrap();
    }
}

/// Each link of the page as (document, title as shown), read from its HTML.
fn linked_titles(html: &str) -> Vec<(String, String)> {
    let unescape = |text: &str| {
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#x27;", "'"), ("&#x2F;", "/"), ("&amp;", "&")]
            .iter()
            .fold(text.to_string(), |text, (from, to)| text.replace(from, to))
    };
    html.split("data-doc=\"")
        .skip(1)
        .map(|rest| {
            let (path, rest) = rest.split_once("\">").unwrap();
            let title = rest.split_once("</a>").unwrap().0;
            (unescape(path), unescape(title))
        })
        .collect()
}

/// The title a document's properties carry (docProps/core.xml).
fn property_title(docx: &Path) -> String {
    let opened = common::docx::open(&std::fs::read(docx).unwrap());
    let core = opened.part("docProps/core.xml");
    let title = core.split_once("<dc:title>").unwrap().1.split_once("</dc:title>").unwrap().0;
    title.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
}

/// The page names each document as its own properties do: after a build from nothing,
/// which lists what it renders, and after a rebuild of one unit, where the units found
/// current are named again for the page.
#[test]
fn every_document_on_the_page_has_the_title_of_its_properties() {
    let (dir, inputs) = sample_copy();
    let outputs = dir.path().join("outputs");
    for round in ["from nothing", "one unit changed"] {
        if round == "one unit changed" {
            let meeting = walkdir::WalkDir::new(inputs.join("don-vi"))
                .into_iter()
                .flatten()
                .find(|e| e.path().extension().is_some_and(|ext| ext == "yaml"))
                .unwrap();
            let text = std::fs::read_to_string(meeting.path()).unwrap();
            std::fs::write(meeting.path(), text.replacen("place: ", "place: Hội trường, ", 1)).unwrap();
        }
        let (code, log) = build_at(&inputs, &outputs);
        assert_eq!(code, 0, "{log}");
        let html = std::fs::read_to_string(outputs.join(PAGE)).unwrap();
        let links = linked_titles(&html);
        assert!(links.len() > 100, "{round}: the sample's documents: {}", links.len());
        for (path, shown) in links {
            assert_eq!(shown, property_title(&outputs.join(&path)), "{round}: {path}");
        }
    }
}
