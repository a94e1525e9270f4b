//! `daemonset-playground run SCENARIO [--output table|json] [--lang en|ko]`: replay a scenario.

use super::args::{OutputFormat, RunArgs};
use super::plan::{scope_for, to_json};
use super::{read_sources, Io, EXIT_INVALID, EXIT_OK};
use crate::app::load::LoadOutcome;
use crate::app::report::RunReport;
use crate::app::scenario::{parse_scenario, Replay, StepRecord};
use crate::engine::Simulation;
use crate::kubectl::{get, human_duration};

pub(crate) fn run(args: &RunArgs, io: &mut Io<'_>) -> std::io::Result<i32> {
    let text = match read_sources(std::slice::from_ref(&args.scenario), io.stdin) {
        Ok(mut sources) => sources.remove(0).text,
        Err(message) => {
            writeln!(io.stderr, "{message}")?;
            return Ok(EXIT_INVALID);
        }
    };
    let scenario = match parse_scenario(&text) {
        Ok(s) => s,
        Err(e) => {
            // The library says "scenario"; name the file as the user gave it.
            let name = if args.scenario == "-" {
                "STDIN"
            } else {
                args.scenario.as_str()
            };
            let message = match e.0.strip_prefix("error: scenario: ") {
                Some(rest) => format!("error: {name}: {rest}"),
                None => e.0,
            };
            writeln!(io.stderr, "{message}")?;
            return Ok(EXIT_INVALID);
        }
    };
    let mut replay = Replay::start(&scenario);
    if replay.initial.has_errors() {
        if args.output == OutputFormat::Json {
            writeln!(io.stdout, "{}", to_json(&RunReport { steps: vec![] }))?;
        }
        writeln!(io.stderr, "error: the scenario's objects are invalid:")?;
        io.stderr
            .write_all(replay.initial.render_errors().as_bytes())?;
        return Ok(EXIT_INVALID);
    }
    if args.output == OutputFormat::Table {
        if let Some(title) = scenario.title.as_ref().and_then(|t| t.text(&args.lang)) {
            writeln!(io.stdout, "# {title}\n")?;
        }
        io.stdout
            .write_all(objects_table(&replay.sim, &replay.initial).as_bytes())?;
    }
    for step in &scenario.steps {
        let ok = replay.run_step(step);
        if args.output == OutputFormat::Table {
            if let Some(record) = replay.steps.last().filter(|r| r.index == step.index) {
                let read_only = step.step.as_ref().is_ok_and(|s| s.is_read_only());
                io.stdout.write_all(
                    step_table(&replay.sim, record, &args.lang, !read_only).as_bytes(),
                )?;
            } else if step.step.is_err() {
                // A step that does not parse: its header, then the error (on stderr below).
                writeln!(io.stdout, "=== step {}: {}\n", step.index, step.text)?;
            }
        }
        if !ok {
            break;
        }
    }
    if args.output == OutputFormat::Json {
        let report = RunReport {
            steps: replay.steps.iter().map(|s| s.report.clone()).collect(),
        };
        writeln!(io.stdout, "{}", to_json(&report))?;
    }
    if let Some(failure) = &replay.failure {
        writeln!(io.stderr, "{failure}")?;
        return Ok(EXIT_INVALID);
    }
    Ok(EXIT_OK)
}

/// The scenario's objects as `kubectl apply -f` of them prints, and the events it caused.
pub fn objects_table(sim: &Simulation, initial: &LoadOutcome) -> String {
    let applied: Vec<String> = initial
        .sources
        .iter()
        .flat_map(|s| s.applied.iter().map(|a| a.line()))
        .collect();
    if applied.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "=== objects at 0s\n\n$ kubectl apply -f objects\n{}\n",
        applied.join("\n")
    );
    if !initial.events.is_empty() {
        out.push_str("\nevents:\n");
        let namespaces = initial
            .events
            .iter()
            .any(|e| &*e.object.namespace != "default" && e.object.kind != "Node");
        out.push_str(&get::get_events(sim.now(), &initial.events, namespaces).combined());
    }
    out.push('\n');
    out
}

/// One step in the table output: a header with the index, the simulated time and the step,
/// the caption, the command's transcript, then `get ds`, `get pods -o wide` and the step's
/// events. The tables show the state after the step, which is also the final state for the last.
pub fn step_table(sim: &Simulation, record: &StepRecord, lang: &str, tables: bool) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "=== step {} at {}: {}\n",
        record.index,
        human_duration(record.time.0 as i64),
        record.text
    ));
    if let Some(caption) = record.caption.as_ref().and_then(|c| c.text(lang)) {
        out.push_str(&format!("# {caption}\n"));
    }
    out.push_str(&format!("\n$ {}\n", record.text));
    out.push_str(&record.execution.transcript());
    if record.execution.error.is_some() || !tables {
        out.push('\n');
        return out;
    }
    // Tables as of the step's end (the record is the last step run so far).
    let ds_scope = scope_for(sim.daemon_sets().iter().map(|d| d.namespace.as_str()));
    let ds_flag = if ds_scope == crate::kubectl::Scope::AllNamespaces {
        " -A"
    } else {
        ""
    };
    out.push_str(&format!("\n$ kubectl get ds{ds_flag}\n"));
    out.push_str(&get::get_daemon_sets(sim, &ds_scope, false, |_| true).combined());
    let pod_scope = scope_for(sim.pods().map(|p| p.namespace.as_str()));
    let pod_flag = if pod_scope == crate::kubectl::Scope::AllNamespaces {
        " -A"
    } else {
        ""
    };
    out.push_str(&format!("\n$ kubectl get pods -o wide{pod_flag}\n"));
    out.push_str(&get::get_pods(sim, &pod_scope, true, |_| true).combined());
    if !record.execution.events.is_empty() {
        out.push_str("\nevents during this step:\n");
        let namespaces = record
            .execution
            .events
            .iter()
            .any(|e| &*e.object.namespace != "default" && e.object.kind != "Node");
        out.push_str(&get::get_events(sim.now(), &record.execution.events, namespaces).combined());
    }
    out.push('\n');
    out
}
