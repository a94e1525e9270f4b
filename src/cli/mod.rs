//! The native command-line tool (DESIGN.md "The CLI contract"): argument parsing (clap), files
//! and stdin, exit codes and printing. Everything it prints comes from `kubectl` (tables,
//! describe-style texts) and `app::report` (JSON); everything it does goes through `app`.
//!
//! Exit status: 0 ok, 1 invalid input (every error on stderr), 2 usage (clap's errors).
//! Deliberately absent: any simulation logic, and wasm32 (this module is native only).

mod args;
mod explain;
mod plan;
mod run;

pub use args::{Cli, Command, OutputFormat};

use crate::app::load::Source;
use clap::Parser;
use std::io::{Read, Write};

/// Exit status for success.
pub const EXIT_OK: i32 = 0;
/// Exit status for invalid input.
pub const EXIT_INVALID: i32 = 1;
/// Exit status for a wrong command line (clap's).
pub const EXIT_USAGE: i32 = 2;

/// The process's streams, so that tests can run the CLI in memory.
pub struct Io<'a> {
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
}

/// Runs the CLI with `args` (including the program name); returns the exit status.
pub fn main(args: impl IntoIterator<Item = std::ffi::OsString>, io: &mut Io<'_>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            let code = e.exit_code();
            // Help and version go to stdout with status 0; usage errors to stderr with 2.
            let _ = if code == 0 {
                io.stdout.write_all(text.as_bytes())
            } else {
                io.stderr.write_all(text.as_bytes())
            };
            return if code == 0 { EXIT_OK } else { EXIT_USAGE };
        }
    };
    let result = match cli.command {
        Command::Plan(a) => plan::plan(&a, io),
        Command::Run(a) => run::run(&a, io),
        Command::Explain(a) => explain::explain(&a, io),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`| head`): stop quietly, as tools killed by SIGPIPE do.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            // Writing failed (a closed pipe): nothing more can be said.
            let _ = writeln!(io.stderr, "error: {e}");
            EXIT_INVALID
        }
    }
}

/// Reads the named inputs (`-` is stdin, named `STDIN` as kubectl names it). A missing file is
/// kubectl's `error: the path "x" does not exist`.
pub(crate) fn read_sources(names: &[String], stdin: &mut dyn Read) -> Result<Vec<Source>, String> {
    let mut sources = Vec::new();
    let mut stdin_read = false;
    for name in names {
        if name == "-" {
            let mut text = String::new();
            if !stdin_read {
                stdin
                    .read_to_string(&mut text)
                    .map_err(|e| format!("error: reading stdin: {e}"))?;
                stdin_read = true;
            }
            sources.push(Source::new("STDIN", text));
            continue;
        }
        match std::fs::read(name) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => sources.push(Source::new(name.clone(), text)),
                Err(_) => return Err(format!("error: {name}: the file is not UTF-8 text")),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(format!("error: the path \"{name}\" does not exist"))
            }
            Err(e) => return Err(format!("error: {name}: {e}")),
        }
    }
    Ok(sources)
}
