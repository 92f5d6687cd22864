//! The DOCX writer: a demo report rendered, opened and checked against the Decree 30
//! layout of outputs.md; then round-tripped through LibreOffice when it is installed.

mod common;

use common::docx::{count, open};
use serde_json::json;
use xeploai::render::{DocMeta, NO_ROWS, Templates, render_document};

fn demo(people: usize) -> Vec<u8> {
    let templates = Templates::load(None).unwrap();
    let people: Vec<_> = (0..people)
        .map(|i| json!({ "name": format!("Nguyễn Văn Người {i}"), "post": "Chuyên viên", "rating": "HTTNV" }))
        .collect();
    let context = json!({
        "parent": "UBND tỉnh Quảng Ngãi",
        "issuer": "Sở Nội vụ",
        "code": "SNV",
        "number": "",
        "place": "Quảng Ngãi",
        "date": "",
        "subject": "Kết quả đánh giá, xếp loại chất lượng năm 2023",
        "notes": ["Ghi chú có dấu *sao* và | gạch | và @pagebreak không phải lệnh.", "Ký tự điều khiển\u{000B}bị bỏ."],
        "share": 93.456,
        "people": people,
        "signer": "Lê Văn Cường",
        "recipients": ["UBND tỉnh (báo cáo);", "Lưu: VT, VP."],
    });
    let meta =
        DocMeta { title: "Báo cáo thử".into(), subject: "Kết quả".into(), author: "Sở Nội vụ".into() };
    render_document(&templates, "_demo.tera", &context, NO_ROWS, &meta, None).unwrap()
}

#[test]
fn page_fonts_and_language_follow_decree_30() {
    let d = open(&demo(5));
    let doc = d.document();
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    assert!(doc.contains(r#"w:top="1134""#) && doc.contains(r#"w:left="1701""#) && doc.contains(r#"w:right="850""#));
    let styles = d.part("word/styles.xml");
    for slot in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"] {
        assert!(styles.contains(&format!(r#"{slot}="Times New Roman""#)), "default font slot {slot}");
    }
    assert!(styles.contains(r#"<w:lang w:val="vi-VN""#), "language vi-VN");
    assert_eq!(count(doc, r#"w:eastAsia="Times New Roman""#), count(doc, "<w:rFonts"), "every run sets all slots");
    let settings = d.part("word/settings.xml");
    assert!(!settings.contains("useFELayout") && !settings.contains("balanceSingleByteDoubleByteWidth"));
    let core = d.part("docProps/core.xml");
    assert!(core.contains("<dc:creator>Sở Nội vụ</dc:creator>") && core.contains("<dc:title>Báo cáo thử</dc:title>"));
    assert!(!core.contains("unknown"));
}

#[test]
fn header_block_title_and_signature_texts() {
    let d = open(&demo(3));
    let p = d.paragraphs();
    let expect = [
        "UBND TỈNH QUẢNG NGÃI",
        "SỞ NỘI VỤ",
        "Số:        /BC-SNV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Quảng Ngãi, ngày      tháng 11 năm 2023",
        "BÁO CÁO",
        "Kết quả đánh giá, xếp loại chất lượng năm 2023",
        "Nơi nhận:",
        "- UBND tỉnh (báo cáo);",
        "- Lưu: VT, VP.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Lê Văn Cường",
    ];
    for e in expect {
        assert!(p.iter().any(|x| x == e), "missing paragraph “{e}” in {p:#?}");
    }
    let body = d.text();
    assert!(body.contains("Ghi chú có dấu *sao* và | gạch | và @pagebreak không phải lệnh."), "data stays literal");
    assert!(body.contains("93,5%"), "Vietnamese decimal");
    assert!(!body.contains('\u{000B}'));
    assert!(body.contains("Ký tự điều khiểnbị bỏ."));
}

#[test]
fn long_tables_repeat_their_header_and_rows_do_not_split() {
    let d = open(&demo(60));
    let doc = d.document();
    assert_eq!(count(doc, "<w:tblHeader />"), 1, "only the header row repeats");
    let header_row = doc.split("<w:tr>").find(|r| r.contains("<w:tblHeader />")).unwrap();
    assert!(header_row.contains("Họ và tên"));
    assert!(count(doc, "<w:cantSplit") >= 61);
}

#[test]
fn page_numbers_from_page_two_and_deflated_parts() {
    let d = open(&demo(3));
    assert!(d.document().contains("<w:titlePg"), "different first page");
    let headers: Vec<&String> = d.parts.iter().filter(|(n, _)| n.starts_with("word/header")).map(|(_, v)| v).collect();
    assert_eq!(headers.len(), 2);
    assert_eq!(
        headers.iter().filter(|h| h.contains("PAGE")).count(),
        1,
        "one header has the PAGE field, the first-page one not"
    );
    for (name, method) in &d.methods {
        assert_eq!(*method, zip::CompressionMethod::Deflated, "{name} is deflated");
    }
    for (name, xml) in &d.parts {
        assert!(xml.chars().all(xeploai::text::is_xml_char), "{name} has a character XML forbids");
    }
}

#[test]
fn libreoffice_reads_it_back_with_the_vietnamese_intact() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("docx-writer");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("demo.docx");
    std::fs::write(&path, demo(60)).unwrap();
    let Some((_, pages)) = common::libreoffice_pages(&path) else { return };
    assert!(pages.len() >= 2, "60 rows make at least two pages");
    let all = pages.join("\n");
    assert!(!all.contains('\u{FFFD}'), "no replacement characters");
    assert!(pages[0].contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && pages[0].contains("SỞ NỘI VỤ"));
    assert!(pages[0].contains("Nguyễn Văn Người 0"));
    assert!(pages[1].contains("Họ và tên"), "the header row repeats on page 2");
    assert!(
        pages[1].trim_start().starts_with('2'),
        "page 2 is numbered at the top: {}",
        &pages[1][..80.min(pages[1].len())]
    );
    assert!(!pages[0].trim_start().starts_with('1'), "page 1 has no number");
}
