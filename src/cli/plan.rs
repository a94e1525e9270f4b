//! `daemonset-playground plan FILE... [--output table|json] [--seed N]`: load, settle, report.

use super::args::{OutputFormat, PlanArgs};
use super::{read_sources, Io, EXIT_INVALID, EXIT_OK};
use crate::app::load::{load_sources, LoadOutcome};
use crate::app::report::{daemon_set_reports, Detail, ErrorReport, PlanReport};
use crate::command::SETTLE_LIMIT;
use crate::engine::{Command, Simulation};
use crate::kubectl::{get, Scope};

/// The settled simulation for `files`, with what loading reported.
pub(crate) fn settled(
    files: &[String],
    seed: u64,
    io: &mut Io<'_>,
) -> Result<(Simulation, LoadOutcome), String> {
    let sources = read_sources(files, io.stdin)?;
    let mut sim = Simulation::new(seed);
    let outcome = load_sources(&mut sim, &sources);
    // Settling never fails: it names no object.
    let _ = sim.apply_quietly(Command::Settle {
        limit: SETTLE_LIMIT,
    });
    Ok((sim, outcome))
}

/// The `errors` array of the JSON contract.
pub(crate) fn error_reports(outcome: &LoadOutcome) -> Vec<ErrorReport> {
    outcome
        .diagnostics()
        .map(|d| ErrorReport {
            field: d.field.clone(),
            message: d.message.clone(),
            line: d.line,
        })
        .collect()
}

pub(crate) fn plan(args: &PlanArgs, io: &mut Io<'_>) -> std::io::Result<i32> {
    let (sim, outcome) = match settled(&args.files, args.seed, io) {
        Ok(x) => x,
        Err(message) => {
            if args.output == OutputFormat::Json {
                let report = PlanReport {
                    daemon_sets: vec![],
                    errors: vec![ErrorReport {
                        field: None,
                        message: message
                            .strip_prefix("error: ")
                            .unwrap_or(&message)
                            .to_string(),
                        line: None,
                    }],
                };
                writeln!(io.stdout, "{}", to_json(&report))?;
            }
            writeln!(io.stderr, "{message}")?;
            return Ok(EXIT_INVALID);
        }
    };
    match args.output {
        OutputFormat::Json => {
            let report = PlanReport {
                daemon_sets: daemon_set_reports(&sim, Detail::Plan),
                errors: error_reports(&outcome),
            };
            writeln!(io.stdout, "{}", to_json(&report))?;
        }
        OutputFormat::Table => io.stdout.write_all(tables(&sim).as_bytes())?,
    }
    io.stderr.write_all(outcome.render_errors().as_bytes())?;
    Ok(if outcome.has_errors() {
        EXIT_INVALID
    } else {
        EXIT_OK
    })
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    // The report types serialise infallibly (strings, numbers, options).
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// `kubectl get ds` (with `-A` when a DaemonSet lives outside `default`), `kubectl get pods -o
/// wide` likewise, then per DaemonSet the nodes without a running pod and why.
pub fn tables(sim: &Simulation) -> String {
    let mut out = String::new();
    let ds_scope = scope_for(sim.daemon_sets().iter().map(|d| d.namespace.as_str()));
    out.push_str(&get::get_daemon_sets(sim, &ds_scope, false, |_| true).combined());
    out.push('\n');
    let pod_scope = scope_for(sim.pods().map(|p| p.namespace.as_str()));
    out.push_str(&get::get_pods(sim, &pod_scope, true, |_| true).combined());
    out.push_str(&reasons(sim));
    out
}

/// `-A` when anything lives outside `default`.
pub(crate) fn scope_for<'a>(mut namespaces: impl Iterator<Item = &'a str>) -> Scope {
    if namespaces.any(|ns| ns != "default") {
        Scope::AllNamespaces
    } else {
        Scope::default_namespace()
    }
}

/// Per DaemonSet, every node without a pod (the controller's reason) and every node whose pod
/// cannot be scheduled (the scheduler's reason).
pub fn reasons(sim: &Simulation) -> String {
    let mut out = String::new();
    let mut dss: Vec<_> = sim.daemon_sets().iter().collect();
    dss.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));
    for ds in dss {
        let by_node = sim.daemon_pods_by_node(ds);
        let mut lines = vec![];
        for node in sim.nodes() {
            let decision = sim.decision(ds, node);
            let pods = by_node.get(&node.name);
            match pods.and_then(|p| p.first()) {
                None => {
                    let reason = match &decision.reason {
                        Some(r) => r.to_string(),
                        None => "no pod yet".to_string(),
                    };
                    lines.push(format!("  {}: {reason}", node.name));
                }
                Some(pod) if !pod.is_bound() => {
                    if let Some(r) = sim.unschedulable_reason(pod) {
                        lines.push(format!("  {}: {} is Pending: {r}", node.name, pod.name));
                    }
                }
                Some(pod) if !decision.should_run => {
                    if let Some(r) = &decision.reason {
                        lines.push(format!(
                            "  {}: {} keeps running, but no pod should run here: {r}",
                            node.name, pod.name
                        ));
                    }
                }
                Some(_) => {}
            }
        }
        if !lines.is_empty() {
            out.push_str(&format!(
                "\ndaemonset.apps/{} ({}):\n{}\n",
                ds.name,
                ds.namespace,
                lines.join("\n")
            ));
        }
    }
    out
}
