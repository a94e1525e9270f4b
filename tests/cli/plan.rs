//! `daemonset-playground plan`: the seed DaemonSets on a cluster of a tainted control plane and
//! four workers, placement rules one fixture each, the JSON contract, invalid input.

use crate::support::{assert_text, dp, dp_stdin, fixture, text};

#[test]
fn seed_001_runs_on_every_worker_but_not_the_tainted_control_plane() {
    let out = dp(&["plan", "cluster.yaml", "monitoring-daemon.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_text(&out.stderr, "");
    assert_text(
        &out.stdout,
        &text(
            r#"
            NAME                DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            monitoring-daemon   4         4         4       4            4           <none>          4s

            NAME                      READY   STATUS    RESTARTS   AGE   IP               NODE     NOMINATED NODE   READINESS GATES
            monitoring-daemon-5gcx4   1/1     Running   0          4s    10.244.31.168    node-1   <none>           <none>
            monitoring-daemon-b2nbl   1/1     Running   0          4s    10.244.80.129    node-4   <none>           <none>
            monitoring-daemon-fmzfd   1/1     Running   0          4s    10.244.173.244   node-2   <none>           <none>
            monitoring-daemon-fwgfv   1/1     Running   0          4s    10.244.241.5     node-3   <none>           <none>

            daemonset.apps/monitoring-daemon (default):
              control-plane: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }
            "#,
        ),
    );
}

#[test]
fn json_output_is_exactly_the_contract() {
    let out = dp(&[
        "plan",
        "cluster.yaml",
        "monitoring-daemon.yaml",
        "--output",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_text(
        &out.stdout,
        &text(
            r#"
            {
              "daemonSets": [
                {
                  "namespace": "default",
                  "name": "monitoring-daemon",
                  "status": {
                    "desiredNumberScheduled": 4,
                    "currentNumberScheduled": 4,
                    "numberMisscheduled": 0,
                    "numberReady": 4,
                    "updatedNumberScheduled": 4,
                    "numberAvailable": 4,
                    "numberUnavailable": 0
                  },
                  "nodes": [
                    {
                      "node": "control-plane",
                      "shouldRun": false,
                      "shouldContinueRunning": true,
                      "pod": null,
                      "reason": "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"
                    },
                    {
                      "node": "node-1",
                      "shouldRun": true,
                      "shouldContinueRunning": true,
                      "pod": {
                        "name": "monitoring-daemon-5gcx4",
                        "phase": "Running",
                        "ready": true,
                        "reason": null
                      },
                      "reason": null
                    },
                    {
                      "node": "node-2",
                      "shouldRun": true,
                      "shouldContinueRunning": true,
                      "pod": {
                        "name": "monitoring-daemon-fmzfd",
                        "phase": "Running",
                        "ready": true,
                        "reason": null
                      },
                      "reason": null
                    },
                    {
                      "node": "node-3",
                      "shouldRun": true,
                      "shouldContinueRunning": true,
                      "pod": {
                        "name": "monitoring-daemon-fwgfv",
                        "phase": "Running",
                        "ready": true,
                        "reason": null
                      },
                      "reason": null
                    },
                    {
                      "node": "node-4",
                      "shouldRun": true,
                      "shouldContinueRunning": true,
                      "pod": {
                        "name": "monitoring-daemon-b2nbl",
                        "phase": "Running",
                        "ready": true,
                        "reason": null
                      },
                      "reason": null
                    }
                  ]
                }
              ],
              "errors": []
            }
            "#,
        ),
    );
}

#[test]
fn seed_002_in_its_own_namespace_prints_the_namespace_column() {
    let out = dp(&["plan", "cluster.yaml", "liberator.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_text(
        &out.stdout,
        &text(
            r#"
            NAMESPACE    NAME        DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            tkr-system   liberator   4         4         4       4            4           <none>          4s

            NAMESPACE    NAME              READY   STATUS    RESTARTS   AGE   IP              NODE     NOMINATED NODE   READINESS GATES
            tkr-system   liberator-5gcx4   1/1     Running   0          4s    10.244.34.179   node-1   <none>           <none>
            tkr-system   liberator-b2nbl   1/1     Running   0          4s    10.244.83.140   node-4   <none>           <none>
            tkr-system   liberator-fmzfd   1/1     Running   0          4s    10.244.176.1    node-2   <none>           <none>
            tkr-system   liberator-fwgfv   1/1     Running   0          4s    10.244.245.16   node-3   <none>           <none>

            daemonset.apps/liberator (tkr-system):
              control-plane: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }
            "#,
        ),
    );
}

#[test]
fn seed_003_tolerates_the_control_plane_and_runs_everywhere() {
    let out = dp(&["plan", "cluster.yaml", "fluentd-elasticsearch.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_text(
        &out.stdout,
        &text(
            r#"
            NAMESPACE     NAME                    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            kube-system   fluentd-elasticsearch   5         5         5       5            5           <none>          4s

            NAMESPACE     NAME                          READY   STATUS    RESTARTS   AGE   IP               NODE            NOMINATED NODE   READINESS GATES
            kube-system   fluentd-elasticsearch-5gcx4   1/1     Running   0          4s    10.244.53.119    control-plane   <none>           <none>
            kube-system   fluentd-elasticsearch-b2nbl   1/1     Running   0          4s    10.244.102.80    node-3          <none>           <none>
            kube-system   fluentd-elasticsearch-fmzfd   1/1     Running   0          4s    10.244.195.195   node-1          <none>           <none>
            kube-system   fluentd-elasticsearch-fwgfv   1/1     Running   0          4s    10.244.8.210     node-2          <none>           <none>
            kube-system   fluentd-elasticsearch-wrcwt   1/1     Running   0          4s    10.244.69.199    node-4          <none>           <none>
            "#,
        ),
    );
}

/// Seed 004 tolerates `node-role.kubernetes.io/master` (every effect): kubeadm's current
/// control-plane taint has another key, so the control plane still gets no pod.
#[test]
fn seed_004_master_toleration_does_not_cover_the_control_plane_taint() {
    let out = dp(&["plan", "cluster.yaml", "random-refresher.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(
        "random-refresher   4         4         4       4            4           <none>          4s"
    ));
    assert!(out.stdout.ends_with(&text(
        r#"
        daemonset.apps/random-refresher (default):
          control-plane: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }
        "#
    )));
}

/// R1.3: the nodeSelector keeps pods off nodes without `disktype=ssd`.
#[test]
fn node_selector_limits_the_nodes() {
    let out = dp(&["plan", "cluster.yaml", "node-selector.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_text(
        &out.stdout,
        &text(
            r#"
            NAME          DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            ssd-monitor   2         2         2       2            2           disktype=ssd    4s

            NAME                READY   STATUS    RESTARTS   AGE   IP               NODE     NOMINATED NODE   READINESS GATES
            ssd-monitor-5gcx4   1/1     Running   0          4s    10.244.112.98    node-1   <none>           <none>
            ssd-monitor-fmzfd   1/1     Running   0          4s    10.244.254.174   node-3   <none>           <none>

            daemonset.apps/ssd-monitor (default):
              control-plane: node(s) didn't match Pod's node affinity/selector
              node-2: node(s) didn't match Pod's node affinity/selector
              node-4: node(s) didn't match Pod's node affinity/selector
            "#,
        ),
    );
}

/// R1.2, R1.8, T10: NoSchedule and NoExecute keep new pods off (only NoExecute would also evict
/// a running one: shouldContinueRunning), PreferNoSchedule changes nothing.
#[test]
fn no_schedule_no_execute_and_prefer_no_schedule_taints() {
    let out = dp(&[
        "plan",
        "cluster.yaml",
        "tainted-nodes.yaml",
        "monitoring-daemon.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.ends_with(&text(
        r#"
        daemonset.apps/monitoring-daemon (default):
          control-plane: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }
          gpu-1: node(s) had untolerated taint {dedicated: gpu}
          gpu-2: node(s) had untolerated taint {dedicated: gpu}
        "#
    )));
    assert!(out
        .stdout
        .contains("monitoring-daemon-wrcwt   1/1     Running   0          4s    10.244.46.248    spare-1   <none>           <none>"));
    let json = dp(&[
        "plan",
        "cluster.yaml",
        "tainted-nodes.yaml",
        "monitoring-daemon.yaml",
        "-o",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let decisions: Vec<String> = report["daemonSets"][0]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| {
            format!(
                "{} shouldRun={} shouldContinueRunning={}",
                n["node"].as_str().unwrap_or_default(),
                n["shouldRun"],
                n["shouldContinueRunning"]
            )
        })
        .collect();
    assert_text(
        &decisions.join("\n"),
        "control-plane shouldRun=false shouldContinueRunning=true\n\
         node-1 shouldRun=true shouldContinueRunning=true\n\
         node-2 shouldRun=true shouldContinueRunning=true\n\
         node-3 shouldRun=true shouldContinueRunning=true\n\
         node-4 shouldRun=true shouldContinueRunning=true\n\
         gpu-1 shouldRun=false shouldContinueRunning=true\n\
         gpu-2 shouldRun=false shouldContinueRunning=false\n\
         spare-1 shouldRun=true shouldContinueRunning=true",
    );
}

/// T15: a node without enough CPU keeps the pod Pending with NODE `<none>`; CURRENT counts it,
/// READY and AVAILABLE do not.
#[test]
fn insufficient_cpu_leaves_the_pod_pending() {
    let out = dp(&["plan", "cluster.yaml", "hungry.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_text(
        &out.stdout,
        &text(
            r#"
            NAME     DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            hungry   4         4         3       4            3           <none>          4s

            NAME           READY   STATUS    RESTARTS   AGE   IP               NODE     NOMINATED NODE   READINESS GATES
            batch-job      1/1     Running   0          4s    10.244.186.179   node-2   <none>           <none>
            hungry-5gcx4   1/1     Running   0          4s    10.244.104.176   node-1   <none>           <none>
            hungry-b2nbl   1/1     Running   0          4s    10.244.153.137   node-4   <none>           <none>
            hungry-fmzfd   0/1     Pending   0          4s    <none>           <none>   <none>           <none>
            hungry-fwgfv   1/1     Running   0          4s    10.244.59.13     node-3   <none>           <none>

            daemonset.apps/hungry (default):
              control-plane: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }
              node-2: hungry-fmzfd is Pending: Insufficient cpu
            "#,
        ),
    );
    let json = dp(&["plan", "cluster.yaml", "hungry.yaml", "-o", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(
        report["daemonSets"][0]["nodes"][2]["pod"].to_string(),
        r#"{"name":"hungry-fmzfd","phase":"Pending","ready":false,"reason":"Insufficient cpu"}"#
    );
}

/// T16: two DaemonSets that want the same host port: the second one's pods stay Pending.
#[test]
fn host_port_conflict_leaves_the_second_daemonset_pending() {
    let out = dp(&["plan", "cluster.yaml", "host-ports.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_text(
        &out.stdout,
        &text(
            r#"
            NAME             DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            node-exporter    4         4         4       4            4           <none>          4s
            other-exporter   4         4         0       4            0           <none>          4s

            NAME                   READY   STATUS    RESTARTS   AGE   IP              NODE     NOMINATED NODE   READINESS GATES
            node-exporter-5gcx4    1/1     Running   0          4s    10.244.120.93   node-1   <none>           <none>
            node-exporter-b2nbl    1/1     Running   0          4s    10.244.168.54   node-4   <none>           <none>
            node-exporter-fmzfd    1/1     Running   0          4s    10.244.6.169    node-2   <none>           <none>
            node-exporter-fwgfv    1/1     Running   0          4s    10.244.74.184   node-3   <none>           <none>
            other-exporter-8n6jz   0/1     Pending   0          4s    <none>          <none>   <none>           <none>
            other-exporter-b5ppc   0/1     Pending   0          4s    <none>          <none>   <none>           <none>
            other-exporter-wrcwt   0/1     Pending   0          4s    <none>          <none>   <none>           <none>
            other-exporter-x48wc   0/1     Pending   0          4s    <none>          <none>   <none>           <none>

            daemonset.apps/node-exporter (default):
              control-plane: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }

            daemonset.apps/other-exporter (default):
              control-plane: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }
              node-1: other-exporter-wrcwt is Pending: node(s) didn't have free ports for the requested pod ports
              node-2: other-exporter-x48wc is Pending: node(s) didn't have free ports for the requested pod ports
              node-3: other-exporter-8n6jz is Pending: node(s) didn't have free ports for the requested pod ports
              node-4: other-exporter-b5ppc is Pending: node(s) didn't have free ports for the requested pod ports
            "#,
        ),
    );
}

/// R2.3, T18: a pod left on node-1 with matching labels is adopted, not duplicated; lacking the
/// current revision hash it is old, so the rolling update replaces it (30 s of termination).
#[test]
fn an_orphan_pod_is_adopted_then_replaced_by_the_rolling_update() {
    let out = dp(&[
        "plan",
        "cluster.yaml",
        "monitoring-daemon.yaml",
        "orphan.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_text(
        &out.stdout,
        &text(
            r#"
            NAME                DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            monitoring-daemon   4         4         4       4            4           <none>          38s

            NAME                      READY   STATUS    RESTARTS   AGE   IP               NODE     NOMINATED NODE   READINESS GATES
            monitoring-daemon-5gcx4   1/1     Running   0          38s   10.244.31.168    node-2   <none>           <none>
            monitoring-daemon-b2nbl   1/1     Running   0          4s    10.244.80.129    node-1   <none>           <none>
            monitoring-daemon-fmzfd   1/1     Running   0          38s   10.244.173.244   node-3   <none>           <none>
            monitoring-daemon-fwgfv   1/1     Running   0          38s   10.244.241.5     node-4   <none>           <none>

            daemonset.apps/monitoring-daemon (default):
              control-plane: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }
            "#,
        ),
    );
}

/// Seed 000's broken manifest (`matchLables`, `template` under `selector`) is rejected exactly
/// as the API server rejects it (R6.9, T35): exit 1, kubectl's stderr, the valid objects still
/// applied.
#[test]
fn seed_000_broken_manifest_is_rejected_like_a_cluster_would() {
    let out = dp(&["plan", "cluster.yaml", "broken-daemonset.yaml"]);
    assert_eq!(out.code, 1);
    assert_text(
        &out.stderr,
        "Error from server (BadRequest): error when creating \"broken-daemonset.yaml\": DaemonSet in version \"v1\" cannot be handled as a DaemonSet: strict decoding error: unknown field \"spec.selector.matchLables\", unknown field \"spec.selector.template\"\n",
    );
    assert_text(
        &out.stdout,
        "No resources found in default namespace.\n\nNo resources found in default namespace.\n",
    );
}

/// R6.2, R6.6, R6.7, T34: every validation error, API-server style, with its line in JSON.
#[test]
fn invalid_input_reports_every_error_on_stderr_and_in_json() {
    let out = dp(&[
        "plan",
        "cluster.yaml",
        "broken-daemonset.yaml",
        "invalid-daemonset.yaml",
        "monitoring-daemon.yaml",
        "--output",
        "json",
    ]);
    assert_eq!(out.code, 1);
    assert_text(
        &out.stderr,
        &text(
            r#"
            Error from server (BadRequest): error when creating "broken-daemonset.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.selector.matchLables", unknown field "spec.selector.template"
            The DaemonSet "bad" is invalid: 
            * spec.template.spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
            * spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"
            "#,
        ),
    );
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    // The valid DaemonSet is still planned; the errors are the four diagnostics.
    assert_eq!(report["daemonSets"][0]["name"], "monitoring-daemon");
    // The errors as printed (field order is the contract's: field, message, line).
    let errors = &out.stdout[out.stdout.find("  \"errors\"").expect("errors")..];
    assert_text(
        errors,
        &text(
            r#"
              "errors": [
                {
                  "field": "spec.selector.matchLables",
                  "message": "strict decoding error: unknown field \"spec.selector.matchLables\"",
                  "line": 7
                },
                {
                  "field": "spec.selector.template",
                  "message": "strict decoding error: unknown field \"spec.selector.template\"",
                  "line": 9
                },
                {
                  "field": "spec.template.spec.containers[0].name",
                  "message": "Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                  "line": 16
                },
                {
                  "field": "spec.template.spec.restartPolicy",
                  "message": "Unsupported value: \"OnFailure\": supported values: \"Always\"",
                  "line": 14
                }
              ]
            }
            "#,
        ),
    );
}

#[test]
fn a_missing_file_is_kubectls_path_error() {
    let out = dp(&["plan", "cluster.yaml", "nope.yaml"]);
    assert_eq!(out.code, 1);
    assert_text(&out.stdout, "");
    assert_text(
        &out.stderr,
        "error: the path \"nope.yaml\" does not exist\n",
    );
    let json = dp(&["plan", "nope.yaml", "-o", "json"]);
    assert_eq!(json.code, 1);
    assert_text(
        &json.stdout,
        &text(
            r#"
            {
              "daemonSets": [],
              "errors": [
                {
                  "field": null,
                  "message": "the path \"nope.yaml\" does not exist",
                  "line": null
                }
              ]
            }
            "#,
        ),
    );
}

#[test]
fn dash_reads_stdin_and_errors_name_it_stdin() {
    let from_files = dp(&["plan", "cluster.yaml", "monitoring-daemon.yaml"]);
    let from_stdin = dp_stdin(
        &["plan", "cluster.yaml", "-"],
        &fixture("monitoring-daemon.yaml"),
    );
    assert_eq!(from_stdin.code, 0, "{}", from_stdin.stderr);
    assert_text(&from_stdin.stdout, &from_files.stdout);
    let broken = dp_stdin(&["plan", "-"], &fixture("broken-daemonset.yaml"));
    assert_eq!(broken.code, 1);
    assert!(
        broken
            .stderr
            .starts_with("Error from server (BadRequest): error when creating \"STDIN\": "),
        "{}",
        broken.stderr
    );
}

/// R7.6, T32: pod-name suffixes come from the seed: the same seed gives the same names, another
/// seed other names, always 5 characters of the 27-character alphabet.
#[test]
fn seed_makes_pod_names_reproducible() {
    let names = |seed: &str| {
        let out = dp(&[
            "plan",
            "cluster.yaml",
            "monitoring-daemon.yaml",
            "--seed",
            seed,
            "-o",
            "json",
        ]);
        let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
        report["daemonSets"][0]["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .filter_map(|n| n["pod"]["name"].as_str().map(str::to_string))
            .collect::<Vec<_>>()
    };
    let a = names("7");
    assert_eq!(a, names("7"));
    let b = names("8");
    assert_ne!(a, b);
    for name in a.iter().chain(&b) {
        let suffix = name.strip_prefix("monitoring-daemon-").expect("prefix");
        assert_eq!(suffix.len(), 5, "{name}");
        assert!(
            suffix
                .chars()
                .all(|c| "bcdfghjklmnpqrstvwxz2456789".contains(c)),
            "{name}"
        );
    }
}
