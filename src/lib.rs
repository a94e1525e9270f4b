//! DaemonSet Playground: a Kubernetes-exact DaemonSet simulator. The same engine drives the web
//! page (Yew, wasm32) and the `daemonset-playground` command-line tool.
//!
//! # Code map
//!
//! Layers, each a module; arrows point at what is depended on, never back:
//!
//! ```text
//! ui (Yew, wasm32 only) ──→ app ──→ engine ──→ model
//! cli (native only)     ──→ app ──→ manifest ──→ model
//! ```
//!
//! - [`model`]: the objects in Kubernetes' words (nodes, taints, tolerations, parsed selectors,
//!   node-selector terms, quantities, pods, DaemonSets) with their matching logic. What every
//!   pod copies from its template is a copy-on-write `Shared<T>`, so a DaemonSet's pods share
//!   one copy of their containers, tolerations and labels.
//! - [`manifest`]: YAML/JSON text → model objects plus diagnostics in the API server's and
//!   kubectl's words, each with its field path and line. Never stops at the first error.
//! - [`engine`]: the deterministic simulation. `Simulation::apply(Command)` is the only writer;
//!   one pass runs node lifecycle → DaemonSet controllers → taint eviction → scheduler →
//!   kubelets, ported from upstream with upstream's function names.
//! - [`kubectl`]: every kubectl table, describe and rollout text, and the duration format.
//! - [`command`]: the scenario step language (kubectl verbs plus simulator verbs): parser,
//!   kubectl-worded errors, printer.
//! - [`app`]: the headless application: loading inputs, the CLI's JSON reports, scenarios, and
//!   the page's `AppState` reducer. The only caller of `Simulation::apply`. It reaches
//!   `manifest`, serde_yaml and the step parser only through `app::reader`.
//!
//! # Two wasm modules
//!
//! The page (`src/web.rs`, built with the `lazy-reader` feature) leaves the manifest reader out
//! of its first view: `app::reader` answers the default cluster and example from prebuilt
//! answers and everything else through a second module (`src/reader_web.rs`), loaded on the
//! first edit, with postcard on the wire. Every other build calls the reader directly.
//! - [`examples`]: the built-in manifests (course notes and our own) and the default cluster.
//! - [`i18n`]: the one string catalog, English and Korean.
//! - `ui` (wasm32): Yew function components over one `use_reducer` of `AppState`.
//! - `cli` (native): argument parsing, files, exit codes, printing.
//!
//! # Invariants
//!
//! - The engine never imports the UI, reads the wall clock, does IO or uses a global random
//!   source: time is `SimTime`, moved only by `Advance`/`Settle`; names come from a seeded
//!   generator. Same inputs and seed, same result, natively and in the browser.
//! - Reconcile is level-triggered and idempotent: a pass with nothing changed plans nothing.
//! - All Kubernetes wording lives in `manifest` (API errors), `engine::messages` (events,
//!   scheduler reasons) and `kubectl` (printers), pinned by tests.
//! - Nothing on a user's input path panics; bad input becomes a diagnostic.
//! - A request the page's reader module has not loaded for yet never fails silently: the edit
//!   waits (`data-settled="false"`) and is applied once the module is in.
//! - Placement logic lives only in the engine; the page and the CLI render its queries
//!   (`decision`, `explain`, `daemon_pods_by_node`), so they cannot disagree.

pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod command;
pub mod engine;
pub mod examples;
pub mod i18n;
pub mod kubectl;
pub mod manifest;
pub mod model;
#[cfg(target_arch = "wasm32")]
pub mod ui;
