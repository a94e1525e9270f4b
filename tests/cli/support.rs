//! Running the built binary in the fixtures directory, and comparing whole texts.

use std::io::Write;
use std::process::{Command, Stdio};

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn fixtures_dir() -> String {
    format!("{}/tests/fixtures/cli", env!("CARGO_MANIFEST_DIR"))
}

/// Runs `daemonset-playground ARGS` in tests/fixtures/cli (so file names print as given).
pub fn dp(args: &[&str]) -> Out {
    dp_stdin(args, "")
}

/// Runs the binary with `stdin` as its standard input.
pub fn dp_stdin(args: &[&str], stdin: &str) -> Out {
    let mut child = Command::new(env!("CARGO_BIN_EXE_daemonset-playground"))
        .args(args)
        .current_dir(fixtures_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin accepts the input");
    let output = child.wait_with_output().expect("the binary finishes");
    Out {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Reads a fixture.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/{name}", fixtures_dir())).expect("the fixture exists")
}

/// Removes the common leading indentation of a Rust raw string's lines and its first newline,
/// so that expected outputs can be written indented in the test source. Lines are kept exactly
/// otherwise (trailing spaces matter in kubectl output).
pub fn text(s: &str) -> String {
    let s = s.strip_prefix('\n').unwrap_or(s);
    let indent = s
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out: String = s
        .lines()
        .map(|l| {
            if l.len() >= indent {
                &l[indent..]
            } else {
                l.trim_start()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    if s.ends_with('\n') || s.ends_with(' ') {
        // A raw string ending in `\n    "` has its last line as indentation only.
        out = out.trim_end_matches(' ').to_string();
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Asserts that `actual` equals `expected`, printing both in full on failure.
#[track_caller]
pub fn assert_text(actual: &str, expected: &str) {
    if actual != expected {
        panic!("output differs\n--- expected\n{expected}\n--- actual\n{actual}\n--- end");
    }
}
