//! One checker of the Decree 30/2020 layout of outputs.md, read from the DOCX XML and
//! used for every document type. It returns the problems it finds, so a test can also
//! show that a document broken on purpose fails it.
#![allow(dead_code)]

use super::docx::{Opened, count};

const TNR: &str = "Times New Roman";

/// Problems of `d` against the layout table of outputs.md; empty when it conforms.
pub fn problems(d: &Opened) -> Vec<String> {
    let mut out = Vec::new();
    let doc = d.document();
    let mut bad = |m: String| out.push(m);

    // Page: A4, margins top 20–25, bottom 20–25, left 30–35, right 15–20 mm.
    let landscape = doc.contains(r#"w:orient="landscape""#);
    let size = if landscape { r#"<w:pgSz w:w="16838" w:h="11906""# } else { r#"<w:pgSz w:w="11906" w:h="16838""# };
    if !doc.contains(size) {
        bad("page is not A4".into());
    }
    let margin = |name: &str| attr(doc, "<w:pgMar", name).and_then(|v| v.parse::<i32>().ok()).unwrap_or(-1);
    let mm = |twips: i32| twips as f64 / 56.7;
    for (name, lo, hi) in [("top", 20.0, 25.0), ("bottom", 20.0, 25.0), ("left", 30.0, 35.0), ("right", 15.0, 20.0)] {
        let v = mm(margin(name));
        if !(lo - 0.1..=hi + 0.1).contains(&v) {
            bad(format!("{name} margin {v:.1} mm outside {lo}–{hi} mm"));
        }
    }
    // Fonts in every slot, in the defaults and on every run; language vi-VN.
    let styles = d.part("word/styles.xml");
    for slot in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"] {
        if !styles.contains(&format!(r#"{slot}="{TNR}""#)) {
            bad(format!("default font slot {slot} is not {TNR}"));
        }
        if count(doc, &format!(r#"{slot}="{TNR}""#)) != count(doc, "<w:rFonts") {
            bad(format!("a run lacks {TNR} in {slot}"));
        }
    }
    if !styles.contains(r#"<w:lang w:val="vi-VN""#) {
        bad("language is not vi-VN".into());
    }
    // The header block: the Quốc hiệu, or on a party form (HD 25, not governed by NĐ 30)
    // the party's name.
    let party = doc.contains(">ĐẢNG CỘNG SẢN VIỆT NAM<");
    if party && doc.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
        bad("a party form carries the Quốc hiệu".into());
    }
    for (text, sizes, style) in [
        ("ĐẢNG CỘNG SẢN VIỆT NAM", &[24, 26, 28][..], "<w:b />"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &[24, 26][..], "<w:b />"),
        ("Độc lập - Tự do - Hạnh phúc", &[26, 28][..], "<w:b />"),
    ]
    .into_iter()
    .filter(|(text, ..)| party == text.starts_with("ĐẢNG"))
    {
        match run_props(doc, text) {
            None => bad(format!("no “{text}”")),
            Some(rpr) => {
                if !rpr.contains(style) {
                    bad(format!("“{text}” is not bold"));
                }
                if !sizes.iter().any(|s| rpr.contains(&format!(r#"<w:sz w:val="{s}" />"#))) {
                    bad(format!("“{text}” size outside {sizes:?} half-points"));
                }
            }
        }
    }
    // The number line, the Nơi nhận heading and list, where the document has them.
    if let Some(rpr) = run_props_containing(doc, ">Số:")
        && !rpr.contains(r#"<w:sz w:val="26" />"#)
    {
        bad("“Số:” is not 13 pt".into());
    }
    if let Some(rpr) = run_props(doc, "Nơi nhận:") {
        if !(rpr.contains("<w:b />") && rpr.contains("<w:i />") && rpr.contains(r#"<w:sz w:val="24" />"#)) {
            bad("“Nơi nhận:” is not 12 pt bold italic".into());
        }
        if let Some(item) = run_props_containing(doc, ">- Lưu")
            && !item.contains(r#"<w:sz w:val="22" />"#)
        {
            bad("the Nơi nhận list is not 11 pt".into());
        }
    }
    // The title: the first bold centred paragraph after the header block, 13–14 pt.
    for title in ["BIÊN BẢN", "BÁO CÁO", "DANH SÁCH", "TÌNH HÌNH THỰC HIỆN", "BẢN KIỂM ĐIỂM CÁ NHÂN"]
    {
        if let Some(rpr) = run_props(doc, title)
            && !(rpr.contains("<w:b />")
                && (rpr.contains(r#"<w:sz w:val="26" />"#) || rpr.contains(r#"<w:sz w:val="28" />"#)))
        {
            bad(format!("the title “{title}” is not 13–14 pt bold"));
        }
    }
    match run_props_containing(doc, ", ngày") {
        Some(rpr) if rpr.contains("<w:i />") => {}
        _ => bad("no italic date line “…, ngày … tháng … năm …”".into()),
    }
    // Page numbers from page 2: a first-page header without PAGE, a default one with it.
    if !doc.contains("<w:titlePg") {
        bad("page 1 is not set apart (titlePg)".into());
    }
    let headers: Vec<&String> = d.parts.iter().filter(|(n, _)| n.starts_with("word/header")).map(|(_, v)| v).collect();
    if headers.iter().filter(|h| h.contains("PAGE")).count() != 1 || headers.len() != 2 {
        bad("page numbers: expected one numbered header and an empty first-page header".into());
    }
    // Tables: never wider than the text area; header rows repeat; rows do not split.
    let text_width = if landscape { 16838 - 1701 - 850 } else { 11906 - 1701 - 850 };
    for tbl in doc.split("<w:tblW w:w=\"").skip(1) {
        let w: i32 = tbl.split('"').next().and_then(|v| v.parse().ok()).unwrap_or(0);
        if w > text_width {
            bad(format!("a table is {w} twips wide, more than the text area ({text_width})"));
        }
    }
    for table in doc.split("<w:tbl>").skip(1) {
        let rows = count(table, "<w:tr>");
        let borderless = !table.contains("w:val=\"single\"");
        if rows > 3 && !borderless && !table.split("<w:tr>").nth(1).is_some_and(|r| r.contains("<w:tblHeader />")) {
            bad("a long table without a repeated header row".into());
        }
    }
    // Text hygiene and packaging.
    for (name, xml) in &d.parts {
        if let Some(c) = xml.chars().find(|c| !xeploai::text::is_xml_char(*c)) {
            bad(format!("{name} holds U+{:04X}, which XML forbids", c as u32));
        }
    }
    for (name, method) in &d.methods {
        if *method != zip::CompressionMethod::Deflated {
            bad(format!("{name} is not deflated"));
        }
    }
    for (name, xml) in d.parts.iter().filter(|(n, _)| n.ends_with(".xml")) {
        for p in order_problems(name, xml) {
            bad(p);
        }
    }
    let core = d.part("docProps/core.xml");
    if core.contains(">unknown<") || !core.contains("<dc:title>") {
        bad("document properties: author unknown or no title".into());
    }
    out
}

/// The value of `name` in the first `element` tag.
fn attr<'a>(xml: &'a str, element: &str, name: &str) -> Option<&'a str> {
    let start = xml.find(element)?;
    let tag = &xml[start..start + xml[start..].find('>')?];
    let key = format!("w:{name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// The run properties of the run whose text is exactly `text`.
pub fn run_props<'a>(xml: &'a str, text: &str) -> Option<&'a str> {
    let needle = format!(">{}</w:t>", text);
    find_run(xml, xml.find(&needle)?)
}

/// The run properties of the first run whose text contains `part`.
pub fn run_props_containing<'a>(xml: &'a str, part: &str) -> Option<&'a str> {
    find_run(xml, xml.find(part)?)
}

fn find_run(xml: &str, at: usize) -> Option<&str> {
    let run_start = xml[..at].rfind("<w:r>")?;
    let run = &xml[run_start..at];
    let start = run.find("<w:rPr>")?;
    let end = run.find("</w:rPr>")?;
    Some(&run[start..end])
}

/// Children out of schema order in `xml`: "w:rPr: sz before b", one line per kind found.
pub fn order_problems(part: &str, xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    // The same table the writer sorts by (src/render/schema_order.rs), transcribed from wml.xsd.
    for (parent, order) in xeploai::render::schema_order::ORDERS {
        let open = format!("<{parent}>");
        let close = format!("</{parent}>");
        for chunk in xml.split(&open).skip(1) {
            let Some(body) = chunk.split(&close).next() else { continue };
            let mut last = 0usize;
            let mut depth = 0usize;
            for tag in body.split('<').skip(1) {
                let name = tag.split([' ', '>', '/']).next().unwrap_or("");
                if tag.starts_with('/') {
                    depth = depth.saturating_sub(1);
                    continue;
                }
                let self_closing = tag.split('>').next().is_some_and(|t| t.ends_with('/'));
                if depth == 0
                    && let Some(at) = order.iter().position(|o| *o == name)
                {
                    if at < last {
                        let line = format!("{part}: in {parent}, {name} comes after {}", order[last]);
                        if !out.contains(&line) {
                            out.push(line);
                        }
                    }
                    last = last.max(at);
                }
                if !self_closing {
                    depth += 1;
                }
            }
        }
    }
    out
}
