//! The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go; semantics
//! R8.1): pods on nodes with NoExecute taints are deleted at once when a taint is untolerated,
//! or after the smallest `tolerationSeconds` among the tolerations used (the first toleration in
//! spec order that matches each taint), counted from when the controller first saw the pod under
//! those taints. Removing the taints cancels a countdown.

use super::{messages, PodKey, Simulation};
use crate::model::{EventType, Pod, SimDuration, SimTime, Taint, TaintEffect};

/// What the controller wants for one pod (`processPodOnNode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// No NoExecute taint, or every one tolerated forever: cancel any countdown.
    Cancel,
    EvictNow,
    EvictAfter(SimDuration),
}

fn verdict(pod: &Pod, taints: &[Taint]) -> Verdict {
    let mut min: Option<i64> = None;
    let mut any = false;
    for taint in taints.iter().filter(|t| t.effect == TaintEffect::NoExecute) {
        any = true;
        match pod.spec.tolerations.iter().find(|t| t.tolerates(taint)) {
            None => return Verdict::EvictNow,
            Some(t) => {
                if let Some(s) = t.toleration_seconds {
                    min = Some(min.map_or(s, |m| m.min(s)));
                }
            }
        }
    }
    match (any, min) {
        (false, _) | (true, None) => Verdict::Cancel,
        (true, Some(s)) if s <= 0 => Verdict::EvictNow,
        (true, Some(s)) => Verdict::EvictAfter(SimDuration::from_secs(s as u64)),
    }
}

/// One pass over every bound, non-terminating pod.
pub(crate) fn run(sim: &mut Simulation) {
    let now = sim.now();
    let mut evict: Vec<PodKey> = Vec::new();
    let mut cancel: Vec<PodKey> = Vec::new();
    let mut schedule: Vec<(PodKey, SimTime)> = Vec::new();
    for (key, e) in sim.pods.iter() {
        if e.pod.deletion_timestamp.is_some() {
            continue;
        }
        let Some(node) = e.pod.spec.node_name.as_deref().and_then(|n| sim.node(n)) else {
            continue;
        };
        match verdict(&e.pod, &node.taints) {
            Verdict::Cancel => {
                if e.eviction_due.is_some() {
                    cancel.push(*key);
                }
            }
            Verdict::EvictNow => evict.push(*key),
            Verdict::EvictAfter(d) => match e.eviction_started {
                // An already scheduled eviction keeps its earlier start time.
                Some(start) if start + d <= now => evict.push(*key),
                Some(start) => {
                    if e.eviction_due != Some(start + d) {
                        schedule.push((*key, start));
                    }
                }
                None => schedule.push((*key, now)),
            },
        }
    }
    for (key, start) in schedule {
        let Some(e) = sim.pods.get_mut(&key) else {
            continue;
        };
        let Some(node) = e.pod.spec.node_name.clone() else {
            continue;
        };
        let taints = sim
            .node(&node)
            .map(|n| n.taints.clone())
            .unwrap_or_default();
        let e = sim
            .pods
            .get_mut(&key)
            .expect("pod present: looked up above");
        if let Verdict::EvictAfter(d) = verdict(&e.pod, &taints) {
            e.eviction_started = Some(start);
            e.eviction_due = Some(start + d);
            sim.changes += 1;
        }
    }
    for key in cancel {
        let Some(e) = sim.pods.get_mut(&key) else {
            continue;
        };
        e.eviction_started = None;
        e.eviction_due = None;
        let r = e.object.clone();
        let message = messages::cancelling_deletion(&e.pod.namespace, &e.pod.name);
        sim.record(
            EventType::Normal,
            messages::REASON_TAINT_MANAGER_EVICTION,
            r,
            messages::COMPONENT_TAINT_EVICTION,
            message,
        );
    }
    let scheduled = sim
        .pods
        .values_unordered()
        .filter(|e| e.eviction_due.is_some())
        .count();
    sim.set_evictions_scheduled(scheduled);
    for key in evict {
        let Some(e) = sim.pods.get(&key) else {
            continue;
        };
        let r = e.object.clone();
        let message = messages::marking_for_deletion(&e.pod.namespace, &e.pod.name);
        sim.record(
            EventType::Normal,
            messages::REASON_TAINT_MANAGER_EVICTION,
            r,
            messages::COMPONENT_TAINT_EVICTION,
            message,
        );
        sim.delete_pod(&key);
    }
}
