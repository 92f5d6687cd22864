//! How this program's allocator (mimalloc, set in `main.rs`) is tuned. Every process
//! that renders documents calls [`tune`] first: the program itself, and the benchmark
//! examples that measure its engine, so that they measure it as it runs.

/// mimalloc's `mi_option_purge_delay` (its enum's 16th value, v2 and v3 alike).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system at once, and no transparent huge pages.
pub fn tune() {
    purge_at_once();
    no_huge_pages();
}

/// Freed memory goes back to the system at once rather than after 10 ms: a province's
/// agency report frees hundreds of MB that the next documents would otherwise find
/// still held (1.16 GB → 0.86 GB peak at 100,000 people, for no measurable time).
/// MIMALLOC_PURGE_DELAY in the environment (mimalloc's own setting) wins, to measure.
fn purge_at_once() {
    set_purge_delay(0);
}

/// How long freed memory is kept, while the units' documents are rendered, before it
/// goes back to the system. mimalloc's own default, 10 ms, still left a province's build
/// 3.8 s in the kernel, most of it giving pages back and faulting them in again; kept
/// 100 ms, 3.0 s, and the build ended 6% sooner (100,000 people on a tmpfs, six runs
/// alternated: median 12.5 s against 13.4 s) for 10 MB more at its peak.
const REUSE_DELAY_MS: std::ffi::c_long = 100;

/// Runs `work` with freed memory kept [`REUSE_DELAY_MS`] before it goes back to the
/// system: for the units' documents, rendered by the hundred thousand, each taking again
/// the pages the one before let go of. Given back at once, every one of them was a page
/// fault and the `madvise` before it, with the TLB flushed on both cores: 17% of a
/// 100,000-person build's CPU on tmpfs. Afterwards, at once again.
pub fn reusing_freed<T>(work: impl FnOnce() -> T) -> T {
    /// Puts the delay back when dropped, the work panicking or not.
    struct AtOnceAfter;
    impl Drop for AtOnceAfter {
        fn drop(&mut self) {
            set_purge_delay(0);
        }
    }
    set_purge_delay(REUSE_DELAY_MS);
    let _after = AtOnceAfter;
    work()
}

/// mimalloc's purge delay, in ms, unless the environment sets it.
fn set_purge_delay(ms: std::ffi::c_long) {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets a number in mimalloc's option table; no memory is touched.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, ms) };
    }
}

/// Transparent huge pages off for this process. mimalloc asks the kernel for them, and
/// with freed memory given back at once, each page taken again is a fresh 2 MB block
/// the kernel zeroes whole (or compacts memory to find). At 100,000 people, 6 runs
/// each, alternated: a rebuild after one unit changed 2.34 s with them, 1.67 s without,
/// and 30 MB less at its peak; a rebuild with nothing to do, which allocates once and
/// frees little, 0.54 s with them and 0.72 s without, but with them the same run took
/// anywhere from 0.64 to 1.78 s. Predictable and lower wins. In the peer benchmark's
/// engine (`examples/peer_minutes.rs`), zeroing those pages was 39% of a profile.
/// MIMALLOC_ALLOW_THP in the environment (mimalloc's own setting) wins, to measure.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
        // SAFETY: a flag on this process's memory map; no memory is touched.
        unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    }
}
