//! The RollingUpdate strategy, ported from `rollingUpdate`, `findUpdatedPodsOnNode` and
//! `updatedDesiredNodeCounts` in pkg/controller/daemon/update.go (semantics R3.4–R3.6).
//!
//! Upstream walks a Go map, so its node order is effectively random (R3.8); this port walks node
//! names in sorted order so that a replay is reproducible. The settled result is the same.

use super::controller::{is_pod_available, sync_nodes, NodePods};
use super::{PodKey, Simulation};
use crate::model::UpdateStrategy;

/// One stop of the walk over nodes in name order: an existing node by index, or a node that no
/// longer exists but still has pods aimed at it.
enum Walk<'a> {
    Node(usize),
    Missing(&'a str, &'a [PodKey]),
}

impl<'a> Walk<'a> {
    fn node<'s>(&self, sim: &'s Simulation) -> &'s str
    where
        'a: 's,
    {
        match *self {
            Walk::Node(i) => &sim.nodes()[i].name,
            Walk::Missing(node, _) => node,
        }
    }

    /// The node's index in `nodes`; `None` for a node that does not exist.
    fn position(&self) -> Option<usize> {
        match *self {
            Walk::Node(i) => Some(i),
            Walk::Missing(..) => None,
        }
    }

    fn pods<'p>(&self, node_pods: &'p NodePods) -> &'p [PodKey]
    where
        'a: 'p,
    {
        match *self {
            Walk::Node(i) => node_pods.on_node(i).unwrap_or(&[]),
            Walk::Missing(_, pods) => pods,
        }
    }
}

/// `findUpdatedPodsOnNode`: the node's one new and one old pod; `None` when it has more than one
/// of either (the manage loop will clean it up).
fn find_updated_pods_on_node(
    sim: &Simulation,
    pods: &[PodKey],
    hash: &str,
) -> Option<(Option<PodKey>, Option<PodKey>)> {
    let mut new_pod = None;
    let mut old_pod = None;
    for key in pods {
        let Some(e) = sim.pods.get(key) else { continue };
        if e.pod.deletion_timestamp.is_some() {
            continue;
        }
        let updated = e.has_revision(hash);
        let slot = if updated { &mut new_pod } else { &mut old_pod };
        if slot.is_some() {
            return None;
        }
        *slot = Some(*key);
    }
    Some((new_pod, old_pod))
}

/// `rollingUpdate` for the DaemonSet at `index`.
/// Takes the grouping of the DaemonSet's pods and gives it back (with empty lists for podless
/// nodes that should run) with whether it issued creates or deletes.
pub(crate) fn rolling_update(
    sim: &mut Simulation,
    index: usize,
    hash: &str,
    node_to_pods: NodePods,
) -> (bool, NodePods) {
    let ds = sim.daemon_set_at(index);
    let min_ready_seconds = ds.min_ready_seconds;
    let UpdateStrategy::RollingUpdate {
        max_unavailable,
        max_surge,
    } = ds.update_strategy.clone()
    else {
        return (false, node_to_pods);
    };
    let decisions = sim.decisions_for(index);
    // `updatedDesiredNodeCounts`: every node that should run joins the walk, even podless.
    let desired = decisions.iter().filter(|d| d.should_run).count() as i64;
    let by_name = sim.nodes_by_name();
    let mut walk: Vec<Walk> = by_name
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| decisions[i].should_run || node_to_pods.on_node(i).is_some())
        .map(Walk::Node)
        .collect();
    if !node_to_pods.missing().is_empty() {
        walk.extend(
            node_to_pods
                .missing()
                .iter()
                .map(|(node, pods)| Walk::Missing(node, pods)),
        );
        walk.sort_by(|a, b| a.node(sim).cmp(b.node(sim)));
    }
    let should_run = |w: &Walk<'_>| match *w {
        Walk::Node(i) => decisions[i].should_run,
        Walk::Missing(..) => false,
    };
    let mut max_unavailable = max_unavailable.scaled_value(desired);
    let max_surge = max_surge.scaled_value(desired);
    if desired > 0 && max_unavailable == 0 && max_surge == 0 {
        max_unavailable = 1;
    }
    let now = sim.now();
    let available = |sim: &Simulation, key: &PodKey| {
        is_pod_available(&sim.pods[key].pod, min_ready_seconds, now)
    };

    if max_surge == 0 {
        let mut num_unavailable: i64 = 0;
        let mut allowed_replacement: Vec<PodKey> = Vec::new();
        let mut candidates: Vec<PodKey> = Vec::new();
        for w in &walk {
            let Some((new_pod, old_pod)) =
                find_updated_pods_on_node(sim, w.pods(&node_to_pods), hash)
            else {
                num_unavailable += 1;
                continue;
            };
            match (new_pod, old_pod) {
                (None, None) | (Some(_), Some(_)) => num_unavailable += 1,
                (Some(new), None) => {
                    if !available(sim, &new) {
                        num_unavailable += 1;
                    }
                }
                (None, Some(old)) => {
                    if !available(sim, &old) {
                        allowed_replacement.push(old);
                    } else if num_unavailable >= max_unavailable {
                        continue;
                    } else {
                        candidates.push(old);
                    }
                }
            }
        }
        let remaining =
            (max_unavailable - num_unavailable).clamp(0, candidates.len() as i64) as usize;
        let mut to_delete = allowed_replacement;
        to_delete.extend(candidates.into_iter().take(remaining));
        drop(walk);
        let acted = sync_nodes(sim, index, &to_delete, &[], hash);
        return (acted, node_to_pods);
    }

    let mut num_surge: i64 = 0;
    let mut num_available: i64 = 0;
    // Node indexes: a node that should run a pod exists.
    let mut allowed_new_nodes: Vec<usize> = Vec::new();
    let mut candidate_new_nodes: Vec<usize> = Vec::new();
    let mut should_not_run_to_delete: Vec<PodKey> = Vec::new();
    let mut old_to_delete: Vec<PodKey> = Vec::new();
    for w in &walk {
        let Some((new_pod, old_pod)) = find_updated_pods_on_node(sim, w.pods(&node_to_pods), hash)
        else {
            num_surge += 1;
            continue;
        };
        if let Some(old) = &old_pod {
            if available(sim, old) {
                num_available += 1;
            }
        } else if let Some(new) = &new_pod {
            if available(sim, new) {
                num_available += 1;
            }
        }
        match (new_pod, old_pod) {
            (_, None) => {}
            (None, Some(old)) => {
                let node_should_run = should_run(w);
                if !available(sim, &old) {
                    if !node_should_run {
                        should_not_run_to_delete.push(old);
                        continue;
                    }
                    allowed_new_nodes.extend(w.position());
                } else if num_surge >= max_surge {
                    continue;
                } else {
                    if !node_should_run {
                        should_not_run_to_delete.push(old);
                        continue;
                    }
                    candidate_new_nodes.extend(w.position());
                }
            }
            (Some(new), Some(old)) => {
                if !available(sim, &new) {
                    num_surge += 1;
                    continue;
                }
                old_to_delete.push(old);
            }
        }
    }
    let remaining = (max_surge - num_surge).clamp(0, candidate_new_nodes.len() as i64) as usize;
    let mut to_create = allowed_new_nodes;
    to_create.extend(candidate_new_nodes.into_iter().take(remaining));
    if num_available > desired {
        let n = ((num_available - desired) as usize).min(should_not_run_to_delete.len());
        old_to_delete.extend(should_not_run_to_delete.into_iter().take(n));
    }
    drop(walk);
    let acted = sync_nodes(sim, index, &old_to_delete, &to_create, hash);
    (acted, node_to_pods)
}
