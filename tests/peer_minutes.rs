//! The peer benchmark's document (bench/peer/minutes.tera, ../shared/bench/spec.json) as
//! the harness's verify.py checks it: the same paragraph texts in the same order, three
//! tables, header + 20 rows in the members table.

mod common;

use common::docx::open;
use xeploai::render::{DocMeta, NO_ROWS, Templates, render_document};

#[test]
fn the_peer_minutes_hold_exactly_the_expected_paragraphs() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/peer");
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(root.join("record.json")).unwrap()).unwrap();
    let mut templates = Templates::load(None).unwrap();
    templates.add("peer.tera", &std::fs::read_to_string(root.join("minutes.tera")).unwrap()).unwrap();
    let bytes = render_document(&templates, "peer.tera", &r, NO_ROWS, &DocMeta::default(), None).unwrap();
    let doc = open(&bytes);

    let s = |k: &str| r[k].as_str().unwrap().to_string();
    let mut want = vec![
        "UBND TỈNH QUẢNG NGÃI".to_string(),
        "SỞ NỘI VỤ".into(),
        s("unit_name"),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
        "Độc lập - Tự do - Hạnh phúc".into(),
        format!("Quảng Ngãi, ngày {} tháng {} năm {}", s("ngay"), s("thang"), s("nam")),
        "BIÊN BẢN".into(),
        format!("Họp kiểm điểm, đánh giá, xếp loại chất lượng công chức, viên chức năm {}", s("nam")),
    ];
    for (label, key) in [
        ("Thời gian", "thoi_gian"),
        ("Địa điểm", "dia_diem"),
        ("Chủ trì", "chu_tri"),
        ("Thư ký", "thu_ky"),
        ("Thành phần tham dự", "thanh_phan"),
    ] {
        want.push(format!("{label}: {}", s(key)));
    }
    want.extend(["noi_dung_1", "noi_dung_2", "noi_dung_3"].map(s));
    want.extend(
        ["STT", "Họ và tên", "Chức vụ", "Tự xếp loại", "Số phiếu HTXSNV", "HTTNV", "HTNV", "KHTNV", "Đề xuất xếp loại"]
            .map(String::from),
    );
    let members = r["members"].as_array().unwrap();
    for m in members {
        for f in ["stt", "ho_ten", "chuc_vu", "tu_xep_loai", "htxsnv", "httnv", "htnv", "khtnv", "de_xuat"] {
            want.push(m[f].as_str().unwrap().to_string());
        }
    }
    want.extend(["THƯ KÝ".to_string(), s("thu_ky_ten"), "CHỦ TRÌ".into(), s("chu_tri_ten")]);

    assert_eq!(doc.paragraphs(), want);
    assert_eq!(want.len(), 209);
    let xml = doc.document();
    // Header block, members, signature: verify.py's count. The signature follows the
    // table, so nothing is kept in a row with it; the table's last rows keep with it.
    assert_eq!(xml.matches("<w:tbl>").count(), 3);
    assert_eq!(xml.matches("<w:tr>").count(), 1 + 1 + members.len() + 1);
    let members_table = xml.split("<w:tbl>").nth(2).unwrap();
    let last_row = members_table.rsplit("<w:tr>").next().unwrap();
    assert!(last_row.contains("<w:keepNext />"), "the last member keeps with the signature");
    assert!(common::conformance::problems(&doc).is_empty(), "{:?}", common::conformance::problems(&doc));
}
