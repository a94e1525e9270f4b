//! DaemonSet Playground: a Kubernetes-exact DaemonSet simulator (code map below).

pub mod app;
pub mod engine;
pub mod model;
