//! The CLI's JSON contract (DESIGN.md "The CLI contract"): per DaemonSet its status and, for
//! every node in input order, the controller's decision, the node's first daemon pod and the
//! reason no pod should run there. The page's eligibility card is checked against the same data.

use crate::engine::Simulation;
use crate::model::{DaemonSet, DaemonSetStatus, Pod, PodPhase};
use serde::Serialize;

/// `{"daemonSets": [...], "errors": [...]}` as `plan --output json` prints it.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PlanReport {
    pub daemon_sets: Vec<DaemonSetReport>,
    pub errors: Vec<ErrorReport>,
}

/// One DaemonSet.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DaemonSetReport {
    pub namespace: String,
    pub name: String,
    pub status: StatusReport,
    /// Only in `run` output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_revision_hash: Option<String>,
    pub nodes: Vec<NodeReport>,
}

/// The seven status counters, named as in the API.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct StatusReport {
    pub desired_number_scheduled: i32,
    pub current_number_scheduled: i32,
    pub number_misscheduled: i32,
    pub number_ready: i32,
    pub updated_number_scheduled: i32,
    pub number_available: i32,
    pub number_unavailable: i32,
}

impl From<&DaemonSetStatus> for StatusReport {
    fn from(s: &DaemonSetStatus) -> Self {
        StatusReport {
            desired_number_scheduled: s.desired_number_scheduled,
            current_number_scheduled: s.current_number_scheduled,
            number_misscheduled: s.number_misscheduled,
            number_ready: s.number_ready,
            updated_number_scheduled: s.updated_number_scheduled,
            number_available: s.number_available,
            number_unavailable: s.number_unavailable,
        }
    }
}

/// One node for one DaemonSet.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct NodeReport {
    pub node: String,
    pub should_run: bool,
    pub should_continue_running: bool,
    pub pod: Option<PodReport>,
    /// Why no pod should run here; null when `shouldRun`.
    pub reason: Option<String>,
    /// Only in `run` output: every pod of the DaemonSet on the node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pods: Option<Vec<PodDetail>>,
}

/// The node's first daemon pod (R4.2).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PodReport {
    pub name: String,
    pub phase: String,
    pub ready: bool,
    /// The scheduler's reason for a Pending pod (`Insufficient cpu`), or the pod's status reason.
    pub reason: Option<String>,
}

/// A pod in `run` output.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PodDetail {
    pub name: String,
    pub phase: String,
    pub ready: bool,
    pub revision_hash: Option<String>,
    pub terminating: bool,
}

/// An input error: `{field, message, line}`.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ErrorReport {
    pub field: Option<String>,
    pub message: String,
    pub line: Option<usize>,
}

/// Whether `run`'s extra fields are included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    Plan,
    Run,
}

/// The pod report of one pod.
pub fn pod_report(sim: &Simulation, pod: &Pod) -> PodReport {
    let reason = if pod.status.phase == PodPhase::Pending && !pod.is_bound() {
        sim.unschedulable_reason(pod).map(str::to_string)
    } else {
        pod.status.reason.clone()
    };
    PodReport {
        name: pod.name.clone(),
        phase: pod.status.phase.as_str().to_string(),
        ready: pod.status.ready,
        reason,
    }
}

/// The report of one DaemonSet in the simulation's current state.
pub fn daemon_set_report(sim: &Simulation, ds: &DaemonSet, detail: Detail) -> DaemonSetReport {
    let by_node = sim.daemon_pods_by_node(ds);
    let nodes = sim
        .nodes()
        .iter()
        .map(|node| {
            let decision = sim.decision(ds, node);
            let pods = by_node.get(&node.name);
            NodeReport {
                node: node.name.clone(),
                should_run: decision.should_run,
                should_continue_running: decision.should_continue_running,
                pod: pods.and_then(|p| p.first()).map(|p| pod_report(sim, p)),
                reason: decision.reason.map(|r| r.to_string()),
                pods: (detail == Detail::Run).then(|| {
                    pods.into_iter()
                        .flatten()
                        .map(|p| PodDetail {
                            name: p.name.clone(),
                            phase: p.status.phase.as_str().to_string(),
                            ready: p.status.ready,
                            revision_hash: p.labels.get("controller-revision-hash").cloned(),
                            terminating: p.deletion_timestamp.is_some(),
                        })
                        .collect()
                }),
            }
        })
        .collect();
    DaemonSetReport {
        namespace: ds.namespace.clone(),
        name: ds.name.clone(),
        status: StatusReport::from(&ds.status),
        current_revision_hash: (detail == Detail::Run).then(|| sim.current_hash(ds)),
        nodes,
    }
}

/// Reports of every DaemonSet, in input order.
pub fn daemon_set_reports(sim: &Simulation, detail: Detail) -> Vec<DaemonSetReport> {
    sim.daemon_sets()
        .iter()
        .map(|ds| daemon_set_report(sim, ds, detail))
        .collect()
}

/// `{"steps": [...]}` as `run --output json` prints it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct RunReport {
    pub steps: Vec<StepReport>,
}

/// One replayed step: its index, its text, the simulated time after it, the DaemonSets
/// (`Detail::Run`) and the events it caused.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct StepReport {
    pub index: usize,
    /// The step as written (`kubectl apply -f -` for an `apply:` step).
    #[serde(rename = "do")]
    pub step: String,
    /// Simulated seconds since the start.
    pub time: f64,
    pub daemon_sets: Vec<DaemonSetReport>,
    pub events: Vec<EventReport>,
}

/// An event: `{"time": 3.0, "type": "Normal", "reason": "SuccessfulCreate", "object":
/// "DaemonSet/default/fluentd", "message": "Created pod: fluentd-x8k2p"}`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EventReport {
    pub time: f64,
    #[serde(rename = "type")]
    pub event_type: String,
    pub reason: String,
    pub object: String,
    pub message: String,
}

impl From<&crate::model::Event> for EventReport {
    fn from(e: &crate::model::Event) -> Self {
        EventReport {
            time: e.time.as_secs_f64(),
            event_type: e.event_type.as_str().to_string(),
            reason: e.reason.to_string(),
            object: e.object.to_string(),
            message: e.message.to_string(),
        }
    }
}
