//! Kubernetes events as the simulation records them (`kubectl get events`, `describe` tables).
//! Reasons and messages follow upstream word for word (semantics R7.5, R1.10, R8.1).

use super::SimTime;
use std::rc::Rc;

/// `Normal` or `Warning`, as in `kubectl get events`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventType {
    Normal,
    Warning,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Normal => "Normal",
            EventType::Warning => "Warning",
        }
    }
}

/// The object an event is about: `DaemonSet/default/fluentd`, `Pod/default/fluentd-x8k2p`,
/// `Node//node-1` (nodes have no namespace). Shared text: a pod's events all point at one copy
/// of its names, made when the pod is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ObjectRef {
    pub kind: &'static str,
    pub namespace: Rc<str>,
    pub name: Rc<str>,
}

impl std::fmt::Display for ObjectRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}/{}", self.kind, self.namespace, self.name)
    }
}

/// One recorded event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub time: SimTime,
    pub event_type: EventType,
    pub reason: &'static str,
    /// Shared: a pod's or a DaemonSet's events all point at one reference.
    pub object: Rc<ObjectRef>,
    /// The reporting component: `daemonset-controller`, `default-scheduler`, `kubelet`,
    /// `taint-eviction-controller`, `node-controller`.
    pub source: &'static str,
    /// Shared text: the kubelet's messages repeat for every pod of a template (`Pulling image
    /// "nginx:1.27"`), and each distinct one is kept once.
    pub message: Rc<str>,
}
