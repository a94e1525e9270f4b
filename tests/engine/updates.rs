//! Time, lifecycle and update scenarios (semantics R2.5, R3, R4.3, R8.1; test ideas T12, T17,
//! T20, T23–T29).

use super::support::*;
use daemonset_playground::engine::{Command, Simulation};
use daemonset_playground::model::*;

fn workers(n: usize) -> Vec<Node> {
    (1..=n).map(|i| node(&format!("node-{i}"))).collect()
}

fn with_image(mut ds: DaemonSet, image: &str) -> DaemonSet {
    ds.template.spec.containers[0].image = image.into();
    refresh_json(&mut ds);
    ds
}

/// `node: image phase ready [terminating]` for every pod of the DaemonSet.
fn images(sim: &Simulation, ds_name: &str) -> String {
    let ds = sim
        .daemon_sets()
        .iter()
        .find(|d| d.name == ds_name)
        .unwrap();
    let by_node = sim.daemon_pods_by_node(ds);
    let mut out = Vec::new();
    for n in sim.nodes() {
        for p in by_node.get(&n.name).into_iter().flatten() {
            out.push(format!(
                "{}: {} {}{}{}",
                n.name,
                p.spec.containers[0].image,
                p.status.phase.as_str(),
                if p.status.ready { " ready" } else { "" },
                if p.deletion_timestamp.is_some() {
                    " terminating"
                } else {
                    ""
                }
            ));
        }
    }
    out.join("\n")
}

#[test]
fn r8_4_pod_lifecycle_pending_container_creating_running_ready() {
    let mut sim = sim_with(workers(1), vec![daemon_set("agent")]);
    assert_eq!(sim_pod_state(&sim), "Pending not-ready bound");
    advance(&mut sim, 2);
    assert_eq!(
        sim_pod_state(&sim),
        "Pending not-ready bound",
        "image pulled, container starting"
    );
    advance(&mut sim, 1);
    assert_eq!(sim_pod_state(&sim), "Running not-ready bound");
    advance(&mut sim, 1);
    assert_eq!(sim_pod_state(&sim), "Running ready bound");
    assert!(sim.is_settled());
    let reasons: Vec<&str> = sim.events().iter().map(|e| e.reason).collect();
    assert_eq!(
        reasons,
        vec![
            "SuccessfulCreate",
            "Scheduled",
            "Pulling",
            "Pulled",
            "Created",
            "Started"
        ]
    );
}

fn sim_pod_state(sim: &Simulation) -> String {
    let p = sim.pods().next().unwrap();
    format!(
        "{} {} {}",
        p.status.phase.as_str(),
        if p.status.ready { "ready" } else { "not-ready" },
        if p.is_bound() { "bound" } else { "unbound" }
    )
}

#[test]
fn t12_tolerated_no_execute_for_30s_evicts_and_recreates_in_a_loop() {
    let mut sim = tolerating_30s_then_tainted();
    let ds = &sim.daemon_sets()[0];
    assert!(
        sim.decision(ds, &sim.nodes()[0]).should_run,
        "the DaemonSet still wants a pod there (R1.8)"
    );
    advance(&mut sim, 29);
    assert!(events(&sim, "TaintManagerEviction").is_empty());
    advance(&mut sim, 1);
    assert_eq!(
        events(&sim, "TaintManagerEviction").len(),
        1,
        "evicted at 30 s"
    );
    // 30 s of termination, then a replacement whose own countdown starts.
    advance(&mut sim, 30);
    assert_eq!(events(&sim, "SuccessfulCreate").len(), 2);
    advance(&mut sim, 30);
    assert_eq!(events(&sim, "TaintManagerEviction").len(), 2, "and again");
    assert!(!sim.is_settled(), "the loop never settles");
    // Settle gives up after its limit instead of spinning.
    sim.apply(Command::Settle {
        limit: SimDuration::from_secs(600),
    })
    .unwrap();
    assert!(events(&sim, "TaintManagerEviction").len() >= 10);
}

#[test]
fn r8_1_removing_the_taint_cancels_the_countdown() {
    let mut sim = tolerating_30s_then_tainted();
    advance(&mut sim, 10);
    sim.apply(Command::RemoveTaint {
        node: "node-1".into(),
        key: "k".into(),
        effect: None,
    })
    .unwrap();
    assert_eq!(
        events(&sim, "TaintManagerEviction"),
        vec!["Cancelling deletion of Pod default/".to_string() + &sim.pods().next().unwrap().name]
    );
    advance(&mut sim, 60);
    assert_eq!(images(&sim, "agent"), "node-1: nginx:1.27 Running ready");
}

#[test]
fn t17_failed_pod_is_replaced_with_growing_back_off() {
    let mut sim = sim_with(workers(1), vec![daemon_set("agent")]);
    settle(&mut sim);
    let fail_current = |sim: &mut Simulation| {
        let name = sim
            .pods()
            .find(|p| !p.status.phase.is_terminal())
            .unwrap()
            .name
            .clone();
        sim.apply(Command::FailPod {
            namespace: "default".into(),
            name,
        })
        .unwrap();
    };
    fail_current(&mut sim);
    assert_eq!(events(&sim, "FailedDaemonPod").len(), 1);
    assert_eq!(
        events(&sim, "SuccessfulCreate").len(),
        2,
        "replaced at once"
    );
    // The replacement fails at once too: now within the 1 s back-off window.
    fail_current(&mut sim);
    assert_eq!(events(&sim, "FailedDaemonPod").len(), 1, "in back-off");
    sim.apply(Command::Advance(SimDuration::from_millis(999)))
        .unwrap();
    assert_eq!(events(&sim, "FailedDaemonPod").len(), 1);
    sim.apply(Command::Advance(SimDuration::from_millis(1)))
        .unwrap();
    assert_eq!(events(&sim, "FailedDaemonPod").len(), 2, "after 1 s");
    fail_current(&mut sim);
    advance(&mut sim, 1);
    assert_eq!(
        events(&sim, "FailedDaemonPod").len(),
        2,
        "delay doubled to 2 s"
    );
    advance(&mut sim, 1);
    assert_eq!(events(&sim, "FailedDaemonPod").len(), 3);
    let msg = &events(&sim, "FailedDaemonPod")[0];
    assert!(
        msg.starts_with("Found failed daemon pod default/agent-")
            && msg.ends_with(" on node node-1, will try to kill it"),
        "{msg}"
    );
}

#[test]
fn t20_t25_rolling_update_max_unavailable_1_goes_one_node_at_a_time() {
    let mut sim = sim_with(workers(3), vec![daemon_set("agent")]);
    settle(&mut sim);
    sim.apply(Command::ApplyDaemonSet(with_image(
        daemon_set("agent"),
        "nginx:1.28",
    )))
    .unwrap();
    assert_eq!(
        images(&sim, "agent"),
        "node-1: nginx:1.27 Running ready terminating\nnode-2: nginx:1.27 Running ready\nnode-3: nginx:1.27 Running ready"
    );
    advance(&mut sim, 29);
    assert!(
        !images(&sim, "agent").contains("1.28"),
        "T25: no replacement while the old pod terminates"
    );
    advance(&mut sim, 1);
    assert_eq!(
        images(&sim, "agent"),
        "node-1: nginx:1.28 Pending\nnode-2: nginx:1.27 Running ready\nnode-3: nginx:1.27 Running ready"
    );
    advance(&mut sim, 4);
    assert!(
        images(&sim, "agent").contains("node-2: nginx:1.27 Running ready terminating"),
        "next node once node-1 is available"
    );
    settle(&mut sim);
    assert_eq!(
        images(&sim, "agent"),
        "node-1: nginx:1.28 Running ready\nnode-2: nginx:1.28 Running ready\nnode-3: nginx:1.28 Running ready"
    );
    assert_eq!(
        status(&sim, "agent"),
        "desired=3 current=3 ready=3 updated=3 available=3 misscheduled=0 unavailable=0"
    );
    assert_eq!(sim.revisions(&sim.daemon_sets()[0]).len(), 2);
    assert_eq!(sim.daemon_sets()[0].generation, 2);
    assert_eq!(sim.daemon_sets()[0].template_generation, 2);
}

#[test]
fn t20_unavailable_old_pods_are_replaced_without_budget_and_pending_new_pod_stalls() {
    let mut sim = sim_with(workers(3), vec![daemon_set("agent")]);
    settle(&mut sim);
    // node-3 becomes NotReady: its pod turns not ready (unavailable).
    sim.apply(Command::SetNodeCondition {
        node: "node-3".into(),
        condition: NodeConditionType::Ready,
        status: ConditionStatus::False,
    })
    .unwrap();
    // A huge request: new pods cannot fit anywhere.
    let mut big = with_image(daemon_set("agent"), "nginx:1.28");
    big.template.spec.containers[0]
        .requests
        .insert("cpu".into(), Quantity::parse("64").unwrap());
    refresh_json(&mut big);
    for n in ["node-1", "node-2"] {
        let mut a = ResourceList::new();
        a.insert("cpu".into(), Quantity::parse("2").unwrap());
        a.insert("pods".into(), Quantity::from_units(110));
        sim.apply(Command::SetAllocatable {
            node: n.into(),
            allocatable: Some(a),
        })
        .unwrap();
    }
    sim.apply(Command::ApplyDaemonSet(big)).unwrap();
    settle(&mut sim);
    let out = images(&sim, "agent");
    assert_eq!(
        out,
        "node-1: nginx:1.28 Pending\nnode-2: nginx:1.27 Running ready\nnode-3: nginx:1.27 Running terminating",
        "node-1 replaced within budget and stuck Pending; node-3's unavailable pod replaced regardless but its \
         kubelet is down so it stays Terminating; node-2 waits"
    );
}

fn surge(mut ds: DaemonSet) -> DaemonSet {
    ds.update_strategy = UpdateStrategy::RollingUpdate {
        max_unavailable: IntOrPercent::Int(0),
        max_surge: IntOrPercent::Int(1),
    };
    refresh_json(&mut ds);
    ds
}

#[test]
fn t23_surge_creates_the_new_pod_beside_the_old_and_deletes_the_old_once_available() {
    let mut sim = sim_with(workers(2), vec![surge(daemon_set("agent"))]);
    settle(&mut sim);
    sim.apply(Command::ApplyDaemonSet(surge(with_image(
        daemon_set("agent"),
        "nginx:1.28",
    ))))
    .unwrap();
    assert_eq!(
        images(&sim, "agent"),
        "node-1: nginx:1.27 Running ready\nnode-1: nginx:1.28 Pending\nnode-2: nginx:1.27 Running ready"
    );
    assert_eq!(
        status(&sim, "agent"),
        "desired=2 current=2 ready=2 updated=0 available=2 misscheduled=0 unavailable=0",
        "first pod is the old one"
    );
    advance(&mut sim, 4);
    assert_eq!(
        images(&sim, "agent"),
        "node-1: nginx:1.27 Running ready terminating\nnode-1: nginx:1.28 Running ready\nnode-2: nginx:1.27 Running ready\nnode-2: nginx:1.28 Pending"
    );
    settle(&mut sim);
    assert_eq!(
        images(&sim, "agent"),
        "node-1: nginx:1.28 Running ready\nnode-2: nginx:1.28 Running ready"
    );
}

#[test]
fn t24_min_ready_seconds_ready_before_available_strictly_after() {
    let mut ds = daemon_set("agent");
    ds.min_ready_seconds = 10;
    let mut sim = sim_with(workers(1), vec![ds]);
    advance(&mut sim, 4);
    assert_eq!(
        status(&sim, "agent"),
        "desired=1 current=1 ready=1 updated=1 available=0 misscheduled=0 unavailable=1"
    );
    advance(&mut sim, 10);
    assert_eq!(
        status(&sim, "agent"),
        "desired=1 current=1 ready=1 updated=1 available=0 misscheduled=0 unavailable=1",
        "exactly at ready+10 s: not yet"
    );
    sim.apply(Command::Advance(SimDuration::from_millis(1)))
        .unwrap();
    assert_eq!(
        status(&sim, "agent"),
        "desired=1 current=1 ready=1 updated=1 available=1 misscheduled=0 unavailable=0"
    );
}

#[test]
fn t26_strategy_only_changes_bump_generation_but_make_no_revision() {
    let mut sim = sim_with(workers(2), vec![daemon_set("agent")]);
    settle(&mut sim);
    let names: Vec<String> = sim.pods().map(|p| p.name.clone()).collect();
    let mut ds = daemon_set("agent");
    ds.min_ready_seconds = 5;
    ds.update_strategy = UpdateStrategy::OnDelete;
    ds.labels.insert("team".into(), "obs".into());
    sim.apply(Command::ApplyDaemonSet(ds)).unwrap();
    settle(&mut sim);
    assert_eq!(sim.daemon_sets()[0].generation, 2);
    assert_eq!(sim.daemon_sets()[0].template_generation, 1);
    assert_eq!(sim.revisions(&sim.daemon_sets()[0]).len(), 1);
    assert_eq!(
        sim.pods().map(|p| p.name.clone()).collect::<Vec<_>>(),
        names
    );
}

#[test]
fn t27_on_delete_updates_only_deleted_pods() {
    let mut ds = daemon_set("agent");
    ds.update_strategy = UpdateStrategy::OnDelete;
    let mut sim = sim_with(workers(2), vec![ds.clone()]);
    settle(&mut sim);
    let mut ds2 = with_image(ds, "nginx:1.28");
    ds2.update_strategy = UpdateStrategy::OnDelete;
    sim.apply(Command::ApplyDaemonSet(ds2)).unwrap();
    settle(&mut sim);
    assert_eq!(
        images(&sim, "agent"),
        "node-1: nginx:1.27 Running ready\nnode-2: nginx:1.27 Running ready"
    );
    assert_eq!(
        status(&sim, "agent"),
        "desired=2 current=2 ready=2 updated=0 available=2 misscheduled=0 unavailable=0"
    );
    let first = sim
        .pods()
        .find(|p| p.spec.node_name.as_deref() == Some("node-1"))
        .unwrap()
        .name
        .clone();
    sim.apply(Command::DeletePod {
        namespace: "default".into(),
        name: first,
    })
    .unwrap();
    settle(&mut sim);
    assert_eq!(
        images(&sim, "agent"),
        "node-1: nginx:1.28 Running ready\nnode-2: nginx:1.27 Running ready"
    );
    assert_eq!(
        status(&sim, "agent"),
        "desired=2 current=2 ready=2 updated=1 available=2 misscheduled=0 unavailable=0"
    );
}

#[test]
fn t28_rolling_back_reuses_the_old_revision_renumbered_to_max_plus_one() {
    let mut sim = sim_with(workers(1), vec![daemon_set("agent")]);
    settle(&mut sim);
    sim.apply(Command::ApplyDaemonSet(with_image(
        daemon_set("agent"),
        "nginx:1.28",
    )))
    .unwrap();
    settle(&mut sim);
    let revs = |sim: &Simulation| {
        sim.revisions(&sim.daemon_sets()[0])
            .iter()
            .map(|r| format!("{}:{}", r.revision, r.template.spec.containers[0].image))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(revs(&sim), "1:nginx:1.27 2:nginx:1.28");
    sim.apply(Command::ApplyDaemonSet(daemon_set("agent")))
        .unwrap();
    settle(&mut sim);
    assert_eq!(revs(&sim), "2:nginx:1.28 3:nginx:1.27");
    assert_eq!(images(&sim, "agent"), "node-1: nginx:1.27 Running ready");
}

#[test]
fn t29_revision_history_limit_zero_keeps_only_revisions_live_pods_use() {
    let mut ds = daemon_set("agent");
    ds.revision_history_limit = 0;
    let mut sim = sim_with(workers(1), vec![ds]);
    settle(&mut sim);
    let mut ds2 = with_image(daemon_set("agent"), "nginx:1.28");
    ds2.revision_history_limit = 0;
    sim.apply(Command::ApplyDaemonSet(ds2)).unwrap();
    assert_eq!(
        sim.revisions(&sim.daemon_sets()[0]).len(),
        2,
        "the old pod still carries the old hash"
    );
    settle(&mut sim);
    assert_eq!(sim.revisions(&sim.daemon_sets()[0]).len(), 1);
}

/// One node running a DaemonSet that tolerates `k:NoExecute` for 30 s, settled, then tainted
/// `k:NoExecute` (the countdown of R8.1 has just started).
fn tolerating_30s_then_tainted() -> Simulation {
    let mut ds = daemon_set("agent");
    ds.template.spec.tolerations.push(toleration(
        "k",
        "Exists",
        "",
        Some(TaintEffect::NoExecute),
        Some(30),
    ));
    refresh_json(&mut ds);
    let mut sim = sim_with(workers(1), vec![ds]);
    settle(&mut sim);
    sim.apply(Command::AddTaint {
        node: "node-1".into(),
        taint: Taint::new("k", "", TaintEffect::NoExecute),
    })
    .unwrap();
    sim
}
