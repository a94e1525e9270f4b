//! `daemonset-playground explain FILE... --node N [--daemonset NS/NAME]`: the eligibility
//! checks of `Simulation::explain`, one per line, ending in the controller's decision.

use super::args::ExplainArgs;
use super::plan::settled;
use super::{Io, EXIT_INVALID, EXIT_OK};
use crate::engine::explain::Eligibility;
use crate::kubectl::describe::toleration_string;
use crate::model::{DaemonSet, NodeSelectorOperator};

pub(crate) fn explain(args: &ExplainArgs, io: &mut Io<'_>) -> std::io::Result<i32> {
    let (sim, outcome) = match settled(&args.files, args.seed, io) {
        Ok(x) => x,
        Err(message) => {
            writeln!(io.stderr, "{message}")?;
            return Ok(EXIT_INVALID);
        }
    };
    io.stderr.write_all(outcome.render_errors().as_bytes())?;
    let Some(node) = sim.node(&args.node) else {
        writeln!(
            io.stderr,
            "Error from server (NotFound): nodes \"{}\" not found",
            args.node
        )?;
        return Ok(EXIT_INVALID);
    };
    let wanted = args.daemonset.as_deref().map(|s| match s.split_once('/') {
        Some((ns, name)) => (ns.to_string(), name.to_string()),
        None => ("default".to_string(), s.to_string()),
    });
    let dss: Vec<&DaemonSet> = sim
        .daemon_sets()
        .iter()
        .filter(|d| {
            wanted
                .as_ref()
                .is_none_or(|(ns, name)| &d.namespace == ns && &d.name == name)
        })
        .collect();
    if dss.is_empty() {
        match &wanted {
            Some((_, name)) => writeln!(
                io.stderr,
                "Error from server (NotFound): daemonsets.apps \"{name}\" not found"
            )?,
            None => writeln!(io.stderr, "error: the input has no DaemonSet")?,
        }
        return Ok(EXIT_INVALID);
    }
    for (i, ds) in dss.iter().enumerate() {
        if i > 0 {
            writeln!(io.stdout)?;
        }
        let e = sim.explain(ds, node);
        io.stdout
            .write_all(render(&ds.namespace, &ds.name, &node.name, &e).as_bytes())?;
    }
    Ok(if outcome.has_errors() {
        EXIT_INVALID
    } else {
        EXIT_OK
    })
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "ok  "
    } else {
        "FAIL"
    }
}

/// The explanation as text: one check per line, `ok`/`FAIL` first.
pub fn render(namespace: &str, name: &str, node: &str, e: &Eligibility) -> String {
    let mut out = format!("daemonset.apps/{name} ({namespace}) on node {node}:\n");
    match &e.node_name_check {
        Some((wanted, ok)) => out.push_str(&format!("  {} spec.nodeName is {wanted}\n", mark(*ok))),
        None => out.push_str("  ok   spec.nodeName is not set\n"),
    }
    if e.node_selector.is_empty() {
        out.push_str("  ok   no nodeSelector\n");
    }
    for c in &e.node_selector {
        let has = match &c.node_value {
            Some(v) => format!("the node has {}={v}", c.key),
            None => format!("the node has no label {}", c.key),
        };
        out.push_str(&format!(
            "  {} nodeSelector {}={}: {has}\n",
            mark(c.matches),
            c.key,
            c.value
        ));
    }
    match &e.affinity_terms {
        None => out.push_str("  ok   no required node affinity\n"),
        Some(terms) => {
            out.push_str(&format!(
                "  {} required node affinity (terms are ORed)\n",
                mark(e.affinity_matches)
            ));
            for (i, t) in terms.iter().enumerate() {
                if t.empty {
                    out.push_str(&format!("       term {i}: empty, matches nothing\n"));
                    continue;
                }
                out.push_str(&format!(
                    "       term {i}: {}\n",
                    if t.matches {
                        "matches"
                    } else {
                        "does not match"
                    }
                ));
                for r in &t.requirements {
                    let req = &r.requirement;
                    let values = if req.values.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", req.values.join(", "))
                    };
                    let what = if r.is_field { "field" } else { "label" };
                    let node_value = match (&r.node_value, &req.operator) {
                        (Some(v), _) => format!("node has {v:?}"),
                        (None, NodeSelectorOperator::DoesNotExist) | (None, _) => {
                            "node lacks it".to_string()
                        }
                    };
                    out.push_str(&format!(
                        "         {} {what} {} {}{values} ({node_value})\n",
                        mark(r.matches),
                        req.key,
                        req.operator.as_str()
                    ));
                }
            }
        }
    }
    if e.taints.is_empty() {
        out.push_str("  ok   no taints\n");
    }
    for t in &e.taints {
        let taint = t.taint.to_kubectl_string();
        let line = if t.ignored {
            format!("  ok   taint {taint}: PreferNoSchedule never blocks a DaemonSet")
        } else {
            match &t.toleration {
                Some(tol) => format!(
                    "  ok   taint {taint}: tolerated by {}{}",
                    toleration_string(tol),
                    if t.automatic {
                        " (added by the DaemonSet controller)"
                    } else {
                        ""
                    }
                ),
                None => format!("  FAIL taint {taint}: not tolerated"),
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!(
        "  {} {}\n",
        mark(true),
        if e.cordoned {
            "cordoned, but daemon pods tolerate node.kubernetes.io/unschedulable"
        } else {
            "not cordoned"
        }
    ));
    out.push_str(&format!(
        "  {} {}\n",
        mark(e.ready),
        if e.ready {
            "node is Ready"
        } else {
            "node is not Ready"
        }
    ));
    if e.fit_reasons.is_empty() {
        out.push_str("  ok   resources and host ports fit\n");
    } else {
        for r in &e.fit_reasons {
            out.push_str(&format!("  FAIL scheduler: {r}\n"));
        }
    }
    out.push_str(&format!(
        "  decision: shouldRun={} shouldContinueRunning={}\n",
        e.decision.should_run, e.decision.should_continue_running
    ));
    if let Some(r) = &e.decision.reason {
        out.push_str(&format!("  reason: {r}\n"));
    }
    out
}
