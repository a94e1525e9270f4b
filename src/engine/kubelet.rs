//! The simulated kubelets: admission of pods bound without the scheduler, the pod lifecycle
//! (pull → start → Running → Ready) with the scenario's delays, readiness coming back after a
//! node recovers, and graceful termination over `terminationGracePeriodSeconds` (R8.4, R1.12).
//!
//! A kubelet on a node whose Ready condition is not True does nothing: its pods neither progress
//! nor finish terminating, as on a real cluster whose node stopped reporting.

use super::{messages, scheduler, PodEntry, PodKey, Simulation, Stage};
use crate::model::{
    Container, ContainerState, EventType, ObjectRef, PodPhase, Shared, SimDuration, SimTime,
};
use std::rc::Rc;

/// When the kubelet next has something to do for this pod, if anything.
pub(crate) fn next_due(sim: &Simulation, e: &PodEntry) -> Option<SimTime> {
    let position = sim.target_position(e, e.pod.spec.node_name.as_deref()?)?;
    if !sim.node_ready_at(position) {
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
///
/// Kubelets work in (namespace, name) order here, as a scan of every pod would meet them, and
/// their events come out in that order. Admission and termination read and change a node's usage,
/// so they run in that order. A lifecycle step (pulled, started, ready) touches its own pod only,
/// commutes with every other step and changes no usage: those steps run in the pods' memory
/// order, several times faster on large batches than jumping between pods in name order. Each
/// step notes its events in a few bytes (`StepEvents`), and the events are recorded from those
/// notes in name order.
pub(crate) fn run(sim: &mut Simulation) {
    let now = sim.now();
    let timing = sim.timing();
    let keys: Vec<PodKey> = sim.kubelet_due_pods(now);
    let mut ordered: Vec<PodKey> = Vec::new();
    let mut lifecycle: Vec<PodKey> = Vec::with_capacity(keys.len());
    let mut steps: Vec<Option<StepEvents>> = Vec::with_capacity(keys.len());
    let mut texts = StepTexts::default();
    let mut objects: Vec<Option<Rc<ObjectRef>>> = Vec::with_capacity(2 * keys.len());
    // Lifecycle steps at once, while each pod's entry is at hand; their events wait for the
    // admissions and terminations, which come first.
    for key in keys {
        let Some(e) = sim.pods.get(&key) else {
            continue;
        };
        if e.pod.deletion_timestamp.is_some() || !e.admitted {
            ordered.push(key);
        } else {
            lifecycle.push(key);
            steps.push(lifecycle_step(
                sim,
                key,
                now,
                timing,
                &mut texts,
                &mut objects,
            ));
        }
    }
    sim.pods.sort_by_name(&mut ordered);
    for key in ordered {
        let Some(e) = sim.pods.get(&key) else {
            continue;
        };
        if let Some(deleted) = e.pod.deletion_timestamp {
            if deleted + grace(e) <= now {
                sim.remove_pod(&key);
            }
        } else {
            admit(sim, &key);
            sim.pod_changed(&key);
        }
    }
    if steps.iter().all(Option::is_none) {
        // Readiness records no event: no order needed.
        return;
    }
    let order = if sim.kubelet_order.0 == lifecycle {
        std::mem::take(&mut sim.kubelet_order.1)
    } else {
        sim.pods.name_order(&lifecycle)
    };
    for &i in &order {
        if let Some(step) = &steps[i] {
            let (first, texts) = (step.objects as usize, &texts.made[step.texts as usize].2);
            for (k, (reason, message)) in texts.iter().enumerate() {
                let object = objects[first + k]
                    .take()
                    .expect("one reference per event, taken once");
                sim.record(
                    EventType::Normal,
                    reason,
                    object,
                    messages::COMPONENT_KUBELET,
                    message.clone(),
                );
            }
        }
    }
    sim.kubelet_order = (lifecycle, order);
}

/// (reason, message) pairs of the kubelet's events, in order.
type Texts = Rc<[(&'static str, Rc<str>)]>;

/// The kubelet events one lifecycle step records: the (reason, message) pairs, which are the same
/// for every pod of a template at that step, and where the pod's reference for each event starts
/// in the pass's list of references. The references are copied while the step runs, in memory
/// order: copying them later, in name order, would touch each pod's reference count at random.
/// Both are indexes, so that the notes of a large batch stay small enough to read back in any
/// order quickly.
struct StepEvents {
    /// In `StepTexts::made`.
    texts: u32,
    /// In the pass's list of references, one per event.
    objects: u32,
}

/// A step's (reason, message) pairs per template (its containers, shared by the template's
/// pods) and step, made once per kubelet pass. A pass meets a handful of templates.
#[derive(Default)]
struct StepTexts {
    made: Vec<(Shared<Vec<Container>>, StepKind, Texts)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum StepKind {
    Pulled,
    Started,
}

impl StepTexts {
    /// The index in `made` of the texts for `kind` of this template, made on first use.
    fn get(
        &mut self,
        sim: &mut Simulation,
        containers: &Shared<Vec<Container>>,
        kind: StepKind,
        timing: super::Timing,
    ) -> usize {
        if let Some(i) = self
            .made
            .iter()
            .position(|(c, k, _)| *k == kind && Shared::ptr_eq(c, containers))
        {
            return i;
        }
        let texts: Texts = match kind {
            StepKind::Pulled => {
                let image = containers.first().map_or("", |c| c.image.as_str());
                let pulling = sim
                    .texts
                    .get(messages::REASON_PULLING, image, messages::pulling);
                // The pull time is the simulation's fixed `Timing`, so the text depends on the
                // image alone.
                let pulled = sim.texts.get(messages::REASON_PULLED, image, |image| {
                    messages::pulled(image, timing.pull.0)
                });
                Rc::from([
                    (messages::REASON_PULLING, pulling),
                    (messages::REASON_PULLED, pulled),
                ])
            }
            StepKind::Started => containers
                .iter()
                .flat_map(|c| {
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
                    [
                        (messages::REASON_CREATED, created),
                        (messages::REASON_STARTED, started),
                    ]
                })
                .collect(),
        };
        self.made.push((containers.clone(), kind, texts));
        self.made.len() - 1
    }
}

/// Moves a pod one step along pull → start → Running → Ready; returns the kubelet's events for
/// the step, to be recorded in name order.
fn lifecycle_step(
    sim: &mut Simulation,
    key: PodKey,
    now: SimTime,
    timing: super::Timing,
    texts: &mut StepTexts,
    objects: &mut Vec<Option<Rc<ObjectRef>>>,
) -> Option<StepEvents> {
    let e = sim
        .pods
        .get_mut(&key)
        .expect("a due pod is stored: `run` took it from the store");
    let kind = match e.stage {
        Stage::Pulling { since } => {
            e.stage = Stage::Starting {
                since: since + timing.pull,
            };
            sim.pod_progressed(&key);
            StepKind::Pulled
        }
        Stage::Starting { since } => {
            let started = since + timing.start;
            e.stage = Stage::Running { since: started };
            e.pod.status.phase = PodPhase::Running;
            e.pod.status.container_state = ContainerState::Running {
                started_at: started,
            };
            e.pod.status.pod_ip = Some(pod_ip(&e.pod));
            // Running but not Ready changes nothing its DaemonSet computes (the controller reads
            // a phase only to find Failed and Succeeded pods; status counts readiness), so the
            // DaemonSet is not woken for it.
            sim.pod_progressed(&key);
            StepKind::Started
        }
        Stage::Running { .. } | Stage::Settled => {
            e.stage = Stage::Settled;
            e.pod.status.ready = true;
            e.pod.status.ready_transition = Some(now);
            sim.pod_changed(&key);
            return None;
        }
        Stage::Unbound => return None,
    };
    let e = &sim.pods[&key];
    let (object, containers) = (e.object.clone(), e.pod.spec.containers.clone());
    let made = texts.get(sim, &containers, kind, timing);
    let first = objects.len();
    objects.extend(std::iter::repeat_n(Some(object), texts.made[made].2.len()));
    Some(StepEvents {
        texts: made as u32,
        objects: first as u32,
    })
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
    use crate::engine::Command;
    use crate::model::{Container, Node, Pod, PodSpec};

    /// Pods bound to one node, created in the order given, and settled.
    fn settled_on_one_node<'a>(
        pods: impl IntoIterator<Item = (&'a str, &'a Shared<Vec<Container>>)>,
    ) -> Simulation {
        let mut sim = Simulation::new(1);
        sim.apply(Command::ApplyNode(Node::new("node-1"))).unwrap();
        for (name, containers) in pods {
            let pod = Pod {
                spec: PodSpec {
                    node_name: Some("node-1".into()),
                    containers: containers.clone(),
                    ..Default::default()
                },
                ..Pod::new("default", name)
            };
            sim.apply(Command::ApplyPod(pod)).unwrap();
        }
        sim.apply(Command::Settle {
            limit: SimDuration::from_secs(60),
        })
        .unwrap();
        sim
    }

    /// Lifecycle steps run in memory order, but their events must come out in name order:
    /// pods created in reverse name order (so memory order is the reverse) show it.
    #[test]
    fn lifecycle_events_come_out_in_name_order_whatever_the_memory_order() {
        let app: Shared<Vec<Container>> = vec![Container::new("app", "app:1")].into();
        let names = ["pod-e", "pod-d", "pod-c", "pod-b", "pod-a"];
        let sim = settled_on_one_node(names.map(|name| (name, &app)));
        for reason in [
            messages::REASON_PULLING,
            messages::REASON_PULLED,
            messages::REASON_CREATED,
            messages::REASON_STARTED,
        ] {
            let order: Vec<&str> = sim
                .events()
                .iter()
                .filter(|e| e.reason == reason)
                .map(|e| &*e.object.name)
                .collect();
            assert_eq!(
                order,
                ["pod-a", "pod-b", "pod-c", "pod-d", "pod-e"],
                "{reason}"
            );
        }
        // Each pod's two pull events stay side by side.
        let pulls: Vec<(&str, &str)> = sim
            .events()
            .iter()
            .filter(|e| e.reason == messages::REASON_PULLING || e.reason == messages::REASON_PULLED)
            .map(|e| (&*e.object.name, e.reason))
            .collect();
        assert_eq!(pulls[0], ("pod-a", messages::REASON_PULLING));
        assert_eq!(pulls[1], ("pod-a", messages::REASON_PULLED));
        assert_eq!(pulls[2], ("pod-b", messages::REASON_PULLING));
    }

    /// Each pod's events say its own images and containers, in container order, even when pods
    /// of different templates take the same step together.
    #[test]
    fn each_pod_reports_its_own_images_and_containers_in_order() {
        let two: Shared<Vec<Container>> = vec![
            Container::new("main", "main:2"),
            Container::new("sidecar", "proxy:1"),
        ]
        .into();
        let one: Shared<Vec<Container>> = vec![Container::new("app", "app:1")].into();
        let sim = settled_on_one_node([("pod-a", &two), ("pod-b", &one), ("pod-c", &two)]);
        let said: Vec<String> = sim
            .events()
            .iter()
            .map(|e| format!("{} {}", e.object.name, e.message))
            .collect();
        assert_eq!(
            said,
            [
                "pod-a Pulling image \"main:2\"",
                "pod-a Successfully pulled image \"main:2\" in 2s (2s including waiting). Image size: 0 bytes.",
                "pod-b Pulling image \"app:1\"",
                "pod-b Successfully pulled image \"app:1\" in 2s (2s including waiting). Image size: 0 bytes.",
                "pod-c Pulling image \"main:2\"",
                "pod-c Successfully pulled image \"main:2\" in 2s (2s including waiting). Image size: 0 bytes.",
                "pod-a Created container: main",
                "pod-a Started container main",
                "pod-a Created container: sidecar",
                "pod-a Started container sidecar",
                "pod-b Created container: app",
                "pod-b Started container app",
                "pod-c Created container: main",
                "pod-c Started container main",
                "pod-c Created container: sidecar",
                "pod-c Started container sidecar",
            ]
        );
    }

    #[test]
    fn octets_are_written_in_plain_decimal() {
        for n in [0u32, 7, 10, 99, 100, 158, 255] {
            let mut s = String::new();
            push_octet(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
