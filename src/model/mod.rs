//! The objects the simulator reasons about, in Kubernetes' words: nodes, taints, tolerations,
//! parsed label selectors and node-selector terms, quantities, pods, DaemonSets and their status.
//!
//! Plain data with matching logic (`matches`, `tolerates`). Deliberately absent: IO, YAML, the
//! wall clock, Yew, and any decision that needs more than one object (that is the engine's job).

pub mod daemonset;
pub mod event;
pub mod labels;
pub mod node;
pub mod node_affinity;
pub mod pod;
pub mod quantity;
pub mod shared;
pub mod taints;
pub mod time;

pub use daemonset::{DaemonSet, DaemonSetStatus, IntOrPercent, UpdateStrategy};
pub use event::{Event, EventType, ObjectRef};
pub use labels::{LabelSelector, Labels, Requirement, SelectorOperator};
pub use node::{ConditionStatus, Node, NodeConditionType};
pub use node_affinity::{
    NodeSelector, NodeSelectorOperator, NodeSelectorRequirement, NodeSelectorTerm,
};
pub use pod::{
    effective_requests_of, Container, ContainerPort, ContainerState, OwnerReference, Pod, PodPhase,
    PodSpec, PodStatus, PodTemplate, Volume, VolumeMount,
};
pub use quantity::{Quantity, ResourceList};
pub use shared::Shared;
pub use taints::{Taint, TaintEffect, Toleration, TolerationOperator};
pub use time::{SimDuration, SimTime};

/// A node's name. A newtype so that node names and pod names never mix in signatures.
#[derive(
    Clone,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct NodeName(pub String);

/// A pod's name (unique within its namespace).
#[derive(
    Clone,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct PodName(pub String);

/// A namespaced object key, `namespace/name`, used for DaemonSets.
#[derive(
    Clone,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct DaemonSetKey {
    pub namespace: String,
    pub name: String,
}

impl DaemonSetKey {
    pub fn new(namespace: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            namespace: namespace.into(),
            name: name.into(),
        }
    }
}

impl std::fmt::Display for NodeName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for PodName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for DaemonSetKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.namespace, self.name)
    }
}

impl From<&str> for NodeName {
    fn from(s: &str) -> Self {
        NodeName(s.to_string())
    }
}

impl From<&str> for PodName {
    fn from(s: &str) -> Self {
        PodName(s.to_string())
    }
}
