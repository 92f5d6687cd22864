use std::process::ExitCode;

/// mimalloc rather than the system allocator: a build allocates and frees millions of
/// small strings from several threads, where glibc's allocator cost about a sixth of the
/// time and kept freed memory in per-thread arenas.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    xeploai::allocator::tune();
    xeploai::cli::main()
}
