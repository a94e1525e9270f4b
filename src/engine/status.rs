//! `updateDaemonSetStatus` (pkg/controller/daemon/daemon_controller.go; semantics R4): status
//! as a fold over the existing nodes, counting each node's first pod (R4.2).

use super::{controller, placement, Simulation};
use crate::model::DaemonSetStatus;

/// Computes the status of the DaemonSet at `index` from the current state.
pub(crate) fn compute_status(sim: &Simulation, index: usize) -> DaemonSetStatus {
    let ds = sim.daemon_set_at(index);
    let tolerations = placement::effective_template_tolerations(ds);
    let hash = super::history::template_hash(ds);
    let node_to_pods = controller::nodes_to_daemon_pods(sim, ds);
    let mut s = DaemonSetStatus {
        observed_generation: ds.status.observed_generation,
        collision_count: ds.status.collision_count,
        ..Default::default()
    };
    for node in sim.nodes() {
        let should_run = placement::node_should_run_daemon_pod(ds, &tolerations, node).should_run;
        let first = node_to_pods
            .get(&node.name)
            .and_then(|pods| pods.first())
            .and_then(|k| sim.pods.get(k));
        if should_run {
            s.desired_number_scheduled += 1;
            let Some(first) = first else { continue };
            let pod = &first.pod;
            s.current_number_scheduled += 1;
            if pod.status.ready {
                s.number_ready += 1;
                if controller::is_pod_available(pod, ds.min_ready_seconds, sim.now()) {
                    s.number_available += 1;
                }
            }
            if pod.labels.get("controller-revision-hash") == Some(&hash) {
                s.updated_number_scheduled += 1;
            }
        } else if first.is_some() {
            s.number_misscheduled += 1;
        }
    }
    s.number_unavailable = s.desired_number_scheduled - s.number_available;
    s
}

/// Stores the status, and asks to be woken when a ready pod becomes available (R2.7).
pub(crate) fn update_daemon_set_status(sim: &mut Simulation, index: usize) {
    let status = compute_status(sim, index);
    let ds = sim.daemon_set_at(index);
    let min_ready = ds.min_ready_seconds;
    if status.number_ready != status.number_available && min_ready > 0 {
        // Wake up when the earliest ready-but-unavailable pod crosses minReadySeconds.
        let now = sim.now();
        let wake = sim
            .pods
            .values()
            .filter(|e| {
                e.pod.controller_ref().is_some_and(|o| o.uid == ds.uid) && e.pod.status.ready
            })
            .filter_map(|e| e.pod.status.ready_transition)
            .map(|t| t + crate::model::SimDuration::from_millis(min_ready as u64 * 1000 + 1))
            .filter(|t| *t > now)
            .min();
        if let Some(t) = wake {
            sim.requeue_at(t);
        }
    }
    if sim.daemon_set_at(index).status != status {
        sim.daemon_set_at_mut(index).status = status;
        sim.changes += 1;
    }
}
