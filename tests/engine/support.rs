//! Builders for engine scenario tests, and a readable one-line-per-pod dump of a simulation.

use daemonset_playground::engine::{Command, Simulation};
use daemonset_playground::model::*;
use std::collections::BTreeMap;

pub fn node(name: &str) -> Node {
    let mut n = Node::new(name);
    n.labels
        .insert("kubernetes.io/hostname".into(), name.into());
    n
}

/// A worker with one extra label.
pub fn labelled_node(name: &str, key: &str, value: &str) -> Node {
    let mut n = node(name);
    n.labels.insert(key.into(), value.into());
    n
}

/// Adds a nodeSelector pair to the DaemonSet's template.
pub fn select_label(ds: &mut DaemonSet, key: &str, value: &str) {
    ds.template
        .spec
        .node_selector
        .insert(key.into(), value.into());
    refresh_json(ds);
}

pub fn control_plane(name: &str) -> Node {
    let mut n = node(name);
    n.labels.insert(
        "node-role.kubernetes.io/control-plane".into(),
        String::new(),
    );
    n.taints.push(Taint::new(
        "node-role.kubernetes.io/control-plane",
        "",
        TaintEffect::NoSchedule,
    ));
    n
}

pub fn with_allocatable(mut n: Node, cpu: &str, memory: &str, pods: i64) -> Node {
    let mut a = ResourceList::new();
    a.insert("cpu".into(), Quantity::parse(cpu).unwrap());
    a.insert("memory".into(), Quantity::parse(memory).unwrap());
    a.insert("pods".into(), Quantity::from_units(pods));
    n.allocatable = Some(a);
    n
}

pub fn container(name: &str, image: &str) -> Container {
    Container::new(name, image)
}

pub fn daemon_set(name: &str) -> DaemonSet {
    let mut labels = Labels::new();
    labels.insert("app".into(), name.into());
    let spec = PodSpec {
        containers: vec![container(name, "nginx:1.27")].into(),
        termination_grace_period_seconds: 30,
        restart_policy: "Always".into(),
        ..Default::default()
    };
    let mut ds = DaemonSet {
        namespace: "default".into(),
        name: name.into(),
        uid: String::new(),
        labels: Labels::new(),
        annotations: Labels::new(),
        selector: Some(LabelSelector::from_match_labels(&labels)),
        template: PodTemplate {
            labels,
            annotations: Labels::new(),
            spec,
            canonical_json: String::new(),
        },
        update_strategy: UpdateStrategy::default(),
        min_ready_seconds: 0,
        revision_history_limit: 10,
        generation: 1,
        template_generation: 1,
        creation_timestamp: SimTime::ZERO,
        deletion_timestamp: None,
        status: Default::default(),
    };
    refresh_json(&mut ds);
    ds
}

/// Stands in for the manifest layer's canonical JSON: any template change changes it.
pub fn refresh_json(ds: &mut DaemonSet) {
    ds.template.canonical_json = String::new();
    ds.template.canonical_json = format!("{:?}", ds.template);
}

pub fn toleration(
    key: &str,
    op: &str,
    value: &str,
    effect: Option<TaintEffect>,
    secs: Option<i64>,
) -> Toleration {
    Toleration {
        key: key.into(),
        operator: TolerationOperator::parse(op),
        value: value.into(),
        effect,
        toleration_seconds: secs,
    }
}

pub fn sim_with(nodes: Vec<Node>, dss: Vec<DaemonSet>) -> Simulation {
    let mut sim = Simulation::new(1);
    for n in nodes {
        sim.apply(Command::ApplyNode(n)).unwrap();
    }
    for d in dss {
        sim.apply(Command::ApplyDaemonSet(d)).unwrap();
    }
    sim
}

pub fn settle(sim: &mut Simulation) {
    sim.apply(Command::Settle {
        limit: SimDuration::from_secs(600),
    })
    .unwrap();
}

pub fn advance(sim: &mut Simulation, secs: u64) {
    sim.apply(Command::Advance(SimDuration::from_secs(secs)))
        .unwrap();
}

/// `node: pod phase ready [T]` per daemon pod, sorted by node; `node: -` for nodes without one.
pub fn dump(sim: &Simulation, ds_name: &str) -> String {
    let ds = sim
        .daemon_sets()
        .iter()
        .find(|d| d.name == ds_name)
        .expect("ds");
    let by_node = sim.daemon_pods_by_node(ds);
    let mut lines = Vec::new();
    for n in sim.nodes() {
        match by_node.get(&n.name) {
            None => lines.push(format!("{}: -", n.name)),
            Some(pods) => {
                for p in pods {
                    let mut s = format!(
                        "{}: {} {}",
                        n.name,
                        p.status.phase.as_str(),
                        if p.status.ready { "ready" } else { "not-ready" }
                    );
                    if p.deletion_timestamp.is_some() {
                        s.push_str(" terminating");
                    }
                    lines.push(s);
                }
            }
        }
    }
    lines.join("\n")
}

/// `desired current ready updated available misscheduled unavailable`.
pub fn status(sim: &Simulation, ds_name: &str) -> String {
    let s = &sim
        .daemon_sets()
        .iter()
        .find(|d| d.name == ds_name)
        .expect("ds")
        .status;
    format!(
        "desired={} current={} ready={} updated={} available={} misscheduled={} unavailable={}",
        s.desired_number_scheduled,
        s.current_number_scheduled,
        s.number_ready,
        s.updated_number_scheduled,
        s.number_available,
        s.number_misscheduled,
        s.number_unavailable
    )
}

#[allow(dead_code)]
pub fn events(sim: &Simulation, reason: &str) -> Vec<String> {
    sim.events()
        .iter()
        .filter(|e| e.reason == reason)
        .map(|e| e.message.to_string())
        .collect()
}

#[allow(dead_code)]
pub fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
