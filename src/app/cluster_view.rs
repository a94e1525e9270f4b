//! The cluster diagram's view model: per node its role, labels, taints, conditions, resource
//! use, one lane per DaemonSet (with that DaemonSet's pods on the node) and the other workload
//! pods; per DaemonSet its colour and status counters.
//!
//! Everything the diagram shows is computed here, natively testable, from engine queries; the
//! Yew components only lay it out. Deliberately absent: any placement or status rule of its own
//! (those are the engine's), any DOM, and any wording beyond Kubernetes' own (the UI's words live
//! in `crate::i18n`).

use crate::engine::Simulation;
use crate::model::{
    ConditionStatus, ContainerState, DaemonSet, DaemonSetKey, Node, NodeConditionType, NodeName,
    Pod, PodName, PodPhase, Quantity, TaintEffect,
};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// How many DaemonSet colours the stylesheet defines (`--ds-0` … `--ds-7`).
pub const PALETTE_SIZE: usize = 8;

/// Above this many nodes the diagram switches to compact tiles grouped by a label.
pub const COMPACT_THRESHOLD: usize = 50;

/// Everything the diagram draws.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterView {
    pub nodes: Vec<Rc<NodeView>>,
    pub daemon_sets: Rc<Vec<DaemonSetView>>,
    /// Nothing left to do: every pod Ready, terminal or stuck Pending.
    pub settled: bool,
    /// Simulated seconds since the cluster started.
    pub now_secs: f64,
}

/// One DaemonSet: its colour and the counters `kubectl get ds` shows, plus the misscheduled count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DaemonSetView {
    pub key: DaemonSetKey,
    pub color: usize,
    pub desired: i32,
    pub current: i32,
    pub ready: i32,
    pub updated: i32,
    pub available: i32,
    pub misscheduled: i32,
    /// The template's nodeSelector as kubectl prints it (`disktype=ssd`, `<none>`).
    pub node_selector: String,
    /// The RollingUpdate budget as it is being spent; `None` for OnDelete.
    pub budget: Option<BudgetView>,
    /// The current template's `controller-revision-hash`.
    pub revision_hash: String,
}

/// A RollingUpdate's budget (R3.4–R3.6): how much of maxUnavailable and maxSurge is in use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetView {
    pub max_unavailable: i64,
    pub max_surge: i64,
    /// Nodes that should run a pod and have no available one.
    pub unavailable: i64,
    /// Nodes running an old and a new pod side by side.
    pub surging: i64,
    /// Some pods still run an old revision (a rollout is under way).
    pub rolling: bool,
}

/// Which template revision a daemon pod runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Revision {
    /// The DaemonSet's current template.
    Current,
    /// An older one (a rollout will replace it, or OnDelete waits for a delete).
    Old,
}

/// The node's role as the diagram marks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeRole {
    ControlPlane,
    Worker,
}

/// One taint, with its kubectl spelling (`key=value:Effect`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaintView {
    pub key: String,
    pub value: String,
    pub effect: TaintEffect,
    pub text: String,
}

/// One node condition worth showing: Ready (always) and any other that is not at rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionView {
    pub condition: NodeConditionType,
    pub status: ConditionStatus,
    /// Whether the status is a problem (Ready not True, a pressure True).
    pub bad: bool,
}

/// Requested against allocatable for one resource.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceView {
    /// `cpu`, `memory` or `pods`.
    pub name: &'static str,
    pub requested: String,
    /// `None` when the node has no allocatable for it (no limit).
    pub allocatable: Option<String>,
    /// Requested as a share of allocatable, 0–100 (capped), when there is a limit.
    pub percent: Option<u8>,
}

/// What a pod chip looks like: colour and shape and text follow this, never colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChipLook {
    /// Not bound yet (unschedulable or waiting for the scheduler).
    Pending,
    /// Bound; pulling the image or creating the container.
    Creating,
    /// Container running, not Ready yet.
    Running,
    Ready,
    /// Being deleted (grace period).
    Terminating,
    Failed,
    Succeeded,
}

impl ChipLook {
    /// A stable CSS/test name.
    pub fn as_str(self) -> &'static str {
        match self {
            ChipLook::Pending => "pending",
            ChipLook::Creating => "creating",
            ChipLook::Running => "running",
            ChipLook::Ready => "ready",
            ChipLook::Terminating => "terminating",
            ChipLook::Failed => "failed",
            ChipLook::Succeeded => "succeeded",
        }
    }
}

/// A daemon pod on the diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodChip {
    pub name: PodName,
    pub namespace: String,
    pub daemon_set: DaemonSetKey,
    pub color: usize,
    /// The node it is bound to or aimed at.
    pub node: NodeName,
    pub phase: PodPhase,
    pub ready: bool,
    pub look: ChipLook,
    /// kubectl's STATUS column word (`ContainerCreating`, `Running`, `Terminating`, `Pending`).
    pub status: String,
    /// Why a Pending pod is not scheduled (`Insufficient cpu`), or the pod's status reason.
    pub reason: Option<String>,
    /// Running on a node where the DaemonSet should no longer start a pod (R4.1 misscheduled).
    pub misscheduled: bool,
    /// The pod's `controller-revision-hash` against the DaemonSet's current one.
    pub revision: Revision,
    /// Its short hash (`7d4b9c`), for the chip's tooltip.
    pub revision_hash: String,
    /// Whole simulated seconds until the taint eviction controller deletes it (R8.1).
    pub evict_in: Option<u64>,
}

/// One DaemonSet's lane across a node: the controller's decision and its pods there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    pub daemon_set: DaemonSetKey,
    pub color: usize,
    pub should_run: bool,
    /// The controller's reason when it should not run here (scheduler-style line).
    pub reason: Option<String>,
    pub pods: Vec<PodChip>,
    /// The DaemonSet is rolling out: its chips say which revision they run.
    pub rolling: bool,
}

/// A pod of another workload: a dot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodDot {
    pub name: PodName,
    pub namespace: String,
    pub color: usize,
    pub phase: PodPhase,
    pub terminating: bool,
}

/// One node column.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeView {
    pub name: NodeName,
    pub role: NodeRole,
    /// kubectl's ROLES column.
    pub roles: String,
    pub labels: Vec<(String, String)>,
    pub taints: Vec<TaintView>,
    pub cordoned: bool,
    pub ready: bool,
    pub conditions: Vec<ConditionView>,
    pub resources: Vec<ResourceView>,
    pub lanes: Vec<Lane>,
    pub other_pods: Vec<PodDot>,
}

impl NodeView {
    /// The value of `label` on this node, for grouping compact tiles.
    pub fn label(&self, label: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(k, _)| k == label)
            .map(|(_, v)| v.as_str())
    }
}

/// Builds the diagram's view of the simulation.
pub fn cluster_view(sim: &Simulation) -> ClusterView {
    let daemon_sets: Vec<DaemonSetView> = sim
        .daemon_sets()
        .iter()
        .enumerate()
        .map(|(i, ds)| daemon_set_view(sim, ds, i))
        .collect();
    let hashes: Vec<String> = daemon_sets
        .iter()
        .map(|d| d.revision_hash.clone())
        .collect();
    let by_ds: Vec<BTreeMap<String, Vec<&Pod>>> = sim
        .daemon_sets()
        .iter()
        .map(|ds| sim.daemon_pods_by_node(ds))
        .collect();
    let daemon_uids: HashMap<&str, usize> = sim
        .daemon_sets()
        .iter()
        .enumerate()
        .map(|(i, ds)| (ds.uid.as_str(), i))
        .collect();
    let mut others: HashMap<&str, Vec<PodDot>> = HashMap::new();
    for pod in sim.pods() {
        let owned = pod
            .controller_ref()
            .is_some_and(|o| daemon_uids.contains_key(o.uid.as_str()));
        if owned {
            continue;
        }
        if let Some(node) = pod.spec.node_name.as_deref() {
            others.entry(node).or_default().push(PodDot {
                name: PodName(pod.name.clone()),
                namespace: pod.namespace.clone(),
                color: workload_color(pod),
                phase: pod.status.phase,
                terminating: pod.is_terminating(),
            });
        }
    }
    let usage = crate::engine::scheduler::node_usage(sim);
    let nodes = sim
        .nodes()
        .iter()
        .map(|node| {
            let lanes = sim
                .daemon_sets()
                .iter()
                .enumerate()
                .map(|(i, ds)| {
                    let decision = sim.decision(ds, node);
                    let pods = by_ds[i]
                        .get(&node.name)
                        .map(|pods| {
                            pods.iter()
                                .map(|p| pod_chip(sim, ds, i, p, !decision.should_run, &hashes[i]))
                                .collect()
                        })
                        .unwrap_or_default();
                    Lane {
                        daemon_set: ds.key(),
                        color: i % PALETTE_SIZE,
                        should_run: decision.should_run,
                        reason: decision.reason.map(|r| r.to_string()),
                        pods,
                        rolling: daemon_sets[i].budget.as_ref().is_some_and(|b| b.rolling),
                    }
                })
                .collect();
            Rc::new(NodeView {
                name: NodeName(node.name.clone()),
                role: if node.is_control_plane() {
                    NodeRole::ControlPlane
                } else {
                    NodeRole::Worker
                },
                roles: node.roles(),
                labels: node
                    .labels
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                taints: node
                    .taints
                    .iter()
                    .map(|t| TaintView {
                        key: t.key.clone(),
                        value: t.value.clone(),
                        effect: t.effect,
                        text: t.to_kubectl_string(),
                    })
                    .collect(),
                cordoned: node.unschedulable,
                ready: node.is_ready(),
                conditions: conditions(node),
                resources: resources(node, usage.get(&node.name)),
                lanes,
                other_pods: others.remove(node.name.as_str()).unwrap_or_default(),
            })
        })
        .collect();
    ClusterView {
        nodes,
        daemon_sets: Rc::new(daemon_sets),
        settled: sim.is_settled(),
        now_secs: sim.now().as_secs_f64(),
    }
}

fn daemon_set_view(sim: &Simulation, ds: &DaemonSet, index: usize) -> DaemonSetView {
    let s = &ds.status;
    let revision_hash = sim.current_hash(ds);
    let rolling = sim
        .daemon_pods_by_node(ds)
        .values()
        .flatten()
        .any(|p| p.labels.get(REVISION_LABEL) != Some(&revision_hash) && !p.is_terminating());
    let budget = sim.rollout_budget(ds).map(|b| BudgetView {
        max_unavailable: b.max_unavailable,
        max_surge: b.max_surge,
        unavailable: b.unavailable,
        surging: b.surging,
        rolling,
    });
    DaemonSetView {
        key: ds.key(),
        color: index % PALETTE_SIZE,
        desired: s.desired_number_scheduled,
        current: s.current_number_scheduled,
        ready: s.number_ready,
        updated: s.updated_number_scheduled,
        available: s.number_available,
        misscheduled: s.number_misscheduled,
        node_selector: crate::model::labels::format_labels(&ds.template.spec.node_selector),
        budget,
        revision_hash,
    }
}

/// The label that names a pod's template revision.
const REVISION_LABEL: &str = "controller-revision-hash";

fn pod_chip(
    sim: &Simulation,
    ds: &DaemonSet,
    index: usize,
    pod: &Pod,
    node_unwanted: bool,
    current_hash: &str,
) -> PodChip {
    let report = crate::app::report::pod_report(sim, pod);
    let look = chip_look(pod);
    let revision_hash = pod.labels.get(REVISION_LABEL).cloned().unwrap_or_default();
    let evict_in = sim
        .eviction_deadline(pod)
        .filter(|_| !pod.is_terminating())
        .map(|t| t.0.saturating_sub(sim.now().0).div_ceil(1000));
    PodChip {
        name: PodName(pod.name.clone()),
        namespace: pod.namespace.clone(),
        daemon_set: ds.key(),
        color: index % PALETTE_SIZE,
        node: NodeName(pod.target_node_name().unwrap_or_default().to_string()),
        phase: pod.status.phase,
        ready: pod.status.ready,
        look,
        status: status_word(pod),
        reason: report.reason,
        misscheduled: node_unwanted && pod.is_bound() && !pod.is_terminating(),
        revision: if revision_hash == current_hash {
            Revision::Current
        } else {
            Revision::Old
        },
        revision_hash,
        evict_in,
    }
}

/// The chip's look from the pod's state.
pub fn chip_look(pod: &Pod) -> ChipLook {
    if pod.is_terminating() {
        return ChipLook::Terminating;
    }
    match pod.status.phase {
        PodPhase::Failed => ChipLook::Failed,
        PodPhase::Succeeded => ChipLook::Succeeded,
        PodPhase::Pending if !pod.is_bound() => ChipLook::Pending,
        _ if pod.status.ready => ChipLook::Ready,
        _ => match pod.status.container_state {
            ContainerState::Running { .. } => ChipLook::Running,
            _ => ChipLook::Creating,
        },
    }
}

/// kubectl's STATUS word for the pod (R7.2), from the kubectl printers.
pub fn status_word(pod: &Pod) -> String {
    crate::kubectl::pod_status::pod_status(pod)
}

fn conditions(node: &Node) -> Vec<ConditionView> {
    NodeConditionType::ALL
        .into_iter()
        .filter_map(|c| {
            let status = node.condition(c);
            let bad = match c {
                NodeConditionType::Ready => status != ConditionStatus::True,
                _ => status != ConditionStatus::False,
            };
            (c == NodeConditionType::Ready || bad).then_some(ConditionView {
                condition: c,
                status,
                bad,
            })
        })
        .collect()
}

fn resources(
    node: &Node,
    usage: Option<&crate::engine::scheduler::NodeUsage>,
) -> Vec<ResourceView> {
    let requested = |name: &str| -> i64 { usage.and_then(|u| u.requested.get(name)).unwrap_or(0) };
    let pods = usage.map(|u| u.pods).unwrap_or(0);
    let alloc =
        |name: &str| -> Option<&Quantity> { node.allocatable.as_ref().and_then(|a| a.get(name)) };
    let percent = |used: i64, q: Option<&Quantity>| -> Option<u8> {
        q.map(|q| {
            if q.milli <= 0 {
                100
            } else {
                ((used.saturating_mul(100) + q.milli - 1) / q.milli).clamp(0, 100) as u8
            }
        })
    };
    vec![
        ResourceView {
            name: "cpu",
            requested: format_cpu(requested("cpu")),
            allocatable: alloc("cpu").map(|q| format_cpu(q.milli)),
            percent: percent(requested("cpu"), alloc("cpu")),
        },
        ResourceView {
            name: "memory",
            requested: format_bytes(requested("memory") / 1000),
            allocatable: alloc("memory").map(|q| format_bytes(q.milli / 1000)),
            percent: percent(requested("memory"), alloc("memory")),
        },
        ResourceView {
            name: "pods",
            requested: pods.to_string(),
            allocatable: alloc("pods").map(|q| q.value().to_string()),
            percent: percent(pods * 1000, alloc("pods")),
        },
    ]
}

/// CPU in kubectl's short form: `0`, `250m`, `2`, `1500m`.
pub fn format_cpu(milli: i64) -> String {
    if milli % 1000 == 0 {
        (milli / 1000).to_string()
    } else {
        format!("{milli}m")
    }
}

/// Bytes in binary units, one decimal at most: `0`, `200Mi`, `1.5Gi`.
pub fn format_bytes(bytes: i64) -> String {
    const UNITS: [(&str, i64); 4] = [
        ("Ti", 1 << 40),
        ("Gi", 1 << 30),
        ("Mi", 1 << 20),
        ("Ki", 1 << 10),
    ];
    for (unit, size) in UNITS {
        if bytes >= size {
            let tenths = (bytes * 10 + size / 2) / size;
            return if tenths % 10 == 0 {
                format!("{}{unit}", tenths / 10)
            } else {
                format!("{}.{}{unit}", tenths / 10, tenths % 10)
            };
        }
    }
    bytes.to_string()
}

/// A stable colour for another workload's pod: by its owner, else its `app` label, else its name.
fn workload_color(pod: &Pod) -> usize {
    let basis = pod
        .controller_ref()
        .map(|o| o.name.as_str())
        .or_else(|| pod.labels.get("app").map(String::as_str))
        .or_else(|| pod.labels.get("app.kubernetes.io/name").map(String::as_str))
        .unwrap_or(pod.name.as_str());
    // FNV-1a: deterministic across runs and targets (no RandomState).
    let mut hash: u32 = 0x811c_9dc5;
    for b in basis.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % PALETTE_SIZE
}

/// Nodes grouped by the value of `label` (nodes without it last, under `None`), in node order.
pub fn group_nodes<'a>(
    nodes: &'a [Rc<NodeView>],
    label: &str,
) -> Vec<(Option<String>, Vec<&'a Rc<NodeView>>)> {
    let mut groups: Vec<(Option<String>, Vec<&Rc<NodeView>>)> = Vec::new();
    for node in nodes {
        let value = node.label(label).map(str::to_string);
        match groups.iter_mut().find(|(v, _)| *v == value) {
            Some((_, members)) => members.push(node),
            None => groups.push((value, vec![node])),
        }
    }
    groups.sort_by_key(|(v, _)| v.is_none());
    groups
}

/// Label keys worth grouping by: present on at least two nodes with at least two values, or the
/// well-known topology and role keys; in a stable order.
pub fn group_label_candidates(nodes: &[Rc<NodeView>]) -> Vec<String> {
    let mut values: BTreeMap<&str, std::collections::BTreeSet<&str>> = BTreeMap::new();
    for node in nodes {
        for (k, v) in &node.labels {
            values.entry(k.as_str()).or_default().insert(v.as_str());
        }
    }
    values
        .into_iter()
        .filter(|(k, vs)| {
            *k != "kubernetes.io/hostname" && (vs.len() >= 2 && vs.len() < nodes.len().max(2))
        })
        .map(|(k, _)| k.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Command;
    use crate::model::Node;

    fn sim_with_zones(n: usize) -> Simulation {
        let mut sim = Simulation::new(1);
        for i in 0..n {
            let mut node = Node::new(format!("n{i}"));
            node.labels
                .insert("kubernetes.io/hostname".into(), format!("n{i}"));
            if i % 4 != 3 {
                node.labels.insert(
                    "topology.kubernetes.io/zone".into(),
                    ["a", "b", "c"][i % 3].to_string(),
                );
            }
            sim.apply(Command::ApplyNode(node)).unwrap();
        }
        sim
    }

    #[test]
    fn compact_tiles_group_by_a_label_with_unlabelled_nodes_last() {
        let view = cluster_view(&sim_with_zones(8));
        assert_eq!(
            group_label_candidates(&view.nodes),
            vec!["topology.kubernetes.io/zone".to_string()],
            "hostname is unique per node and is never offered"
        );
        let groups: Vec<(Option<String>, Vec<String>)> =
            group_nodes(&view.nodes, "topology.kubernetes.io/zone")
                .into_iter()
                .map(|(v, ns)| (v, ns.iter().map(|n| n.name.0.clone()).collect()))
                .collect();
        let s = |v: &str| Some(v.to_string());
        let names = |ns: &[&str]| ns.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(
            groups,
            vec![
                (s("a"), names(&["n0", "n6"])),
                (s("b"), names(&["n1", "n4"])),
                (s("c"), names(&["n2", "n5"])),
                (None, names(&["n3", "n7"])),
            ]
        );
    }

    #[test]
    fn quantities_print_like_kubectl() {
        assert_eq!(format_cpu(250), "250m");
        assert_eq!(format_cpu(2000), "2");
        assert_eq!(format_bytes(200 * 1024 * 1024), "200Mi");
        assert_eq!(format_bytes(3 * 512 * 1024 * 1024), "1.5Gi");
        assert_eq!(format_bytes(0), "0");
    }
}
