//! Placement and status scenarios (semantics R1, R2, R4; test ideas T1–T19, T30, T31).

use super::support::*;
use daemonset_playground::engine::{Cascade, Command};
use daemonset_playground::model::*;

fn workers(n: usize) -> Vec<Node> {
    (1..=n).map(|i| node(&format!("node-{i}"))).collect()
}

#[test]
fn default_cluster_gets_a_pod_on_every_worker_and_none_on_the_tainted_control_plane() {
    let mut sim = sim_with(
        vec![control_plane("cp"), node("node-1"), node("node-2")],
        vec![daemon_set("fluentd")],
    );
    settle(&mut sim);
    assert_eq!(
        dump(&sim, "fluentd"),
        "cp: -\nnode-1: Running ready\nnode-2: Running ready"
    );
    assert_eq!(
        status(&sim, "fluentd"),
        "desired=2 current=2 ready=2 updated=2 available=2 misscheduled=0 unavailable=0"
    );
    let ds = &sim.daemon_sets()[0];
    let d = sim.decision(ds, &sim.nodes()[0]);
    assert_eq!(
        d.reason.unwrap().to_string(),
        "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"
    );
    assert!(
        !d.should_run && d.should_continue_running,
        "NoSchedule alone keeps running pods (R1.2 step 4)"
    );
}

#[test]
fn t1_node_selector_and_affinity_are_anded_terms_ored() {
    let mut ssd = node("ssd");
    ssd.labels.insert("disk".into(), "ssd".into());
    let mut ssd_gpu = node("ssd-gpu");
    ssd_gpu.labels.insert("disk".into(), "ssd".into());
    ssd_gpu.labels.insert("gpu".into(), "true".into());
    let mut zone_b = node("zone-b");
    zone_b.labels.insert("disk".into(), "ssd".into());
    zone_b.labels.insert("zone".into(), "b".into());
    let mut ds = daemon_set("agent");
    ds.template
        .spec
        .node_selector
        .insert("disk".into(), "ssd".into());
    let req = |k: &str, op: &str, v: &[&str]| NodeSelectorRequirement {
        key: k.into(),
        operator: NodeSelectorOperator::parse(op),
        values: v.iter().map(|s| s.to_string()).collect(),
    };
    ds.template.spec.required_node_affinity = Some(Shared::new(NodeSelector {
        node_selector_terms: vec![
            NodeSelectorTerm {
                match_expressions: vec![req("gpu", "Exists", &[])],
                match_fields: vec![],
            },
            NodeSelectorTerm {
                match_expressions: vec![req("zone", "In", &["b"])],
                match_fields: vec![],
            },
        ],
    }));
    refresh_json(&mut ds);
    let mut plain = node("plain");
    plain.labels.insert("gpu".into(), "true".into());
    let mut sim = sim_with(vec![ssd, ssd_gpu, zone_b, plain], vec![ds]);
    settle(&mut sim);
    assert_eq!(
        dump(&sim, "agent"),
        "ssd: -\nssd-gpu: Running ready\nzone-b: Running ready\nplain: -"
    );
    let ds = &sim.daemon_sets()[0];
    assert_eq!(
        sim.decision(ds, &sim.nodes()[0])
            .reason
            .unwrap()
            .to_string(),
        "node(s) didn't match Pod's node affinity/selector"
    );
}

#[test]
fn t4_created_pod_gets_a_single_metadata_name_term_and_keeps_its_node_selector() {
    let n = labelled_node("n1", "disk", "ssd");
    let mut ds = daemon_set("agent");
    select_label(&mut ds, "disk", "ssd");
    ds.template.spec.required_node_affinity = Some(Shared::new(NodeSelector {
        node_selector_terms: vec![NodeSelectorTerm {
            match_expressions: vec![NodeSelectorRequirement {
                key: "disk".into(),
                operator: NodeSelectorOperator::Exists,
                values: vec![],
            }],
            match_fields: vec![],
        }],
    }));
    refresh_json(&mut ds);
    let mut sim = sim_with(vec![n], vec![ds]);
    settle(&mut sim);
    let pod = sim.pods().next().expect("one pod");
    assert_eq!(
        pod.spec.required_node_affinity,
        Some(Shared::new(NodeSelector {
            node_selector_terms: vec![NodeSelectorTerm::for_node("n1")]
        }))
    );
    assert_eq!(
        pod.spec.node_selector.get("disk").map(String::as_str),
        Some("ssd")
    );
    assert_eq!(
        pod.spec.node_name.as_deref(),
        Some("n1"),
        "bound by the scheduler"
    );
    assert_eq!(
        pod.labels
            .get("pod-template-generation")
            .map(String::as_str),
        Some("1")
    );
    assert!(pod.labels.contains_key("controller-revision-hash"));
    let owner = pod.controller_ref().expect("owner");
    assert_eq!(
        (owner.kind.as_str(), owner.name.as_str()),
        ("DaemonSet", "agent")
    );
    assert_eq!(events(&sim, "Scheduled").len(), 1);
}

#[test]
fn r1_7_created_pods_carry_the_daemon_tolerations_after_the_users() {
    let mut ds = daemon_set("agent");
    ds.template
        .spec
        .tolerations
        .push(toleration("dedicated", "Exists", "", None, None));
    ds.template.spec.tolerations.push(toleration(
        "node.kubernetes.io/not-ready",
        "Exists",
        "",
        Some(TaintEffect::NoExecute),
        Some(60),
    ));
    refresh_json(&mut ds);
    let mut sim = sim_with(vec![node("n1")], vec![ds]);
    settle(&mut sim);
    let pod = sim.pods().next().unwrap();
    let rendered: Vec<String> = pod
        .spec
        .tolerations
        .iter()
        .map(|t| t.to_describe_string())
        .collect();
    assert_eq!(
        rendered.join("\n"),
        "dedicated op=Exists\n\
         node.kubernetes.io/not-ready:NoExecute op=Exists\n\
         node.kubernetes.io/unreachable:NoExecute op=Exists\n\
         node.kubernetes.io/disk-pressure:NoSchedule op=Exists\n\
         node.kubernetes.io/memory-pressure:NoSchedule op=Exists\n\
         node.kubernetes.io/pid-pressure:NoSchedule op=Exists\n\
         node.kubernetes.io/unschedulable:NoSchedule op=Exists"
    );
}

#[test]
fn t5_template_node_name_creates_one_pod_already_bound() {
    let mut ds = daemon_set("pinned");
    ds.template.spec.node_name = Some("node-2".into());
    refresh_json(&mut ds);
    let mut sim = sim_with(workers(3), vec![ds]);
    settle(&mut sim);
    assert_eq!(
        dump(&sim, "pinned"),
        "node-1: -\nnode-2: Running ready\nnode-3: -"
    );
    assert!(
        events(&sim, "Scheduled").is_empty(),
        "no scheduler involved"
    );
    assert_eq!(
        sim.decision(&sim.daemon_sets()[0], &sim.nodes()[0])
            .reason
            .unwrap()
            .to_string(),
        "node(s) didn't match the requested node name"
    );
}

#[test]
fn t6_cordoned_node_still_gets_a_pod() {
    let mut sim = sim_with(workers(2), vec![]);
    sim.apply(Command::Cordon {
        node: "node-1".into(),
    })
    .unwrap();
    sim.apply(Command::ApplyDaemonSet(daemon_set("agent")))
        .unwrap();
    settle(&mut sim);
    assert_eq!(
        dump(&sim, "agent"),
        "node-1: Running ready\nnode-2: Running ready"
    );
    assert!(sim.nodes()[0]
        .taints
        .iter()
        .any(|t| t.key == "node.kubernetes.io/unschedulable"));
}

#[test]
fn t7_not_ready_node_keeps_its_pod_gets_no_new_one_and_counts_misscheduled() {
    let mut sim = sim_with(workers(2), vec![daemon_set("agent")]);
    settle(&mut sim);
    sim.apply(Command::SetNodeCondition {
        node: "node-1".into(),
        condition: NodeConditionType::Ready,
        status: ConditionStatus::False,
    })
    .unwrap();
    settle(&mut sim);
    assert_eq!(
        dump(&sim, "agent"),
        "node-1: Running not-ready\nnode-2: Running ready"
    );
    assert_eq!(
        status(&sim, "agent"),
        "desired=1 current=1 ready=1 updated=1 available=1 misscheduled=1 unavailable=0"
    );
    // A new node that is NotReady from the start gets no pod.
    let mut n3 = node("node-3");
    n3.conditions
        .insert(NodeConditionType::Ready, ConditionStatus::False);
    sim.apply(Command::ApplyNode(n3)).unwrap();
    settle(&mut sim);
    assert!(dump(&sim, "agent").ends_with("node-3: -"));
    // Recovery: the pod turns ready again.
    sim.apply(Command::SetNodeCondition {
        node: "node-1".into(),
        condition: NodeConditionType::Ready,
        status: ConditionStatus::True,
    })
    .unwrap();
    settle(&mut sim);
    assert!(dump(&sim, "agent").starts_with("node-1: Running ready"));
}

#[test]
fn t8_untolerated_no_schedule_taint_keeps_the_pod_and_counts_it_misscheduled() {
    let mut sim = sim_with(workers(2), vec![daemon_set("agent")]);
    settle(&mut sim);
    sim.apply(Command::AddTaint {
        node: "node-1".into(),
        taint: Taint::new("foo", "bar", TaintEffect::NoSchedule),
    })
    .unwrap();
    settle(&mut sim);
    assert_eq!(
        dump(&sim, "agent"),
        "node-1: Running ready\nnode-2: Running ready"
    );
    assert_eq!(
        status(&sim, "agent"),
        "desired=1 current=1 ready=1 updated=1 available=1 misscheduled=1 unavailable=0"
    );
}

#[test]
fn t9_no_execute_taint_deletes_the_pod_and_removing_it_brings_it_back() {
    let mut sim = sim_with(workers(2), vec![daemon_set("agent")]);
    settle(&mut sim);
    let before = sim.events().len();
    sim.apply(Command::AddTaint {
        node: "node-1".into(),
        taint: Taint::new("foo", "bar", TaintEffect::NoExecute),
    })
    .unwrap();
    let deleted: Vec<_> = sim
        .events()
        .since(before)
        .filter(|e| e.reason == "SuccessfulDelete")
        .collect();
    assert_eq!(
        deleted.len(),
        1,
        "deleted by the DaemonSet controller at once"
    );
    settle(&mut sim);
    assert_eq!(dump(&sim, "agent"), "node-1: -\nnode-2: Running ready");
    assert_eq!(
        status(&sim, "agent"),
        "desired=1 current=1 ready=1 updated=1 available=1 misscheduled=0 unavailable=0"
    );
    sim.apply(Command::RemoveTaint {
        node: "node-1".into(),
        key: "foo".into(),
        effect: Some(TaintEffect::NoExecute),
    })
    .unwrap();
    settle(&mut sim);
    assert_eq!(
        dump(&sim, "agent"),
        "node-1: Running ready\nnode-2: Running ready"
    );
}

#[test]
fn t10_prefer_no_schedule_changes_nothing() {
    let mut n = node("n1");
    n.taints
        .push(Taint::new("soft", "", TaintEffect::PreferNoSchedule));
    let mut sim = sim_with(vec![n], vec![daemon_set("agent")]);
    settle(&mut sim);
    assert_eq!(dump(&sim, "agent"), "n1: Running ready");
}

#[test]
fn t11_empty_key_exists_toleration_runs_everywhere() {
    let mut n = control_plane("cp");
    n.taints.push(Taint::new("x", "y", TaintEffect::NoExecute));
    let mut ds = daemon_set("everywhere");
    ds.template
        .spec
        .tolerations
        .push(toleration("", "Exists", "", None, None));
    refresh_json(&mut ds);
    let mut sim = sim_with(vec![n], vec![ds]);
    settle(&mut sim);
    assert_eq!(dump(&sim, "everywhere"), "cp: Running ready");
}

#[test]
fn t13_host_network_adds_the_network_unavailable_toleration() {
    let mut n = node("n1");
    n.conditions
        .insert(NodeConditionType::NetworkUnavailable, ConditionStatus::True);
    let mut host = daemon_set("cni");
    host.template.spec.host_network = true;
    refresh_json(&mut host);
    let mut sim = sim_with(vec![n], vec![host, daemon_set("plain")]);
    settle(&mut sim);
    assert_eq!(dump(&sim, "cni"), "n1: Running ready");
    assert_eq!(dump(&sim, "plain"), "n1: -");
    assert_eq!(
        sim.decision(&sim.daemon_sets()[1], &sim.nodes()[0])
            .reason
            .unwrap()
            .to_string(),
        "node(s) had untolerated taint {node.kubernetes.io/network-unavailable: }"
    );
}

#[test]
fn t14_removing_a_required_label_deletes_the_pod() {
    let n = labelled_node("n1", "disk", "ssd");
    let mut ds = daemon_set("agent");
    select_label(&mut ds, "disk", "ssd");
    refresh_json(&mut ds);
    let mut sim = sim_with(vec![n], vec![ds]);
    settle(&mut sim);
    sim.apply(Command::SetNodeLabel {
        node: "n1".into(),
        key: "disk".into(),
        value: None,
    })
    .unwrap();
    assert_eq!(dump(&sim, "agent"), "n1: Running ready terminating");
    settle(&mut sim);
    assert_eq!(dump(&sim, "agent"), "n1: -");
    assert_eq!(
        status(&sim, "agent"),
        "desired=0 current=0 ready=0 updated=0 available=0 misscheduled=0 unavailable=0"
    );
}

#[test]
fn t15_node_lacking_cpu_leaves_the_pod_pending_counted_current_not_ready() {
    let small = with_allocatable(node("small"), "100m", "1Gi", 110);
    let big = with_allocatable(node("big"), "4", "8Gi", 110);
    let mut ds = daemon_set("hungry");
    let mut req = ResourceList::new();
    req.insert("cpu".into(), Quantity::parse("500m").unwrap());
    ds.template.spec.containers[0].requests = req;
    refresh_json(&mut ds);
    let mut sim = sim_with(vec![small, big, node("other")], vec![ds]);
    settle(&mut sim);
    assert_eq!(
        dump(&sim, "hungry"),
        "small: Pending not-ready\nbig: Running ready\nother: Running ready"
    );
    assert_eq!(
        status(&sim, "hungry"),
        "desired=3 current=3 ready=2 updated=3 available=2 misscheduled=0 unavailable=1"
    );
    assert_eq!(
        events(&sim, "FailedScheduling"),
        vec!["0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.".to_string()]
    );
    let pending = sim
        .pods()
        .find(|p| p.status.phase == PodPhase::Pending)
        .unwrap();
    assert_eq!(sim.unschedulable_reason(pending), Some("Insufficient cpu"));
    assert!(pending.spec.node_name.is_none());
    assert!(sim.is_settled(), "stuck Pending counts as settled");
}

/// R1.11: the scheduler retries a Pending pod on every cluster change that could let it fit (a
/// node added or updated, a pod gone) and reports each attempt; the event recorder keeps one
/// event per distinct message, so a new `FailedScheduling` appears exactly when the message
/// changes (here the node count), and none for a retry that says the same thing.
#[test]
fn failed_scheduling_is_reported_again_when_its_message_changes() {
    let small = with_allocatable(node("small"), "100m", "1Gi", 110);
    let mut ds = daemon_set("hungry");
    let mut req = ResourceList::new();
    req.insert("cpu".into(), Quantity::parse("500m").unwrap());
    ds.template.spec.containers[0].requests = req;
    refresh_json(&mut ds);
    let mut sim = sim_with(vec![small, node("big")], vec![ds]);
    settle(&mut sim);
    assert_eq!(events(&sim, "FailedScheduling").len(), 1);
    // A label change retries the pod, with the same message: no new event.
    sim.apply(Command::SetNodeLabel {
        node: "small".into(),
        key: "disk".into(),
        value: Some("ssd".into()),
    })
    .unwrap();
    settle(&mut sim);
    assert_eq!(events(&sim, "FailedScheduling").len(), 1);
    // A third node changes the counts in the message: a second event.
    sim.apply(Command::ApplyNode(node("third"))).unwrap();
    settle(&mut sim);
    assert_eq!(
        events(&sim, "FailedScheduling"),
        vec![
            "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.".to_string(),
            "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.".to_string(),
        ]
    );
    let pending = sim
        .pods()
        .find(|p| p.status.phase == PodPhase::Pending)
        .unwrap();
    assert_eq!(
        pending.status.unschedulable_message.as_deref(),
        Some(events(&sim, "FailedScheduling")[1].as_str()),
        "the pod's condition carries the latest message"
    );
    // More allocatable lets it fit: bound and running, no further FailedScheduling.
    sim.apply(Command::SetAllocatable {
        node: "small".into(),
        allocatable: with_allocatable(node("x"), "1", "1Gi", 110).allocatable,
    })
    .unwrap();
    settle(&mut sim);
    assert_eq!(
        dump(&sim, "hungry"),
        "small: Running ready\nbig: Running ready\nthird: Running ready"
    );
    assert_eq!(events(&sim, "FailedScheduling").len(), 2);
}

#[test]
fn t16_second_daemon_set_on_the_same_host_port_stays_pending() {
    let with_port = |name: &str| {
        let mut ds = daemon_set(name);
        ds.template.spec.containers[0].ports.push(ContainerPort {
            name: String::new(),
            container_port: 9100,
            host_port: 9100,
            protocol: "TCP".into(),
            host_ip: String::new(),
        });
        refresh_json(&mut ds);
        ds
    };
    let mut sim = sim_with(vec![node("n1")], vec![with_port("a"), with_port("b")]);
    settle(&mut sim);
    assert_eq!(dump(&sim, "a"), "n1: Running ready");
    assert_eq!(dump(&sim, "b"), "n1: Pending not-ready");
    assert_eq!(
        events(&sim, "FailedScheduling"),
        vec!["0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.".to_string()]
    );
}

/// R1.10: the scheduler counts every non-terminal pod bound to a node, whenever it was bound.
/// A pod bound to a node name before that node exists fills the node once it appears; the
/// usage follows the node when nodes before it are deleted (positions shift); and it is freed
/// when the pod goes.
#[test]
fn requests_of_pods_bound_before_their_node_exists_count_once_it_appears() {
    let mut ds = daemon_set("hungry");
    let mut req = ResourceList::new();
    req.insert("cpu".into(), Quantity::parse("500m").unwrap());
    ds.template.spec.containers[0].requests = req;
    refresh_json(&mut ds);
    let mut sim = sim_with(vec![node("first"), node("second")], vec![ds]);
    settle(&mut sim);
    let mut big = orphan("big", "late", &[("app", "big")]);
    let mut requests = ResourceList::new();
    requests.insert("cpu".into(), Quantity::parse("3800m").unwrap());
    let mut containers = (*big.spec.containers).clone();
    containers[0].requests = requests;
    big.spec.containers = containers.into();
    sim.apply(Command::ApplyPod(big)).unwrap();
    sim.apply(Command::ApplyNode(with_allocatable(
        node("late"),
        "4",
        "8Gi",
        110,
    )))
    .unwrap();
    settle(&mut sim);
    assert_eq!(
        dump(&sim, "hungry"),
        "first: Running ready\nsecond: Running ready\nlate: Pending not-ready"
    );
    let pending = sim
        .pods()
        .find(|p| p.status.phase == PodPhase::Pending)
        .unwrap();
    assert_eq!(sim.unschedulable_reason(pending), Some("Insufficient cpu"));
    // Deleting the nodes before it moves "late" to the front; its usage moves with it.
    sim.apply(Command::DeleteNode {
        name: "first".into(),
    })
    .unwrap();
    sim.apply(Command::DeleteNode {
        name: "second".into(),
    })
    .unwrap();
    settle(&mut sim);
    assert_eq!(dump(&sim, "hungry"), "late: Pending not-ready");
    // The big pod goes: the daemon pod fits.
    sim.apply(Command::DeletePod {
        namespace: "default".into(),
        name: "big".into(),
    })
    .unwrap();
    settle(&mut sim);
    assert_eq!(dump(&sim, "hungry"), "late: Running ready");
}

fn orphan(name: &str, node_name: &str, labels_: &[(&str, &str)]) -> Pod {
    Pod {
        labels: labels(labels_).into(),
        spec: PodSpec {
            node_name: Some(node_name.into()),
            containers: vec![container("c", "nginx")].into(),
            termination_grace_period_seconds: 30,
            ..Default::default()
        },
        status: PodStatus {
            phase: PodPhase::Running,
            ready: true,
            ..Default::default()
        },
        ..Pod::new("default", name)
    }
}

/// R2.3: a controller adopts only orphans of its own namespace (`ClaimPods` lists pods in the
/// DaemonSet's namespace); a matching orphan elsewhere stays an orphan, and a pod released in
/// the namespace later is adopted again.
#[test]
fn only_orphans_in_the_daemon_sets_namespace_are_adopted() {
    let mut sim = sim_with(workers(2), vec![]);
    let mut elsewhere = orphan("stray", "node-1", &[("app", "agent")]);
    elsewhere.namespace = "other".into();
    sim.apply(Command::ApplyPod(elsewhere)).unwrap();
    sim.apply(Command::ApplyPod(orphan(
        "home",
        "node-2",
        &[("app", "agent")],
    )))
    .unwrap();
    sim.apply(Command::ApplyDaemonSet(daemon_set("agent")))
        .unwrap();
    let owner = |sim: &daemonset_playground::engine::Simulation, ns: &str, name: &str| {
        sim.pod(ns, name)
            .and_then(|p| p.controller_ref().map(|o| o.name.clone()))
    };
    assert_eq!(owner(&sim, "other", "stray"), None);
    assert_eq!(owner(&sim, "default", "home"), Some("agent".to_string()));
    // Relabelled, it is released; relabelled back, adopted again.
    let mut relabelled = orphan("home", "node-2", &[("app", "else")]);
    sim.apply(Command::ApplyPod(relabelled.clone())).unwrap();
    assert_eq!(owner(&sim, "default", "home"), None);
    relabelled.labels = labels(&[("app", "agent")]).into();
    sim.apply(Command::ApplyPod(relabelled)).unwrap();
    assert_eq!(owner(&sim, "default", "home"), Some("agent".to_string()));
    assert_eq!(owner(&sim, "other", "stray"), None);
}

#[test]
fn t18_matching_orphan_is_adopted_and_replaced_by_the_rolling_update() {
    let mut sim = sim_with(workers(2), vec![]);
    sim.apply(Command::ApplyPod(orphan(
        "stray",
        "node-1",
        &[("app", "agent")],
    )))
    .unwrap();
    sim.apply(Command::ApplyDaemonSet(daemon_set("agent")))
        .unwrap();
    let adopted = sim.pod("default", "stray").unwrap();
    assert_eq!(
        adopted.controller_ref().map(|o| o.name.as_str()),
        Some("agent")
    );
    assert_eq!(
        events(&sim, "SuccessfulCreate").len(),
        1,
        "only node-2 needed a new pod"
    );
    settle(&mut sim);
    assert!(
        sim.pod("default", "stray").is_none(),
        "lacking the hash label, it was replaced"
    );
    assert_eq!(
        dump(&sim, "agent"),
        "node-1: Running ready\nnode-2: Running ready"
    );
}

#[test]
fn t19_node_with_two_daemon_pods_keeps_the_older() {
    let mut sim = sim_with(workers(1), vec![daemon_set("agent")]);
    settle(&mut sim);
    let first = sim.pods().next().unwrap().name.clone();
    advance(&mut sim, 5);
    sim.apply(Command::ApplyPod(orphan(
        "younger",
        "node-1",
        &[("app", "agent")],
    )))
    .unwrap();
    assert!(sim
        .pod("default", "younger")
        .unwrap()
        .deletion_timestamp
        .is_some());
    assert!(sim
        .pod("default", &first)
        .unwrap()
        .deletion_timestamp
        .is_none());
}

#[test]
fn r2_3_pod_whose_labels_stop_matching_is_released_and_replaced() {
    let mut sim = sim_with(workers(1), vec![daemon_set("agent")]);
    settle(&mut sim);
    let mut pod = sim.pods().next().unwrap().clone();
    let name = pod.name.clone();
    pod.labels.insert("app".into(), "debug".into());
    sim.apply(Command::ApplyPod(pod)).unwrap();
    settle(&mut sim);
    let released = sim
        .pod("default", &name)
        .expect("released pod keeps running");
    assert!(released.controller_ref().is_none());
    assert_eq!(sim.pods().count(), 2, "a replacement was created");
}

#[test]
fn t30_deleting_a_node_drops_desired_and_its_pods() {
    let mut sim = sim_with(workers(3), vec![daemon_set("agent")]);
    settle(&mut sim);
    sim.apply(Command::DeleteNode {
        name: "node-2".into(),
    })
    .unwrap();
    settle(&mut sim);
    assert_eq!(
        dump(&sim, "agent"),
        "node-1: Running ready\nnode-3: Running ready"
    );
    assert_eq!(
        status(&sim, "agent"),
        "desired=2 current=2 ready=2 updated=2 available=2 misscheduled=0 unavailable=0"
    );
    assert_eq!(sim.pods().count(), 2);
}

#[test]
fn t31_deleting_a_daemon_set_cascades_and_orphan_keeps_pods_for_readoption() {
    let mut sim = sim_with(workers(2), vec![daemon_set("agent")]);
    settle(&mut sim);
    let names: Vec<String> = sim.pods().map(|p| p.name.clone()).collect();
    sim.apply(Command::DeleteDaemonSet {
        key: DaemonSetKey::new("default", "agent"),
        cascade: Cascade::Orphan,
    })
    .unwrap();
    assert!(sim.pods().all(|p| p.controller_ref().is_none()));
    sim.apply(Command::ApplyDaemonSet(daemon_set("agent")))
        .unwrap();
    settle(&mut sim);
    let after: Vec<String> = sim.pods().map(|p| p.name.clone()).collect();
    assert_eq!(
        after, names,
        "re-adopted, same template hash: nothing replaced"
    );
    sim.apply(Command::DeleteDaemonSet {
        key: DaemonSetKey::new("default", "agent"),
        cascade: Cascade::Background,
    })
    .unwrap();
    assert!(sim.pods().all(|p| p.deletion_timestamp.is_some()));
    settle(&mut sim);
    assert_eq!(sim.pods().count(), 0);
}

#[test]
fn r1_7_pressure_conditions_do_not_stop_daemon_pods() {
    let mut n = node("n1");
    n.conditions
        .insert(NodeConditionType::MemoryPressure, ConditionStatus::True);
    n.conditions
        .insert(NodeConditionType::DiskPressure, ConditionStatus::True);
    n.conditions
        .insert(NodeConditionType::PIDPressure, ConditionStatus::True);
    let mut sim = sim_with(vec![n], vec![daemon_set("agent")]);
    settle(&mut sim);
    assert_eq!(dump(&sim, "agent"), "n1: Running ready");
    let keys: Vec<&str> = sim.nodes()[0]
        .taints
        .iter()
        .map(|t| t.key.as_str())
        .collect();
    assert_eq!(
        keys,
        vec![
            "node.kubernetes.io/memory-pressure",
            "node.kubernetes.io/disk-pressure",
            "node.kubernetes.io/pid-pressure"
        ]
    );
}

#[test]
fn r8_2_unreachable_node_keeps_the_pod_forever() {
    let mut sim = sim_with(workers(1), vec![daemon_set("agent")]);
    settle(&mut sim);
    sim.apply(Command::SetNodeCondition {
        node: "node-1".into(),
        condition: NodeConditionType::Ready,
        status: ConditionStatus::Unknown,
    })
    .unwrap();
    advance(&mut sim, 3600);
    assert_eq!(dump(&sim, "agent"), "node-1: Running not-ready");
    assert_eq!(
        status(&sim, "agent"),
        "desired=0 current=0 ready=0 updated=0 available=0 misscheduled=1 unavailable=0"
    );
}

#[test]
fn same_seed_gives_the_same_pod_names() {
    let run = |seed: u64| {
        let mut sim = daemonset_playground::engine::Simulation::new(seed);
        for n in workers(3) {
            sim.apply(Command::ApplyNode(n)).unwrap();
        }
        sim.apply(Command::ApplyDaemonSet(daemon_set("agent")))
            .unwrap();
        sim.pods().map(|p| p.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(run(7), run(7));
    assert_ne!(run(7), run(8));
}

#[test]
fn reconcile_is_idempotent_a_second_pass_plans_nothing() {
    let mut sim = sim_with(workers(3), vec![daemon_set("agent")]);
    settle(&mut sim);
    let events = sim.apply(Command::Advance(SimDuration::ZERO)).unwrap();
    assert!(events.is_empty(), "{events:?}");
}

/// R1.10 (component-helpers `AggregateContainerRequests`): a sidecar (an init container with
/// `restartPolicy: Always`) keeps running, so its requests add to the app containers'; an
/// ordinary init container only needs room while it runs (max, not sum).
#[test]
fn sidecar_requests_add_up_and_init_container_requests_do_not() {
    let node_1500m = || with_allocatable(node("n1"), "1500m", "4Gi", 110);
    let cpu = |q: &str| -> ResourceList {
        let mut r = ResourceList::new();
        r.insert("cpu".into(), Quantity::parse(q).unwrap());
        r
    };
    let with_init = |restart_policy: Option<&str>| {
        let mut ds = daemon_set("agent");
        ds.template.spec.containers[0].requests = cpu("1");
        let mut init = container("proxy", "busybox:1.36");
        init.requests = cpu("1");
        init.restart_policy = restart_policy.map(str::to_string);
        ds.template.spec.init_containers.push(init);
        refresh_json(&mut ds);
        ds
    };
    let mut sim = sim_with(vec![node_1500m()], vec![with_init(Some("Always"))]);
    settle(&mut sim);
    assert_eq!(dump(&sim, "agent"), "n1: Pending not-ready");
    let pending = sim.pods().next().unwrap();
    assert_eq!(sim.unschedulable_reason(pending), Some("Insufficient cpu"));

    let mut sim = sim_with(vec![node_1500m()], vec![with_init(None)]);
    settle(&mut sim);
    assert_eq!(dump(&sim, "agent"), "n1: Running ready");
}

/// R1.12: a template `nodeName` bypasses the scheduler, so the kubelet's admission
/// (`AdmissionCheck`) rejects a pod whose host port another pod holds: Failed, `NodePorts`.
#[test]
fn pinned_pod_whose_host_port_is_taken_is_rejected_by_the_kubelet() {
    let port = ContainerPort {
        name: String::new(),
        container_port: 80,
        host_port: 80,
        protocol: "TCP".into(),
        host_ip: String::new(),
    };
    let mut web = orphan("web", "n1", &[("app", "web")]);
    web.spec.containers[0].ports.push(port.clone());
    let mut ds = daemon_set("pinned");
    ds.template.spec.node_name = Some("n1".into());
    ds.template.spec.containers[0].ports.push(port);
    refresh_json(&mut ds);
    let mut sim = sim_with(vec![node("n1")], vec![]);
    sim.apply(Command::ApplyPod(web)).unwrap();
    sim.apply(Command::ApplyDaemonSet(ds)).unwrap();
    settle(&mut sim);
    let pinned: Vec<_> = sim
        .pods()
        .filter(|p| p.name.starts_with("pinned-"))
        .collect();
    assert!(!pinned.is_empty());
    assert!(pinned
        .iter()
        .all(|p| p.status.phase == PodPhase::Failed
            && p.status.reason.as_deref() == Some("NodePorts")));
    assert!(
        !events(&sim, "FailedDaemonPod").is_empty(),
        "the controller deletes the failed pod and tries again"
    );
    assert!(
        events(&sim, "Scheduled").is_empty(),
        "no scheduler involved"
    );
}
