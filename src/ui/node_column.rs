//! One node of the diagram: a column (DaemonSet lanes with pod chips, other workloads as dots,
//! then the node's name, role, conditions, taints, labels and resource bars), or a compact tile
//! for large clusters. Clicking (or Enter/Space on) a node selects it; a lane's "why?" selects
//! the node and that DaemonSet for the eligibility card.

use super::context::{use_app, AppContext};
use crate::app::cluster_view::{ChipLook, Lane, NodeRole, NodeView, PodChip, Revision};
use crate::app::state::Action;
use crate::i18n::Msg;
use crate::model::{DaemonSetKey, NodeName, TaintEffect};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How many labels a column shows before "+N".
const LABELS_SHOWN: usize = 4;

/// Labels every node of a kind carries, left out of the column (the node panel lists them all;
/// the role is shown as the role).
const HIDDEN_LABELS: [&str; 6] = [
    "kubernetes.io/hostname",
    "kubernetes.io/os",
    "kubernetes.io/arch",
    "node-role.kubernetes.io/control-plane",
    "node-role.kubernetes.io/master",
    "node.kubernetes.io/exclude-from-external-load-balancers",
];

#[derive(Properties, PartialEq)]
pub struct NodeColumnProps {
    pub node: Rc<NodeView>,
    pub selected: bool,
    pub selected_ds: Option<DaemonSetKey>,
}

fn select_handlers(
    app: &AppContext,
    name: &NodeName,
) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let onclick = app.send(Action::SelectNode(Some(name.clone())));
    let dispatcher = app.dispatcher.clone();
    let name = name.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            dispatcher.dispatch(Action::SelectNode(Some(name.clone())));
        }
    });
    (onclick, onkeydown)
}

#[function_component(NodeColumn)]
pub fn node_column(props: &NodeColumnProps) -> Html {
    let app = use_app();
    let node = &props.node;
    let column = use_node_ref();
    {
        // A newly selected node (clicked, or just added at the far right) scrolls into view.
        let column = column.clone();
        use_effect_with(props.selected, move |&selected| {
            if selected {
                scroll_into_view(&column);
            }
        });
    }
    let (onclick, onkeydown) = select_handlers(&app, &node.name);
    let control_plane = node.role == NodeRole::ControlPlane;
    let lanes = node.lanes.iter().map(|lane| {
        let active = props.selected && props.selected_ds.as_ref() == Some(&lane.daemon_set);
        html! { <LaneView lane={lane.clone()} node={node.name.clone()} {active} /> }
    });
    let dots = node.other_pods.iter().map(|dot| {
        html! {
            <span key={dot.name.0.clone()}
                class={classes!("dot", format!("wl-{}", dot.color), dot.terminating.then_some("fading"))}
                title={format!("{}/{} ({})", dot.namespace, dot.name, dot.phase.as_str())}
                data-other-pod={dot.name.0.clone()}></span>
        }
    });
    let badges = node_badges(&app, node);
    let taints = node.taints.iter().map(|t| {
        html! {
                    <li class={classes!("taint", effect_class(t.effect))} title={t.text.clone()}>
        { &t.text }
                    </li>
                }
    });
    let labels = node
        .labels
        .iter()
        .filter(|(k, _)| {
            !HIDDEN_LABELS.contains(&k.as_str()) && !k.starts_with("beta.kubernetes.io/")
        })
        .collect::<Vec<_>>();
    let hidden = labels.len().saturating_sub(LABELS_SHOWN);
    let label_items = labels.iter().take(LABELS_SHOWN).map(|(k, v)| {
        let text = if v.is_empty() {
            k.to_string()
        } else {
            format!("{k}={v}")
        };
        html! { <li class="label" title={text.clone()}>{ text }</li> }
    });
    let label = app.tf(Msg::SelectNodeTitle, &[&node.name.0]);
    html! {
        <div class={classes!("node", control_plane.then_some("node-cp"), props.selected.then_some("selected"),
                (!node.ready).then_some("node-notready"), node.cordoned.then_some("node-cordoned"))}
            role="listitem" data-node={node.name.0.clone()} ref={column}>
            <div class="lanes">{ for lanes }</div>
            <div class="node-box" data-testid="node-box" tabindex="0" role="button" aria-pressed={props.selected.to_string()}
                aria-label={label} {onclick} {onkeydown}>
                <div class="dots" aria-label={app.t(Msg::OtherWorkloads)}>{ for dots }</div>
                <div class="node-head">
                    <span class="node-icon" aria-hidden="true">{ if control_plane { "♛" } else { "▣" } }</span>
                    <span class="node-name">{ &node.name.0 }</span>
                </div>
                <div class="node-role">
                    { if control_plane { app.t(Msg::RoleControlPlane) } else { app.t(Msg::RoleWorker) } }
                </div>
                { badges }
                if !node.taints.is_empty() {
                    <ul class="taints">{ for taints }</ul>
                }
                <ul class="labels">
                    { for label_items }
                    if hidden > 0 {
                        <li class="label more">{ format!("+{hidden}") }</li>
                    }
                </ul>
                <ResourceBars node={node.clone()} />
            </div>
        </div>
    }
}

/// Scrolls the diagram horizontally so that the column is fully visible.
fn scroll_into_view(column: &NodeRef) {
    let Some(el) = column.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let Some(scroller) = el
        .closest(".diagram-scroll")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let (left, width) = (el.offset_left(), el.offset_width());
    let (view_left, view_width) = (scroller.scroll_left(), scroller.client_width());
    if left < view_left {
        scroller.set_scroll_left(left - 8);
    } else if left + width > view_left + view_width {
        scroller.set_scroll_left(left + width - view_width + 8);
    }
}

fn node_badges(app: &AppContext, node: &NodeView) -> Html {
    let conditions = node.conditions.iter().filter(|c| c.bad).map(|c| {
        let text = if c.condition == crate::model::NodeConditionType::Ready {
            if c.status == crate::model::ConditionStatus::Unknown {
                "Ready=Unknown".to_string()
            } else {
                app.t(Msg::NotReady).to_string()
            }
        } else {
            c.condition.as_str().to_string()
        };
        html! { <span class="badge badge-bad">{ "⚠ " }{ text }</span> }
    });
    html! {
        <div class="badges">
            { for conditions }
            if node.cordoned {
                <span class="badge badge-warn">{ "⊘ " }{ app.t(Msg::Cordoned) }</span>
            }
        </div>
    }
}

fn effect_class(effect: TaintEffect) -> &'static str {
    match effect {
        TaintEffect::NoSchedule => "eff-noschedule",
        TaintEffect::PreferNoSchedule => "eff-prefer",
        TaintEffect::NoExecute => "eff-noexecute",
    }
}

#[derive(Properties, PartialEq)]
struct ResourceBarsProps {
    node: Rc<NodeView>,
}

#[function_component(ResourceBars)]
fn resource_bars(props: &ResourceBarsProps) -> Html {
    let app = use_app();
    let rows = props.node.resources.iter().map(|r| {
        let total = r.allocatable.clone().unwrap_or_else(|| "∞".to_string());
        let pct = r.percent.unwrap_or(0);
        let level = match pct {
            0..=69 => "ok",
            70..=89 => "high",
            _ => "full",
        };
        html! {
            <div class="res" title={format!("{}: {} / {}", r.name, r.requested, total)}>
                <span class="res-name">{ r.name }</span>
                <span class="res-bar" aria-hidden="true">
                    <span class={classes!("res-fill", format!("lvl-{level}"))} style={format!("width:{pct}%")}></span>
                </span>
                <span class="res-val">{ &r.requested }{ " / " }{ total }</span>
            </div>
        }
    });
    html! { <div class="resources" aria-label={app.t(Msg::Resources)}>{ for rows }</div> }
}

#[derive(Properties, PartialEq)]
struct LaneProps {
    lane: Lane,
    node: NodeName,
    active: bool,
}

/// One DaemonSet's lane on one node.
#[function_component(LaneView)]
fn lane_view(props: &LaneProps) -> Html {
    let app = use_app();
    let lane = &props.lane;
    let why = {
        let dispatcher = app.dispatcher.clone();
        let node = props.node.clone();
        let ds = lane.daemon_set.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            dispatcher.dispatch(Action::SelectNode(Some(node.clone())));
            dispatcher.dispatch(Action::SelectDaemonSet(Some(ds.clone())));
        })
    };
    let chips = lane
        .pods
        .iter()
        .map(|p| html! { <PodChipView key={p.name.0.clone()} chip={p.clone()} rolling={lane.rolling} /> });
    html! {
        <div class={classes!("lane", format!("ds-{}", lane.color), props.active.then_some("active"))}
            data-lane={lane.daemon_set.to_string()}>
            { for chips }
            if lane.pods.is_empty() {
                <button type="button" class={classes!("slot", (!lane.should_run).then_some("slot-no"))}
                    title={lane.reason.clone()} onclick={why.clone()} data-testid="why">
                    if lane.should_run { { "…" } } else {
                        <span class="slot-x" aria-hidden="true">{ "—" }</span>
                        <span class="slot-why">{ app.t(Msg::Why) }</span>
                    }
                </button>
            } else if !lane.should_run {
                <button type="button" class="why-mini" title={lane.reason.clone()} onclick={why}
                    aria-label={app.t(Msg::Why)}>{ "?" }</button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PodChipProps {
    chip: PodChip,
    /// The DaemonSet is rolling out: the chip says old or new.
    rolling: bool,
}

fn look_icon(look: ChipLook) -> &'static str {
    match look {
        ChipLook::Pending => "◌",
        ChipLook::Creating => "◔",
        ChipLook::Running => "◑",
        ChipLook::Ready => "●",
        ChipLook::Terminating => "✕",
        ChipLook::Failed => "!",
        ChipLook::Succeeded => "✓",
    }
}

/// A daemon pod: colour (its DaemonSet), shape and text (its phase), with the test hooks.
#[function_component(PodChipView)]
fn pod_chip_view(props: &PodChipProps) -> Html {
    let app = use_app();
    let chip = &props.chip;
    let suffix = chip
        .name
        .0
        .rsplit_once('-')
        .map(|(_, s)| s.to_string())
        .unwrap_or_else(|| chip.name.0.clone());
    let status = match (&chip.reason, chip.look) {
        (Some(reason), ChipLook::Pending) => reason.clone(),
        _ if chip.look == ChipLook::Ready => "Ready".to_string(),
        _ => chip.status.clone(),
    };
    let mut title = app.tf(Msg::PodTitle, &[&chip.name.0, &chip.node.0, &status]);
    if !chip.revision_hash.is_empty() {
        title.push_str(" · ");
        title.push_str(&app.tf(Msg::RevisionTitle, &[&chip.revision_hash]));
    }
    let old = chip.revision == Revision::Old;
    let revision_tag = (old || props.rolling).then(|| {
        let (text, class) = if old {
            (app.t(Msg::RevisionOld), "rev-old")
        } else {
            (app.t(Msg::RevisionNew), "rev-new")
        };
        html! { <span class={classes!("chip-rev", class)} data-testid="revision-tag">{ text }</span> }
    });
    if let Some(secs) = chip.evict_in {
        title.push_str(" · ");
        title.push_str(&app.tf(Msg::EvictInTitle, &[&secs.to_string()]));
    }
    html! {
        <div class={classes!("chip", format!("look-{}", chip.look.as_str()), format!("ds-{}", chip.color),
                chip.misscheduled.then_some("misscheduled"), chip.evict_in.is_some().then_some("counting"))}
            data-testid="pod"
            data-pod={chip.name.0.clone()}
            data-node={chip.node.0.clone()}
            data-daemonset={chip.daemon_set.to_string()}
            data-phase={chip.phase.as_str()}
            data-ready={chip.ready.to_string()}
            data-look={chip.look.as_str()}
            data-revision={if old { "old" } else { "current" }}
            data-hash={chip.revision_hash.clone()}
            title={title}>
            <span class="chip-icon" aria-hidden="true">{ look_icon(chip.look) }</span>
            <span class="chip-text">
                <span class="chip-name">{ suffix }{ for revision_tag }</span>
                if let Some(secs) = chip.evict_in {
                    <span class="chip-status chip-evict" data-testid="evict-in" data-evict-in={secs.to_string()}>
                        { app.tf(Msg::EvictIn, &[&secs.to_string()]) }
                    </span>
                } else {
                    <span class="chip-status">{ status }</span>
                }
            </span>
            if chip.misscheduled {
                <span class="chip-flag" title={app.t(Msg::Misscheduled)}>{ "⚠" }</span>
            }
        </div>
    }
}

/// A compact tile: the node's name and one small chip per daemon pod. A plain view function,
/// not a component, and without listeners of its own (the tile grid delegates clicks and keys,
/// see `diagram::compact_body`): a 1,000-node cluster is 1,000 of these.
pub fn node_tile(node: &NodeView, selected: bool) -> Html {
    let chips = node.lanes.iter().flat_map(|lane| {
        let empty = lane.pods.is_empty().then(|| {
            html! {
                <span key={format!("empty:{}", lane.daemon_set)}
                    class={classes!("mini", "mini-empty", format!("ds-{}", lane.color),
                    (!lane.should_run).then_some("mini-no"))}></span>
            }
        });
        lane.pods
            .iter()
            .map(|p| {
                html! {
                    <span key={p.name.0.clone()}
                        class={classes!("mini", format!("look-{}", p.look.as_str()), format!("ds-{}", p.color))}
                        data-testid="pod" data-pod={p.name.0.clone()} data-node={p.node.0.clone()}
                        data-daemonset={p.daemon_set.to_string()} data-phase={p.phase.as_str()}
                        data-ready={p.ready.to_string()}></span>
                }
            })
            .chain(empty)
            .collect::<Vec<_>>()
    });
    let problems = !node.ready || node.cordoned || !node.taints.is_empty();
    html! {
        <div key={node.name.0.clone()}
            class={classes!("tile", (node.role == NodeRole::ControlPlane).then_some("node-cp"),
                selected.then_some("selected"), (!node.ready).then_some("node-notready"))}
            role="listitem" data-node={node.name.0.clone()} tabindex="0"
            title={node.name.0.clone()}>
            <span class="tile-name">{ &node.name.0 }</span>
            <span class="tile-chips">{ for chips }</span>
            if problems {
                <span class="tile-flag" aria-hidden="true">{ "⚠" }</span>
            }
        </div>
    }
}
