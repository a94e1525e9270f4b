//! `AppState` behaviour, natively: the default scenario, applying editor text (valid, invalid,
//! with Nodes), cluster edits through actions, playback, and agreement with the CLI's report.

use super::*;
use crate::app::cluster_view::{cluster_view, ChipLook};
use crate::app::eligibility_card::{eligibility_card, Verdict};
use crate::app::report::{daemon_set_reports, Detail};
use crate::model::PodPhase;

fn state_with(text: &str) -> AppState {
    AppState::new(Init {
        text: text.to_string(),
        lang: Lang::En,
        theme: Theme::System,
    })
}

fn default_state() -> AppState {
    state_with(&default_text())
}

/// Plays until nothing is due (as the page's timer does), at most 200 steps.
fn play(state: &mut AppState) {
    for _ in 0..200 {
        if state.is_settled() {
            return;
        }
        state.update(Action::Tick);
    }
    panic!("the simulation did not settle");
}

/// `node: look` per node and DaemonSet lane, as the diagram shows it.
fn diagram(state: &AppState) -> String {
    let view = cluster_view(state.sim());
    let mut lines = Vec::new();
    for node in &view.nodes {
        for lane in &node.lanes {
            let pods: Vec<String> = lane
                .pods
                .iter()
                .map(|p| {
                    let mut s = format!("{}:{}", p.phase.as_str(), p.look.as_str());
                    if p.misscheduled {
                        s.push_str(":misscheduled");
                    }
                    s
                })
                .collect();
            lines.push(format!(
                "{} {} {}",
                node.name,
                lane.daemon_set.name,
                if pods.is_empty() {
                    "-".to_string()
                } else {
                    pods.join(",")
                }
            ));
        }
    }
    lines.join("\n")
}

const SSD_DS: &str = "apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-agent
spec:
  selector:
    matchLabels:
      app: ssd-agent
  template:
    metadata:
      labels:
        app: ssd-agent
    spec:
      nodeSelector:
        disktype: ssd
      containers:
      - name: agent
        image: busybox
";

const TWO_NODES_AND_DS: &str = "apiVersion: v1
kind: Node
metadata:
  name: alpha
  labels:
    disktype: ssd
---
apiVersion: v1
kind: Node
metadata:
  name: beta
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-agent
spec:
  selector:
    matchLabels:
      app: ssd-agent
  template:
    metadata:
      labels:
        app: ssd-agent
    spec:
      nodeSelector:
        disktype: ssd
      containers:
      - name: agent
        image: busybox
";

#[test]
fn default_scenario_runs_a_pod_on_every_worker_and_none_on_the_control_plane() {
    let mut state = default_state();
    assert!(!state.is_settled(), "pods are being created at first");
    play(&mut state);
    assert_eq!(
        diagram(&state),
        "control-plane monitoring-daemon -\n\
         node-1 monitoring-daemon Running:ready\n\
         node-2 monitoring-daemon Running:ready\n\
         node-3 monitoring-daemon Running:ready\n\
         node-4 monitoring-daemon Running:ready"
    );
    // The reason is one click away: the control plane is preselected for the card.
    assert_eq!(state.selection.node, Some(NodeName("control-plane".into())));
    let card = eligibility_card(
        state.sim(),
        state.card_daemon_set().unwrap(),
        state.selected_node().unwrap(),
    );
    assert_eq!(card.verdict, Verdict::NotHere);
    assert_eq!(
        card.reason.as_deref(),
        Some("node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }")
    );
}

#[test]
fn pods_go_container_creating_then_running_then_ready_one_tick_at_a_time() {
    let mut state = default_state();
    let looks = |s: &AppState| {
        cluster_view(s.sim()).nodes[1].lanes[0]
            .pods
            .iter()
            .map(|p| p.look)
            .collect::<Vec<_>>()
    };
    assert_eq!(looks(&state), vec![ChipLook::Creating]);
    let mut seen = vec![looks(&state)[0]];
    for _ in 0..10 {
        state.update(Action::Tick);
        let l = looks(&state)[0];
        if seen.last() != Some(&l) {
            seen.push(l);
        }
    }
    assert_eq!(
        seen,
        vec![ChipLook::Creating, ChipLook::Running, ChipLook::Ready]
    );
}

#[test]
fn paused_playback_does_not_move_the_clock_but_step_does() {
    let mut state = default_state();
    state.update(Action::SetPlaying(false));
    let t0 = state.sim().now();
    state.update(Action::Tick);
    assert_eq!(state.sim().now(), t0);
    state.update(Action::Step);
    assert!(state.sim().now() > t0);
    state.update(Action::SettleNow);
    assert!(state.is_settled());
}

#[test]
fn pasting_a_daemon_set_with_a_node_selector_keeps_the_nodes_and_places_only_on_matches() {
    let mut state = default_state();
    play(&mut state);
    state.update(Action::SetLabel {
        node: NodeName("node-2".into()),
        key: "disktype".into(),
        value: "ssd".into(),
    });
    state.update(Action::EditText(SSD_DS.to_string()));
    assert!(
        !state.is_settled(),
        "an edit waiting to be applied is not settled"
    );
    state.update(Action::Apply);
    assert_eq!(
        state.editor.apply_output,
        vec![
            "daemonset.apps/ssd-agent created".to_string(),
            "daemonset.apps/monitoring-daemon pruned".to_string()
        ]
    );
    play(&mut state);
    assert_eq!(
        diagram(&state),
        "control-plane ssd-agent -\nnode-1 ssd-agent -\nnode-2 ssd-agent Running:ready\nnode-3 ssd-agent -\nnode-4 ssd-agent -"
    );
}

#[test]
fn nodes_in_the_text_define_the_cluster_exactly_as_the_cli_loads_it() {
    let mut state = default_state();
    state.update(Action::EditText(TWO_NODES_AND_DS.to_string()));
    state.update(Action::Apply);
    play(&mut state);
    assert_eq!(
        diagram(&state),
        "alpha ssd-agent Running:ready\nbeta ssd-agent -"
    );
    // The CLI: a fresh simulation, the same text, settled.
    let mut cli = Simulation::new(DEFAULT_SEED);
    let outcome = load::load_sources(&mut cli, &[load::Source::new("STDIN", TWO_NODES_AND_DS)]);
    assert!(!outcome.has_errors());
    cli.apply(Command::Settle {
        limit: SimDuration::from_secs(600),
    })
    .unwrap();
    assert_eq!(
        daemon_set_reports(state.sim(), Detail::Plan),
        daemon_set_reports(&cli, Detail::Plan),
        "the page and the CLI agree pod for pod (names included)"
    );
}

#[test]
fn cluster_edits_survive_a_reapply_of_unchanged_nodes() {
    let mut state = default_state();
    state.update(Action::EditText(TWO_NODES_AND_DS.to_string()));
    state.update(Action::Apply);
    state.update(Action::SetLabel {
        node: NodeName("beta".into()),
        key: "disktype".into(),
        value: "ssd".into(),
    });
    // Editing the DaemonSet only (same Nodes) keeps the label added on the diagram.
    let edited = TWO_NODES_AND_DS.replace("image: busybox", "image: busybox:1.36");
    state.update(Action::EditText(edited));
    state.update(Action::Apply);
    play(&mut state);
    assert_eq!(
        diagram(&state),
        "alpha ssd-agent Running:ready\nbeta ssd-agent Running:ready"
    );
}

#[test]
fn invalid_text_shows_errors_at_their_lines_and_keeps_the_last_valid_cluster() {
    let mut state = default_state();
    play(&mut state);
    let before = diagram(&state);
    let broken = crate::examples::all()
        .iter()
        .find(|e| e.id == "spot-the-mistake")
        .unwrap()
        .yaml();
    state.update(Action::EditText(broken.to_string()));
    state.update(Action::Apply);
    assert!(!state.editor.diagnostics.is_empty());
    assert!(
        state.editor.diagnostics.iter().all(|d| d.line.is_some()),
        "{:?}",
        state.editor.diagnostics
    );
    assert!(state
        .editor
        .diagnostics
        .iter()
        .any(|d| d.message.contains("matchLables")));
    assert!(
        state
            .editor
            .kubectl_stderr
            .starts_with("Error from server (BadRequest): error when creating \"manifest.yaml\""),
        "{}",
        state.editor.kubectl_stderr
    );
    assert_eq!(diagram(&state), before);
    assert!(state.is_settled());
}

#[test]
fn changing_a_selector_is_rejected_as_the_api_server_does() {
    let mut state = default_state();
    let text = default_text().replace("app: monitoring-agent", "app: other");
    state.update(Action::EditText(text));
    state.update(Action::Apply);
    let d = &state.editor.diagnostics;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].field.as_deref(), Some("spec.selector"));
    assert!(
        d[0].message.contains("field is immutable"),
        "{}",
        d[0].message
    );
    assert!(d[0].line.is_some());
    assert!(
        state.editor.kubectl_stderr.starts_with(
            "The DaemonSet \"monitoring-daemon\" is invalid: spec.selector: Invalid value:"
        ),
        "{}",
        state.editor.kubectl_stderr
    );
}

#[test]
fn adding_a_node_makes_a_pod_appear_there() {
    let mut state = default_state();
    play(&mut state);
    state.update(Action::AddNode(NewNode {
        kind: NodeKind::Worker,
        name: NodeName("node-5".into()),
        labels: Labels::new(),
        taints: vec![],
        allocatable: None,
    }));
    assert_eq!(state.selection.node, Some(NodeName("node-5".into())));
    play(&mut state);
    assert!(diagram(&state).ends_with("node-5 monitoring-daemon Running:ready"));
    // A second node with the same name is refused in the API server's words.
    state.update(Action::AddNode(NewNode {
        kind: NodeKind::ControlPlane,
        name: NodeName("node-5".into()),
        labels: Labels::new(),
        taints: vec![],
        allocatable: None,
    }));
    assert_eq!(
        state.notice,
        Some(Notice::Error(
            "Error from server (AlreadyExists): nodes \"node-5\" already exists".into()
        ))
    );
}

#[test]
fn untolerated_no_schedule_keeps_the_pod_as_misscheduled_and_no_execute_evicts_it() {
    let mut state = default_state();
    play(&mut state);
    let node = NodeName("node-1".into());
    state.update(Action::AddTaint {
        node: node.clone(),
        taint: Taint::new("dedicated", "gpu", TaintEffect::NoSchedule),
    });
    play(&mut state);
    assert!(diagram(&state).contains("node-1 monitoring-daemon Running:ready:misscheduled"));
    let ds = &state.sim().daemon_sets()[0].status;
    assert_eq!(
        (ds.desired_number_scheduled, ds.number_misscheduled),
        (3, 1)
    );

    state.update(Action::AddTaint {
        node: node.clone(),
        taint: Taint::new("dedicated", "gpu", TaintEffect::NoExecute),
    });
    let view = cluster_view(state.sim());
    assert_eq!(view.nodes[1].lanes[0].pods[0].look, ChipLook::Terminating);
    play(&mut state);
    assert!(diagram(&state).contains("node-1 monitoring-daemon -"));
}

#[test]
fn cordon_conditions_and_allocatable_reconcile_at_once() {
    let mut state = default_state();
    play(&mut state);
    let node = NodeName("node-3".into());
    state.update(Action::Cordon(node.clone()));
    assert!(state.sim().node("node-3").unwrap().unschedulable);
    state.update(Action::SetCondition {
        node: node.clone(),
        condition: NodeConditionType::Ready,
        status: ConditionStatus::False,
    });
    // Daemon pods tolerate not-ready and unschedulable automatically: the pod stays.
    play(&mut state);
    assert!(diagram(&state).contains("node-3 monitoring-daemon Running"));
    state.update(Action::Uncordon(node.clone()));
    assert!(!state.sim().node("node-3").unwrap().unschedulable);
    let alloc = node_edit::parse_allocatable("1", "1Gi", "1").unwrap();
    state.update(Action::SetAllocatable {
        node: node.clone(),
        allocatable: alloc,
    });
    assert_eq!(
        state
            .sim()
            .node("node-3")
            .unwrap()
            .allocatable
            .as_ref()
            .unwrap()["pods"]
            .value(),
        1
    );
    state.update(Action::RemoveNode(node.clone()));
    assert!(state.sim().node("node-3").is_none());
    state.update(Action::RemoveLabel {
        node,
        key: "x".into(),
    });
    assert_eq!(
        state.notice,
        Some(Notice::Error(
            "Error from server (NotFound): nodes \"node-3\" not found".into()
        ))
    );
}

#[test]
fn invalid_labels_are_refused_with_the_api_message() {
    let mut state = default_state();
    state.update(Action::SetLabel {
        node: NodeName("node-1".into()),
        key: "bad key".into(),
        value: "x".into(),
    });
    match &state.notice {
        Some(Notice::Error(e)) => assert!(
            e.starts_with(
                "The Node \"node-1\" is invalid: metadata.labels: Invalid value: \"bad key\""
            ),
            "{e}"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_example_loads_from_the_menu() {
    for example in crate::examples::all() {
        let mut state = default_state();
        state.update(Action::LoadExample(ExampleId(example.id.to_string())));
        assert_eq!(state.editor.text, example.yaml());
        if example.id == "spot-the-mistake" {
            assert!(!state.editor.diagnostics.is_empty());
        } else {
            assert!(
                state.editor.diagnostics.is_empty(),
                "{}: {:?}",
                example.id,
                state.editor.diagnostics
            );
            play(&mut state);
            assert_eq!(state.sim().daemon_sets().len(), 1, "{}", example.id);
        }
    }
}

#[test]
fn live_apply_waits_for_the_debounce_and_can_be_turned_off() {
    let mut state = default_state();
    state.update(Action::EditText(SSD_DS.to_string()));
    state.update(Action::ApplyIfEdited);
    assert!(!state.editor.dirty());
    state.update(Action::SetLiveApply(false));
    state.update(Action::EditText(default_text()));
    state.update(Action::ApplyIfEdited);
    assert!(state.editor.dirty());
    play(&mut state);
    assert!(
        state.is_settled(),
        "with live apply off, a pending edit does not block settling"
    );
}

#[test]
fn the_eligibility_card_agrees_with_the_cli_report_on_every_node() {
    let mut state = default_state();
    state.update(Action::LoadExample(ExampleId(
        "fluentd-elasticsearch".into(),
    )));
    state.update(Action::AddTaint {
        node: NodeName("node-2".into()),
        taint: Taint::new("dedicated", "gpu", TaintEffect::NoExecute),
    });
    state.update(Action::SetLabel {
        node: NodeName("node-3".into()),
        key: "disktype".into(),
        value: "ssd".into(),
    });
    play(&mut state);
    let ds = state.sim().daemon_sets()[0].clone();
    let card = eligibility_card(state.sim(), &ds, state.sim().node("node-1").unwrap());
    assert!(
        card.rows
            .iter()
            .any(|r| r.api_text == "cpu: 100m, memory: 200Mi"),
        "requests print as quantities: {:?}",
        card.rows
    );
    for report in daemon_set_reports(state.sim(), Detail::Plan) {
        let key = DaemonSetKey::new(report.namespace.clone(), report.name.clone());
        let ds = state.sim().daemon_set(&key).unwrap();
        for node_report in &report.nodes {
            let node = state.sim().node(&node_report.node).unwrap();
            let card = eligibility_card(state.sim(), ds, node);
            assert_eq!(card.should_run, node_report.should_run, "{}", node.name);
            assert_eq!(
                card.should_continue_running, node_report.should_continue_running,
                "{}",
                node.name
            );
            assert_eq!(card.reason, node_report.reason, "{}", node.name);
            assert_eq!(
                card.pod.as_ref().map(|p| p.name.clone()),
                node_report.pod.as_ref().map(|p| p.name.clone())
            );
        }
    }
}

#[test]
fn a_pending_pod_shows_the_scheduler_reason() {
    let mut state = default_state();
    state.update(Action::LoadExample(ExampleId("big-cache".into())));
    play(&mut state);
    let view = cluster_view(state.sim());
    let pending: Vec<_> = view
        .nodes
        .iter()
        .flat_map(|n| &n.lanes)
        .flat_map(|l| &l.pods)
        .filter(|p| p.phase == PodPhase::Pending)
        .collect();
    assert!(!pending.is_empty(), "{}", diagram(&state));
    for p in pending {
        assert_eq!(p.look, ChipLook::Pending);
        assert!(
            p.reason
                .as_deref()
                .is_some_and(|r| r.contains("Insufficient")),
            "{:?}",
            p.reason
        );
    }
}
