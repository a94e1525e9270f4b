//! `daemonset-playground run`: scenario replays, as kubectl transcripts or the JSON contract;
//! invalid scenarios and failing steps.

use crate::support::{assert_text, dp, dp_stdin, fixture, text};

/// T8, T9: the lesson of DESIGN.md's scenario example, step by step.
#[test]
fn replays_the_taint_a_worker_lesson() {
    let out = dp(&["run", "taint-a-worker.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_text(&out.stderr, "");
    assert_text(
        &out.stdout,
        &text(
            r#"
            # Taint a worker

            === objects at 0s

            $ kubectl apply -f objects
            node/control-plane created
            node/node-1 created
            node/node-2 created
            daemonset.apps/fluentd created

            events:
            LAST SEEN   TYPE     REASON             OBJECT              MESSAGE
            0s          Normal   SuccessfulCreate   daemonset/fluentd   Created pod: fluentd-5ljcf
            0s          Normal   SuccessfulCreate   daemonset/fluentd   Created pod: fluentd-5xhdl
            0s          Normal   Scheduled          pod/fluentd-5ljcf   Successfully assigned default/fluentd-5ljcf to node-1
            0s          Normal   Scheduled          pod/fluentd-5xhdl   Successfully assigned default/fluentd-5xhdl to node-2

            === step 0 at 4s: settle

            $ settle

            $ kubectl get ds
            NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            fluentd   2         2         2       2            2           <none>          4s

            $ kubectl get pods -o wide
            NAME            READY   STATUS    RESTARTS   AGE   IP              NODE     NOMINATED NODE   READINESS GATES
            fluentd-5ljcf   1/1     Running   0          4s    10.244.127.58   node-1   <none>           <none>
            fluentd-5xhdl   1/1     Running   0          4s    10.244.236.65   node-2   <none>           <none>

            events during this step:
            LAST SEEN   TYPE     REASON    OBJECT              MESSAGE
            2s          Normal   Pulling   pod/fluentd-5ljcf   Pulling image "fluentd:v1.16"
            2s          Normal   Pulled    pod/fluentd-5ljcf   Successfully pulled image "fluentd:v1.16" in 2s (2s including waiting). Image size: 0 bytes.
            2s          Normal   Pulling   pod/fluentd-5xhdl   Pulling image "fluentd:v1.16"
            2s          Normal   Pulled    pod/fluentd-5xhdl   Successfully pulled image "fluentd:v1.16" in 2s (2s including waiting). Image size: 0 bytes.
            1s          Normal   Created   pod/fluentd-5ljcf   Created container: fluentd
            1s          Normal   Started   pod/fluentd-5ljcf   Started container fluentd
            1s          Normal   Created   pod/fluentd-5xhdl   Created container: fluentd
            1s          Normal   Started   pod/fluentd-5xhdl   Started container fluentd

            === step 1 at 4s: kubectl taint nodes node-1 dedicated=gpu:NoSchedule
            # A NoSchedule taint keeps running pods

            $ kubectl taint nodes node-1 dedicated=gpu:NoSchedule
            node/node-1 tainted

            $ kubectl get ds
            NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            fluentd   1         1         1       1            1           <none>          4s

            $ kubectl get pods -o wide
            NAME            READY   STATUS    RESTARTS   AGE   IP              NODE     NOMINATED NODE   READINESS GATES
            fluentd-5ljcf   1/1     Running   0          4s    10.244.127.58   node-1   <none>           <none>
            fluentd-5xhdl   1/1     Running   0          4s    10.244.236.65   node-2   <none>           <none>

            === step 2 at 4s: kubectl taint nodes node-2 dedicated=gpu:NoExecute
            # A NoExecute taint evicts them

            $ kubectl taint nodes node-2 dedicated=gpu:NoExecute
            node/node-2 tainted

            $ kubectl get ds
            NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            fluentd   0         0         0       0            0           <none>          4s

            $ kubectl get pods -o wide
            NAME            READY   STATUS        RESTARTS   AGE   IP              NODE     NOMINATED NODE   READINESS GATES
            fluentd-5ljcf   1/1     Running       0          4s    10.244.127.58   node-1   <none>           <none>
            fluentd-5xhdl   1/1     Terminating   0          4s    10.244.236.65   node-2   <none>           <none>

            events during this step:
            LAST SEEN   TYPE     REASON             OBJECT              MESSAGE
            0s          Normal   SuccessfulDelete   daemonset/fluentd   Deleted pod: fluentd-5xhdl
            0s          Normal   Killing            pod/fluentd-5xhdl   Stopping container fluentd

            === step 3 at 34s: advance 30s

            $ advance 30s

            $ kubectl get ds
            NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            fluentd   0         0         0       0            0           <none>          34s

            $ kubectl get pods -o wide
            NAME            READY   STATUS    RESTARTS   AGE   IP              NODE     NOMINATED NODE   READINESS GATES
            fluentd-5ljcf   1/1     Running   0          34s   10.244.127.58   node-1   <none>           <none>

            === step 4 at 34s: kubectl taint nodes node-2 dedicated:NoExecute-

            $ kubectl taint nodes node-2 dedicated:NoExecute-
            node/node-2 untainted

            $ kubectl get ds
            NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            fluentd   1         1         0       1            0           <none>          34s

            $ kubectl get pods -o wide
            NAME            READY   STATUS              RESTARTS   AGE   IP              NODE     NOMINATED NODE   READINESS GATES
            fluentd-5ljcf   1/1     Running             0          34s   10.244.127.58   node-1   <none>           <none>
            fluentd-ftd54   0/1     ContainerCreating   0          0s    <none>          node-2   <none>           <none>

            events during this step:
            LAST SEEN   TYPE     REASON             OBJECT              MESSAGE
            0s          Normal   SuccessfulCreate   daemonset/fluentd   Created pod: fluentd-ftd54
            0s          Normal   Scheduled          pod/fluentd-ftd54   Successfully assigned default/fluentd-ftd54 to node-2

            === step 5 at 38s: settle

            $ settle

            $ kubectl get ds
            NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            fluentd   1         1         1       1            1           <none>          38s

            $ kubectl get pods -o wide
            NAME            READY   STATUS    RESTARTS   AGE   IP               NODE     NOMINATED NODE   READINESS GATES
            fluentd-5ljcf   1/1     Running   0          38s   10.244.127.58    node-1   <none>           <none>
            fluentd-ftd54   1/1     Running   0          4s    10.244.134.147   node-2   <none>           <none>

            events during this step:
            LAST SEEN   TYPE     REASON    OBJECT              MESSAGE
            2s          Normal   Pulling   pod/fluentd-ftd54   Pulling image "fluentd:v1.16"
            2s          Normal   Pulled    pod/fluentd-ftd54   Successfully pulled image "fluentd:v1.16" in 2s (2s including waiting). Image size: 0 bytes.
            1s          Normal   Created   pod/fluentd-ftd54   Created container: fluentd
            1s          Normal   Started   pod/fluentd-ftd54   Started container fluentd

            === step 6 at 38s: kubectl get ds

            $ kubectl get ds
            NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
            fluentd   1         1         1       1            1           <none>          38s

            "#,
        ),
    );
}

#[test]
fn json_output_is_exactly_the_contract() {
    let out = dp(&["run", "cordon.yaml", "--output", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_text(
        &out.stdout,
        &text(
            r#"
            {
              "steps": [
                {
                  "index": 0,
                  "do": "settle",
                  "time": 3.0,
                  "daemonSets": [
                    {
                      "namespace": "default",
                      "name": "agent",
                      "status": {
                        "desiredNumberScheduled": 1,
                        "currentNumberScheduled": 1,
                        "numberMisscheduled": 0,
                        "numberReady": 1,
                        "updatedNumberScheduled": 1,
                        "numberAvailable": 1,
                        "numberUnavailable": 0
                      },
                      "currentRevisionHash": "699788f485",
                      "nodes": [
                        {
                          "node": "node-1",
                          "shouldRun": true,
                          "shouldContinueRunning": true,
                          "pod": {
                            "name": "agent-fskx7",
                            "phase": "Running",
                            "ready": true,
                            "reason": null
                          },
                          "reason": null,
                          "pods": [
                            {
                              "name": "agent-fskx7",
                              "phase": "Running",
                              "ready": true,
                              "revisionHash": "699788f485",
                              "terminating": false
                            }
                          ]
                        }
                      ]
                    }
                  ],
                  "events": [
                    {
                      "time": 1.0,
                      "type": "Normal",
                      "reason": "Pulling",
                      "object": "Pod/default/agent-fskx7",
                      "message": "Pulling image \"busybox:1.36\""
                    },
                    {
                      "time": 1.0,
                      "type": "Normal",
                      "reason": "Pulled",
                      "object": "Pod/default/agent-fskx7",
                      "message": "Successfully pulled image \"busybox:1.36\" in 1s (1s including waiting). Image size: 0 bytes."
                    },
                    {
                      "time": 2.0,
                      "type": "Normal",
                      "reason": "Created",
                      "object": "Pod/default/agent-fskx7",
                      "message": "Created container: agent"
                    },
                    {
                      "time": 2.0,
                      "type": "Normal",
                      "reason": "Started",
                      "object": "Pod/default/agent-fskx7",
                      "message": "Started container agent"
                    }
                  ]
                },
                {
                  "index": 1,
                  "do": "kubectl cordon node-1",
                  "time": 3.0,
                  "daemonSets": [
                    {
                      "namespace": "default",
                      "name": "agent",
                      "status": {
                        "desiredNumberScheduled": 1,
                        "currentNumberScheduled": 1,
                        "numberMisscheduled": 0,
                        "numberReady": 1,
                        "updatedNumberScheduled": 1,
                        "numberAvailable": 1,
                        "numberUnavailable": 0
                      },
                      "currentRevisionHash": "699788f485",
                      "nodes": [
                        {
                          "node": "node-1",
                          "shouldRun": true,
                          "shouldContinueRunning": true,
                          "pod": {
                            "name": "agent-fskx7",
                            "phase": "Running",
                            "ready": true,
                            "reason": null
                          },
                          "reason": null,
                          "pods": [
                            {
                              "name": "agent-fskx7",
                              "phase": "Running",
                              "ready": true,
                              "revisionHash": "699788f485",
                              "terminating": false
                            }
                          ]
                        }
                      ]
                    }
                  ],
                  "events": []
                }
              ]
            }
            "#,
        ),
    );
}

#[test]
fn captions_follow_the_chosen_language() {
    let en = dp(&["run", "cordon.yaml"]);
    assert!(
        en.stdout.starts_with("# Cordon a node\n\n"),
        "{}",
        en.stdout
    );
    assert!(en.stdout.contains(
        "=== step 1 at 3s: kubectl cordon node-1\n# Daemon pods tolerate cordon\n\n$ kubectl cordon node-1\nnode/node-1 cordoned\n"
    ));
    let ko = dp(&["run", "cordon.yaml", "--lang", "ko"]);
    assert!(ko
        .stdout
        .contains("=== step 1 at 3s: kubectl cordon node-1\n# 데몬 파드는 cordon을 용인한다\n"));
}

#[test]
fn a_failing_step_stops_the_replay_with_exit_1_naming_the_step() {
    let out = dp(&["run", "failing-step.yaml"]);
    assert_eq!(out.code, 1);
    assert_text(
        &out.stderr,
        "error: step 2 (kubectl taint nodes nope a=b:NoSchedule): Error from server (NotFound): nodes \"nope\" not found\n",
    );
    assert!(
        out.stdout.ends_with(&text(
            r#"
        === step 2 at 0s: kubectl taint nodes nope a=b:NoSchedule

        $ kubectl taint nodes nope a=b:NoSchedule
        Error from server (NotFound): nodes "nope" not found

        "#
        )),
        "{}",
        out.stdout
    );
    // JSON keeps the steps that ran before the failure.
    let json = dp(&["run", "failing-step.yaml", "-o", "json"]);
    assert_eq!(json.code, 1);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let steps: Vec<String> = report["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| format!("{} {}", s["index"], s["do"]))
        .collect();
    assert_text(
        &steps.join("\n"),
        "0 \"settle\"\n1 \"kubectl label nodes node-1 pool=blue\"\n2 \"kubectl taint nodes nope a=b:NoSchedule\"",
    );
}

#[test]
fn a_step_that_does_not_parse_is_reported_in_kubectls_words() {
    let scenario = "kind: Scenario\nversion: 1\nsteps:\n  - do: settle\n  - do: kubectl lable nodes node-1 a=b\n";
    let out = dp_stdin(&["run", "-"], scenario);
    assert_eq!(out.code, 1);
    assert_text(
        &out.stderr,
        "error: step 1 (kubectl lable nodes node-1 a=b): unknown command \"lable\" for \"kubectl\"\n",
    );
}

#[test]
fn invalid_scenario_files_are_rejected_with_the_reason() {
    for (scenario, stderr) in [
        (
            "kind: Scenario\nversion: 1\nsteps:\n  - do: settle\n  - run: x\n",
            "error: STDIN: steps[1]: unknown field `run`, expected one of `do`, `apply`, `caption` at line 5 column 5\n",
        ),
        (
            "kind: Lesson\nversion: 1\n",
            "error: STDIN: kind must be \"Scenario\", got \"Lesson\"\n",
        ),
        (
            "kind: Scenario\nversion: 2\n",
            "error: STDIN: unsupported version 2 (this simulator reads version 1)\n",
        ),
        (
            "kind: Scenario\nversion: 1\nsteps:\n  - do: settle\n    apply: x\n",
            "error: STDIN: steps[0]: a step has either do or apply, not both\n",
        ),
        (
            "kind: Scenario\nversion: 1\nsteps:\n  - caption: nothing to do\n",
            "error: STDIN: steps[0]: a step needs do (a command) or apply (manifests)\n",
        ),
        (
            "kind: Scenario\nversion: 1\ntiming: { pull: fast }\n",
            "error: STDIN: timing.pull: invalid duration \"fast\": write a number with a unit, e.g. 2s or 500ms\n",
        ),
        (
            "kind: Scenario\nversion: 1\nobjects: |\n  apiVersion: v1\n  kind: Nod\n  metadata: { name: a }\n",
            "error: the scenario's objects are invalid:\nerror: resource mapping not found for name: \"a\" namespace: \"\" from \"objects\": no matches for kind \"Nod\" in version \"v1\"\nensure CRDs are installed first\n",
        ),
        (
            "kind: Scenario\nversion: 1\nsteps:\n  - do: kubectl apply -f -\n",
            "error: step 0 (kubectl apply -f -): no objects passed to apply (write the manifests as the step's apply: text)\n",
        ),
    ] {
        let out = dp_stdin(&["run", "-"], scenario);
        assert_eq!(out.code, 1, "{scenario}");
        assert_text(&out.stderr, stderr);
    }
    let out = dp(&["run", "missing.yaml"]);
    assert_eq!(out.code, 1);
    assert_text(
        &out.stderr,
        "error: the path \"missing.yaml\" does not exist\n",
    );
}

/// An `apply:` step is `kubectl apply -f -` with its text; its `do` in JSON says so.
#[test]
fn apply_steps_apply_their_text() {
    let scenario = format!(
        "kind: Scenario\nversion: 1\nsteps:\n  - apply: |\n{}\n  - do: settle\n  - do: kubectl get ds\n",
        fixture("monitoring-daemon.yaml")
            .lines()
            .map(|l| format!("      {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let out = dp_stdin(&["run", "-", "-o", "json"], &scenario);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["steps"][0]["do"], "kubectl apply -f -");
    assert_eq!(
        report["steps"][0]["daemonSets"][0]["name"],
        "monitoring-daemon"
    );
    let table = dp_stdin(&["run", "-"], &scenario);
    assert!(table
        .stdout
        .contains("$ kubectl apply -f -\ndaemonset.apps/monitoring-daemon created\n"));
}

/// Issue 4: what the page exports (its session as a scenario), `run` replays to the same
/// cluster the page shows; every verb the page records is in the step language.
#[test]
fn replays_a_scenario_the_page_exported() {
    use daemonset_playground::app::node_edit::{parse_allocatable, NodeKind};
    use daemonset_playground::app::report::{daemon_set_reports, Detail};
    use daemonset_playground::app::state::{default_text, Action, AppState, Init, NewNode};
    use daemonset_playground::model::{
        ConditionStatus, NodeConditionType, NodeName, Taint, TaintEffect,
    };
    let node = |n: &str| NodeName(n.to_string());
    let mut page = AppState::new(Init::text(default_text()));
    let edits = [
        Action::AddNode(NewNode {
            kind: NodeKind::Custom,
            name: node("edge-1"),
            labels: Default::default(),
            taints: vec![],
            allocatable: parse_allocatable("1", "", "").unwrap(),
        }),
        Action::AddTaint {
            node: node("node-1"),
            taint: Taint::new("maintenance", "", TaintEffect::NoExecute),
        },
        Action::SetCondition {
            node: node("node-2"),
            condition: NodeConditionType::Ready,
            status: ConditionStatus::Unknown,
        },
        Action::SetAllocatable {
            node: node("node-3"),
            allocatable: parse_allocatable("500m", "1Gi", "20").unwrap(),
        },
    ];
    for edit in edits {
        page.update(edit);
        for _ in 0..20 {
            page.update(Action::Tick);
        }
    }
    page.update(Action::SettleNow);
    let exported = page.export_scenario();
    let out = dp_stdin(&["run", "-", "--output", "json"], &exported);
    assert_eq!(out.code, 0, "{}\n{exported}", out.stderr);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let last = report["steps"]
        .as_array()
        .and_then(|s| s.last())
        .expect("steps");
    let expected =
        serde_json::to_value(daemon_set_reports(page.sim(), Detail::Run)).expect("serialises");
    assert_eq!(last["daemonSets"], expected, "{exported}");
}
