//! Tests of the `daemonset-playground` command line (DESIGN.md "The CLI contract",
//! "Scenarios"): the built binary run on the fixtures in tests/fixtures/cli, with whole expected
//! outputs as readable text; and the step language executed in-process, verb by verb.

mod explain;
mod plan;
mod run;
mod steps;
mod support;
mod usage;
