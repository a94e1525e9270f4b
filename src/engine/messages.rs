//! Every message the engine produces in Kubernetes' words: event reasons and messages of the
//! DaemonSet controller, scheduler, kubelet and taint eviction controller (semantics R1.11,
//! R7.5, R8.1). One module so that a switch of Kubernetes version touches one file.
//!
//! The wording pinned here is the ~v1.31–v1.33 form: non-target nodes are reported as
//! `node(s) didn't satisfy plugin(s) [NodeAffinity]`, taints as `{key: value}`.

use std::rc::Rc;

use crate::model::Taint;

pub const COMPONENT_DAEMONSET: &str = "daemonset-controller";
pub const COMPONENT_SCHEDULER: &str = "default-scheduler";
pub const COMPONENT_KUBELET: &str = "kubelet";
pub const COMPONENT_TAINT_EVICTION: &str = "taint-eviction-controller";
pub const COMPONENT_NODE_CONTROLLER: &str = "node-controller";

pub const REASON_SUCCESSFUL_CREATE: &str = "SuccessfulCreate";
pub const REASON_SUCCESSFUL_DELETE: &str = "SuccessfulDelete";
pub const REASON_FAILED_CREATE: &str = "FailedCreate";
pub const REASON_FAILED_DAEMON_POD: &str = "FailedDaemonPod";
pub const REASON_SUCCEEDED_DAEMON_POD: &str = "SucceededDaemonPod";
pub const REASON_SELECTING_ALL: &str = "SelectingAll";
pub const REASON_SCHEDULED: &str = "Scheduled";
pub const REASON_FAILED_SCHEDULING: &str = "FailedScheduling";
pub const REASON_TAINT_MANAGER_EVICTION: &str = "TaintManagerEviction";
pub const REASON_PULLING: &str = "Pulling";
pub const REASON_PULLED: &str = "Pulled";
pub const REASON_CREATED: &str = "Created";
pub const REASON_STARTED: &str = "Started";
pub const REASON_KILLING: &str = "Killing";
/// Kubelet admission rejections: `OutOf<resource>`, or the failed predicate's name.
pub const REASON_OUT_OF: &str = "OutOf";
pub const REASON_NODE_PORTS: &str = "NodePorts";

pub const NODE_NAME_MISMATCH: &str = "node(s) didn't match the requested node name";
pub const NODE_AFFINITY_MISMATCH: &str = "node(s) didn't match Pod's node affinity/selector";
pub const NODE_AFFINITY_PREFILTERED: &str = "node(s) didn't satisfy plugin(s) [NodeAffinity]";
pub const NODE_PORTS_CONFLICT: &str = "node(s) didn't have free ports for the requested pod ports";
pub const NODE_UNSCHEDULABLE: &str = "node(s) were unschedulable";
pub const TOO_MANY_PODS: &str = "Too many pods";
pub const NO_PREEMPTION_VICTIMS: &str = "No preemption victims found for incoming pod";
pub const PREEMPTION_NOT_HELPFUL: &str = "Preemption is not helpful for scheduling";
pub const SELECTING_ALL: &str =
    "This daemon set is selecting all pods. A non-empty selector is required.";

/// `node(s) had untolerated taint {key: value}` (TaintToleration filter, ~v1.25–1.33).
pub fn untolerated_taint(taint: &Taint) -> String {
    format!(
        "node(s) had untolerated taint {}",
        taint.to_scheduler_string()
    )
}

/// `Insufficient <resource>` (NodeResourcesFit).
pub fn insufficient(resource: &str) -> String {
    format!("Insufficient {resource}")
}

pub fn created_pod(pod: &str) -> Rc<str> {
    concat(&["Created pod: ", pod])
}

pub fn deleted_pod(pod: &str) -> String {
    format!("Deleted pod: {pod}")
}

pub fn failed_daemon_pod(namespace: &str, pod: &str, node: &str) -> String {
    format!("Found failed daemon pod {namespace}/{pod} on node {node}, will try to kill it")
}

pub fn succeeded_daemon_pod(namespace: &str, pod: &str, node: &str) -> String {
    format!("Found succeeded daemon pod {namespace}/{pod} on node {node}, will try to delete it")
}

pub fn scheduled(namespace: &str, pod: &str, node: &str) -> Rc<str> {
    concat(&["Successfully assigned ", namespace, "/", pod, " to ", node])
}

/// The parts joined into an event's shared text with one allocation: the per-pod messages are
/// written for every pod created, where `format!` machinery costs more than the copying. The
/// parts are gathered in a reused buffer first, since `Rc<str>` needs its length up front.
fn concat(parts: &[&str]) -> Rc<str> {
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.clear();
        for p in parts {
            buffer.push_str(p);
        }
        Rc::from(buffer.as_str())
    })
}

pub fn marking_for_deletion(namespace: &str, pod: &str) -> String {
    format!("Marking for deletion Pod {namespace}/{pod}")
}

pub fn cancelling_deletion(namespace: &str, pod: &str) -> String {
    format!("Cancelling deletion of Pod {namespace}/{pod}")
}

pub fn pulling(image: &str) -> String {
    format!("Pulling image \"{image}\"")
}

/// The kubelet's `Pulled` (`pkg/kubelet/images/image_manager.go`): the pull time, and the time
/// including waiting for the puller, which the simulation does not make anyone wait for. The
/// simulation has no image to measure, so the size is 0 bytes.
pub fn pulled(image: &str, millis: u64) -> String {
    let took = go_duration(millis);
    format!("Successfully pulled image \"{image}\" in {took} ({took} including waiting). Image size: 0 bytes.")
}

/// A whole number of milliseconds as Go's `time.Duration.String` writes it: `500ms`, `2s`,
/// `1.5s`, `1m30s`, `1h0m0s`, `0s`.
pub fn go_duration(millis: u64) -> String {
    if millis == 0 {
        return "0s".to_string();
    }
    if millis < 1000 {
        return format!("{millis}ms");
    }
    let (hours, rest) = (millis / 3_600_000, millis % 3_600_000);
    let (minutes, rest) = (rest / 60_000, rest % 60_000);
    let (seconds, fraction) = (rest / 1000, rest % 1000);
    let mut out = String::new();
    if hours > 0 {
        out.push_str(&format!("{hours}h"));
    }
    if hours > 0 || minutes > 0 {
        out.push_str(&format!("{minutes}m"));
    }
    out.push_str(&seconds.to_string());
    if fraction > 0 {
        let digits = format!("{fraction:03}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
    out.push('s');
    out
}

pub fn created_container(container: &str) -> String {
    format!("Created container: {container}")
}

pub fn started_container(container: &str) -> String {
    format!("Started container {container}")
}

pub fn killing_container(container: &str) -> String {
    format!("Stopping container {container}")
}

/// Kubelet admission rejection (`OutOfcpu` …): `Node didn't have enough resource: cpu, requested: 100, used: 1950, capacity: 2000`.
pub fn out_of_resource(resource: &str, requested: i64, used: i64, capacity: i64) -> String {
    format!("Node didn't have enough resource: {resource}, requested: {requested}, used: {used}, capacity: {capacity}")
}

/// `0/<N> nodes are available: <reasons>.` plus the preemption post-filter message (R1.11):
/// each distinct reason counted, entries sorted as plain strings (so "10 …" sorts before "2 …").
pub fn fit_error(num_nodes: usize, reasons: &[String], preemption: &[String]) -> String {
    format!(
        "0/{num_nodes} nodes are available: {}. preemption: 0/{num_nodes} nodes are available: {}.",
        histogram(reasons),
        histogram(preemption)
    )
}

fn histogram(reasons: &[String]) -> String {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for r in reasons {
        *counts.entry(r.as_str()).or_default() += 1;
    }
    let mut entries: Vec<String> = counts
        .into_iter()
        .map(|(r, n)| format!("{n} {r}"))
        .collect();
    entries.sort();
    entries.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_written_as_go_writes_them() {
        for (millis, text) in [
            (0, "0s"),
            (1, "1ms"),
            (500, "500ms"),
            (1000, "1s"),
            (1500, "1.5s"),
            (2050, "2.05s"),
            (60_000, "1m0s"),
            (90_500, "1m30.5s"),
            (3_600_000, "1h0m0s"),
            (3_723_004, "1h2m3.004s"),
        ] {
            assert_eq!(go_duration(millis), text, "{millis}ms");
        }
    }

    #[test]
    fn pulled_says_the_pull_time_twice_and_the_size() {
        assert_eq!(
            pulled("nginx:1.27", 2000),
            "Successfully pulled image \"nginx:1.27\" in 2s (2s including waiting). Image size: 0 bytes."
        );
    }

    #[test]
    fn r1_11_worked_example() {
        let mut reasons = vec!["Insufficient cpu".to_string()];
        reasons.extend(std::iter::repeat_n(
            NODE_AFFINITY_PREFILTERED.to_string(),
            2,
        ));
        let mut pre = vec![NO_PREEMPTION_VICTIMS.to_string()];
        pre.extend(std::iter::repeat_n(PREEMPTION_NOT_HELPFUL.to_string(), 2));
        assert_eq!(
            fit_error(3, &reasons, &pre),
            "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling."
        );
    }

    #[test]
    fn t33_reasons_sort_as_plain_strings() {
        let mut reasons = vec!["Insufficient cpu".to_string(); 2];
        reasons.extend(std::iter::repeat_n(
            NODE_AFFINITY_PREFILTERED.to_string(),
            10,
        ));
        let msg = fit_error(12, &reasons, &[PREEMPTION_NOT_HELPFUL.to_string()]);
        assert!(msg.starts_with("0/12 nodes are available: 10 node(s) didn't satisfy plugin(s) [NodeAffinity], 2 Insufficient cpu."), "{msg}");
    }
}

/// Messages that repeat word for word from pod to pod (the kubelet's, per image or container),
/// each made once and shared by every event that says it.
#[derive(Clone, Debug, Default)]
pub(crate) struct SharedTexts {
    /// Per reason (a handful): argument → message, e.g. `nginx:1.27` → `Pulling image
    /// "nginx:1.27"` for `Pulling`, and the last argument asked for with its message: the pods
    /// of one template ask for the same texts one after the other, and comparing the argument
    /// costs less than hashing it.
    texts: Vec<ReasonTexts>,
}

#[derive(Clone, Debug)]
struct ReasonTexts {
    reason: &'static str,
    by_arg: rustc_hash::FxHashMap<String, std::rc::Rc<str>>,
    last: Option<(String, std::rc::Rc<str>)>,
}

impl SharedTexts {
    /// The message for `reason` about `arg`, made by `make` the first time it is asked for.
    /// `make` must depend only on `arg` (and on what stays fixed for the simulation's life).
    pub fn get(
        &mut self,
        reason: &'static str,
        arg: &str,
        make: impl FnOnce(&str) -> String,
    ) -> std::rc::Rc<str> {
        let i = match self.texts.iter().position(|t| t.reason == reason) {
            Some(i) => i,
            None => {
                self.texts.push(ReasonTexts {
                    reason,
                    by_arg: Default::default(),
                    last: None,
                });
                self.texts.len() - 1
            }
        };
        let texts = &mut self.texts[i];
        if let Some((last_arg, text)) = &texts.last {
            if last_arg == arg {
                return text.clone();
            }
        }
        let text = match texts.by_arg.get(arg) {
            Some(text) => text.clone(),
            None => {
                let text: std::rc::Rc<str> = make(arg).into();
                texts.by_arg.insert(arg.to_string(), text.clone());
                text
            }
        };
        match &mut texts.last {
            Some((last_arg, last_text)) => {
                last_arg.clear();
                last_arg.push_str(arg);
                *last_text = text.clone();
            }
            None => texts.last = Some((arg.to_string(), text.clone())),
        }
        text
    }
}

#[cfg(test)]
mod shared_texts_tests {
    use super::*;

    #[test]
    fn a_repeated_message_is_made_once_and_shared() {
        let mut texts = SharedTexts::default();
        let a = texts.get(REASON_PULLING, "nginx:1.27", pulling);
        let b = texts.get(REASON_PULLING, "nginx:1.27", |_| unreachable!("made once"));
        assert_eq!(&*a, "Pulling image \"nginx:1.27\"");
        assert!(std::rc::Rc::ptr_eq(&a, &b));
        let c = texts.get(REASON_STARTED, "nginx:1.27", started_container);
        assert_eq!(
            &*c, "Started container nginx:1.27",
            "reasons are kept apart"
        );
        let d = texts.get(REASON_PULLING, "busybox", pulling);
        assert_eq!(&*d, "Pulling image \"busybox\"");
        // Arguments taking turns get their own texts, each made once.
        for _ in 0..3 {
            let e = texts.get(REASON_PULLING, "nginx:1.27", |_| unreachable!("made once"));
            assert!(std::rc::Rc::ptr_eq(&a, &e));
            let f = texts.get(REASON_PULLING, "busybox", |_| unreachable!("made once"));
            assert!(std::rc::Rc::ptr_eq(&d, &f));
        }
    }
}
