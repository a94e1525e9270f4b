//! The node lifecycle controller's taint passes and `MarkPodsNotReady`
//! (pkg/controller/nodelifecycle/node_lifecycle_controller.go; semantics R8.2): node conditions
//! and cordon become the `node.kubernetes.io/*` taints that DaemonSets and the scheduler see.
//!
//! The controller owns these keys: a condition taint whose condition cleared is removed again.

use super::Simulation;
use crate::model::{ConditionStatus, NodeConditionType, Taint, TaintEffect};

const NOT_READY: &str = "node.kubernetes.io/not-ready";
const UNREACHABLE: &str = "node.kubernetes.io/unreachable";
const MANAGED_NO_SCHEDULE: [&str; 7] = [
    NOT_READY,
    UNREACHABLE,
    "node.kubernetes.io/memory-pressure",
    "node.kubernetes.io/disk-pressure",
    "node.kubernetes.io/pid-pressure",
    "node.kubernetes.io/network-unavailable",
    "node.kubernetes.io/unschedulable",
];

/// The taints a node's conditions and cordon call for.
fn wanted_taints(node: &crate::model::Node) -> Vec<Taint> {
    let mut wanted = Vec::new();
    match node.condition(NodeConditionType::Ready) {
        ConditionStatus::False => {
            wanted.push(Taint::new(NOT_READY, "", TaintEffect::NoSchedule));
            wanted.push(Taint::new(NOT_READY, "", TaintEffect::NoExecute));
        }
        ConditionStatus::Unknown => {
            wanted.push(Taint::new(UNREACHABLE, "", TaintEffect::NoSchedule));
            wanted.push(Taint::new(UNREACHABLE, "", TaintEffect::NoExecute));
        }
        ConditionStatus::True => {}
    }
    for (condition, key) in [
        (
            NodeConditionType::MemoryPressure,
            "node.kubernetes.io/memory-pressure",
        ),
        (
            NodeConditionType::DiskPressure,
            "node.kubernetes.io/disk-pressure",
        ),
        (
            NodeConditionType::PIDPressure,
            "node.kubernetes.io/pid-pressure",
        ),
        (
            NodeConditionType::NetworkUnavailable,
            "node.kubernetes.io/network-unavailable",
        ),
    ] {
        if node.condition(condition) == ConditionStatus::True {
            wanted.push(Taint::new(key, "", TaintEffect::NoSchedule));
        }
    }
    if node.unschedulable {
        wanted.push(Taint::new(
            "node.kubernetes.io/unschedulable",
            "",
            TaintEffect::NoSchedule,
        ));
    }
    wanted
}

fn is_managed(t: &Taint) -> bool {
    match t.effect {
        TaintEffect::NoSchedule => MANAGED_NO_SCHEDULE.contains(&t.key.as_str()),
        TaintEffect::NoExecute => t.key == NOT_READY || t.key == UNREACHABLE,
        TaintEffect::PreferNoSchedule => false,
    }
}

/// One pass over every node; runs only after some node changed.
pub(crate) fn run(sim: &mut Simulation) {
    let now = sim.now();
    let mut modified_any = false;
    let mut has_no_execute = false;
    let mut not_ready_nodes: std::collections::HashSet<String> = Default::default();
    for node in sim.nodes_mut().iter_mut() {
        let wanted = wanted_taints(node);
        let before = node.taints.len();
        node.taints
            .retain(|t| !is_managed(t) || wanted.iter().any(|w| w.matches_taint(t)));
        let mut modified = node.taints.len() != before;
        for mut w in wanted {
            if !node.taints.iter().any(|t| t.matches_taint(&w)) {
                if w.effect == TaintEffect::NoExecute {
                    w.time_added = Some(now);
                }
                node.taints.push(w);
                modified = true;
            }
        }
        modified_any |= modified;
        has_no_execute |= node
            .taints
            .iter()
            .any(|t| t.effect == TaintEffect::NoExecute);
        if !node.is_ready() {
            not_ready_nodes.insert(node.name.clone());
        }
    }
    if modified_any {
        sim.nodes_changed();
    }
    sim.set_nodes_have_no_execute(has_no_execute);
    // MarkPodsNotReady: pods on a node whose Ready condition is not True stop being ready.
    // The other direction: pods whose node is back re-enter the kubelet's work list.
    let keys: Vec<super::PodKey> = sim
        .pods
        .iter()
        .filter(|(_, e)| {
            e.pod.spec.node_name.is_some() && e.pod.status.phase == crate::model::PodPhase::Running
        })
        .filter(|(_, e)| {
            let on_not_ready = e
                .pod
                .spec
                .node_name
                .as_ref()
                .is_some_and(|n| not_ready_nodes.contains(n));
            (on_not_ready && e.pod.status.ready) || (!on_not_ready && !e.pod.status.ready)
        })
        .map(|(k, _)| *k)
        .collect();
    for key in keys {
        let e = sim.pods.get_mut(&key).expect("key from the map");
        let on_not_ready = e
            .pod
            .spec
            .node_name
            .as_ref()
            .is_some_and(|n| not_ready_nodes.contains(n));
        if on_not_ready {
            e.pod.status.ready = false;
            e.pod.status.ready_transition = Some(now);
        }
        sim.pod_changed(&key);
    }
    sim.set_lifecycle_seen();
}
