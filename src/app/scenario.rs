//! Scenario files (DESIGN.md "Scenarios"): initial manifests plus steps in the step language,
//! parsed with serde_yaml, and a runner that replays them step by step.
//!
//! ```yaml
//! kind: Scenario
//! version: 1
//! title: { en: Taint a worker, ko: 워커 노드에 테인트 걸기 }
//! seed: 7
//! timing: { pull: 2s, start: 1s, ready: 1s }
//! objects: |
//!   apiVersion: v1
//!   kind: Node
//!   ...
//! steps:
//!   - do: settle
//!   - caption: { en: A NoSchedule taint keeps running pods }
//!     do: kubectl taint nodes node-1 dedicated=gpu:NoSchedule
//!   - apply: |
//!       apiVersion: apps/v1
//!       ...
//! ```
//!
//! Steps are numbered from 0, as in `run --output json`. A step that fails (it does not parse,
//! or kubectl would exit 1) stops the replay; the steps before it keep their results.
//! Deliberately absent: files (the CLI reads them) and any wall-clock pacing (the page's).

use super::exec::{execute, Execution};
use super::load::{load_sources, LoadOutcome, Source};
use super::report::{daemon_set_reports, Detail, EventReport, StepReport};
use crate::command::{parse_step, Step, StepError};
use crate::engine::{Simulation, Timing};
use crate::model::{SimDuration, SimTime};
use serde::{Deserialize, Serialize};

/// A caption or title: English and Korean (either may be missing); a plain string is English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caption {
    pub en: Option<String>,
    pub ko: Option<String>,
}

impl Caption {
    /// The text in `lang` (`en` or `ko`), falling back to the other language.
    pub fn text(&self, lang: &str) -> Option<&str> {
        let (first, second) = if lang == "ko" {
            (&self.ko, &self.en)
        } else {
            (&self.en, &self.ko)
        };
        first.as_deref().or(second.as_deref())
    }
}

/// One step of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioStep {
    pub index: usize,
    /// The step as written (`kubectl apply -f -` for an `apply:` step).
    pub text: String,
    /// The parsed step, or kubectl's error for it.
    pub step: Result<Step, StepError>,
    pub caption: Option<Caption>,
}

/// A parsed scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub title: Option<Caption>,
    pub seed: u64,
    pub timing: Timing,
    /// The initial manifests (multi-document YAML).
    pub objects: String,
    pub steps: Vec<ScenarioStep>,
}

/// Why a scenario file could not be read: the message, ready to print (`error: …`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioError(pub String);

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ScenarioError {}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawCaption {
    Plain(String),
    Languages {
        #[serde(default)]
        en: Option<String>,
        #[serde(default)]
        ko: Option<String>,
    },
}

impl From<RawCaption> for Caption {
    fn from(raw: RawCaption) -> Self {
        match raw {
            RawCaption::Plain(en) => Caption {
                en: Some(en),
                ko: None,
            },
            RawCaption::Languages { en, ko } => Caption { en, ko },
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawDuration {
    Seconds(f64),
    Text(String),
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTiming {
    pull: Option<RawDuration>,
    start: Option<RawDuration>,
    ready: Option<RawDuration>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    #[serde(rename = "do")]
    do_: Option<String>,
    apply: Option<String>,
    caption: Option<RawCaption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    kind: String,
    version: u32,
    title: Option<RawCaption>,
    seed: Option<u64>,
    timing: Option<RawTiming>,
    objects: Option<String>,
    #[serde(default)]
    steps: Vec<RawStep>,
}

fn duration(
    field: &str,
    raw: Option<RawDuration>,
    default: SimDuration,
) -> Result<SimDuration, ScenarioError> {
    match raw {
        None => Ok(default),
        Some(RawDuration::Seconds(s)) if s.is_finite() && s >= 0.0 => {
            Ok(SimDuration((s * 1000.0).round() as u64))
        }
        Some(RawDuration::Text(t)) => SimDuration::parse(&t).ok_or_else(|| {
            ScenarioError(format!(
                "error: scenario: timing.{field}: invalid duration \"{t}\": write a number with a unit, e.g. 2s or 500ms"
            ))
        }),
        Some(RawDuration::Seconds(s)) => Err(ScenarioError(format!(
            "error: scenario: timing.{field}: invalid duration {s}"
        ))),
    }
}

/// Reads a scenario file. Structural problems (YAML, unknown fields, kind, version, a step with
/// neither or both of `do`/`apply`) are errors here; a step whose text does not parse is kept
/// with its error so that the replay can run the steps before it. Through `app::reader` (in the
/// page, the reader module reads it).
pub fn parse_scenario(text: &str) -> Result<Scenario, ScenarioError> {
    super::reader::scenario(text)
        .ok_or_else(|| ScenarioError(super::reader::NOT_LOADED.to_string()))?
}

/// [`parse_scenario`] itself, run where serde_yaml is (`app::reader`).
pub fn read_scenario(text: &str) -> Result<Scenario, ScenarioError> {
    let raw: RawScenario =
        serde_yaml::from_str(text).map_err(|e| ScenarioError(format!("error: scenario: {e}")))?;
    if raw.kind != "Scenario" {
        return Err(ScenarioError(format!(
            "error: scenario: kind must be \"Scenario\", got \"{}\"",
            raw.kind
        )));
    }
    if raw.version != 1 {
        return Err(ScenarioError(format!(
            "error: scenario: unsupported version {} (this simulator reads version 1)",
            raw.version
        )));
    }
    let timing = raw.timing.unwrap_or_default();
    let defaults = Timing::default();
    let timing = Timing {
        pull: duration("pull", timing.pull, defaults.pull)?,
        start: duration("start", timing.start, defaults.start)?,
        ready: duration("ready", timing.ready, defaults.ready)?,
    };
    let mut steps = Vec::new();
    for (index, s) in raw.steps.into_iter().enumerate() {
        let (text, step) = match (s.do_, s.apply) {
            (Some(d), None) => {
                let d = d.trim().to_string();
                let step = parse_step(&d).and_then(|step| match step {
                    Step::Apply { .. } => Err(StepError(
                        "error: no objects passed to apply (write the manifests as the step's apply: text)"
                            .to_string(),
                    )),
                    other => Ok(other),
                });
                (d, step)
            }
            (None, Some(text)) => ("kubectl apply -f -".to_string(), Ok(Step::Apply { text })),
            (Some(_), Some(_)) => {
                return Err(ScenarioError(format!(
                    "error: scenario: steps[{index}]: a step has either do or apply, not both"
                )))
            }
            (None, None) => {
                return Err(ScenarioError(format!(
                "error: scenario: steps[{index}]: a step needs do (a command) or apply (manifests)"
            )))
            }
        };
        steps.push(ScenarioStep {
            index,
            text,
            step,
            caption: s.caption.map(Caption::from),
        });
    }
    Ok(Scenario {
        title: raw.title.map(Caption::from),
        seed: raw.seed.unwrap_or(0),
        timing,
        objects: raw.objects.unwrap_or_default(),
        steps,
    })
}

/// The result of one replayed step.
#[derive(Clone, Debug, PartialEq)]
pub struct StepRecord {
    pub index: usize,
    pub text: String,
    pub caption: Option<Caption>,
    /// The simulated time after the step.
    pub time: SimTime,
    pub execution: Execution,
    /// The state after the step in the `run` JSON contract.
    pub report: StepReport,
}

/// A step that stopped the replay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplayFailure {
    pub index: usize,
    pub text: String,
    /// kubectl's error for the step.
    pub message: String,
}

impl std::fmt::Display for ReplayFailure {
    /// `error: step 3 (kubectl taint nodes nope a=b:NoSchedule): Error from server (NotFound): …`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = self
            .message
            .strip_prefix("error: ")
            .unwrap_or(&self.message);
        write!(f, "error: step {} ({}): {}", self.index, self.text, message)
    }
}

/// A replay in progress or finished.
#[derive(Clone, Debug)]
pub struct Replay {
    pub sim: Simulation,
    /// Loading the scenario's `objects`.
    pub initial: LoadOutcome,
    pub steps: Vec<StepRecord>,
    pub failure: Option<ReplayFailure>,
}

impl Replay {
    /// A new simulation with the scenario's seed and timing and its objects loaded (the objects'
    /// diagnostics are in `initial`; valid objects are applied regardless).
    pub fn start(scenario: &Scenario) -> Replay {
        let mut sim = Simulation::with_timing(scenario.seed, scenario.timing);
        let initial = if scenario.objects.trim().is_empty() {
            LoadOutcome::default()
        } else {
            load_sources(
                &mut sim,
                &[Source::new("objects", scenario.objects.clone())],
            )
        };
        Replay {
            sim,
            initial,
            steps: Vec::new(),
            failure: None,
        }
    }

    /// Runs one step; returns false (and records the failure) when it failed.
    pub fn run_step(&mut self, step: &ScenarioStep) -> bool {
        let parsed = match &step.step {
            Ok(s) => s,
            Err(e) => {
                self.failure = Some(ReplayFailure {
                    index: step.index,
                    text: step.text.clone(),
                    message: e.0.clone(),
                });
                return false;
            }
        };
        let execution = execute(&mut self.sim, parsed);
        let time = self.sim.now();
        let report = StepReport {
            index: step.index,
            step: step.text.clone(),
            time: time.as_secs_f64(),
            daemon_sets: daemon_set_reports(&self.sim, Detail::Run),
            events: execution.events.iter().map(EventReport::from).collect(),
        };
        let failed = execution.error.clone();
        self.steps.push(StepRecord {
            index: step.index,
            text: step.text.clone(),
            caption: step.caption.clone(),
            time,
            execution,
            report,
        });
        if let Some(message) = failed {
            self.failure = Some(ReplayFailure {
                index: step.index,
                text: step.text.clone(),
                message,
            });
            return false;
        }
        true
    }

    /// Replays every step until one fails.
    pub fn run(scenario: &Scenario) -> Replay {
        let mut replay = Replay::start(scenario);
        for step in &scenario.steps {
            if !replay.run_step(step) {
                break;
            }
        }
        replay
    }
}
