//! Which blocks stay on the page of the signature. A signature never stands alone on a
//! page and never leaves its last lines behind: it keeps with the last two blocks of the
//! body, and with the whole closing section when that section is short (a form's
//! "tự nhận mức xếp loại" heading and its four boxes); `@keep` in a template keeps
//! everything from there to the signature.
//!
//! How: the kept blocks and the signature are written inside one invisible table row
//! that may not split ([`Piece::Open`] … [`Piece::Close`]). A chain of `keepNext`
//! paragraphs into the signature's table is honoured by Word but not by LibreOffice,
//! which drops all but the last link; an unsplittable row holds in both. A signature
//! with nothing to keep (it follows a table) needs no such row: its own row may not
//! split either, and a table nested in a table only makes the document harder to read
//! for any program that is not a word processor.

use std::borrow::Borrow;
use std::collections::VecDeque;

use super::super::markup::{Block, ParaKind};

/// Blocks held back while it is not known whether a signature follows.
const WINDOW: usize = 8;
/// A closing section is short enough to keep whole when its paragraphs are this short.
const SHORT_PARAGRAPH: usize = 240;
const SHORT_LINES: usize = 4;

/// What the writer is handed: blocks, and the bounds of what stays on one page.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Block(&'a Block<'a>),
    /// A table just before the kept blocks: its last rows keep with them (`keepNext`,
    /// which Word honours; the row itself cannot hold a table that may split).
    TableTail(&'a Block<'a>),
    /// What follows, up to [`Piece::Close`], stays on one page.
    Open,
    /// The end of a signature and what kept with it; `row`: an [`Piece::Open`] came
    /// before it.
    Close {
        row: bool,
    },
}

/// Hands blocks on to be written, with the bounds of what keeps with a signature.
pub struct KeepWindow<B> {
    pending: VecDeque<B>,
    /// Inside `@keep`: every block keeps with the next until the signature.
    keeping: bool,
}

impl<'s, B: Borrow<Block<'s>>> KeepWindow<B> {
    pub fn new() -> Self {
        KeepWindow { pending: VecDeque::with_capacity(WINDOW + 1), keeping: false }
    }

    pub fn push<E>(&mut self, block: B, write: &mut impl FnMut(Piece) -> Result<(), E>) -> Result<(), E> {
        match block.borrow() {
            Block::Keep => {
                self.flush(write)?;
                self.keeping = true;
                write(Piece::Open)
            }
            Block::Sign(_) | Block::Sign2 { .. } => {
                let start = self.keep_from();
                let mut opened = self.keeping;
                for (i, held) in self.pending.drain(..).enumerate() {
                    if i == start && !opened {
                        write(Piece::Open)?;
                        opened = true;
                    }
                    let table_before_kept = !opened && i + 1 == start && matches!(held.borrow(), Block::Table(_));
                    write(if table_before_kept {
                        Piece::TableTail(held.borrow())
                    } else {
                        Piece::Block(held.borrow())
                    })?;
                }
                self.keeping = false;
                write(Piece::Block(block.borrow()))?;
                write(Piece::Close { row: opened })
            }
            _ if self.keeping => write(Piece::Block(block.borrow())),
            _ => {
                self.pending.push_back(block);
                if self.pending.len() > WINDOW {
                    let oldest = self.pending.pop_front().expect("the window is not empty");
                    write(Piece::Block(oldest.borrow()))?;
                }
                Ok(())
            }
        }
    }

    /// Writes what is held: the document ended without another signature.
    pub fn flush<E>(&mut self, write: &mut impl FnMut(Piece) -> Result<(), E>) -> Result<(), E> {
        for held in self.pending.drain(..) {
            write(Piece::Block(held.borrow()))?;
        }
        if std::mem::take(&mut self.keeping) {
            write(Piece::Close { row: true })?;
        }
        Ok(())
    }

    /// The first held block that keeps with the signature.
    fn keep_from(&self) -> usize {
        let blocks: Vec<&Block<'s>> = self.pending.iter().map(Borrow::borrow).collect();
        let mut start = blocks.len().saturating_sub(2);
        // Back to the heading of a short closing section.
        for (i, block) in blocks.iter().enumerate().rev() {
            match block {
                Block::Para(p) if matches!(p.kind, ParaKind::Heading1 | ParaKind::Heading2) => {
                    start = start.min(i);
                    break;
                }
                Block::Para(p) if p.spans.iter().map(|s| s.text.len()).sum::<usize>() <= SHORT_PARAGRAPH => {}
                Block::Lines(n) if *n <= SHORT_LINES => {}
                _ => break,
            }
        }
        // Never across a page break or a header, and never a table: a table of any
        // length may split across pages, an unsplittable row may not.
        blocks
            .iter()
            .rposition(|b| matches!(b, Block::PageBreak | Block::Header(_) | Block::Table(_)))
            .map_or(start, |at| start.max(at + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::markup::parse;
    use super::*;

    fn kept(src: &str) -> Vec<(String, bool)> {
        let doc = parse(src, "t").unwrap();
        let mut window = KeepWindow::new();
        let mut out = Vec::new();
        let mut depth = 0;
        let mut write = |piece: Piece| -> Result<(), ()> {
            let block = match piece {
                Piece::Open => {
                    depth += 1;
                    return Ok(());
                }
                Piece::Close { row } => {
                    depth -= usize::from(row);
                    return Ok(());
                }
                Piece::Block(block) | Piece::TableTail(block) => block,
            };
            let name = match block {
                Block::Para(p) => p.spans.iter().map(|s| s.text.as_str()).collect(),
                other => format!("{other:?}").chars().take(5).collect(),
            };
            // Kept: inside the unsplittable row, the signature itself left out.
            let signature = matches!(block, Block::Sign(_) | Block::Sign2 { .. });
            out.push((name, depth == 1 && !signature));
            Ok(())
        };
        for block in &doc.blocks {
            window.push(block, &mut write).unwrap();
        }
        window.flush(&mut write).unwrap();
        assert_eq!(depth, 0, "every row opened is closed");
        out
    }

    fn keeps(result: &[(String, bool)]) -> Vec<&str> {
        result.iter().filter(|(_, keep)| *keep).map(|(name, _)| name.as_str()).collect()
    }

    #[test]
    fn the_signature_keeps_with_the_last_two_blocks() {
        let long = "x".repeat(400);
        let src = format!("a\nb\n{long}\nc\nd\n@sign\ntitle: T\nname: N\n@end\nafter");
        let result = kept(&src);
        assert_eq!(keeps(&result), ["c", "d"]);
        assert_eq!(result.len(), 7, "every block written once, in order: {result:?}");
        assert_eq!(result.last().unwrap(), &("after".to_string(), false));
    }

    #[test]
    fn a_short_closing_section_keeps_whole() {
        let src = "long text\n@h1 VII. TỰ NHẬN MỨC XẾP LOẠI\n☐ a\n☐ b\n☐ c\n☐ d\n@sign\ntitle: T\nname: N\n@end";
        assert_eq!(keeps(&kept(src)), ["VII. TỰ NHẬN MỨC XẾP LOẠI", "☐ a", "☐ b", "☐ c", "☐ d"]);
    }

    #[test]
    fn explicit_keep_and_page_breaks() {
        let src = "a\n@keep\nb\nc\nd\n@sign2\nleft: A | B\nright: C | D\n@end";
        assert_eq!(keeps(&kept(src)), ["b", "c", "d"]);
        let src = "a\n@pagebreak\nb\n@sign\ntitle: T\nname: N\n@end";
        assert_eq!(keeps(&kept(src)), ["b"]);
        let src = "@h1 II. DANH SÁCH\n@table widths=1\n| a |\n@end\n@sign\ntitle: T\nname: N\n@end";
        assert!(keeps(&kept(src)).is_empty(), "a table is never held in the signature's row");
    }

    #[test]
    fn a_signature_with_nothing_to_keep_is_not_wrapped() {
        let pieces = |src: &str| {
            let doc = parse(src, "t").unwrap();
            let mut window = KeepWindow::new();
            let mut out = Vec::new();
            let mut write = |piece: Piece| -> Result<(), ()> {
                out.push(match piece {
                    Piece::Open => "open",
                    Piece::Close { row: true } => "close row",
                    Piece::Close { row: false } => "close",
                    Piece::TableTail(_) => "table tail",
                    Piece::Block(Block::Sign(_)) => "sign",
                    Piece::Block(_) => "block",
                });
                Ok(())
            };
            for block in &doc.blocks {
                window.push(block, &mut write).unwrap();
            }
            window.flush(&mut write).unwrap();
            out
        };
        let sign = "@sign\ntitle: T\nname: N\n@end";
        assert_eq!(pieces(&format!("@table widths=1\n| a |\n@end\n{sign}")), ["table tail", "sign", "close"]);
        assert_eq!(
            pieces(&format!("@table widths=1\n| a |\n@end\nb\n{sign}")),
            ["table tail", "open", "block", "sign", "close row"]
        );
        assert_eq!(pieces("a\n@keep\nb"), ["block", "open", "block", "close row"]);
    }
}
