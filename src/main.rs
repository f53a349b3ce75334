//! The `meg` binary: parse arguments, run the command, print errors, exit with their code.

use clap::Parser;

/// mimalloc rather than the system's allocator. At 20,000 servers `meg render` frees most of
/// what reading the inventory allocated, then renders its files on two threads: glibc's malloc
/// kept the freed pages and gave the threads new ones (about 200 MB peak RSS, 1.3 s CPU);
/// mimalloc reuses and returns them (about 175 MB, 0.95 s), the same files byte for byte. The
/// figures are `benches/inventory.rs`'s.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc v2's `mi_option_purge_delay` (`mi_option_e` in its `include/mimalloc.h`, after
/// `mi_option_eager_commit_delay` = 14), which libmimalloc-sys does not name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    // Freed pages go back at once rather than 10 ms later: a render frees the inventory's
    // tables just before it fills its files, and the delay kept both (about 10 MB of peak).
    // SAFETY: sets one integer option, which mimalloc allows at any time; no pointer involved.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    let cli = meg::cli::Cli::parse();
    let code = match meg::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}
