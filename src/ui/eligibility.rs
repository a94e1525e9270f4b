//! The eligibility card: for the selected node and DaemonSet, each check with a ✓/✗/• mark,
//! the API's text in English (as a cluster prints it) and an explanation in the reader's
//! language beside it, ending in the decision and the kubectl-style reason line.

use super::context::{use_app, AppContext};
use crate::app::cluster_view::DaemonSetView;
use crate::app::eligibility_card::{Check, CheckRow, EligibilityCard, Outcome, Verdict};
use crate::app::state::Action;
use crate::i18n::Msg;
use crate::model::{DaemonSetKey, TaintEffect};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub card: Rc<EligibilityCard>,
    pub daemon_sets: Rc<Vec<DaemonSetView>>,
}

/// Which section a check belongs to.
fn section(check: &Check) -> Msg {
    match check {
        Check::NodeName { .. } => Msg::SecNodeName,
        Check::NoSelector
        | Check::SelectorPair { .. }
        | Check::AffinityTerm { .. }
        | Check::AffinityRequirement { .. } => Msg::SecSelector,
        Check::NoTaints | Check::Taint { .. } => Msg::SecTaints,
        Check::Cordon { .. } | Check::Ready { .. } => Msg::SecNode,
        Check::Resources { .. } | Check::HostPorts { .. } => Msg::SecFit,
    }
}

/// The explanation of one row in the reader's language.
fn explain(app: &AppContext, row: &CheckRow) -> String {
    let pass = row.outcome == Outcome::Pass;
    match &row.check {
        Check::NodeName { wanted } => {
            if pass {
                app.t(Msg::ExNodeNameMatch).to_string()
            } else {
                app.tf(Msg::ExNodeNameMismatch, &[wanted])
            }
        }
        Check::NoSelector => app.t(Msg::ExNoSelector).to_string(),
        Check::SelectorPair {
            key, node_value, ..
        } => match (pass, node_value) {
            (true, _) => app.t(Msg::ExSelectorMatch).to_string(),
            (false, None) => app.tf(Msg::ExSelectorMissing, &[key]),
            (false, Some(v)) => app.tf(Msg::ExSelectorWrong, &[&format!("\"{v}\"")]),
        },
        Check::AffinityTerm { index, empty } => {
            let i = index.to_string();
            if *empty {
                app.tf(Msg::ExTermEmpty, &[&i])
            } else if pass {
                app.tf(Msg::ExTermMatch, &[&i])
            } else {
                app.tf(Msg::ExTermNoMatch, &[&i])
            }
        }
        Check::AffinityRequirement { node_value, .. } => {
            let v = node_value
                .as_ref()
                .map(|v| format!("\"{v}\""))
                .unwrap_or_else(|| app.t(Msg::ExNoValue).to_string());
            app.tf(
                if pass {
                    Msg::ExReqMatch
                } else {
                    Msg::ExReqNoMatch
                },
                &[&v],
            )
        }
        Check::NoTaints => app.t(Msg::ExNoTaints).to_string(),
        Check::Taint {
            effect,
            toleration,
            automatic,
        } => match (row.outcome, toleration) {
            (Outcome::Neutral, _) => app.t(Msg::ExTaintPrefer).to_string(),
            (_, Some(t)) if *automatic => app.tf(Msg::ExTaintAutomatic, &[t]),
            (_, Some(t)) => app.tf(Msg::ExTaintTolerated, &[t]),
            (_, None) if *effect == TaintEffect::NoExecute => {
                app.t(Msg::ExTaintNoExecute).to_string()
            }
            (_, None) => app.t(Msg::ExTaintNoSchedule).to_string(),
        },
        Check::Cordon { cordoned } => app
            .t(if *cordoned {
                Msg::ExCordoned
            } else {
                Msg::ExNotCordoned
            })
            .to_string(),
        Check::Ready { ready } => app
            .t(if *ready {
                Msg::ExReady
            } else {
                Msg::ExNotReady
            })
            .to_string(),
        Check::Resources { reasons, requests } => {
            if !reasons.is_empty() {
                app.tf(Msg::ExResourcesNoFit, &[&reasons.join(", ")])
            } else if requests == "requests: <none>" {
                app.t(Msg::ExNoRequests).to_string()
            } else {
                app.t(Msg::ExResourcesFit).to_string()
            }
        }
        Check::HostPorts { reasons, ports } => {
            if reasons.is_empty() {
                app.t(Msg::ExPortsFree).to_string()
            } else {
                app.tf(Msg::ExPortsTaken, &[ports])
            }
        }
    }
}

fn mark(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::Pass => ("✓", "ok"),
        Outcome::Fail => ("✗", "fail"),
        Outcome::Neutral => ("•", "neutral"),
    }
}

#[function_component(EligibilityCardView)]
pub fn eligibility_card_view(props: &CardProps) -> Html {
    let app = use_app();
    let card = &props.card;
    let mut sections: Vec<(Msg, Vec<&CheckRow>)> = Vec::new();
    for row in &card.rows {
        let s = section(&row.check);
        match sections.iter_mut().find(|(m, _)| *m == s) {
            Some((_, rows)) => rows.push(row),
            None => sections.push((s, vec![row])),
        }
    }
    let sections = sections.into_iter().map(|(title, rows)| {
        let rows = rows.into_iter().map(|row| {
            let (icon, class) = mark(row.outcome);
            let nested = matches!(row.check, Check::AffinityRequirement { .. });
            let automatic = matches!(row.check, Check::Taint { automatic: true, toleration: Some(_), .. });
            html! {
                <li class={classes!("check-row", format!("check-{class}"), nested.then_some("nested"))}
                    data-outcome={class}>
                    <span class="check-mark" aria-hidden="true">{ icon }</span>
                    <div class="check-body">
                        <code class="api">{ &row.api_text }</code>
                        if automatic {
                            <span class="badge badge-auto">{ app.t(Msg::Automatic) }</span>
                        }
                        <p class="explain">{ explain(&app, row) }</p>
                    </div>
                </li>
            }
        });
        html! {
            <div class="check-section">
                <h4>{ app.t(title) }</h4>
                <ul class="checks">{ for rows }</ul>
            </div>
        }
    });
    let (verdict_msg, verdict_class) = match card.verdict {
        Verdict::Runs => (Msg::VerdictRuns, "ok"),
        Verdict::Unschedulable => (Msg::VerdictUnschedulable, "warn"),
        Verdict::KeepsRunning => (Msg::VerdictKeeps, "warn"),
        Verdict::NotHere => (Msg::VerdictNotHere, "fail"),
    };
    let onchange = app.callback(|e: Event| {
        let value = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default();
        let key = value
            .split_once('/')
            .map(|(ns, name)| DaemonSetKey::new(ns, name));
        Action::SelectDaemonSet(key)
    });
    let ds_select = super::hooks::use_select_value(card.daemon_set.to_string());
    let options = props.daemon_sets.iter().map(|ds| {
        let selected = ds.key == card.daemon_set;
        html! { <option value={ds.key.to_string()} {selected}>{ ds.key.to_string() }</option> }
    });
    html! {
        <section class="card eligibility" data-testid="eligibility"
            data-card-node={card.node.0.clone()} data-card-daemonset={card.daemon_set.to_string()}
            data-should-run={card.should_run.to_string()}>
            <div class="card-head">
                <h3>{ app.t(Msg::CardTitle) }</h3>
                <label class="ds-pick">
                    <span>{ app.t(Msg::CardDaemonSet) }</span>
                    <select ref={ds_select} {onchange} data-testid="card-daemonset">{ for options }</select>
                </label>
            </div>
            <p class="card-sub"><code>{ format!("node/{}", card.node) }</code>{ " × " }
                <code>{ format!("daemonset/{}", card.daemon_set.name) }</code></p>
            { for sections }
            <div class={classes!("verdict", format!("verdict-{verdict_class}"))}>
                <h4>{ app.t(Msg::SecDecision) }</h4>
                <p class="verdict-text">{ app.t(verdict_msg) }</p>
                <code class="decision">
                    { format!("shouldRun: {}, shouldContinueRunning: {}", card.should_run, card.should_continue_running) }
                </code>
                if let Some(reason) = &card.reason {
                    <p class="reason-line">
                        <span class="reason-label">{ app.t(Msg::ReasonLine) }</span>
                        <code data-testid="reason">{ reason }</code>
                    </p>
                }
                if let Some(pod) = &card.pod {
                    <p class="reason-line">
                        <span class="reason-label">{ app.t(Msg::PodOnNode) }</span>
                        <code>{ format!("{} {}", pod.name, pod.status) }</code>
                        if let Some(reason) = &pod.reason {
                            <code class="pod-reason">{ reason }</code>
                        }
                    </p>
                }
            </div>
        </section>
    }
}
