//! API-server validation of decoded, defaulted objects (semantics R6), returning every error at
//! once in the order upstream appends them. One file per object kind; `content` holds the
//! string-format validators and `meta` the metadata and selector rules they share.
//!
//! Deliberately absent: admission (quota, pod security, namespace existence) and rules about
//! fields the simulator never reads beyond what `pod_spec` documents.

pub(crate) mod content;
pub(crate) mod daemonset;
pub(crate) mod meta;
pub(crate) mod node;
pub(crate) mod pod;
pub(crate) mod pod_spec;
