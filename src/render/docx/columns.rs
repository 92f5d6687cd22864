//! Table column widths from the content, the way a typesetter would set them: no word
//! ever breaks inside a cell ("HTXS", "STT", a long given name), the columns whose text
//! is longest get the room, and the template's relative widths share out what is left
//! (a column left blank for handwriting keeps the room the template gave it).

use super::super::markup::{Span, Table};
use super::super::measure;

/// Room a ruled cell takes around its text: the cell margins (57 twips each side, see
/// `Xml::tbl`) and a little slack for the rounding of word processors.
const CELL_PADDING: u32 = 2 * 57 + 60;

/// What a column needs: its widest word and its longest line of text, in twips.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Need {
    min: u32,
    preferred: u32,
}

fn cell_need(spans: &[Span], half_points: usize, bold: bool) -> Need {
    let mut need = Need::default();
    let mut line = 0;
    for span in spans {
        let bold = bold || span.bold;
        let extent = measure::extent(&span.text, half_points, bold);
        need.min = need.min.max(extent.widest_word);
        line += extent.line;
    }
    need.preferred = line.max(need.min);
    need
}

fn needs(table: &Table) -> Vec<Need> {
    let half_points = (table.size * 2) as usize;
    let mut out = vec![Need::default(); table.widths.len()];
    for (r, slots) in table.grid().enumerate() {
        let header = r < table.header_rows;
        for slot in slots {
            // A merged cell spreads over its columns; only single cells size a column.
            let Some(cell) = slot.cell.filter(|_| slot.colspan == 1) else { continue };
            let need = cell_need(&cell.spans, half_points, header || cell.bold);
            let column = &mut out[slot.col];
            column.min = column.min.max(need.min + CELL_PADDING);
            column.preferred = column.preferred.max(need.preferred + CELL_PADDING);
        }
    }
    out
}

/// Shares `amount` out in proportion to `weights` (all zero: evenly).
fn share(amount: u32, weights: &[u64]) -> Vec<u32> {
    let total: u64 = weights.iter().sum();
    let count = weights.len().max(1) as u64;
    weights
        .iter()
        .map(|w| if total == 0 { u64::from(amount) / count } else { u64::from(amount) * w / total } as u32)
        .collect()
}

/// Words whole, and as many columns as possible on one line: the columns that need least
/// to be whole ("Họ và tên", "Kết quả") get it first, as a typesetter would; the columns
/// with the most text (a unit's name, a note) share what is left and wrap. The sharing is
/// even, each column taking no more than it wants: a long note beside a name never leaves
/// the name a sliver ("Huỳnh / Thị / Bích / Ngọc").
fn wrap_the_longest(needs: &[Need], mut spare: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = needs.iter().map(|n| n.min).collect();
    let mut order: Vec<usize> = (0..needs.len()).collect();
    order.sort_by_key(|i| needs[*i].preferred - needs[*i].min);
    for (rank, i) in order.iter().enumerate() {
        let wanted = needs[*i].preferred - needs[*i].min;
        // An even share of what is left among this column and the wider ones after it.
        let fair = spare / (order.len() - rank) as u32;
        let given = wanted.min(fair);
        widths[*i] += given;
        spare -= given;
    }
    if let Some(widest) = order.last() {
        widths[*widest] += spare;
    }
    widths
}

/// Column widths in twips, adding up to `width`: every row is read for them, before the
/// writer reads the rows again to write them.
pub fn fit(table: &Table, width: u32) -> Vec<u32> {
    let needs = needs(table);
    let min: u32 = needs.iter().map(|n| n.min).sum();
    let preferred: u32 = needs.iter().map(|n| n.preferred).sum();
    let mut widths: Vec<u32> = if preferred <= width {
        // Everything fits on one line: the template's proportions share the rest.
        let weights: Vec<u64> = table.widths.iter().map(|w| u64::from(*w)).collect();
        let extra = share(width - preferred, &weights);
        needs.iter().zip(extra).map(|(n, e)| n.preferred + e).collect()
    } else if min <= width {
        wrap_the_longest(&needs, width - min)
    } else {
        // Not even the words fit: shrink in proportion (the words will break).
        let weights: Vec<u64> = needs.iter().map(|n| u64::from(n.min)).collect();
        share(width, &weights)
    };
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += width.saturating_sub(used);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::super::super::markup::{Block, parse};
    use super::*;

    fn table(src: &str) -> Table<'_> {
        match parse(src, "t").unwrap().blocks.remove(0) {
            Block::Table(t) => t,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn no_word_breaks_and_widths_fill_the_row() {
        let t = table(
            "@table widths=5,40,10,10,35 header=1 size=12\n\
             | STT | Họ và tên | HTXS | HTTNV | Ghi chú |\n\
             | 1 | Nguyễn Thị Phương Thảo | 1 | 2 | |\n@end",
        );
        let widths = fit(&t, 9_000);
        assert_eq!(widths.iter().sum::<u32>(), 9_000);
        for (col, word) in [(0, "STT"), (2, "HTXS"), (3, "HTTNV")] {
            assert!(widths[col] >= measure::width(word, 24, true) + 2 * 57, "{word}: {widths:?}");
        }
        // The name stays on one line; "Ghi chú" keeps the room the template gave it.
        assert!(widths[1] >= measure::width("Nguyễn Thị Phương Thảo", 24, false) + 2 * 57);
        assert!(widths[4] > widths[2]);
    }

    #[test]
    fn short_columns_stay_whole_and_the_longest_wraps() {
        let t = table(
            "@table widths=5,20,30,15,20 header=1 size=11\n\
             | STT | Họ và tên | Đơn vị | Chức vụ | Kết quả xếp loại |\n\
             | 1 | Nguyễn Thị Diễm My | Phòng Xây dựng chính quyền và Công tác thanh niên | Phó Trưởng phòng | Hoàn thành tốt nhiệm vụ |\n@end",
        );
        let widths = fit(&t, 9_355);
        let one_line = |text: &str| measure::width(text, 22, false) + 2 * 57;
        assert!(widths[1] >= one_line("Nguyễn Thị Diễm My"), "{widths:?}");
        assert!(widths[4] >= one_line("Hoàn thành tốt nhiệm vụ"), "{widths:?}");
        assert!(widths[2] < one_line("Phòng Xây dựng chính quyền và Công tác thanh niên"), "{widths:?}");
    }

    #[test]
    fn long_text_wraps_in_the_column_that_has_most() {
        let long = "Kỷ luật khiển trách theo Quyết định số 15/QĐ-STP ngày 12/5/2023 của Giám đốc Sở";
        let src = format!(
            "@table widths=10,50,40 header=1\n| STT | Họ và tên | Ghi chú |\n| 1 | Trần Văn Bình | {long} |\n@end"
        );
        let t = table(&src);
        let widths = fit(&t, 6_000);
        assert!(widths[0] >= measure::width("STT", 26, true) + 2 * 57);
        assert!(widths[1] >= measure::width("Trần", 26, false) + 2 * 57);
        assert!(widths[2] > widths[1], "{widths:?}");
    }
}
