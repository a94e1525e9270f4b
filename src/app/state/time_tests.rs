//! Time in the page (issue 4), natively: playback speed, failing a pod, undo/redo, the
//! timeline's replay (same edits, same cluster, from any checkpoint), and the scenario export
//! replayed by the CLI's runner and imported back.

use super::*;
use crate::app::cluster_view::{cluster_view, Revision};
use crate::app::report::{daemon_set_reports, Detail};
use crate::app::scenario::{parse_scenario, Replay};
use crate::model::{NodeConditionType, PodPhase};

fn default_state() -> AppState {
    AppState::new(Init::text(default_text()))
}

/// Plays until nothing is due, as the page's timer does.
fn play(state: &mut AppState) {
    for _ in 0..5_000 {
        if state.is_settled() {
            return;
        }
        state.update(Action::Tick);
    }
    panic!("the simulation did not settle");
}

/// Everything the page shows of the cluster, comparable.
fn picture(state: &AppState) -> String {
    format!(
        "{:?}\n{:?}\n{}",
        daemon_set_reports(state.sim(), Detail::Run),
        cluster_view(state.sim()),
        state.sim().events().len()
    )
}

fn pod_names(state: &AppState) -> Vec<String> {
    let mut names: Vec<String> = state.sim().pods().map(|p| p.name.clone()).collect();
    names.sort();
    names
}

/// Edits the default DaemonSet's image in the editor and applies it (a template change).
fn change_image(state: &mut AppState) {
    let text = state
        .editor
        .text
        .replace("image: nginx", "image: nginx:1.27");
    state.update(Action::EditText(text));
    state.update(Action::Apply);
}

fn node(name: &str) -> NodeName {
    NodeName(name.to_string())
}

#[test]
fn speed_sets_the_simulated_time_of_a_tick() {
    let mut state = default_state();
    assert_eq!(state.speed, Speed::Five);
    let t0 = state.sim().now();
    state.update(Action::Tick);
    assert_eq!(state.sim().now().0 - t0.0, 1_000);
    state.update(Action::SetSpeed(Speed::Quarter));
    let t1 = state.sim().now();
    state.update(Action::Tick);
    assert_eq!(state.sim().now().0 - t1.0, 50);
    assert_eq!(Speed::parse("20"), Some(Speed::Twenty));
    assert_eq!(Speed::parse("0.25x"), Some(Speed::Quarter));
    assert_eq!(Speed::parse("3"), None);
    // A settled cluster keeps its clock.
    play(&mut state);
    let t2 = state.sim().now();
    state.update(Action::Tick);
    assert_eq!(state.sim().now(), t2);
}

#[test]
fn a_failed_pod_is_replaced_after_the_back_off_with_events_r2_5() {
    let mut state = default_state();
    play(&mut state);
    let pod = state
        .sim()
        .pods()
        .find(|p| p.spec.node_name.as_deref() == Some("node-1"))
        .expect("a pod on node-1")
        .clone();
    state.update(Action::FailPod {
        namespace: pod.namespace.clone(),
        name: pod.name.clone(),
    });
    // The controller sees the failure at once: the pod is Failed (and being deleted).
    let failed = state.sim().pod(&pod.namespace, &pod.name);
    assert!(failed.is_none_or(|p| p.status.phase == PodPhase::Failed));
    play(&mut state);
    assert!(state
        .sim()
        .events()
        .iter()
        .any(|e| e.reason == "FailedDaemonPod" && e.message.contains(&pod.name)));
    let on_node: Vec<_> = state
        .sim()
        .pods()
        .filter(|p| p.spec.node_name.as_deref() == Some("node-1"))
        .collect();
    assert_eq!(on_node.len(), 1);
    assert_ne!(on_node[0].name, pod.name);
    assert!(on_node[0].status.ready);
}

#[test]
fn undo_restores_the_cluster_and_redo_reapplies_the_edit() {
    let mut state = default_state();
    play(&mut state);
    let before = picture(&state);
    let names = pod_names(&state);
    assert!(
        !state.can_undo()
            || state
                .history_entries()
                .iter()
                .all(|e| !e.edit.is_user_edit())
    );
    state.update(Action::AddTaint {
        node: node("node-2"),
        taint: Taint::new("maintenance", "", TaintEffect::NoExecute),
    });
    play(&mut state);
    assert_eq!(pod_names(&state).len(), names.len() - 1);
    let after = picture(&state);
    assert!(state.can_undo());
    state.update(Action::Undo);
    assert_eq!(picture(&state), before);
    assert_eq!(pod_names(&state), names);
    assert!(!state.playing, "undo pauses playback");
    assert!(state.can_redo());
    state.update(Action::Redo);
    // Redo goes to just after the edit; the clock moves recorded after it follow on seek.
    assert!(state
        .sim()
        .node("node-2")
        .unwrap()
        .taints
        .iter()
        .any(|t| t.key == "maintenance"));
    state.update(Action::Seek(state.history_entries().len()));
    assert_eq!(picture(&state), after);
}

#[test]
fn undo_restores_the_editor_text_of_an_apply() {
    let mut state = default_state();
    play(&mut state);
    let text = state.editor.text.clone();
    let before = picture(&state);
    state.update(Action::EditText(
        text.replace("image: nginx", "image: nginx:1.27"),
    ));
    state.update(Action::Apply);
    play(&mut state);
    assert_ne!(picture(&state), before);
    state.update(Action::Undo);
    assert_eq!(state.editor.text, text);
    assert!(!state.editor.dirty());
    assert_eq!(picture(&state), before);
}

#[test]
fn a_new_edit_in_the_past_drops_the_future() {
    let mut state = default_state();
    play(&mut state);
    state.update(Action::Cordon(node("node-1")));
    state.update(Action::RemoveNode(node("node-3")));
    play(&mut state);
    state.update(Action::Undo);
    state.update(Action::Undo);
    assert!(state.can_redo());
    state.update(Action::SetLabel {
        node: node("node-2"),
        key: "disk".into(),
        value: "ssd".into(),
    });
    assert!(!state.can_redo());
    assert!(state.sim().node("node-3").is_some());
    assert!(!state.sim().node("node-1").unwrap().unschedulable);
}

/// A session with edits of every kind and playback between them; returns the picture at every
/// history position as it was shown live.
fn session(state: &mut AppState) -> Vec<(usize, String)> {
    let mut shown = vec![(state.history_cursor(), picture(state))];
    let tick = |state: &mut AppState, n: usize, shown: &mut Vec<(usize, String)>| {
        for _ in 0..n {
            state.update(Action::Tick);
            shown.push((state.history_cursor(), picture(state)));
        }
    };
    let edits = vec![
        Action::AddTaint {
            node: node("node-1"),
            taint: Taint::new("dedicated", "gpu", TaintEffect::NoSchedule),
        },
        Action::SetCondition {
            node: node("node-2"),
            condition: NodeConditionType::Ready,
            status: ConditionStatus::False,
        },
        Action::AddNode(NewNode {
            kind: NodeKind::Worker,
            name: node("node-5"),
            labels: [("disk".to_string(), "ssd".to_string())]
                .into_iter()
                .collect(),
            taints: vec![],
            allocatable: node_edit::parse_allocatable("2", "4Gi", "").unwrap(),
        }),
        Action::AddNode(NewNode {
            kind: NodeKind::Custom,
            name: node("edge-1"),
            labels: Labels::new(),
            taints: vec![Taint::new("edge", "", TaintEffect::NoExecute)],
            allocatable: None,
        }),
        Action::SetLabel {
            node: node("node-3"),
            key: "zone".into(),
            value: "b".into(),
        },
        Action::Cordon(node("node-4")),
        Action::SetAllocatable {
            node: node("node-4"),
            allocatable: node_edit::parse_allocatable("100m", "", "").unwrap(),
        },
        Action::RemoveLabel {
            node: node("node-3"),
            key: "zone".into(),
        },
        Action::RemoveTaint {
            node: node("node-1"),
            key: "dedicated".into(),
            effect: TaintEffect::NoSchedule,
        },
        Action::Uncordon(node("node-4")),
        Action::SetCondition {
            node: node("node-2"),
            condition: NodeConditionType::Ready,
            status: ConditionStatus::True,
        },
        Action::RemoveNode(node("edge-1")),
    ];
    tick(state, 30, &mut shown);
    for (i, edit) in edits.into_iter().enumerate() {
        state.update(edit);
        shown.push((state.history_cursor(), picture(state)));
        tick(state, 3 + i % 5, &mut shown);
        if i == 4 {
            let pod = state
                .sim()
                .pods()
                .find(|p| p.spec.node_name.as_deref() == Some("node-3") && !p.is_terminating())
                .map(|p| (p.namespace.clone(), p.name.clone()))
                .expect("a pod on node-3");
            state.update(Action::FailPod {
                namespace: pod.0,
                name: pod.1,
            });
            shown.push((state.history_cursor(), picture(state)));
        }
        if i == 6 {
            change_image(state);
            shown.push((state.history_cursor(), picture(state)));
        }
    }
    state.update(Action::SettleNow);
    shown.push((state.history_cursor(), picture(state)));
    shown
}

#[test]
fn the_timeline_replays_any_moment_exactly_as_it_was_shown() {
    let mut state = default_state();
    let shown = session(&mut state);
    let len = state.history_entries().len();
    assert!(len > 20, "a long session: {len} entries");
    // The picture at each position is the last one shown there (clock moves merge).
    let mut at: std::collections::BTreeMap<usize, String> = Default::default();
    for (position, picture) in shown {
        at.insert(position, picture);
    }
    // Back and forth across the whole timeline, from checkpoints.
    let mut order: Vec<usize> = at.keys().copied().collect();
    order.reverse();
    order.extend([len / 2, 1, len, len / 3, 0]);
    for position in order {
        if let Some(expected) = at.get(&position) {
            state.update(Action::Seek(position));
            assert_eq!(state.history_cursor(), position);
            assert_eq!(&picture(&state), expected, "position {position} of {len}");
        }
    }
    assert!(state.history.checkpoint_count() <= len / super::super::history::CHECKPOINT_EVERY + 1);
}

#[test]
fn playback_merges_clock_moves_into_one_entry() {
    let mut state = default_state();
    play(&mut state);
    assert_eq!(
        state.history_entries().len(),
        1,
        "{:?}",
        state.history_entries()
    );
    assert!(matches!(state.history_entries()[0].edit, Edit::Clock(_)));
}

#[test]
fn the_export_replays_in_the_cli_runner_to_the_same_cluster_and_imports_back() {
    let mut state = default_state();
    session(&mut state);
    let expected = daemon_set_reports(state.sim(), Detail::Run);
    let expected_time = state.sim().now();
    let text = state.export_scenario();
    let scenario = parse_scenario(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert!(scenario
        .steps
        .iter()
        .any(|s| s.text.starts_with("node add edge-1 --custom")));
    assert!(scenario
        .steps
        .iter()
        .any(|s| s.text.starts_with("node allocatable node-4 --cpu 100m")));
    assert!(scenario
        .steps
        .iter()
        .any(|s| s.text.starts_with("pod fail ")));
    let replay = Replay::run(&scenario);
    assert_eq!(replay.failure, None, "{text}");
    assert_eq!(replay.sim.now(), expected_time);
    assert_eq!(
        daemon_set_reports(&replay.sim, Detail::Run),
        expected,
        "{text}"
    );

    // Import: the objects first, then step through to the end.
    let mut imported = default_state();
    imported.update(Action::ImportScenario(text.clone()));
    assert_eq!(imported.notice, None);
    assert_eq!(imported.history_cursor(), 0);
    assert_eq!(imported.history_entries().len(), scenario.steps.len());
    while imported.can_redo() {
        imported.update(Action::Redo);
    }
    imported.update(Action::Seek(imported.history_entries().len()));
    assert_eq!(daemon_set_reports(imported.sim(), Detail::Run), expected);
    // And exporting the import gives the same file.
    assert_eq!(imported.export_scenario(), text);
}

#[test]
fn an_export_after_a_rebuild_starts_from_the_rebuilt_cluster() {
    let mut state = default_state();
    play(&mut state);
    state.update(Action::Cordon(node("node-1")));
    state.update(Action::ResetCluster);
    state.update(Action::SetLabel {
        node: node("node-2"),
        key: "a".into(),
        value: "b".into(),
    });
    play(&mut state);
    let text = state.export_scenario();
    let scenario = parse_scenario(&text).unwrap();
    assert!(
        !scenario.steps.iter().any(|s| s.text.contains("cordon")),
        "{text}"
    );
    let replay = Replay::run(&scenario);
    assert_eq!(replay.failure, None);
    assert_eq!(
        daemon_set_reports(&replay.sim, Detail::Run),
        daemon_set_reports(state.sim(), Detail::Run)
    );
}

#[test]
fn an_imported_scenario_steps_with_captions() {
    let scenario = r#"kind: Scenario
version: 1
title: { en: Taint a worker, ko: 워커 노드에 테인트 걸기 }
seed: 7
objects: |
  apiVersion: v1
  kind: Node
  metadata: { name: node-1 }
  ---
  apiVersion: apps/v1
  kind: DaemonSet
  metadata: { name: agent }
  spec:
    selector: { matchLabels: { app: agent } }
    template:
      metadata: { labels: { app: agent } }
      spec:
        containers: [{ name: a, image: busybox }]
steps:
  - do: settle
  - caption: { en: NoExecute evicts, ko: NoExecute는 내보낸다 }
    do: kubectl taint nodes node-1 k=v:NoExecute
  - do: settle
"#;
    let mut state = default_state();
    state.update(Action::ImportScenario(scenario.to_string()));
    assert_eq!(state.notice, None);
    assert_eq!(
        state.scenario_title().and_then(|t| t.text("ko")),
        Some("워커 노드에 테인트 걸기")
    );
    assert_eq!(state.sim().nodes().len(), 1);
    assert_eq!(state.caption(), None);
    state.update(Action::Redo);
    state.update(Action::Redo);
    assert_eq!(
        state.caption().and_then(|c| c.text("en")),
        Some("NoExecute evicts")
    );
    state.update(Action::Redo);
    assert_eq!(state.sim().pods().count(), 0);
    assert!(!state.can_redo());
    // A broken file is a notice; the cluster stays.
    state.update(Action::ImportScenario("kind: Nope\nversion: 1\n".into()));
    assert!(matches!(&state.notice, Some(Notice::Error(e)) if e.contains("kind must be")));
    assert_eq!(state.sim().nodes().len(), 1);
}

#[test]
fn a_long_session_stays_bounded() {
    let mut state = default_state();
    for i in 0..300 {
        let key = format!("k{}", i % 7);
        state.update(Action::SetLabel {
            node: node("node-1"),
            key,
            value: i.to_string(),
        });
        state.update(Action::Tick);
    }
    let len = state.history_entries().len();
    assert!(len <= 600);
    assert!(state.history.checkpoint_count() <= len / super::super::history::CHECKPOINT_EVERY + 1);
    // Going back to the start replays from the base, and forward from the last checkpoint.
    state.update(Action::Seek(1));
    state.update(Action::Seek(len));
    assert_eq!(
        state
            .sim()
            .node("node-1")
            .unwrap()
            .labels
            .get("k5")
            .map(String::as_str),
        Some("299")
    );
}

const TOLERATES_NO_EXECUTE_30S: &str = "apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: { app: agent }
  template:
    metadata:
      labels: { app: agent }
    spec:
      tolerations:
      - operator: Exists
        effect: NoExecute
        tolerationSeconds: 30
      containers:
      - name: agent
        image: busybox
";

fn chips_on(state: &AppState, node_name: &str) -> Vec<crate::app::cluster_view::PodChip> {
    cluster_view(state.sim())
        .nodes
        .iter()
        .find(|n| n.name.0 == node_name)
        .map(|n| n.lanes.iter().flat_map(|l| l.pods.clone()).collect())
        .unwrap_or_default()
}

/// T12, R8.1: a pod tolerating every NoExecute taint for 30 s shows the seconds left once its
/// node is unreachable, is evicted, and the DaemonSet creates it again (the countdown starts
/// over). The empty-key toleration matters: one keyed `node.kubernetes.io/unreachable` is
/// replaced by the controller's own infinite toleration (R1.7), so it would never count down.
#[test]
fn the_toleration_seconds_countdown_shows_on_the_chip_t12() {
    let mut state = AppState::new(Init::text(TOLERATES_NO_EXECUTE_30S));
    play(&mut state);
    let first = chips_on(&state, "node-2");
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].evict_in, None);
    state.update(Action::SetCondition {
        node: node("node-2"),
        condition: NodeConditionType::Ready,
        status: ConditionStatus::Unknown,
    });
    assert_eq!(chips_on(&state, "node-2")[0].evict_in, Some(30));
    state.update(Action::SetSpeed(Speed::Twenty));
    state.update(Action::Tick);
    assert_eq!(chips_on(&state, "node-2")[0].evict_in, Some(26));
    for _ in 0..8 {
        state.update(Action::Tick);
    }
    // Evicted at 30 s; the kubelet of an unreachable node never confirms, so it stays
    // Terminating (R8.2) and no replacement comes.
    let chips = chips_on(&state, "node-2");
    assert_eq!(chips.len(), 1);
    assert_eq!(
        chips[0].look,
        crate::app::cluster_view::ChipLook::Terminating
    );
    assert_eq!(chips[0].evict_in, None);

    // On a reachable node with a NoExecute taint the loop goes on: evicted, recreated, evicted.
    state.update(Action::AddTaint {
        node: node("node-3"),
        taint: Taint::new("k", "v", TaintEffect::NoExecute),
    });
    assert_eq!(chips_on(&state, "node-3")[0].evict_in, Some(30));
    let mut names = vec![chips_on(&state, "node-3")[0].name.clone()];
    for _ in 0..60 {
        state.update(Action::Tick);
        for chip in chips_on(&state, "node-3") {
            if !names.contains(&chip.name) {
                names.push(chip.name);
            }
        }
    }
    assert!(
        names.len() >= 3,
        "evicted and recreated again and again: {names:?}"
    );
}

/// R3.2, R3.4: chips tell old from new revision, and the legend's budget is in use.
#[test]
fn a_rolling_update_shows_revisions_and_its_budget() {
    let mut state = default_state();
    play(&mut state);
    let view = cluster_view(state.sim());
    let budget = view.daemon_sets[0].budget.clone().expect("RollingUpdate");
    assert_eq!((budget.max_unavailable, budget.max_surge), (1, 0));
    assert!(!budget.rolling);
    change_image(&mut state);
    let mut max_unavailable_seen = 0;
    let mut saw_mixed = false;
    for _ in 0..5_000 {
        if state.is_settled() {
            break;
        }
        let view = cluster_view(state.sim());
        let b = view.daemon_sets[0].budget.clone().unwrap();
        max_unavailable_seen = max_unavailable_seen.max(b.unavailable);
        let revisions: Vec<Revision> = view
            .nodes
            .iter()
            .flat_map(|n| n.lanes[0].pods.iter().map(|p| p.revision))
            .collect();
        saw_mixed |= revisions.contains(&Revision::Old) && revisions.contains(&Revision::Current);
        state.update(Action::Tick);
    }
    assert!(saw_mixed);
    assert_eq!(max_unavailable_seen, 1);
    let view = cluster_view(state.sim());
    assert!(!view.daemon_sets[0].budget.as_ref().unwrap().rolling);
    assert!(view
        .nodes
        .iter()
        .flat_map(|n| n.lanes[0].pods.iter())
        .all(|p| p.revision == Revision::Current));
}

/// R2.5: a repeat failure within the back-off window stays Failed until the window ends.
#[test]
fn a_repeat_failure_waits_for_the_back_off_r2_5() {
    let mut state = default_state();
    play(&mut state);
    state.update(Action::SetPlaying(false));
    let on_node_1 = |s: &AppState| {
        s.sim()
            .pods()
            .filter(|p| p.spec.node_name.as_deref() == Some("node-1"))
            .map(|p| (p.name.clone(), p.status.phase))
            .collect::<Vec<_>>()
    };
    let a = on_node_1(&state)[0].0.clone();
    state.update(Action::FailPod {
        namespace: "default".into(),
        name: a.clone(),
    });
    // The first failure is deleted at once and replaced.
    let b = on_node_1(&state);
    assert_eq!(b.len(), 1);
    assert_ne!(b[0].0, a);
    state.update(Action::FailPod {
        namespace: "default".into(),
        name: b[0].0.clone(),
    });
    assert_eq!(on_node_1(&state), vec![(b[0].0.clone(), PodPhase::Failed)]);
    state.update(Action::Step);
    let c = on_node_1(&state);
    assert_eq!(c.len(), 1);
    assert_ne!(c[0].0, b[0].0);
    assert_eq!(state.sim().now().0, 5_000, "after the 1 s back-off");
}

#[test]
fn the_terminal_describes_without_recording_and_records_what_changes_the_cluster() {
    let mut state = default_state();
    play(&mut state);
    let entries = state.history_entries().len();
    let before = picture(&state);

    // kubectl describe: read-only, printed, not an edit.
    state.update(Action::RunCommand(
        "kubectl describe ds monitoring-daemon".into(),
    ));
    let describe = state.terminal.last().expect("an entry").clone();
    assert!(!describe.failed, "{}", describe.transcript);
    assert!(
        describe
            .transcript
            .starts_with("Name:           monitoring-daemon\n"),
        "{}",
        describe.transcript
    );
    assert!(describe
        .transcript
        .contains("Desired Number of Nodes Scheduled: 4"));
    assert_eq!(state.history_entries().len(), entries);
    assert_eq!(picture(&state), before);

    let has_gpu_taint = |state: &AppState| {
        let node = state.sim().node("node-1").expect("node-1");
        node.taints.iter().any(|t| t.key == "gpu")
    };
    // kubectl taint: an edit, printed as kubectl prints it, undone like any edit.
    state.update(Action::RunCommand(
        "  kubectl taint nodes node-1 gpu=true:NoExecute ".into(),
    ));
    let taint = state.terminal.last().expect("an entry").clone();
    assert_eq!(
        taint.command,
        "kubectl taint nodes node-1 gpu=true:NoExecute"
    );
    assert_eq!(taint.transcript, "node/node-1 tainted\n");
    assert!(!taint.failed);
    assert_eq!(state.history_entries().len(), entries + 1);
    assert!(has_gpu_taint(&state));
    assert!(state
        .export_scenario()
        .contains("kubectl taint nodes node-1 gpu=true:NoExecute"));
    state.update(Action::Undo);
    assert!(!has_gpu_taint(&state));

    // Errors in kubectl's words, nothing recorded.
    let entries = state.history_entries().len();
    state.update(Action::RunCommand("kubectl describe ds nope".into()));
    let missing = state.terminal.last().expect("an entry").clone();
    assert!(missing.failed);
    assert_eq!(
        missing.transcript,
        "Error from server (NotFound): daemonsets.apps \"nope\" not found\n"
    );
    state.update(Action::RunCommand("kubectl frobnicate".into()));
    assert!(state.terminal.last().expect("an entry").failed);
    assert_eq!(state.history_entries().len(), entries);
    assert_eq!(state.terminal.len(), 4);

    state.update(Action::ClearTerminal);
    assert!(state.terminal.is_empty());
    for i in 0..TERMINAL_KEPT + 5 {
        state.update(Action::RunCommand(format!("kubectl get ds # {i}")));
    }
    assert_eq!(state.terminal.len(), TERMINAL_KEPT);
}
