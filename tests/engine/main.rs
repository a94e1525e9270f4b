//! Engine scenario tests: each names the behaviour and the semantics rule or test idea it checks.

mod placement;
mod support;
mod updates;
