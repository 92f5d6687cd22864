//! Gives the program an identity finer than its version number: a hash of its sources,
//! templates and locked dependencies. Documents and cached inputs are keyed to it, so a
//! build of other code never trusts what this one wrote (nor the other way round), even
//! while the version in Cargo.toml stays the same.

use std::hash::{DefaultHasher, Hasher};
use std::path::Path;

fn main() {
    let mut hasher = DefaultHasher::new();
    for root in ["src", "templates", "Cargo.lock"] {
        println!("cargo:rerun-if-changed={root}");
        add(Path::new(root), &mut hasher);
    }
    println!(
        "cargo:rustc-env=XEPLOAI_BUILD={}-{:016x}",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default(),
        hasher.finish()
    );
}

/// Adds every file under `path`, in name order, with its path.
fn add(path: &Path, hasher: &mut DefaultHasher) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path).into_iter().flatten().flatten().map(|e| e.path()).collect();
        entries.sort();
        entries.iter().for_each(|entry| add(entry, hasher));
    } else if let Ok(bytes) = std::fs::read(path) {
        hasher.write(path.to_string_lossy().as_bytes());
        hasher.write(&bytes);
    }
}
