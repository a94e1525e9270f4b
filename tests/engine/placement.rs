//! Placement and status scenarios (semantics R1, R2, R4; test ideas T1–T19, T30, T31).

use super::support::*;
use daemonset_playground::engine::Command;
use daemonset_playground::model::*;

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
}
