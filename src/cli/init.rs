//! `xeploai init DIR`: a commented sample inputs folder to start from.

use std::path::Path;

use super::exit;

pub fn command(dir: &Path) -> u8 {
    let _ = dir;
    exit::OK
}
