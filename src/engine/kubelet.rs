//! The simulated kubelets: admission of pods bound without the scheduler, the pod lifecycle
//! (pull → start → Running → Ready) with the scenario's delays, readiness coming back after a
//! node recovers, and graceful termination over `terminationGracePeriodSeconds` (R8.4, R1.12).
//!
//! A kubelet on a node whose Ready condition is not True does nothing: its pods neither progress
//! nor finish terminating, as on a real cluster whose node stopped reporting.

use super::{messages, scheduler, PodEntry, PodKey, Simulation, Stage};
use crate::model::{ContainerState, EventType, PodPhase, SimDuration, SimTime};

/// When the kubelet next has something to do for this pod, if anything.
pub(crate) fn next_due(sim: &Simulation, e: &PodEntry) -> Option<SimTime> {
    let node = &sim.nodes()[sim.target_position(e, e.pod.spec.node_name.as_deref()?)?];
    if !node.is_ready() {
        return None;
    }
    let t = sim.timing();
    if let Some(deleted) = e.pod.deletion_timestamp {
        return Some(deleted + grace(e));
    }
    if !e.admitted {
        return Some(sim.now());
    }
    match e.stage {
        Stage::Unbound => None,
        Stage::Pulling { since } => Some(since + t.pull),
        Stage::Starting { since } => Some(since + t.start),
        Stage::Running { since } => Some(since + t.ready),
        Stage::Settled => {
            (e.pod.status.phase == PodPhase::Running && !e.pod.status.ready).then_some(sim.now())
        }
    }
}

fn grace(e: &PodEntry) -> SimDuration {
    SimDuration::from_secs(e.pod.spec.termination_grace_period_seconds.max(0) as u64)
}

/// Makes a pod's container exit with an error: the pod turns Failed (`pod fail`).
pub(crate) fn fail_pod(e: &mut PodEntry, _now: SimTime) {
    e.pod.status.phase = PodPhase::Failed;
    e.pod.status.ready = false;
    e.pod.status.container_state = ContainerState::Terminated {
        reason: "Error".to_string(),
        exit_code: 1,
    };
    e.stage = Stage::Settled;
}

/// One kubelet pass over the pods it has work for whose next step is due.
pub(crate) fn run(sim: &mut Simulation) {
    let now = sim.now();
    let timing = sim.timing();
    // Only the pods whose step is due, in (namespace, name) order as a scan of all would meet them.
    let keys: Vec<PodKey> = sim.kubelet_due_pods(now);
    for key in keys {
        let Some(e) = sim.pods.get(&key) else {
            continue;
        };
        if let Some(deleted) = e.pod.deletion_timestamp {
            if deleted + grace(e) <= now {
                sim.remove_pod(&key);
            }
            continue;
        }
        if !e.admitted {
            admit(sim, &key);
            sim.pod_changed(&key);
            continue;
        }
        let e = sim
            .pods
            .get_mut(&key)
            .expect("pod present: looked up above");
        let r = e.object.clone();
        let image = e
            .pod
            .spec
            .containers
            .first()
            .map_or("", |c| c.image.as_str());
        match e.stage {
            Stage::Pulling { since } => {
                e.stage = Stage::Starting {
                    since: since + timing.pull,
                };
                let pulling = sim
                    .texts
                    .get(messages::REASON_PULLING, image, messages::pulling);
                // The pull time is the simulation's fixed `Timing`, so the text depends on the
                // image alone.
                let pulled = sim.texts.get(messages::REASON_PULLED, image, |image| {
                    messages::pulled(image, timing.pull.0)
                });
                sim.record(
                    EventType::Normal,
                    messages::REASON_PULLING,
                    r.clone(),
                    messages::COMPONENT_KUBELET,
                    pulling,
                );
                sim.record(
                    EventType::Normal,
                    messages::REASON_PULLED,
                    r,
                    messages::COMPONENT_KUBELET,
                    pulled,
                );
                sim.pod_progressed(&key);
            }
            Stage::Starting { since } => {
                let started = since + timing.start;
                e.stage = Stage::Running { since: started };
                e.pod.status.phase = PodPhase::Running;
                e.pod.status.container_state = ContainerState::Running {
                    started_at: started,
                };
                e.pod.status.pod_ip = Some(pod_ip(&e.pod));
                // A pointer copy, so that the events can be recorded while the pod is not borrowed.
                let containers = e.pod.spec.containers.clone();
                for c in containers.iter() {
                    let created = sim.texts.get(
                        messages::REASON_CREATED,
                        &c.name,
                        messages::created_container,
                    );
                    let started = sim.texts.get(
                        messages::REASON_STARTED,
                        &c.name,
                        messages::started_container,
                    );
                    sim.record(
                        EventType::Normal,
                        messages::REASON_CREATED,
                        r.clone(),
                        messages::COMPONENT_KUBELET,
                        created,
                    );
                    sim.record(
                        EventType::Normal,
                        messages::REASON_STARTED,
                        r.clone(),
                        messages::COMPONENT_KUBELET,
                        started,
                    );
                }
                sim.pod_changed(&key);
            }
            Stage::Running { .. } | Stage::Settled => {
                e.stage = Stage::Settled;
                e.pod.status.ready = true;
                e.pod.status.ready_transition = Some(now);
                sim.pod_changed(&key);
            }
            Stage::Unbound => {}
        }
    }
}

/// Kubelet admission for a pod bound without the scheduler (template `nodeName`, R1.12),
/// `AdmissionCheck` in upstream's order: a pod that does not fit is rejected and turns Failed
/// with `OutOf<resource>`; one whose host ports are taken, with `NodePorts`.
fn admit(sim: &mut Simulation, key: &PodKey) {
    let e = &sim.pods[key];
    let node_name = e.pod.spec.node_name.clone().unwrap_or_default();
    let Some(node) = sim.node(&node_name) else {
        return;
    };
    // The pod itself is already counted as bound; admission compares against the others.
    let mut others = sim.usage_of(&node_name).cloned().unwrap_or_default();
    scheduler::remove_from_usage(&mut others, &e.pod.spec);
    let reasons = scheduler::fits_request(&e.pod.spec, node.allocatable.as_ref(), &others);
    let rejection = match reasons.first() {
        Some(first) => Some(format!(
            "{}{}",
            messages::REASON_OUT_OF,
            first.strip_prefix("Insufficient ").unwrap_or("pods")
        )),
        None if scheduler::ports_conflict(&e.pod.spec, &others) => {
            Some(messages::REASON_NODE_PORTS.to_string())
        }
        None => None,
    };
    let e = sim.pods.get_mut(key).expect("pod present: looked up above");
    e.admitted = true;
    if let Some(reason) = rejection {
        e.pod.status.phase = PodPhase::Failed;
        e.pod.status.reason = Some(reason.clone());
        e.pod.status.container_state = ContainerState::Terminated {
            reason,
            exit_code: 0,
        };
        e.stage = Stage::Settled;
    }
}

/// The pod's IP: the node's for hostNetwork pods, else a stable one in 10.244.0.0/16 derived
/// from the name, for `-o wide`.
pub(crate) fn pod_ip(pod: &crate::model::Pod) -> String {
    if pod.spec.host_network {
        if let Some(node) = &pod.spec.node_name {
            return crate::model::Node::internal_ip(node);
        }
    }
    let name = &pod.name;
    let h = name
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    let mut ip = String::with_capacity(15);
    ip.push_str("10.244.");
    push_octet(&mut ip, (h >> 8) % 256);
    ip.push('.');
    push_octet(&mut ip, (h % 254) + 1);
    ip
}

/// Appends `n` (below 256) in decimal: a pod's IP is written as each pod starts, and this is a
/// fraction of `format!`'s cost.
fn push_octet(s: &mut String, n: u32) {
    debug_assert!(n < 256);
    if n >= 100 {
        s.push(char::from(b'0' + (n / 100) as u8));
    }
    if n >= 10 {
        s.push(char::from(b'0' + (n / 10 % 10) as u8));
    }
    s.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn octets_are_written_in_plain_decimal() {
        for n in [0u32, 7, 10, 99, 100, 158, 255] {
            let mut s = String::new();
            push_octet(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
