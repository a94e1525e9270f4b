//! Integration tests of the manifest layer (`daemonset_playground::manifest`): a data-driven
//! corpus of invalid inputs with kubectl's exact stderr and the line of every diagnostic
//! (semantics R6, T34–T36), the course-note seeds and built-in examples, the defaults (R5), and
//! robustness (size cap, garbage, empty input, scalar documents, alias bombs, deep nesting).

mod check;
mod corpus;
mod defaults;
mod formats;
mod robustness;
mod seeds;
mod update;
