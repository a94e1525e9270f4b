//! The engine benchmark's workload, shared by the native benchmark (`benches/settle.rs`) and
//! its wasm twin (`tests/wasm_engine.rs`), so that both time exactly the same work: N nodes with
//! about five other pods each and a mix of labels and taints, then D DaemonSets applied and
//! settled.

use daemonset_playground::engine::{Command, Simulation};
use daemonset_playground::model::*;

fn quantity(s: &str) -> Quantity {
    Quantity::parse(s).expect("valid quantity")
}

pub fn cluster(nodes: usize) -> Simulation {
    let mut sim = Simulation::new(1);
    for i in 0..nodes {
        let mut n = Node::new(format!("node-{i:05}"));
        n.labels
            .insert("kubernetes.io/hostname".into(), n.name.clone());
        n.labels.insert(
            "topology.kubernetes.io/zone".into(),
            format!("zone-{}", i % 3),
        );
        n.labels
            .insert("pool".into(), ["general", "gpu", "ssd"][i % 3].into());
        if i % 100 == 0 {
            n.labels.insert(
                "node-role.kubernetes.io/control-plane".into(),
                String::new(),
            );
            n.taints.push(Taint::new(
                "node-role.kubernetes.io/control-plane",
                "",
                TaintEffect::NoSchedule,
            ));
        } else if i % 10 == 1 {
            n.taints
                .push(Taint::new("dedicated", "gpu", TaintEffect::NoSchedule));
        }
        let mut a = ResourceList::new();
        a.insert("cpu".into(), quantity("8"));
        a.insert("memory".into(), quantity("32Gi"));
        a.insert("pods".into(), Quantity::from_units(110));
        n.allocatable = Some(a);
        sim.apply(Command::ApplyNode(n)).expect("node");
    }
    for i in 0..nodes {
        for j in 0..5 {
            let mut c = Container::new("app", "app:1");
            c.requests.insert("cpu".into(), quantity("250m"));
            c.requests.insert("memory".into(), quantity("512Mi"));
            let mut labels = Labels::new();
            labels.insert("app".into(), format!("web-{j}"));
            let pod = Pod {
                labels: labels.into(),
                spec: PodSpec {
                    node_name: Some(format!("node-{i:05}")),
                    containers: vec![c].into(),
                    termination_grace_period_seconds: 30,
                    ..Default::default()
                },
                status: PodStatus {
                    phase: PodPhase::Running,
                    ready: true,
                    ..Default::default()
                },
                ..Pod::new("default", format!("web-{j}-{i:05}"))
            };
            sim.apply(Command::ApplyPod(pod)).expect("pod");
        }
    }
    sim
}

pub fn daemon_sets(count: usize) -> Vec<DaemonSet> {
    (0..count)
        .map(|k| {
            let name = format!("agent-{k}");
            let mut labels = Labels::new();
            labels.insert("app".into(), name.clone());
            let mut spec = PodSpec {
                containers: vec![Container {
                    requests: [
                        ("cpu".to_string(), quantity("50m")),
                        ("memory".to_string(), quantity("64Mi")),
                    ]
                    .into_iter()
                    .collect(),
                    ..Container::new("agent", "agent:1")
                }]
                .into(),
                termination_grace_period_seconds: 30,
                restart_policy: "Always".into(),
                ..Default::default()
            };
            match k % 3 {
                0 => {}
                1 => {
                    spec.node_selector.insert("pool".into(), "ssd".into());
                }
                _ => spec.tolerations.push(Toleration {
                    key: String::new(),
                    operator: TolerationOperator::Exists,
                    value: String::new(),
                    effect: None,
                    toleration_seconds: None,
                }),
            }
            let canonical_json = format!("{spec:?}");
            DaemonSet {
                namespace: "kube-system".into(),
                name,
                uid: String::new(),
                labels: Labels::new(),
                annotations: Labels::new(),
                selector: Some(LabelSelector::from_match_labels(&labels)),
                template: PodTemplate {
                    labels,
                    annotations: Labels::new(),
                    spec,
                    canonical_json,
                },
                update_strategy: UpdateStrategy::default(),
                min_ready_seconds: 0,
                revision_history_limit: 10,
                generation: 1,
                template_generation: 1,
                creation_timestamp: SimTime::ZERO,
                deletion_timestamp: None,
                status: Default::default(),
            }
        })
        .collect()
}

/// Applies the DaemonSets and settles: the timed work. Returns the simulation so that the
/// caller frees it outside the timed part (the CLI exits without freeing and the page keeps its
/// simulation) and checks the work with `daemon_pods`, also untimed.
pub fn settle(mut sim: Simulation, dss: &[DaemonSet]) -> Simulation {
    for ds in dss {
        sim.apply(Command::ApplyDaemonSet(ds.clone())).expect("ds");
    }
    sim.apply_quietly(Command::Settle {
        limit: SimDuration::from_secs(600),
    })
    .expect("settle");
    sim
}

/// The number of daemon pods, to check that a settle did the work.
pub fn daemon_pods(sim: &Simulation) -> usize {
    sim.pods().filter(|p| p.controller_ref().is_some()).count()
}
