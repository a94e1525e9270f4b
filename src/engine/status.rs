//! `updateDaemonSetStatus` (pkg/controller/daemon/daemon_controller.go; semantics R4): status
//! as a fold over the existing nodes, counting each node's first pod (R4.2).

use super::{controller, Simulation};
use crate::model::DaemonSetStatus;

/// Computes and stores the status of the DaemonSet at `index`, and asks to be woken when a
/// ready pod becomes available under `minReadySeconds` (R2.7).
pub(crate) fn update_daemon_set_status(
    sim: &mut Simulation,
    index: usize,
    grouped: Option<&controller::NodePods>,
) {
    let decisions = sim.decisions_for(index);
    let ds = sim.daemon_set_at(index);
    let hash = super::history::template_hash(ds);
    let fresh;
    let node_to_pods = match grouped {
        Some(g) => g,
        None => {
            fresh = controller::nodes_to_daemon_pods(sim, ds);
            &fresh
        }
    };
    let now = sim.now();
    let mut s = DaemonSetStatus {
        observed_generation: ds.status.observed_generation,
        collision_count: ds.status.collision_count,
        ..Default::default()
    };
    let mut wake: Option<crate::model::SimTime> = None;
    for (i, decision) in decisions.iter().enumerate() {
        let first = node_to_pods
            .on_node(i)
            .and_then(|pods| pods.first())
            .and_then(|k| sim.pods.get(k));
        if decision.should_run {
            s.desired_number_scheduled += 1;
            let Some(first) = first else { continue };
            let pod = &first.pod;
            s.current_number_scheduled += 1;
            if pod.status.ready {
                s.number_ready += 1;
                if controller::is_pod_available(pod, ds.min_ready_seconds, now) {
                    s.number_available += 1;
                } else if let Some(t) = pod.status.ready_transition {
                    let due = t + crate::model::SimDuration::from_millis(
                        ds.min_ready_seconds.max(0) as u64 * 1000 + 1,
                    );
                    wake = Some(wake.map_or(due, |w| w.min(due)));
                }
            }
            if first.has_revision(&hash) {
                s.updated_number_scheduled += 1;
            }
        } else if first.is_some() {
            s.number_misscheduled += 1;
        }
    }
    s.number_unavailable = s.desired_number_scheduled - s.number_available;
    if let Some(t) = wake {
        sim.requeue_at(t);
    }
    if sim.daemon_set_at(index).status != s {
        sim.daemon_set_at_mut(index).status = s;
        sim.changes += 1;
    }
}
