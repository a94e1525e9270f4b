//! The `daemonset-playground` command-line tool: `plan`, `run` and `explain` (see `--help`).
//! All the work is in the library's `cli` module; this only wires the process's streams and
//! exit status. On wasm32 it is an empty twin (the page has its own entry point).

/// mimalloc: the engine makes and frees many small objects (pods, names, events), and a large
/// simulation runs in about half the time it takes with the system allocator (README "Budgets").
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut io = daemonset_playground::cli::Io {
        stdin: &mut stdin.lock(),
        stdout: &mut stdout.lock(),
        stderr: &mut stderr.lock(),
    };
    let code = daemonset_playground::cli::main(std::env::args_os(), &mut io);
    // `process::exit` skips destructors: flush what is buffered first.
    let _ = io.stdout.flush();
    let _ = io.stderr.flush();
    std::process::exit(code);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
