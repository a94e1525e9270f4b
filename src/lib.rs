//! DaemonSet Playground: a Kubernetes-exact DaemonSet simulator (code map below).

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
