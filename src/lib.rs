//! DaemonSet Playground: a Kubernetes-exact DaemonSet simulator (code map below).

pub mod model;
