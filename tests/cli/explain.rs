//! `daemonset-playground explain`: the eligibility checks for one node, one line each.

use crate::support::{assert_text, dp, text};

#[test]
fn explains_taints_selectors_and_resources_per_daemonset() {
    let out = dp(&[
        "explain",
        "cluster.yaml",
        "fluentd-elasticsearch.yaml",
        "random-refresher.yaml",
        "node-selector.yaml",
        "--node",
        "control-plane",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_text(
        &out.stdout,
        &text(
            r#"
            daemonset.apps/fluentd-elasticsearch (kube-system) on node control-plane:
              ok   spec.nodeName is not set
              ok   no nodeSelector
              ok   no required node affinity
              ok   taint node-role.kubernetes.io/control-plane:NoSchedule: tolerated by node-role.kubernetes.io/control-plane:NoSchedule op=Exists
              ok   not cordoned
              ok   node is Ready
              ok   resources and host ports fit
              decision: shouldRun=true shouldContinueRunning=true

            daemonset.apps/random-refresher (default) on node control-plane:
              ok   spec.nodeName is not set
              ok   no nodeSelector
              ok   no required node affinity
              FAIL taint node-role.kubernetes.io/control-plane:NoSchedule: not tolerated
              ok   not cordoned
              ok   node is Ready
              ok   resources and host ports fit
              decision: shouldRun=false shouldContinueRunning=true
              reason: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }

            daemonset.apps/ssd-monitor (default) on node control-plane:
              ok   spec.nodeName is not set
              FAIL nodeSelector disktype=ssd: the node has no label disktype
              ok   no required node affinity
              FAIL taint node-role.kubernetes.io/control-plane:NoSchedule: not tolerated
              ok   not cordoned
              ok   node is Ready
              ok   resources and host ports fit
              decision: shouldRun=false shouldContinueRunning=false
              reason: node(s) didn't match Pod's node affinity/selector
            "#,
        ),
    );
}

#[test]
fn explains_a_scheduler_failure_and_unknown_names() {
    let out = dp(&[
        "explain",
        "cluster.yaml",
        "hungry.yaml",
        "--node",
        "node-2",
        "--daemonset",
        "default/hungry",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("  FAIL scheduler: Insufficient cpu\n"),
        "{}",
        out.stdout
    );
    let out = dp(&["explain", "cluster.yaml", "hungry.yaml", "--node", "node-9"]);
    assert_eq!(out.code, 1);
    assert_text(
        &out.stderr,
        "Error from server (NotFound): nodes \"node-9\" not found\n",
    );
    let out = dp(&[
        "explain",
        "cluster.yaml",
        "hungry.yaml",
        "--node",
        "node-2",
        "--daemonset",
        "nope",
    ]);
    assert_eq!(out.code, 1);
    assert_text(
        &out.stderr,
        "Error from server (NotFound): daemonsets.apps \"nope\" not found\n",
    );
}
