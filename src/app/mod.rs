//! The headless application: loading inputs into a simulation, reports in the CLI's JSON
//! contract, and (for the page) the `AppState` reducer. The only caller of `Simulation::apply`.
//! No DOM, no timers, no storage, no files: everything here runs in native tests.

pub mod cluster_view;
pub mod editor_input;
pub mod eligibility_card;
pub mod exec;
pub mod highlight;
pub mod history;
pub mod load;
pub mod node_edit;
pub mod reader;
pub mod report;
pub mod scenario;
pub mod session;
pub mod state;
