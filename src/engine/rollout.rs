//! Read-only rollout queries for the page and kubectl texts: the RollingUpdate budget as it is
//! being spent, and the taint-eviction countdown of a pod (semantics R3.4–R3.6, R8.1).

use super::Simulation;
use crate::model::{DaemonSet, Pod, SimTime, UpdateStrategy};

/// A RollingUpdate's budget right now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RolloutBudget {
    /// `maxUnavailable` scaled against `desiredNumberScheduled` (rounded up; 1 when both are 0).
    pub max_unavailable: i64,
    /// `maxSurge` scaled the same way.
    pub max_surge: i64,
    /// Nodes that should run a pod and have no available one.
    pub unavailable: i64,
    /// Nodes running an old and a new pod side by side.
    pub surging: i64,
}

impl Simulation {
    /// The RollingUpdate budget of a DaemonSet; `None` for OnDelete.
    pub fn rollout_budget(&self, ds: &DaemonSet) -> Option<RolloutBudget> {
        let UpdateStrategy::RollingUpdate {
            max_unavailable,
            max_surge,
        } = &ds.update_strategy
        else {
            return None;
        };
        let desired = i64::from(ds.status.desired_number_scheduled);
        let mut max_u = max_unavailable.scaled_value(desired);
        let max_s = max_surge.scaled_value(desired);
        if desired > 0 && max_u == 0 && max_s == 0 {
            max_u = 1;
        }
        let hash = self.current_hash(ds);
        let surging = self
            .daemon_pods_by_node(ds)
            .values()
            .filter(|pods| {
                let live: Vec<&&Pod> = pods
                    .iter()
                    .filter(|p| p.deletion_timestamp.is_none())
                    .collect();
                let new = live
                    .iter()
                    .any(|p| p.labels.get("controller-revision-hash") == Some(&hash));
                let old = live
                    .iter()
                    .any(|p| p.labels.get("controller-revision-hash") != Some(&hash));
                new && old
            })
            .count() as i64;
        Some(RolloutBudget {
            max_unavailable: max_u,
            max_surge: max_s,
            unavailable: i64::from(ds.status.number_unavailable),
            surging,
        })
    }

    /// When the taint eviction controller will delete this pod, if a countdown runs (R8.1).
    pub fn eviction_deadline(&self, pod: &Pod) -> Option<SimTime> {
        self.pods
            .get(&self.pods.lookup(&pod.namespace, &pod.name)?)?
            .eviction_due
    }
}
