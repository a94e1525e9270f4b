//! Nodes: labels, taints, cordon, conditions and allocatable resources.

use super::{Labels, ResourceList, SimTime, Taint};
use std::collections::BTreeMap;

/// The node conditions the simulator models.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum NodeConditionType {
    Ready,
    MemoryPressure,
    DiskPressure,
    PIDPressure,
    NetworkUnavailable,
}

impl NodeConditionType {
    pub const ALL: [NodeConditionType; 5] = [
        NodeConditionType::Ready,
        NodeConditionType::MemoryPressure,
        NodeConditionType::DiskPressure,
        NodeConditionType::PIDPressure,
        NodeConditionType::NetworkUnavailable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NodeConditionType::Ready => "Ready",
            NodeConditionType::MemoryPressure => "MemoryPressure",
            NodeConditionType::DiskPressure => "DiskPressure",
            NodeConditionType::PIDPressure => "PIDPressure",
            NodeConditionType::NetworkUnavailable => "NetworkUnavailable",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// A condition's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ConditionStatus {
    True,
    False,
    Unknown,
}

impl ConditionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ConditionStatus::True => "True",
            ConditionStatus::False => "False",
            ConditionStatus::Unknown => "Unknown",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "True" => Some(ConditionStatus::True),
            "False" => Some(ConditionStatus::False),
            "Unknown" => Some(ConditionStatus::Unknown),
            _ => None,
        }
    }
}

/// A node as the simulator sees it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Node {
    pub name: String,
    pub uid: String,
    pub labels: Labels,
    pub annotations: Labels,
    /// `spec.taints`, including the ones the node lifecycle controller manages (R8.2).
    pub taints: Vec<Taint>,
    /// `spec.unschedulable` (cordon).
    pub unschedulable: bool,
    /// Conditions that were written; a missing `Ready` condition means Ready (CLI contract).
    pub conditions: BTreeMap<NodeConditionType, ConditionStatus>,
    /// `status.allocatable`; `None` means no resource limit at all (CLI contract).
    pub allocatable: Option<ResourceList>,
    pub creation_timestamp: SimTime,
}

impl Node {
    pub fn new(name: impl Into<String>) -> Self {
        let name = name.into();
        Node {
            uid: format!("node-uid-{name}"),
            name,
            labels: Labels::new(),
            annotations: Labels::new(),
            taints: Vec::new(),
            unschedulable: false,
            conditions: BTreeMap::new(),
            allocatable: None,
            creation_timestamp: SimTime::ZERO,
        }
    }

    /// The status of a condition; Ready defaults to True, the others to False.
    pub fn condition(&self, condition: NodeConditionType) -> ConditionStatus {
        self.conditions
            .get(&condition)
            .copied()
            .unwrap_or(match condition {
                NodeConditionType::Ready => ConditionStatus::True,
                _ => ConditionStatus::False,
            })
    }

    pub fn is_ready(&self) -> bool {
        self.condition(NodeConditionType::Ready) == ConditionStatus::True
    }

    /// The node's InternalIP as the simulator shows it: manifests rarely carry addresses, so a
    /// stable one in 192.168.0.0/16 is derived from the name.
    pub fn internal_ip(name: &str) -> String {
        let h = name
            .bytes()
            .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
        format!("192.168.{}.{}", (h >> 8) % 256, (h % 250) + 2)
    }

    /// Whether the node carries a control-plane role label (kubeadm's, or the legacy master one).
    pub fn is_control_plane(&self) -> bool {
        self.labels
            .contains_key("node-role.kubernetes.io/control-plane")
            || self.labels.contains_key("node-role.kubernetes.io/master")
    }

    /// kubectl's ROLES column: the `node-role.kubernetes.io/<role>` labels, comma-joined.
    pub fn roles(&self) -> String {
        let roles: Vec<&str> = self
            .labels
            .keys()
            .filter_map(|k| k.strip_prefix("node-role.kubernetes.io/"))
            .filter(|r| !r.is_empty())
            .collect();
        if roles.is_empty() {
            "<none>".to_string()
        } else {
            roles.join(",")
        }
    }
}
