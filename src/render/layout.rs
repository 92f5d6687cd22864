//! The Decree 30/2020/NĐ-CP layout (Phụ lục I) as numbers, so that no template knows
//! about fonts, margins or page numbers. Units: twips (1/20 pt; 1 mm ≈ 56.7 twips) and
//! half-points for font sizes, as WordprocessingML wants them.

/// A4 portrait.
pub const PAGE_WIDTH: u32 = 11_906;
pub const PAGE_HEIGHT: u32 = 16_838;

/// Margins: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (allowed 20–25, 20–25,
/// 30–35, 15–20).
pub const MARGIN_TOP: i32 = 1_134;
pub const MARGIN_BOTTOM: i32 = 1_134;
pub const MARGIN_LEFT: i32 = 1_701;
pub const MARGIN_RIGHT: i32 = 850;
/// The page number sits in the top margin.
pub const HEADER_DISTANCE: i32 = 567;
pub const FOOTER_DISTANCE: i32 = 567;

/// The text width the tables are scaled to (portrait; landscape uses the page height).
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT as u32 - MARGIN_RIGHT as u32;
pub const TEXT_WIDTH_LANDSCAPE: u32 = PAGE_HEIGHT - MARGIN_LEFT as u32 - MARGIN_RIGHT as u32;

pub const FONT: &str = "Times New Roman";
pub const LANGUAGE: &str = "vi-VN";

/// Sizes in half-points.
pub const BODY_SIZE: usize = 28; // 14 pt
pub const HEADER_SIZE: usize = 26; // 13 pt: parent agency, issuer, "Số:"
pub const MOTTO_SIZE: usize = 24; // 12 pt: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (12–13 allowed; 13 wraps)
pub const SLOGAN_SIZE: usize = 28; // 14 pt: Độc lập - Tự do - Hạnh phúc
pub const DATE_SIZE: usize = 28; // 14 pt, italic
pub const TITLE_SIZE: usize = 28; // 14 pt bold
pub const RECIPIENTS_HEAD_SIZE: usize = 24; // 12 pt bold italic
pub const RECIPIENTS_SIZE: usize = 22; // 11 pt
pub const PAGE_NUMBER_SIZE: usize = 28; // 14 pt
pub const FORM_TAG_SIZE: usize = 24; // 12 pt bold: "Mẫu số 02A-HD KĐ.ĐG 2023", top right

/// Body paragraphs: first-line indent 1.27 cm, 6 pt before and after, line 1.15.
pub const FIRST_LINE_INDENT: i32 = 720;
pub const SPACING: u32 = 120;
/// In 240ths of a line ("auto" rule): 276 = 1.15 lines.
pub const LINE: i32 = 276;

/// The header block's columns: the issuer on the left, the motto on the right.
/// The left column grows (up to half the text width) when a word of a name needs it.
pub const HEADER_LEFT: u32 = 3_600;
/// The right column of the header needs this much for "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
/// NAM" at 12 pt bold on one line, with its cell margins.
pub const MOTTO_COLUMN: u32 = 5_300;
/// Word's default cell margins in a borderless table (108 twips each side) and slack.
pub const HEADER_CELL_PADDING: u32 = 2 * 108 + 60;
