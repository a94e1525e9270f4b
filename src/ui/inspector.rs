//! The inspector: the selected node (its eligibility card and its editor), live `kubectl get ds`
//! and `kubectl get pods -o wide` output from the kubectl printers, and the event log.

use super::context::use_app;
use super::eligibility::EligibilityCardView;
use super::node_panel::NodePanel;
use crate::app::cluster_view::{DaemonSetView, NodeView};
use crate::app::eligibility_card::EligibilityCard;
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
}

impl PartialEq for InspectorProps {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
            && self.node == other.node
            && self.card == other.card
            && self.daemon_sets == other.daemon_sets
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
                <td class="ev-msg">{ &e.message }</td>
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
