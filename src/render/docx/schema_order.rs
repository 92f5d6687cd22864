//! Property elements in the order ECMA-376 prescribes. docx-rs 0.4.22 writes some of
//! them out of order (`w:rPr` first in `w:pPr`, `w:sz` before `w:rFonts`, the header
//! references last in `w:sectPr`); LibreOffice does not mind, Word may refuse or repair
//! the file. This pass sorts the children of each property element, keeping the
//! relative order of equal and unknown ones.

/// (parent, children in schema order), from the transitional schema (wml.xsd).
pub const ORDERS: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
        ],
    ),
];

/// `xml` with the children of every property element of [`ORDERS`] in schema order.
pub fn reorder(xml: &str) -> String {
    let mut out = xml.to_string();
    for (parent, order) in ORDERS {
        out = reorder_parent(&out, parent, order);
    }
    out
}

fn reorder_parent(xml: &str, parent: &str, order: &[&str]) -> String {
    let open = format!("<{parent}>");
    let close = format!("</{parent}>");
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let body_start = start + open.len();
        let Some(end) = rest[body_start..].find(&close).map(|e| body_start + e) else { break };
        out.push_str(&rest[..body_start]);
        match children(&rest[body_start..end]) {
            Some(mut kids) => {
                let rank = |name: &str| order.iter().position(|o| *o == name).unwrap_or(usize::MAX);
                kids.sort_by_key(|(name, _)| rank(name));
                for (_, text) in kids {
                    out.push_str(text);
                }
            }
            // Not the flat shape we write: leave it as it is.
            None => out.push_str(&rest[body_start..end]),
        }
        out.push_str(&close);
        rest = &rest[end + close.len()..];
    }
    out.push_str(rest);
    out
}

/// The direct children of an element's body as (name, text), or `None` if the body has
/// text or an unbalanced tag.
fn children(body: &str) -> Option<Vec<(&str, &str)>> {
    let mut kids = Vec::new();
    let mut at = 0;
    while at < body.len() {
        if !body[at..].starts_with('<') {
            return None;
        }
        let tag_end = at + body[at..].find('>')?;
        let name_end = body[at + 1..tag_end].find([' ', '/', '>']).map_or(tag_end, |i| at + 1 + i);
        let name = &body[at + 1..name_end];
        let end = if body[..tag_end].ends_with('/') { tag_end + 1 } else { matching_close(body, tag_end + 1, name)? };
        kids.push((name, &body[at..end]));
        at = end;
    }
    Some(kids)
}

/// The end of the element `name` whose content starts at `from`, nested ones counted.
fn matching_close(body: &str, from: usize, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut depth = 1;
    let mut at = from;
    while depth > 0 {
        let next_close = at + body[at..].find(&close)?;
        let next_open = body[at..next_close]
            .match_indices(&open)
            .map(|(i, _)| at + i)
            .find(|i| body[i + open.len()..].starts_with([' ', '>', '/']));
        match next_open {
            Some(o) => {
                let tag_end = o + body[o..].find('>')?;
                if !body[..tag_end].ends_with('/') {
                    depth += 1;
                }
                at = tag_end + 1;
            }
            None => {
                depth -= 1;
                at = next_close + close.len();
            }
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::reorder;

    #[test]
    fn children_are_put_in_schema_order() {
        let xml = r#"<w:p><w:pPr><w:rPr><w:sz w:val="28" /><w:rFonts w:ascii="T" /><w:b /></w:rPr><w:jc w:val="center" /><w:spacing w:before="0" /></w:pPr></w:p>"#;
        assert_eq!(
            reorder(xml),
            r#"<w:p><w:pPr><w:spacing w:before="0" /><w:jc w:val="center" /><w:rPr><w:rFonts w:ascii="T" /><w:b /><w:sz w:val="28" /></w:rPr></w:pPr></w:p>"#
        );
    }

    #[test]
    fn nested_and_paired_children_move_whole() {
        let xml = r#"<w:pPr><w:jc w:val="left" /><w:pBdr><w:bottom w:val="single" /></w:pBdr></w:pPr>"#;
        assert_eq!(reorder(xml), r#"<w:pPr><w:pBdr><w:bottom w:val="single" /></w:pBdr><w:jc w:val="left" /></w:pPr>"#);
        let odd = "<w:rPr>text<w:b /></w:rPr>";
        assert_eq!(reorder(odd), odd, "an unexpected shape is left alone");
    }
}
