//! The inspector: the selected node (its eligibility card and its editor), a kubectl terminal
//! over the simulated cluster (describe, rollout status/history/undo, taint, … in the step
//! language), live `kubectl get ds` and `kubectl get pods -o wide` output from the kubectl
//! printers, and the event log.

use super::context::use_app;
use super::eligibility::EligibilityCardView;
use super::node_panel::NodePanel;
use crate::app::cluster_view::{DaemonSetView, NodeView};
use crate::app::eligibility_card::EligibilityCard;
use crate::app::state::{Action, TerminalEntry};
use crate::engine::Simulation;
use crate::i18n::Msg;
use crate::kubectl::get::{get_daemon_sets, get_pods, Scope};
use std::rc::Rc;
use yew::prelude::*;

/// How many of the latest events the log shows.
const EVENTS_SHOWN: usize = 200;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Node,
    Kubectl,
    Events,
}

#[derive(Properties)]
pub struct InspectorProps {
    pub sim: Rc<Simulation>,
    /// The simulation's revision: props compare by it, not by the simulation.
    pub revision: u64,
    pub node: Option<Rc<NodeView>>,
    pub card: Option<Rc<EligibilityCard>>,
    pub daemon_sets: Rc<Vec<DaemonSetView>>,
    pub terminal: Rc<Vec<TerminalEntry>>,
}

impl PartialEq for InspectorProps {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
            && self.node == other.node
            && self.card == other.card
            && self.daemon_sets == other.daemon_sets
            && Rc::ptr_eq(&self.terminal, &other.terminal)
    }
}

#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let app = use_app();
    let tab = use_state(|| Tab::Node);
    let tab_button = |t: Tab, msg: Msg, testid: &'static str| {
        let selected = *tab == t;
        let tab = tab.clone();
        html! {
            <button type="button" role="tab" class={classes!("tab", selected.then_some("on"))}
                aria-selected={selected.to_string()} data-testid={testid}
                onclick={Callback::from(move |_| tab.set(t))}>
                { app.t(msg) }
            </button>
        }
    };
    let body = match *tab {
        Tab::Node => html! {
            <div class="tab-body" role="tabpanel">
                if let Some(card) = &props.card {
                    <EligibilityCardView card={card.clone()} daemon_sets={props.daemon_sets.clone()} />
                }
                if let Some(node) = &props.node {
                    <NodePanel node={node.clone()} />
                } else {
                    <p class="empty">{ app.t(Msg::SelectANode) }</p>
                }
            </div>
        },
        Tab::Kubectl => html! {
            <div class="tab-body" role="tabpanel">
                <KubectlTerminal entries={props.terminal.clone()} suggestions={suggestions(&props.sim, &props.daemon_sets)} />
                <KubectlTables sim={props.sim.clone()} revision={props.revision} />
            </div>
        },
        Tab::Events => html! {
            <div class="tab-body" role="tabpanel">
                <EventLog sim={props.sim.clone()} revision={props.revision} />
            </div>
        },
    };
    html! {
        <div class="inspector">
            <div class="tabs" role="tablist">
                { tab_button(Tab::Node, Msg::TabNode, "tab-node") }
                { tab_button(Tab::Kubectl, Msg::TabKubectl, "tab-kubectl") }
                { tab_button(Tab::Events, Msg::TabEvents, "tab-events") }
            </div>
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TerminalProps {
    entries: Rc<Vec<TerminalEntry>>,
    suggestions: Vec<String>,
}

/// Commands worth trying on the first DaemonSet and its first pod.
fn suggestions(sim: &Simulation, daemon_sets: &[DaemonSetView]) -> Vec<String> {
    let Some(ds) = daemon_sets.first() else {
        return Vec::new();
    };
    let ns = if ds.key.namespace == "default" {
        String::new()
    } else {
        format!(" -n {}", ds.key.namespace)
    };
    let mut out = vec![
        format!("kubectl describe ds {}{ns}", ds.key.name),
        format!("kubectl rollout status ds/{}{ns}", ds.key.name),
        format!("kubectl rollout history ds/{}{ns}", ds.key.name),
    ];
    let pod = sim.pods().find(|p| {
        p.namespace == ds.key.namespace
            && p.controller_ref()
                .is_some_and(|o| o.kind == "DaemonSet" && o.name == ds.key.name)
    });
    if let Some(pod) = pod {
        out.push(format!("kubectl describe pod {}{ns}", pod.name));
    }
    out
}

/// A one-line kubectl prompt: the step language of scenarios, run on the current cluster.
/// Suggestions for the first DaemonSet fill the prompt; Enter (or Run) runs it.
#[function_component(KubectlTerminal)]
fn kubectl_terminal(props: &TerminalProps) -> Html {
    let app = use_app();
    let input = use_node_ref();
    let run = {
        let input = input.clone();
        let dispatcher = app.dispatcher.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                let text = el.value();
                if !text.trim().is_empty() {
                    let dispatcher = dispatcher.clone();
                    super::reader_loader::when_ready(move || {
                        dispatcher.dispatch(Action::RunCommand(text))
                    });
                    el.set_value("");
                }
            }
        })
    };
    let suggestions = props.suggestions.clone();
    let suggestion = |text: String| {
        let input = input.clone();
        let fill = text.clone();
        html! {
            <button type="button" class="btn btn-small mono" data-testid="terminal-suggestion"
                onclick={Callback::from(move |_| {
                    if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                        el.set_value(&fill);
                        let _ = el.focus();
                    }
                })}>
                { text }
            </button>
        }
    };
    let entries = props.entries.iter().rev().map(|e| {
        html! {
            <pre class={classes!("terminal-entry", e.failed.then_some("failed"))} data-testid="terminal-entry"
                data-failed={e.failed.to_string()}>
                <span class="prompt">{ format!("$ {}\n", e.command) }</span>{ &e.transcript }
            </pre>
        }
    });
    html! {
        <div class="terminal kubectl-terminal">
            <form class="terminal-form" onsubmit={run}>
                <label class="sr-only" for="kubectl-terminal-input">{ app.t(Msg::TerminalLabel) }</label>
                <span class="prompt" aria-hidden="true">{ "$" }</span>
                <input id="kubectl-terminal-input" ref={input.clone()} type="text" spellcheck="false"
                    autocomplete="off" autocapitalize="off" data-testid="terminal-input"
                    placeholder={app.t(Msg::TerminalPlaceholder)} title={app.t(Msg::TerminalLabel)}
                    onfocus={Callback::from(|_: FocusEvent| super::reader_loader::prefetch())} />
                <button type="submit" class="btn btn-primary" data-testid="terminal-run">{ app.t(Msg::TerminalRun) }</button>
                if !props.entries.is_empty() {
                    <button type="button" class="btn btn-small" data-testid="terminal-clear"
                        onclick={app.send(Action::ClearTerminal)}>{ app.t(Msg::TerminalClear) }</button>
                }
            </form>
            <p class="hint">{ app.t(Msg::TerminalHint) }</p>
            if !suggestions.is_empty() {
                <div class="terminal-suggestions">{ for suggestions.into_iter().map(suggestion) }</div>
            }
            { for entries }
        </div>
    }
}

#[derive(Properties)]
struct SimProps {
    sim: Rc<Simulation>,
    revision: u64,
}

impl PartialEq for SimProps {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

/// `kubectl get ds -A` and `kubectl get pods -A -o wide`, exactly as kubectl prints them.
#[function_component(KubectlTables)]
fn kubectl_tables(props: &SimProps) -> Html {
    let sim = props.sim.clone();
    let text = use_memo(props.revision, move |_| {
        let scope = Scope::AllNamespaces;
        let ds = get_daemon_sets(&sim, &scope, false, |_| true).combined();
        let pods = get_pods(&sim, &scope, true, |_| true).combined();
        (ds, pods)
    });
    html! {
        <div class="terminal" data-testid="kubectl">
            <pre data-testid="kubectl-get-ds"><span class="prompt">{ "$ kubectl get ds -A\n" }</span>{ &text.0 }</pre>
            <pre data-testid="kubectl-get-pods"><span class="prompt">{ "$ kubectl get pods -A -o wide\n" }</span>{ &text.1 }</pre>
        </div>
    }
}

/// The latest events, newest first.
#[function_component(EventLog)]
fn event_log(props: &SimProps) -> Html {
    let app = use_app();
    let events = props.sim.events();
    if events.is_empty() {
        return html! { <p class="empty">{ app.t(Msg::EventsEmpty) }</p> };
    }
    let rows = events.iter().rev().take(EVENTS_SHOWN).map(|e| {
        let warning = e.event_type == crate::model::EventType::Warning;
        html! {
            <tr class={classes!(warning.then_some("ev-warn"))}>
                <td class="ev-time">{ format!("{:.0}s", e.time.as_secs_f64()) }</td>
                <td>{ e.event_type.as_str() }</td>
                <td class="ev-reason">{ e.reason }</td>
                <td class="ev-object">{ crate::kubectl::get::event_object(e) }</td>
                <td class="ev-msg">{ &*e.message }</td>
            </tr>
        }
    });
    html! {
        <div class="events-wrap">
            <table class="events" data-testid="events">
                <thead><tr><th>{ "t" }</th><th>{ "TYPE" }</th><th>{ "REASON" }</th><th>{ "OBJECT" }</th><th>{ "MESSAGE" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
