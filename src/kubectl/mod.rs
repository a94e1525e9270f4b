//! Everything kubectl prints, in kubectl's words: `get` tables, `describe` pages, `rollout`
//! texts, the one-line results of mutating commands and kubectl's command errors (semantics
//! R3.11, R3.12, R7.1–R7.4, R8.3). One module so that a switch of kubectl version touches one
//! place; wording follows kubectl ~v1.30–v1.33 (the first form semantics.md gives).
//!
//! Pure functions over a borrowed `Simulation` and model objects: no IO, no state changes.
//! Deliberately absent: parsing commands (`command`) and executing them (`app::exec`).

pub mod clock;
pub mod describe;
pub mod duration;
pub mod get;
pub mod messages;
pub mod pod_status;
pub mod rollout;
pub mod tabwriter;

pub use duration::human_duration;
pub use get::Scope;

/// Which stream a piece of output goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// What a kubectl invocation writes, in order: standard output and standard error (warnings,
/// `No resources found`) interleaved as a terminal shows them. Errors that fail the command are
/// separate (`Err`), printed last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub chunks: Vec<(Stream, String)>,
}

impl Output {
    pub fn stdout(text: impl Into<String>) -> Self {
        Output {
            chunks: vec![(Stream::Stdout, text.into())],
        }
    }

    pub fn stderr(text: impl Into<String>) -> Self {
        Output {
            chunks: vec![(Stream::Stderr, text.into())],
        }
    }

    /// Appends a line (a newline is added) to standard output.
    pub fn line(&mut self, text: impl AsRef<str>) {
        self.chunks
            .push((Stream::Stdout, format!("{}\n", text.as_ref())));
    }

    /// Appends a line (a newline is added) to standard error.
    pub fn warn(&mut self, text: impl AsRef<str>) {
        self.chunks
            .push((Stream::Stderr, format!("{}\n", text.as_ref())));
    }

    pub fn append(&mut self, other: Output) {
        self.chunks.extend(other.chunks);
    }

    fn text_of(&self, stream: Stream) -> String {
        self.chunks
            .iter()
            .filter(|(s, _)| *s == stream)
            .map(|(_, t)| t.as_str())
            .collect()
    }

    /// Everything written to standard output.
    pub fn stdout_text(&self) -> String {
        self.text_of(Stream::Stdout)
    }

    /// Everything written to standard error.
    pub fn stderr_text(&self) -> String {
        self.text_of(Stream::Stderr)
    }

    /// Both streams as a terminal shows them.
    pub fn combined(&self) -> String {
        self.chunks.iter().map(|(_, t)| t.as_str()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chunks.iter().all(|(_, t)| t.is_empty())
    }
}
