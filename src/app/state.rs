//! The page's headless state and its reducer: `AppState::update(Action)` is the only way the
//! page changes anything. It holds the editor text and its diagnostics, the simulation, the
//! selection, playback and display preferences; every cluster edit reconciles at once through
//! `Simulation::apply`.
//!
//! What the editor holds (the page's contract): the editor is `kubectl apply -f` of its text.
//! - DaemonSets and Pods in the text are the cluster's: new ones are created, changed ones
//!   updated (a template change rolls out), ones no longer in the text are pruned.
//! - Nodes in the text define the cluster: when the text's Nodes differ from those of the last
//!   apply, the cluster is rebuilt from the text alone, exactly as the CLI's `plan` loads it (the
//!   same objects in the same order on a fresh simulation with the same seed), so that the page
//!   and the CLI agree pod for pod. Without Nodes in the text the current nodes stay: the default
//!   cluster, edited on the diagram (add/remove nodes, labels, taints, cordon, conditions,
//!   allocatable).
//! - Text with any error applies nothing: the diagnostics are shown at their lines and the last
//!   valid cluster stays.
//!
//! Deliberately absent: the DOM, timers, storage and the wall clock. The UI's hooks call
//! `Action::Tick` on a timer, persist the text, and read the browser's language; all of it is
//! data here, so every behaviour is tested natively.

use super::editor_input::{self, EditorDiagnostic, EditorObjects};
use super::history::{Edit, Entry, History};
use super::load;
use super::node_edit::{self, NodeKind};
use super::scenario::Caption;
use super::session::Origin;
use crate::command::{CascadeFlag, PodTarget, Step};
use crate::engine::{Cascade, Command, Simulation, Timing};
use crate::i18n::Lang;
use crate::manifest::Object;
use crate::model::{
    ConditionStatus, DaemonSet, DaemonSetKey, Labels, Node, NodeConditionType, NodeName, Quantity,
    ResourceList, SimDuration, Taint, TaintEffect,
};
use std::rc::Rc;

/// The seed of every simulation the page builds, the CLI's default (`plan --seed`).
pub const DEFAULT_SEED: u64 = 1;

/// The example the page opens with: the course notes' first DaemonSet.
pub const DEFAULT_EXAMPLE: &str = crate::examples::DEFAULT_EXAMPLE;

/// The examples menu's entries.
pub fn examples() -> &'static [crate::examples::Example] {
    crate::examples::all()
}

/// The editor's text on a first visit: the default example's manifest.
pub fn default_text() -> String {
    crate::examples::DEFAULT_EXAMPLE_YAML.to_string()
}

/// The page's colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        [Theme::System, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.as_str() == text)
    }
}

/// Playback speed: simulated seconds per wall-clock second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Speed {
    Quarter,
    Half,
    One,
    Two,
    #[default]
    Five,
    Ten,
    Twenty,
}

/// Wall-clock milliseconds between two playback ticks (the UI's timer).
pub const TICK_WALL_MS: u64 = 200;

impl Speed {
    pub const ALL: [Speed; 7] = [
        Speed::Quarter,
        Speed::Half,
        Speed::One,
        Speed::Two,
        Speed::Five,
        Speed::Ten,
        Speed::Twenty,
    ];

    /// Simulated milliseconds per wall-clock second.
    pub fn per_second_ms(self) -> u64 {
        match self {
            Speed::Quarter => 250,
            Speed::Half => 500,
            Speed::One => 1_000,
            Speed::Two => 2_000,
            Speed::Five => 5_000,
            Speed::Ten => 10_000,
            Speed::Twenty => 20_000,
        }
    }

    /// The simulated time one tick moves the clock.
    pub fn tick_span(self) -> SimDuration {
        SimDuration(self.per_second_ms() * TICK_WALL_MS / 1_000)
    }

    /// `0.25`, `1`, `20`: the select's value and the `?speed=` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Speed::Quarter => "0.25",
            Speed::Half => "0.5",
            Speed::One => "1",
            Speed::Two => "2",
            Speed::Five => "5",
            Speed::Ten => "10",
            Speed::Twenty => "20",
        }
    }

    pub fn parse(text: &str) -> Option<Speed> {
        let text = text.trim().trim_end_matches(['x', '×']);
        Speed::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// An example's id (`examples::Example::id`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExampleId(pub String);

/// A node the user adds from the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct NewNode {
    pub kind: NodeKind,
    pub name: NodeName,
    /// Extra labels, on top of the kind's preset.
    pub labels: Labels,
    /// Extra taints, on top of the kind's preset.
    pub taints: Vec<Taint>,
    /// `None`: no resource limit.
    pub allocatable: Option<ResourceList>,
}

/// Everything the page can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The editor's text changed (typing).
    EditText(String),
    /// Apply the editor's text (Apply button, Ctrl/Cmd+Enter, a paste).
    Apply,
    /// Apply the text if it changed since the last apply and live apply is on (the debounce).
    ApplyIfEdited,
    SetLiveApply(bool),
    /// The page's manifest reader module loaded (`app::reader`): apply a text that waited for it.
    ReaderReady,
    /// Replace the text with an example's and apply it.
    LoadExample(ExampleId),
    /// A fresh default cluster, then the editor's text applied to it.
    ResetCluster,
    AddNode(NewNode),
    RemoveNode(NodeName),
    SetLabel {
        node: NodeName,
        key: String,
        value: String,
    },
    RemoveLabel {
        node: NodeName,
        key: String,
    },
    AddTaint {
        node: NodeName,
        taint: Taint,
    },
    RemoveTaint {
        node: NodeName,
        key: String,
        effect: TaintEffect,
    },
    Cordon(NodeName),
    Uncordon(NodeName),
    SetCondition {
        node: NodeName,
        condition: NodeConditionType,
        status: ConditionStatus,
    },
    SetAllocatable {
        node: NodeName,
        allocatable: Option<ResourceList>,
    },
    /// The pod's container exits with an error (`pod fail`).
    FailPod {
        namespace: String,
        name: String,
    },
    SelectNode(Option<NodeName>),
    SelectDaemonSet(Option<DaemonSetKey>),
    /// The playback timer, when playing: the clock moves by the speed's tick span while
    /// something is due; in the past of the timeline, the next recorded entry replays.
    Tick,
    /// One step, playing or not.
    Step,
    /// Move the clock by a fixed span.
    Advance(SimDuration),
    /// Run until nothing is due any more (bounded like the CLI's settle).
    SettleNow,
    SetPlaying(bool),
    SetSpeed(Speed),
    /// Back to just before the last edit (and the editor text that went with it).
    Undo,
    /// Forward to just after the next undone edit.
    Redo,
    /// The timeline: show the cluster at this position of the recorded history.
    Seek(usize),
    /// Load a scenario file (its objects, then its steps to step through).
    ImportScenario(String),
    /// Run one command of the step language (kubectl get/describe/rollout/taint/…) typed into
    /// the page's terminal; a command that changes the cluster is recorded like any edit.
    RunCommand(String),
    ClearTerminal,
    SetLanguage(Lang),
    SetTheme(Theme),
    /// The label compact tiles are grouped by (`None`: no grouping).
    SetGroupBy(Option<String>),
    DismissNotice,
}

/// A message about the last action, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// An API or kubectl error, in their (English) words.
    Error(String),
}

/// The editor: its text, what was last applied, and the outcome.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EditorState {
    pub text: String,
    /// Bumped on every text change (the persistence and debounce hooks key on it).
    pub text_revision: u64,
    /// The text the last apply ran on, valid or not.
    pub applied_text: Option<String>,
    /// Diagnostics of the last apply; empty when it was valid.
    pub diagnostics: Vec<EditorDiagnostic>,
    /// kubectl apply's output lines for the last valid apply (`daemonset.apps/x created`).
    pub apply_output: Vec<String>,
    /// kubectl apply's stderr for the last invalid apply (empty after a valid one).
    pub kubectl_stderr: String,
    /// Whether edits apply by themselves after a pause.
    pub live_apply: bool,
    /// What waits for the page's manifest reader module (`app::reader`) to load.
    pub awaiting_reader: Option<AwaitingReader>,
}

/// An edit that waits for the page's manifest reader module (`app::reader`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AwaitingReader {
    /// Applying the editor's text.
    Apply,
    /// Loading this example.
    Example(ExampleId),
}

impl EditorState {
    /// The text changed since the last apply.
    pub fn dirty(&self) -> bool {
        self.applied_text.as_deref() != Some(self.text.as_str())
    }
}

/// The selected node and DaemonSet (the eligibility card's pair).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Selection {
    pub node: Option<NodeName>,
    pub daemon_set: Option<DaemonSetKey>,
}

/// What the editor's last valid apply put into the cluster, to compute the next apply's changes.
#[derive(Clone, Debug, PartialEq, Default)]
struct Applied {
    /// The text's Nodes, when it had any.
    nodes: Option<Vec<Node>>,
    /// The text's Pods (namespace, name), pruned when they leave the text.
    pods: Vec<(String, String)>,
}

/// The page's whole state.
#[derive(Clone, Debug)]
pub struct AppState {
    pub editor: EditorState,
    sim: Rc<Simulation>,
    /// Bumped on every change of the simulation (view models are memoised on it).
    revision: u64,
    pub selection: Selection,
    pub playing: bool,
    pub speed: Speed,
    pub lang: Lang,
    pub theme: Theme,
    pub group_by: Option<String>,
    pub notice: Option<Notice>,
    applied: Applied,
    /// The default cluster's nodes (`examples::DEFAULT_CLUSTER`), for a reset.
    base_nodes: Rc<Vec<Node>>,
    seed: u64,
    timing: Timing,
    history: History<Snapshot>,
    /// Where the history starts (for the export).
    origin: Origin,
    /// The page's kubectl terminal: the commands typed and what they printed, oldest first.
    pub terminal: Rc<Vec<TerminalEntry>>,
}

/// One command typed into the page's kubectl terminal and what kubectl printed for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TerminalEntry {
    pub command: String,
    /// Standard output, standard error and the error, as a terminal shows them.
    pub transcript: String,
    /// kubectl would exit 1.
    pub failed: bool,
}

/// How many terminal entries the page keeps.
pub const TERMINAL_KEPT: usize = 50;

/// What undo and the timeline restore: the cluster and the editor that went with it.
#[derive(Clone, Debug)]
struct Snapshot {
    sim: Rc<Simulation>,
    applied: Applied,
    editor: EditorState,
}

/// What applying one edit did, for its history entry.
#[derive(Default)]
struct Outcome {
    rebuild: bool,
    pruned: Vec<String>,
    /// What a step printed and whether it failed (scenario and terminal steps).
    transcript: Option<(String, bool)>,
}

/// How the page starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Init {
    /// The editor text: the saved one, else the default example's.
    pub text: String,
    pub lang: Lang,
    pub theme: Theme,
}

impl Init {
    /// An initial state with the page's defaults for everything but the text.
    pub fn text(text: impl Into<String>) -> Init {
        Init {
            text: text.into(),
            lang: Lang::En,
            theme: Theme::System,
        }
    }
}

/// The most simulated time one `SettleNow` may run, as the CLI's settle.
const SETTLE_LIMIT: SimDuration = SimDuration(600_000);

impl AppState {
    /// The page's first state: the default cluster with `init.text` applied to it.
    pub fn new(init: Init) -> AppState {
        let base = super::reader::read_editor(crate::examples::DEFAULT_CLUSTER).unwrap_or_default();
        debug_assert!(base.diagnostics.is_empty(), "the default cluster is valid");
        Self::with_base_nodes(init, base.nodes())
    }

    /// `new` with explicit base nodes (tests).
    pub fn with_base_nodes(init: Init, base_nodes: Vec<Node>) -> AppState {
        let mut state = AppState {
            editor: EditorState {
                text: init.text,
                live_apply: true,
                ..EditorState::default()
            },
            sim: Rc::new(Simulation::new(DEFAULT_SEED)),
            revision: 0,
            selection: Selection::default(),
            playing: true,
            speed: Speed::default(),
            lang: init.lang,
            theme: init.theme,
            group_by: None,
            notice: None,
            applied: Applied::default(),
            base_nodes: Rc::new(base_nodes),
            seed: DEFAULT_SEED,
            timing: Timing::default(),
            history: History::new(
                Snapshot {
                    sim: Rc::new(Simulation::new(DEFAULT_SEED)),
                    applied: Applied::default(),
                    editor: EditorState::default(),
                },
                crate::model::SimTime(0),
            ),
            origin: Origin::Page {
                text: String::new(),
            },
            terminal: Rc::new(Vec::new()),
        };
        state.reset_cluster();
        state.select_first_unscheduled_node();
        state.origin = Origin::Page {
            text: state.editor.text.clone(),
        };
        state.history = History::new(state.snapshot(), state.sim.now());
        state
    }

    // ----- queries -----

    pub fn sim(&self) -> &Simulation {
        &self.sim
    }

    /// A shared handle on the simulation, for memoised views.
    pub fn sim_rc(&self) -> Rc<Simulation> {
        Rc::clone(&self.sim)
    }

    /// Bumped on every change of the simulation.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Nothing left to do: the simulation has settled and no edit is waiting to be applied.
    /// This is the diagram's `data-settled`.
    pub fn is_settled(&self) -> bool {
        self.sim.is_settled()
            && self.editor.awaiting_reader.is_none()
            && !(self.editor.live_apply && self.editor.dirty())
    }

    /// The DaemonSet the eligibility card shows: the selected one, else the first.
    pub fn card_daemon_set(&self) -> Option<&DaemonSet> {
        let ds = self.sim.daemon_sets();
        self.selection
            .daemon_set
            .as_ref()
            .and_then(|key| self.sim.daemon_set(key))
            .or_else(|| ds.first())
    }

    /// The selected node, if it still exists.
    pub fn selected_node(&self) -> Option<&Node> {
        self.selection
            .node
            .as_ref()
            .and_then(|n| self.sim.node(&n.0))
    }

    // ----- the reducer -----

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::EditText(text) => {
                if text != self.editor.text {
                    self.editor.text = text;
                    self.editor.text_revision += 1;
                }
            }
            Action::Apply => self.edit(Edit::ApplyText {
                text: self.editor.text.clone(),
            }),
            Action::ApplyIfEdited => {
                if self.editor.live_apply && self.editor.dirty() {
                    self.edit(Edit::ApplyText {
                        text: self.editor.text.clone(),
                    });
                }
            }
            Action::SetLiveApply(on) => self.editor.live_apply = on,
            Action::ReaderReady => match self.editor.awaiting_reader.take() {
                Some(AwaitingReader::Apply) => self.edit(Edit::ApplyText {
                    text: self.editor.text.clone(),
                }),
                Some(AwaitingReader::Example(id)) => self.update(Action::LoadExample(id)),
                None => {}
            },
            Action::LoadExample(id) => match super::reader::example_yaml(&id.0) {
                // The page's reader module is still loading: load the example once it is.
                None => self.editor.awaiting_reader = Some(AwaitingReader::Example(id)),
                Some(Some(text)) => {
                    self.edit(Edit::ApplyText { text });
                    self.select_first_unscheduled_node();
                }
                Some(None) => {}
            },
            Action::ResetCluster => self.edit(Edit::Reset {
                text: self.editor.text.clone(),
            }),
            action @ (Action::AddNode(_)
            | Action::RemoveNode(_)
            | Action::SetLabel { .. }
            | Action::RemoveLabel { .. }
            | Action::AddTaint { .. }
            | Action::RemoveTaint { .. }
            | Action::Cordon(_)
            | Action::Uncordon(_)
            | Action::SetCondition { .. }
            | Action::SetAllocatable { .. }
            | Action::FailPod { .. }) => self.edit(Edit::Cluster(action)),
            Action::SelectNode(node) => self.selection.node = node,
            Action::SelectDaemonSet(ds) => self.selection.daemon_set = ds,
            Action::Tick => {
                if self.playing {
                    if self.in_past() {
                        self.seek(self.history.cursor() + 1);
                    } else if !self.sim.is_settled() {
                        self.edit(Edit::Clock(self.speed.tick_span()));
                    }
                }
            }
            Action::Step => self.step(),
            Action::Advance(d) => self.edit(Edit::Clock(d)),
            Action::SettleNow => {
                if !self.sim.is_settled() {
                    self.edit(Edit::Settle);
                }
            }
            Action::SetPlaying(on) => self.playing = on,
            Action::SetSpeed(speed) => self.speed = speed,
            Action::Undo => {
                if let Some(target) = self.history.undo_target() {
                    self.playing = false;
                    self.seek(target);
                }
            }
            Action::Redo => {
                if let Some(target) = self.history.redo_target() {
                    self.playing = false;
                    self.seek(target);
                }
            }
            Action::Seek(position) => {
                self.playing = false;
                self.seek(position);
            }
            Action::ImportScenario(text) => self.import(&text),
            Action::RunCommand(text) => self.run_command(&text),
            Action::ClearTerminal => self.terminal = Rc::new(Vec::new()),
            Action::SetLanguage(lang) => self.lang = lang,
            Action::SetTheme(theme) => self.theme = theme,
            Action::SetGroupBy(label) => self.group_by = label,
            Action::DismissNotice => self.notice = None,
        }
    }

    // ----- history -----

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            sim: Rc::clone(&self.sim),
            applied: self.applied.clone(),
            editor: self.editor.clone(),
        }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        let live_apply = self.editor.live_apply;
        let text_revision = self.editor.text_revision + 1;
        self.sim = snapshot.sim;
        self.applied = snapshot.applied;
        self.editor = snapshot.editor;
        self.editor.live_apply = live_apply;
        self.editor.text_revision = text_revision;
        self.revision += 1;
    }

    /// Applies an edit; when it changed something, records it (dropping any undone future).
    fn edit(&mut self, edit: Edit) {
        self.record(edit);
    }

    /// `edit`, returning what the edit's step printed, if it was a step.
    fn record(&mut self, edit: Edit) -> Option<(String, bool)> {
        let outcome = self.apply_edit(&edit)?;
        if self.in_past() {
            self.history.truncate();
        }
        let entry = Entry {
            edit,
            rebuild: outcome.rebuild,
            pruned: outcome.pruned,
            time: self.sim.now(),
        };
        let (sim, applied, editor) = (&self.sim, &self.applied, &self.editor);
        self.history.push(entry, || Snapshot {
            sim: Rc::clone(sim),
            applied: applied.clone(),
            editor: editor.clone(),
        });
        outcome.transcript
    }

    /// Applies one edit to the current state; `None` when it changed nothing (an error).
    fn apply_edit(&mut self, edit: &Edit) -> Option<Outcome> {
        match edit {
            Edit::ApplyText { text } => {
                if *text != self.editor.text {
                    self.editor.text = text.clone();
                    self.editor.text_revision += 1;
                }
                self.apply_text()
            }
            Edit::Reset { text } => {
                if *text != self.editor.text {
                    self.editor.text = text.clone();
                    self.editor.text_revision += 1;
                }
                self.reset_cluster();
                Some(Outcome {
                    rebuild: true,
                    ..Outcome::default()
                })
            }
            Edit::Cluster(action) => self.cluster_edit(action.clone()).then(Outcome::default),
            Edit::Clock(d) => self.command(Command::Advance(*d)).then(Outcome::default),
            Edit::Settle => self
                .command(Command::Settle {
                    limit: SETTLE_LIMIT,
                })
                .then(Outcome::default),
            Edit::Scenario { step, .. } => {
                let execution = super::exec::execute(self.sim_mut(), step);
                let transcript = (execution.transcript(), execution.error.is_some());
                self.notice = execution.error.map(Notice::Error);
                Some(Outcome {
                    transcript: Some(transcript),
                    ..Outcome::default()
                })
            }
        }
    }

    /// A diagram edit or a pod failure; returns whether it applied.
    fn cluster_edit(&mut self, action: Action) -> bool {
        match action {
            Action::AddNode(new) => self.add_node(new),
            Action::RemoveNode(name) => {
                let done = self.command(Command::DeleteNode {
                    name: name.0.clone(),
                });
                if done && self.selection.node.as_ref() == Some(&name) {
                    self.selection.node = None;
                }
                done
            }
            Action::SetLabel { node, key, value } => {
                match node_edit::check_label(&node.0, &key, &value) {
                    Ok(()) => self.command(Command::SetNodeLabel {
                        node: node.0,
                        key,
                        value: Some(value),
                    }),
                    Err(e) => {
                        self.notice = Some(Notice::Error(e));
                        false
                    }
                }
            }
            Action::RemoveLabel { node, key } => self.command(Command::SetNodeLabel {
                node: node.0,
                key,
                value: None,
            }),
            Action::AddTaint { node, taint } => {
                let mut causes = node_edit::label_key_errors(&taint.key);
                causes.extend(node_edit::label_value_errors(&taint.value));
                if causes.is_empty() {
                    self.command(Command::AddTaint {
                        node: node.0,
                        taint,
                    })
                } else {
                    self.notice = Some(Notice::Error(format!(
                        "The Node \"{}\" is invalid: spec.taints[0].key: Invalid value: \"{}\": {}",
                        node.0,
                        taint.key,
                        causes.join("; ")
                    )));
                    false
                }
            }
            Action::RemoveTaint { node, key, effect } => self.command(Command::RemoveTaint {
                node: node.0,
                key,
                effect: Some(effect),
            }),
            Action::Cordon(node) => self.command(Command::Cordon { node: node.0 }),
            Action::Uncordon(node) => self.command(Command::Uncordon { node: node.0 }),
            Action::SetCondition {
                node,
                condition,
                status,
            } => self.command(Command::SetNodeCondition {
                node: node.0,
                condition,
                status,
            }),
            Action::SetAllocatable { node, allocatable } => self.command(Command::SetAllocatable {
                node: node.0,
                allocatable,
            }),
            Action::FailPod { namespace, name } => {
                self.command(Command::FailPod { namespace, name })
            }
            _ => false,
        }
    }

    /// Whether the cursor is before the end of the recorded history.
    pub fn in_past(&self) -> bool {
        self.history.cursor() < self.history.len()
    }

    /// Shows the cluster at `position` of the history: the nearest checkpoint, then a replay.
    fn seek(&mut self, position: usize) {
        let position = position.min(self.history.len());
        if position == self.history.cursor() {
            return;
        }
        let (snapshot, entries) = self.history.replay_plan(position);
        let entries: Vec<Edit> = entries.iter().map(|e| e.edit.clone()).collect();
        self.restore(snapshot);
        self.notice = None;
        for edit in &entries {
            let _ = self.apply_edit(edit);
        }
        let (sim, applied, editor) = (&self.sim, &self.applied, &self.editor);
        self.history.set_cursor(position, || Snapshot {
            sim: Rc::clone(sim),
            applied: applied.clone(),
            editor: editor.clone(),
        });
        self.fix_selection();
    }

    fn fix_selection(&mut self) {
        if let Some(node) = &self.selection.node {
            if self.sim.node(&node.0).is_none() {
                self.selection.node = None;
            }
        }
        if let Some(key) = &self.selection.daemon_set {
            if self.sim.daemon_set(key).is_none() {
                self.selection.daemon_set = None;
            }
        }
        if self.selection.node.is_none() {
            self.select_first_unscheduled_node();
        }
    }

    /// Loads a scenario file: its objects become the base, its steps the history ahead.
    fn import(&mut self, text: &str) {
        let scenario = match super::scenario::parse_scenario(text) {
            Ok(s) => s,
            Err(e) => {
                self.notice = Some(Notice::Error(e.to_string()));
                return;
            }
        };
        let replay = super::scenario::Replay::run(&scenario);
        let start = super::scenario::Replay::start(&scenario);
        let objects = super::reader::read_editor(&scenario.objects).unwrap_or_default();
        self.seed = scenario.seed;
        self.timing = scenario.timing;
        self.sim = Rc::new(start.sim);
        self.revision += 1;
        self.editor.text = scenario.objects.clone();
        self.editor.text_revision += 1;
        self.editor.applied_text = Some(scenario.objects.clone());
        self.editor.diagnostics = objects.diagnostics.clone();
        self.editor.kubectl_stderr = objects.kubectl_stderr.clone();
        self.editor.apply_output.clear();
        let nodes = objects.nodes();
        self.applied = Applied {
            nodes: (!nodes.is_empty()).then_some(nodes),
            pods: objects
                .objects
                .iter()
                .filter_map(|(o, _)| match o {
                    crate::manifest::Object::Pod(p) => Some((p.namespace.clone(), p.name.clone())),
                    _ => None,
                })
                .collect(),
        };
        let mut entries = Vec::new();
        let mut failure = None;
        for step in &scenario.steps {
            match &step.step {
                Ok(parsed) => {
                    let time = replay
                        .steps
                        .iter()
                        .find(|r| r.index == step.index)
                        .map(|r| r.time)
                        .unwrap_or(self.sim.now());
                    entries.push(Entry {
                        edit: Edit::Scenario {
                            text: step.text.clone(),
                            step: parsed.clone(),
                            caption: step.caption.clone(),
                        },
                        rebuild: false,
                        pruned: Vec::new(),
                        time,
                    });
                }
                Err(e) => {
                    failure = Some(format!("error: step {} ({}): {}", step.index, step.text, e));
                    break;
                }
            }
        }
        self.notice = failure.map(Notice::Error);
        self.origin = Origin::Scenario {
            objects: scenario.objects.clone(),
            title: scenario.title.clone(),
        };
        self.history = History::with_future(self.snapshot(), self.sim.now(), entries);
        self.playing = false;
        self.selection = Selection::default();
        self.fix_selection();
    }

    // ----- history queries -----

    /// The recorded history's entries (the timeline).
    pub fn history_entries(&self) -> &[Entry] {
        self.history.entries()
    }

    /// The timeline's position: entries before it are shown.
    pub fn history_cursor(&self) -> usize {
        self.history.cursor()
    }

    pub fn can_undo(&self) -> bool {
        self.history.undo_target().is_some()
    }

    pub fn can_redo(&self) -> bool {
        self.history.redo_target().is_some()
    }

    /// Simulated time at a timeline position.
    pub fn history_time(&self, position: usize) -> crate::model::SimTime {
        self.history.time_at(position)
    }

    /// The imported scenario's title, if one is loaded.
    pub fn scenario_title(&self) -> Option<&Caption> {
        match &self.origin {
            Origin::Scenario { title, .. } => title.as_ref(),
            Origin::Page { .. } => None,
        }
    }

    /// The caption of the scenario step just taken, if it has one.
    pub fn caption(&self) -> Option<&Caption> {
        let cursor = self.history.cursor();
        match &self.history.entries().get(cursor.checked_sub(1)?)?.edit {
            Edit::Scenario { caption, .. } => caption.as_ref(),
            _ => None,
        }
    }

    /// The session as a scenario file (DESIGN.md "Scenarios"), up to the timeline's position.
    pub fn export_scenario(&self) -> String {
        super::session::export(
            &self.origin,
            self.seed,
            self.timing,
            &self.history.entries()[..self.history.cursor()],
        )
    }

    /// The simulation, mutably; every caller changes it, so the revision moves.
    fn sim_mut(&mut self) -> &mut Simulation {
        self.revision += 1;
        Rc::make_mut(&mut self.sim)
    }

    /// Applies one command; an error becomes the notice. Returns whether it applied.
    fn command(&mut self, command: Command) -> bool {
        match self.sim_mut().apply_quietly(command) {
            Ok(_) => {
                self.notice = None;
                true
            }
            Err(e) => {
                self.notice = Some(Notice::Error(e.to_string()));
                false
            }
        }
    }

    /// Moves the clock to the next instant something is due.
    /// The terminal: read-only commands run on a copy of the cluster and are not recorded;
    /// the others are recorded edits (undo, the timeline and the export see them).
    fn run_command(&mut self, text: &str) {
        let command = text.trim();
        if command.is_empty() {
            return;
        }
        let parsed = super::reader::parse_step(command)
            .unwrap_or_else(|| Err(crate::command::StepError(super::reader::NOT_LOADED.into())));
        let (transcript, failed) = match parsed {
            Err(e) => (format!("{e}\n"), true),
            Ok(step) if step.is_read_only() => {
                let mut sim = Simulation::clone(&self.sim);
                let execution = super::exec::execute(&mut sim, &step);
                (execution.transcript(), execution.error.is_some())
            }
            Ok(step) => {
                let transcript = self.record(Edit::Scenario {
                    text: command.to_string(),
                    step,
                    caption: None,
                });
                // The terminal shows the error itself.
                self.notice = None;
                transcript.unwrap_or_default()
            }
        };
        let terminal = Rc::make_mut(&mut self.terminal);
        terminal.push(TerminalEntry {
            command: command.to_string(),
            transcript,
            failed,
        });
        if terminal.len() > TERMINAL_KEPT {
            let extra = terminal.len() - TERMINAL_KEPT;
            terminal.drain(..extra);
        }
    }

    fn step(&mut self) {
        let now = self.sim.now();
        if let Some(next) = self.sim.next_wakeup() {
            // At least a millisecond, so that a step always makes progress.
            let span = SimDuration(next.0.saturating_sub(now.0).max(1));
            self.edit(Edit::Clock(span));
        }
    }

    fn add_node(&mut self, new: NewNode) -> bool {
        if let Err(e) = node_edit::parse_node_name(&new.name.0) {
            self.notice = Some(Notice::Error(e));
            return false;
        }
        if self.sim.node(&new.name.0).is_some() {
            self.notice = Some(Notice::Error(format!(
                "Error from server (AlreadyExists): nodes \"{}\" already exists",
                new.name.0
            )));
            return false;
        }
        for (k, v) in &new.labels {
            if let Err(e) = node_edit::check_label(&new.name.0, k, v) {
                self.notice = Some(Notice::Error(e));
                return false;
            }
        }
        let (mut labels, mut taints) = node_edit::preset(new.kind, &new.name);
        labels.extend(new.labels);
        for t in new.taints {
            if let Some(existing) = taints.iter_mut().find(|e| e.matches_taint(&t)) {
                *existing = t;
            } else {
                taints.push(t);
            }
        }
        let mut node = Node::new(new.name.0.clone());
        node.labels = labels;
        node.taints = taints;
        node.allocatable = new.allocatable.map(with_default_max_pods);
        if self.command(Command::ApplyNode(node)) {
            self.selection.node = Some(new.name);
            true
        } else {
            false
        }
    }

    /// A fresh simulation with the default cluster's nodes, then the editor's text applied.
    fn reset_cluster(&mut self) {
        let mut sim = Simulation::with_timing(self.seed, self.timing);
        for node in self.base_nodes.iter() {
            // Applying a node to a fresh simulation cannot fail.
            let _ = sim.apply(Command::ApplyNode(node.clone()));
        }
        self.sim = Rc::new(sim);
        self.revision += 1;
        self.applied = Applied::default();
        self.notice = None;
        self.apply_text();
    }

    /// Reads the editor's text and, when it is valid, applies it (see the module docs).
    fn apply_text(&mut self) -> Option<Outcome> {
        let text = self.editor.text.clone();
        let Some(objects) = super::reader::read_editor(&text) else {
            // The page's reader module is still loading: the UI applies the text once it is.
            self.editor.awaiting_reader = Some(AwaitingReader::Apply);
            return None;
        };
        self.editor.awaiting_reader = None;
        self.editor.applied_text = Some(text);
        self.apply_objects(objects)
    }

    /// Applies objects read from the editor (the testable core of `apply_text`).
    fn apply_objects(&mut self, objects: EditorObjects) -> Option<Outcome> {
        if !objects.diagnostics.is_empty() {
            self.editor.diagnostics = objects.diagnostics;
            self.editor.kubectl_stderr = objects.kubectl_stderr;
            return None;
        }
        let nodes = objects.nodes();
        let rebuild = !nodes.is_empty() && self.applied.nodes.as_ref() != Some(&nodes);
        // Work on a copy: an update the API server rejects leaves the cluster as it was.
        let mut sim = if rebuild {
            Simulation::with_timing(self.seed, self.timing)
        } else {
            (*self.sim).clone()
        };
        // The CLI's order (app::load): Nodes, then Pods (so that DaemonSets adopt them), then
        // DaemonSets. Without a rebuild the text's Nodes are those already applied: the nodes
        // stay as the diagram left them.
        let mut ordered: Vec<&(Object, Option<usize>)> = objects
            .objects
            .iter()
            .filter(|(o, _)| rebuild || !matches!(o, Object::Node(_)))
            .collect();
        ordered.sort_by_key(|(o, _)| match o {
            Object::Node(_) => 0,
            Object::Pod(_) => 1,
            Object::DaemonSet(_) => 2,
        });
        // The text's Nodes that are not re-applied are, to kubectl, unchanged.
        let mut output: Vec<String> = if rebuild {
            Vec::new()
        } else {
            nodes
                .iter()
                .map(|n| format!("node/{} unchanged", n.name))
                .collect()
        };
        let mut errors = Vec::new();
        let mut server_errors = Vec::new();
        for (object, line) in ordered {
            match load::apply_object(&mut sim, object.clone()) {
                Ok((applied, _events)) => output.push(applied.line()),
                Err(diagnostics) => {
                    errors.extend(
                        diagnostics
                            .iter()
                            .cloned()
                            .map(|d| EditorDiagnostic::from_manifest(d, *line)),
                    );
                    server_errors.extend(diagnostics);
                }
            }
        }
        if !errors.is_empty() {
            self.editor.diagnostics = errors;
            self.editor.kubectl_stderr =
                crate::manifest::render_kubectl_errors(&server_errors, editor_input::EDITOR_FILE);
            return None;
        }
        let daemon_sets: Vec<DaemonSetKey> = objects
            .objects
            .iter()
            .filter_map(|(o, _)| match o {
                Object::DaemonSet(ds) => Some(ds.key()),
                _ => None,
            })
            .collect();
        let pods: Vec<(String, String)> = objects
            .objects
            .iter()
            .filter_map(|(o, _)| match o {
                Object::Pod(p) => Some((p.namespace.clone(), p.name.clone())),
                _ => None,
            })
            .collect();
        let mut pruned = Vec::new();
        if !rebuild {
            // Prune what the text no longer has (`kubectl apply --prune`).
            let gone: Vec<DaemonSetKey> = sim
                .daemon_sets()
                .iter()
                .map(DaemonSet::key)
                .filter(|key| !daemon_sets.contains(key))
                .collect();
            for key in gone {
                output.push(format!("daemonset.apps/{} pruned", key.name));
                pruned.push(
                    Step::DeleteDaemonSets {
                        namespace: key.namespace.clone(),
                        names: vec![key.name.clone()],
                        cascade: CascadeFlag::Background,
                    }
                    .to_string(),
                );
                let _ = sim.apply(Command::DeleteDaemonSet {
                    key,
                    cascade: Cascade::Background,
                });
            }
            for key in &self.applied.pods {
                if !pods.contains(key) && sim.pod(&key.0, &key.1).is_some() {
                    output.push(format!("pod/{} pruned", key.1));
                    pruned.push(
                        Step::DeletePods {
                            namespace: key.0.clone(),
                            target: PodTarget::Names(vec![key.1.clone()]),
                        }
                        .to_string(),
                    );
                    let _ = sim.apply(Command::DeletePod {
                        namespace: key.0.clone(),
                        name: key.1.clone(),
                    });
                }
            }
        }
        self.sim = Rc::new(sim);
        self.revision += 1;
        self.applied = Applied {
            nodes: (!nodes.is_empty()).then_some(nodes),
            pods,
        };
        self.editor.diagnostics.clear();
        self.editor.kubectl_stderr.clear();
        self.editor.apply_output = output;
        self.notice = None;
        self.fix_selection();
        Some(Outcome {
            rebuild,
            pruned,
            ..Outcome::default()
        })
    }

    /// Selects the first node where the first DaemonSet runs no pod, so that the first screen
    /// already shows a reason.
    fn select_first_unscheduled_node(&mut self) {
        let Some(ds) = self.sim.daemon_sets().first() else {
            return;
        };
        let node = self
            .sim
            .nodes()
            .iter()
            .find(|n| !self.sim.decision(ds, n).should_run)
            .map(|n| NodeName(n.name.clone()));
        if node.is_some() {
            self.selection = Selection {
                node,
                daemon_set: Some(ds.key()),
            };
        }
    }
}

/// The kubelet's default `--max-pods` when cpu or memory is given without pods (as the step
/// language's `node add`).
fn with_default_max_pods(mut list: ResourceList) -> ResourceList {
    if !list.contains_key("pods") {
        list.insert("pods".into(), Quantity::from_units(110));
    }
    list
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod time_tests;
