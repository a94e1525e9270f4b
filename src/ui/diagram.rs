//! The cluster diagram, as in the course notes: one column per node (control plane marked), each
//! DaemonSet a coloured band of lanes across the top of the columns with its pods dropping into
//! them, other workloads as dots, and the node's labels, taints, conditions and resource use
//! below. Above ~50 nodes it switches to compact tiles grouped by a label the user picks.
//!
//! Only layout: every fact comes from `app::cluster_view`.

use super::add_node::AddNodeForm;
use super::context::use_app;
use super::node_column::{node_tile, NodeColumn};
use crate::app::cluster_view::{
    group_label_candidates, group_nodes, ClusterView, DaemonSetView, COMPACT_THRESHOLD,
};
use crate::app::state::Action;
use crate::i18n::Msg;
use crate::model::{DaemonSetKey, NodeName};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub view: Rc<ClusterView>,
    /// `data-settled`: the simulation has nothing left to do and no edit is pending.
    pub settled: bool,
    pub selected_node: Option<NodeName>,
    pub selected_ds: Option<DaemonSetKey>,
    pub group_by: Option<String>,
}

#[function_component(ClusterDiagram)]
pub fn cluster_diagram(props: &DiagramProps) -> Html {
    let app = use_app();
    let adding = use_state(|| false);
    let view = &props.view;
    let compact = view.nodes.len() > COMPACT_THRESHOLD;
    let group_select = super::hooks::use_select_value(
        compact
            .then(|| effective_group_by(props))
            .flatten()
            .unwrap_or_default(),
    );
    let toggle_add = {
        let adding = adding.clone();
        Callback::from(move |_: MouseEvent| adding.set(!*adding))
    };
    let close_add = {
        let adding = adding.clone();
        Callback::from(move |_: ()| adding.set(false))
    };
    let existing: Rc<Vec<String>> = Rc::new(view.nodes.iter().map(|n| n.name.0.clone()).collect());

    let body = if view.nodes.is_empty() {
        html! { <p class="empty">{ app.t(Msg::NoNodes) }</p> }
    } else if compact {
        compact_body(props, &app, group_select)
    } else {
        let columns = view.nodes.iter().map(|node| {
            let selected = props.selected_node.as_ref() == Some(&node.name);
            html! {
                <NodeColumn key={node.name.0.clone()} node={node.clone()} {selected}
                    selected_ds={props.selected_ds.clone()} />
            }
        });
        html! { <div class="columns" role="list">{ for columns }</div> }
    };

    html! {
        <div class="diagram" data-testid="cluster" data-settled={props.settled.to_string()}
            data-compact={compact.to_string()}>
            <div class="pane-head">
                <h2>{ app.t(Msg::ClusterTitle) }</h2>
                <button type="button" class="btn" data-testid="add-node"
                    aria-expanded={(*adding).to_string()} onclick={toggle_add}>
                    { super::icons::plus() }{ app.t(Msg::AddNode) }
                </button>
            </div>
            if *adding {
                <AddNodeForm existing={existing} on_close={close_add} />
            }
            <DaemonSetLegend daemon_sets={view.daemon_sets.clone()} selected={props.selected_ds.clone()} />
            <div class="diagram-scroll">{ body }</div>
            <PhaseLegend />
        </div>
    }
}

fn compact_body(
    props: &DiagramProps,
    app: &super::context::AppContext,
    group_select: NodeRef,
) -> Html {
    let view = &props.view;
    let candidates = group_label_candidates(&view.nodes);
    let group_by = effective_group_by(props);
    let onchange = app.callback(|e: Event| {
        let value = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default();
        Action::SetGroupBy((!value.is_empty()).then_some(value))
    });
    let options = candidates.iter().map(|c| {
        html! { <option value={c.clone()} selected={group_by.as_ref() == Some(c)}>{ c }</option> }
    });
    // One listener for every tile: the event's `[data-node]` ancestor names the node.
    let node_of = |target: Option<web_sys::EventTarget>| -> Option<NodeName> {
        let element = target?.dyn_into::<web_sys::Element>().ok()?;
        let node = element.closest("[data-node]").ok().flatten()?;
        node.get_attribute("data-node").map(NodeName)
    };
    let select = {
        let dispatcher = app.dispatcher.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(node) = node_of(e.target()) {
                dispatcher.dispatch(Action::SelectNode(Some(node)));
            }
        })
    };
    let select_key = {
        let dispatcher = app.dispatcher.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                if let Some(node) = node_of(e.target()) {
                    e.prevent_default();
                    dispatcher.dispatch(Action::SelectNode(Some(node)));
                }
            }
        })
    };
    let groups = match &group_by {
        Some(label) => group_nodes(&view.nodes, label),
        None => vec![(None, view.nodes.iter().collect())],
    };
    let groups = groups.into_iter().map(|(value, nodes)| {
        let title = match (&group_by, &value) {
            (Some(label), Some(v)) => format!("{label}={v}"),
            (Some(_), None) => app.t(Msg::NoGroupLabel).to_string(),
            (None, _) => String::new(),
        };
        let count = nodes.len();
        let tiles = nodes.into_iter().map(|node| {
            node_tile(node, props.selected_node.as_ref() == Some(&node.name))
        });
        html! {
            <section class="tile-group">
                <h3>{ title }<span class="count">{ count }</span></h3>
                <div class="tiles" role="list" onclick={select.clone()} onkeydown={select_key.clone()}>
                    { for tiles }
                </div>
            </section>
        }
    });
    html! {
        <div class="compact">
            <div class="compact-bar">
                <span>{ app.tf(Msg::CompactNote, &[&view.nodes.len().to_string()]) }</span>
                <label>
                    { app.t(Msg::GroupBy) }{ " " }
                    <select ref={group_select} data-testid="group-by" {onchange}>
                        <option value="" selected={group_by.is_none()}>{ "—" }</option>
                        { for options }
                    </select>
                </label>
            </div>
            { for groups }
        </div>
    }
}

/// The label compact tiles are grouped by: the user's choice if the nodes have it, else a
/// well-known topology label, else the first candidate.
fn effective_group_by(props: &DiagramProps) -> Option<String> {
    let candidates = group_label_candidates(&props.view.nodes);
    props
        .group_by
        .clone()
        .filter(|g| candidates.contains(g))
        .or_else(|| {
            [
                "topology.kubernetes.io/zone",
                "node.kubernetes.io/instance-type",
                "pool",
            ]
            .into_iter()
            .map(str::to_string)
            .find(|k| candidates.contains(k))
        })
        .or_else(|| candidates.first().cloned())
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    daemon_sets: Rc<Vec<DaemonSetView>>,
    selected: Option<DaemonSetKey>,
}

/// One row per DaemonSet: its colour, name and status counters; clicking selects it for the card.
#[function_component(DaemonSetLegend)]
fn daemon_set_legend(props: &LegendProps) -> Html {
    let app = use_app();
    if props.daemon_sets.is_empty() {
        return html! { <p class="empty ds-empty">{ app.t(Msg::NoDaemonSets) }</p> };
    }
    let rows = props.daemon_sets.iter().map(|ds| {
        let selected = props.selected.as_ref() == Some(&ds.key);
        let counts = app.tf(
            Msg::DsStatus,
            &[
                &ds.desired.to_string(),
                &ds.current.to_string(),
                &ds.ready.to_string(),
                &ds.updated.to_string(),
                &ds.available.to_string(),
            ],
        );
        let key = ds.key.clone();
        html! {
            <li class={classes!("ds-row", format!("ds-{}", ds.color), selected.then_some("selected"))}
                data-ds={ds.key.to_string()}>
                <button type="button" class="ds-name" aria-pressed={selected.to_string()}
                    onclick={app.send(Action::SelectDaemonSet(Some(key)))}>
                    <span class="swatch" aria-hidden="true"></span>
                    <span class="ns">{ &ds.key.namespace }{ "/" }</span>
                    <strong>{ &ds.key.name }</strong>
                </button>
                <span class="ds-counts">{ counts }</span>
                if ds.misscheduled > 0 {
                    <span class="badge badge-warn" data-testid="misscheduled">
                        { "⚠ " }{ app.tf(Msg::DsMisscheduled, &[&ds.misscheduled.to_string()]) }
                    </span>
                }
                if let Some(b) = &ds.budget {
                    <span class={classes!("budget", b.rolling.then_some("rolling"))} data-testid="budget"
                        data-unavailable={b.unavailable.to_string()} data-max-unavailable={b.max_unavailable.to_string()}
                        data-surge={b.surging.to_string()} data-max-surge={b.max_surge.to_string()}
                        title={app.t(Msg::BudgetTitle)}>
                        if b.rolling {
                            <span class="budget-state">{ "↻ " }{ app.t(Msg::RollingOut) }{ " · " }</span>
                            <Meter used={b.unavailable} max={b.max_unavailable} />
                            <Meter used={b.surging} max={b.max_surge} />
                            { app.tf(Msg::Budget, &[&b.unavailable.to_string(), &b.max_unavailable.to_string(),
                                &b.surging.to_string(), &b.max_surge.to_string()]) }
                        } else {
                            { app.tf(Msg::BudgetIdle, &[&b.max_unavailable.to_string(), &b.max_surge.to_string()]) }
                        }
                    </span>
                }
                if ds.node_selector != "<none>" {
                    <code class="ds-selector">{ "nodeSelector: " }{ &ds.node_selector }</code>
                }
            </li>
        }
    });
    html! { <ul class="ds-legend">{ for rows }</ul> }
}

#[derive(Properties, PartialEq)]
struct MeterProps {
    used: i64,
    max: i64,
}

/// A budget as a row of cells, one per unit: filled ones are in use (also said in text).
#[function_component(Meter)]
fn meter(props: &MeterProps) -> Html {
    let cells = (0..props.max.clamp(0, 8)).map(|i| {
        html! { <span class={classes!("cell", (i < props.used).then_some("used"))}></span> }
    });
    html! { <span class="meter" aria-hidden="true">{ for cells }</span> }
}

/// The chip shapes and what they mean.
#[function_component(PhaseLegend)]
fn phase_legend() -> Html {
    let app = use_app();
    let items = [
        ("pending", "◌", Msg::PhasePending),
        ("creating", "◔", Msg::PhaseCreating),
        ("running", "◑", Msg::PhaseRunning),
        ("ready", "●", Msg::PhaseReady),
        ("terminating", "✕", Msg::PhaseTerminating),
        ("failed", "!", Msg::PhaseFailed),
    ]
    .into_iter()
    .map(|(look, icon, msg)| {
        html! {
            <li class={classes!("legend-item", format!("look-{look}"))}>
                <span class="legend-chip" aria-hidden="true">{ icon }</span>{ app.t(msg) }
            </li>
        }
    });
    html! {
        <ul class="phase-legend" aria-label={app.t(Msg::Legend)}>{ for items }</ul>
    }
}
