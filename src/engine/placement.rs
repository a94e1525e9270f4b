//! Which nodes should run a daemon pod: `NodeShouldRunDaemonPod` and its helpers, ported from
//! pkg/controller/daemon/daemon_controller.go and util/daemonset_util.go (semantics R1.1–R1.8).
//!
//! Deliberately absent: resources, ports, cordon and node conditions. Those belong to the
//! scheduler (`scheduler.rs`) and, for conditions, to the taints the node lifecycle adds.

use crate::model::{DaemonSet, Node, PodSpec, Taint, TaintEffect, Toleration};

/// Why a node should not run (or keep) a daemon pod. `Display` is the scheduler-style reason
/// line the CLI and the eligibility card show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unfit {
    /// The template's `spec.nodeName` names another node.
    NodeNameMismatch,
    /// The node fails the template's nodeSelector or required node affinity.
    NodeAffinityMismatch,
    /// The first NoSchedule/NoExecute taint no toleration covers.
    UntoleratedTaint(Taint),
}

impl std::fmt::Display for Unfit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unfit::NodeNameMismatch => f.write_str(crate::engine::messages::NODE_NAME_MISMATCH),
            Unfit::NodeAffinityMismatch => {
                f.write_str(crate::engine::messages::NODE_AFFINITY_MISMATCH)
            }
            Unfit::UntoleratedTaint(t) => {
                write!(f, "{}", crate::engine::messages::untolerated_taint(t))
            }
        }
    }
}

/// The controller's decision for one (node, DaemonSet) pair (R1.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub should_run: bool,
    pub should_continue_running: bool,
    /// Why `should_run` is false; `None` when it is true.
    pub reason: Option<Unfit>,
}

/// The daemon tolerations of R1.7, in upstream order (`util.AddOrUpdateDaemonPodTolerations`).
pub fn daemon_tolerations(host_network: bool) -> Vec<Toleration> {
    let mut t = vec![
        Toleration::exists("node.kubernetes.io/not-ready", TaintEffect::NoExecute),
        Toleration::exists("node.kubernetes.io/unreachable", TaintEffect::NoExecute),
        Toleration::exists("node.kubernetes.io/disk-pressure", TaintEffect::NoSchedule),
        Toleration::exists(
            "node.kubernetes.io/memory-pressure",
            TaintEffect::NoSchedule,
        ),
        Toleration::exists("node.kubernetes.io/pid-pressure", TaintEffect::NoSchedule),
        Toleration::exists("node.kubernetes.io/unschedulable", TaintEffect::NoSchedule),
    ];
    if host_network {
        t.push(Toleration::exists(
            "node.kubernetes.io/network-unavailable",
            TaintEffect::NoSchedule,
        ));
    }
    t
}

/// Merges the daemon tolerations into a pod's list: an identical user toleration is replaced in
/// place, others are appended after the user's (`v1helper.AddOrUpdateTolerationInPodSpec`).
pub fn add_or_update_daemon_pod_tolerations(spec: &mut PodSpec) {
    for toleration in daemon_tolerations(spec.host_network) {
        if let Some(existing) = spec
            .tolerations
            .iter_mut()
            .find(|t| t.matches_toleration(&toleration))
        {
            *existing = toleration;
        } else {
            spec.tolerations.push(toleration);
        }
    }
}

/// Whether the node satisfies the template's nodeSelector AND required node affinity
/// (`predicates` → `nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)`, R1.3–R1.4).
pub fn node_matches_selector_and_affinity(spec: &PodSpec, node: &Node) -> bool {
    node_matches_selector(spec, node)
        && spec
            .required_node_affinity
            .as_ref()
            .is_none_or(|a| a.matches(&node.name, &node.labels))
}

/// Whether the node has every label of the template's nodeSelector (R1.3).
pub fn node_matches_selector(spec: &PodSpec, node: &Node) -> bool {
    spec.node_selector
        .iter()
        .all(|(k, v)| node.labels.get(k) == Some(v))
}

/// The first taint with effect NoSchedule or NoExecute that `tolerations` do not cover
/// (`v1helper.FindMatchingUntoleratedTaint` with the DaemonSet's effect filter).
pub fn find_untolerated_taint<'a>(
    taints: &'a [Taint],
    tolerations: &[Toleration],
    filter: impl Fn(&Taint) -> bool,
) -> Option<&'a Taint> {
    taints
        .iter()
        .filter(|t| filter(t))
        .find(|t| !tolerations.iter().any(|tol| tol.tolerates(t)))
}

/// Port of `NodeShouldRunDaemonPod` (R1.2): evaluated on a hypothetical pod made from the
/// template with the daemon tolerations merged in. `tolerations` must be that merged list
/// (see `effective_template_tolerations`), computed once per DaemonSet for speed.
pub fn node_should_run_daemon_pod(
    ds: &DaemonSet,
    tolerations: &[Toleration],
    node: &Node,
) -> Decision {
    let spec = &ds.template.spec;
    if let Some(name) = &spec.node_name {
        if name != &node.name {
            return Decision {
                should_run: false,
                should_continue_running: false,
                reason: Some(Unfit::NodeNameMismatch),
            };
        }
    }
    if !node_matches_selector_and_affinity(spec, node) {
        return Decision {
            should_run: false,
            should_continue_running: false,
            reason: Some(Unfit::NodeAffinityMismatch),
        };
    }
    let untolerated = find_untolerated_taint(&node.taints, tolerations, |t| {
        matches!(t.effect, TaintEffect::NoSchedule | TaintEffect::NoExecute)
    });
    match untolerated {
        None => Decision {
            should_run: true,
            should_continue_running: true,
            reason: None,
        },
        Some(taint) => {
            let no_execute_untolerated = find_untolerated_taint(&node.taints, tolerations, |t| {
                t.effect == TaintEffect::NoExecute
            })
            .is_none();
            Decision {
                should_run: false,
                should_continue_running: no_execute_untolerated,
                reason: Some(Unfit::UntoleratedTaint(taint.clone())),
            }
        }
    }
}

/// The template's tolerations with the daemon tolerations merged in (the hypothetical pod, R1.1).
pub fn effective_template_tolerations(ds: &DaemonSet) -> Vec<Toleration> {
    let mut spec = PodSpec {
        tolerations: ds.template.spec.tolerations.clone(),
        host_network: ds.template.spec.host_network,
        ..PodSpec::default()
    };
    add_or_update_daemon_pod_tolerations(&mut spec);
    spec.tolerations.to_vec()
}
