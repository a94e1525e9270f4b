//! Editing the selected node: cordon/uncordon, remove, Ready/NotReady/Unknown and the pressure
//! conditions, labels (set, edit, remove), taints (add with an effect picker, remove) and
//! allocatable cpu/memory/pods; the node's daemon pods, each with "make it fail" (`pod fail`:
//! the controller's back-off and replacement then play out, R2.5). Every control is a plain form element, so all of it works from
//! the keyboard; each change dispatches one `Action` and reconciles at once.

use super::context::use_app;
use crate::app::cluster_view::{ChipLook, NodeView};
use crate::app::node_edit;
use crate::app::state::Action;
use crate::i18n::Msg;
use crate::model::{ConditionStatus, NodeConditionType, Taint, TaintEffect};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NodePanelProps {
    pub node: Rc<NodeView>,
}

fn value_of(e: &Event) -> String {
    e.target()
        .and_then(|t| {
            t.clone()
                .dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .ok()
                .or_else(|| {
                    t.dyn_into::<web_sys::HtmlSelectElement>()
                        .map(|s| s.value())
                        .ok()
                })
        })
        .unwrap_or_default()
}

#[function_component(NodePanel)]
pub fn node_panel(props: &NodePanelProps) -> Html {
    let app = use_app();
    let node = &props.node;
    let name = node.name.clone();
    html! {
        <section class="card node-panel" data-testid="node-panel" data-panel-node={name.0.clone()}>
            <div class="card-head">
                <h3>{ app.tf(Msg::NodePanelTitle, &[&name.0]) }</h3>
                <div class="actions">
                    if node.cordoned {
                        <button type="button" class="btn" data-testid="uncordon"
                            onclick={app.send(Action::Uncordon(name.clone()))}>{ app.t(Msg::Uncordon) }</button>
                    } else {
                        <button type="button" class="btn" data-testid="cordon"
                            onclick={app.send(Action::Cordon(name.clone()))}>{ app.t(Msg::Cordon) }</button>
                    }
                    <button type="button" class="btn btn-danger" data-testid="remove-node"
                        onclick={app.send(Action::RemoveNode(name.clone()))}>{ app.t(Msg::RemoveNode) }</button>
                </div>
            </div>
            <DaemonPods node={node.clone()} />
            <Conditions node={node.clone()} />
            <Labels node={node.clone()} />
            <Taints node={node.clone()} />
            <Allocatable node={node.clone()} />
        </section>
    }
}

/// The node's daemon pods, each with a button that makes its container fail.
#[function_component(DaemonPods)]
fn daemon_pods(props: &NodePanelProps) -> Html {
    let app = use_app();
    let pods: Vec<_> = props
        .node
        .lanes
        .iter()
        .flat_map(|l| l.pods.iter())
        .collect();
    let rows = pods.iter().map(|p| {
        let can_fail = p.node.0 == props.node.name.0
            && !matches!(p.look, ChipLook::Pending | ChipLook::Terminating | ChipLook::Failed | ChipLook::Succeeded);
        html! {
            <li class="pod-row" data-pod-row={p.name.0.clone()}>
                <code class="pod-name">{ &p.name.0 }</code>
                <span class="pod-phase">{ &p.status }</span>
                <button type="button" class="btn btn-small btn-danger" data-testid="fail-pod"
                    data-fail-pod={p.name.0.clone()} title={app.t(Msg::FailPodTitle)}
                    disabled={!can_fail}
                    onclick={app.send(Action::FailPod { namespace: p.namespace.clone(), name: p.name.0.clone() })}>
                    <span aria-hidden="true">{ "✗ " }</span>{ app.t(Msg::FailPod) }
                </button>
            </li>
        }
    });
    html! {
        <div class="panel-section daemon-pods">
            <h4>{ app.t(Msg::DaemonPods) }</h4>
            if pods.is_empty() {
                <p class="empty">{ app.t(Msg::NoDaemonPods) }</p>
            } else {
                <ul class="pod-list">{ for rows }</ul>
            }
        </div>
    }
}

#[function_component(Conditions)]
fn conditions(props: &NodePanelProps) -> Html {
    let app = use_app();
    let node = &props.node;
    let status_of = |c: NodeConditionType| {
        node.conditions
            .iter()
            .find(|v| v.condition == c)
            .map(|v| v.status)
            .unwrap_or(if c == NodeConditionType::Ready {
                ConditionStatus::True
            } else {
                ConditionStatus::False
            })
    };
    let ready = status_of(NodeConditionType::Ready);
    let ready_ref = super::hooks::use_select_value(ready.as_str().to_string());
    let ready_select = {
        let name = node.name.clone();
        let onchange = app.callback(move |e: Event| Action::SetCondition {
            node: name.clone(),
            condition: NodeConditionType::Ready,
            status: ConditionStatus::parse(&value_of(&e)).unwrap_or(ConditionStatus::True),
        });
        let option = |s: ConditionStatus| {
            html! { <option value={s.as_str()} selected={ready == s}>{ format!("Ready={}", s.as_str()) }</option> }
        };
        html! {
            <select ref={ready_ref} data-testid="ready" {onchange} aria-label="Ready">
                { option(ConditionStatus::True) }
                { option(ConditionStatus::False) }
                { option(ConditionStatus::Unknown) }
            </select>
        }
    };
    let pressures = NodeConditionType::ALL
        .into_iter()
        .filter(|c| *c != NodeConditionType::Ready)
        .map(|c| {
            let on = status_of(c) == ConditionStatus::True;
            let name = node.name.clone();
            let onchange = app.callback(move |_: Event| Action::SetCondition {
                node: name.clone(),
                condition: c,
                status: if on {
                    ConditionStatus::False
                } else {
                    ConditionStatus::True
                },
            });
            html! {
                <label class={classes!("check", on.then_some("on"))}>
                    <input type="checkbox" checked={on} data-testid={format!("cond-{}", c.as_str())} {onchange} />
                    { c.as_str() }
                </label>
            }
        });
    html! {
        <div class="panel-section">
            <h4>{ app.t(Msg::Conditions) }</h4>
            <div class="conditions">{ ready_select }{ for pressures }</div>
        </div>
    }
}

/// The current text of an input.
fn read(input: &NodeRef) -> String {
    input
        .cast::<web_sys::HtmlInputElement>()
        .map(|i| i.value().trim().to_string())
        .unwrap_or_default()
}

fn write(input: &NodeRef, value: &str) {
    if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    }
}

// The forms below read their inputs when submitted (uncontrolled inputs), so that a submit right
// after typing never sees a stale value.

#[function_component(Labels)]
fn labels(props: &NodePanelProps) -> Html {
    let app = use_app();
    let node = &props.node;
    let key = use_node_ref();
    let value = use_node_ref();
    let error = use_state(|| None::<String>);
    let items = node.labels.iter().map(|(k, v)| {
        let text = if v.is_empty() {
            k.clone()
        } else {
            format!("{k}={v}")
        };
        let edit = {
            let (key, value, k, v) = (key.clone(), value.clone(), k.clone(), v.clone());
            Callback::from(move |_: MouseEvent| {
                write(&key, &k);
                write(&value, &v);
                if let Some(i) = value.cast::<web_sys::HtmlInputElement>() {
                    let _ = i.focus();
                }
            })
        };
        let remove = app.send(Action::RemoveLabel {
            node: node.name.clone(),
            key: k.clone(),
        });
        html! {
            <li class="kv">
                <button type="button" class="kv-text" onclick={edit} title={text.clone()}>{ text.clone() }</button>
                <button type="button" class="kv-x" aria-label={app.tf(Msg::RemoveItem, &[&text])}
                    data-testid="remove-label" data-label={k.clone()} onclick={remove}>{ "✕" }</button>
            </li>
        }
    });
    let onsubmit = {
        let (key, value, error) = (key.clone(), value.clone(), error.clone());
        let dispatcher = app.dispatcher.clone();
        let node = node.name.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (k, v) = (read(&key), read(&value));
            match node_edit::check_label(&node.0, &k, &v) {
                Ok(()) => {
                    dispatcher.dispatch(Action::SetLabel {
                        node: node.clone(),
                        key: k,
                        value: v,
                    });
                    write(&key, "");
                    write(&value, "");
                    error.set(None);
                }
                Err(msg) => error.set(Some(msg)),
            }
        })
    };
    html! {
        <div class="panel-section">
            <h4>{ app.t(Msg::Labels) }</h4>
            if node.labels.is_empty() {
                <p class="muted">{ app.t(Msg::NoLabels) }</p>
            }
            <ul class="kv-list">{ for items }</ul>
            <form class="inline-form" data-testid="label-form" {onsubmit}>
                <input ref={key} type="text" placeholder={app.t(Msg::Key)} aria-label={app.t(Msg::Key)}
                    data-testid="label-key" spellcheck="false" autocomplete="off" />
                <span class="eq">{ "=" }</span>
                <input ref={value} type="text" placeholder={app.t(Msg::Value)} aria-label={app.t(Msg::Value)}
                    data-testid="label-value" spellcheck="false" autocomplete="off" />
                <button type="submit" class="btn" data-testid="set-label">{ app.t(Msg::AddLabel) }</button>
            </form>
            if let Some(msg) = &*error {
                <p class="form-error" role="alert">{ msg }</p>
            }
        </div>
    }
}

#[function_component(Taints)]
fn taints(props: &NodePanelProps) -> Html {
    let app = use_app();
    let node = &props.node;
    let key = use_node_ref();
    let value = use_node_ref();
    let effect = use_node_ref();
    let error = use_state(|| None::<String>);
    let items = node.taints.iter().map(|t| {
        let remove = app.send(Action::RemoveTaint {
            node: node.name.clone(),
            key: t.key.clone(),
            effect: t.effect,
        });
        html! {
            <li class={classes!("kv", "taint-item", effect_class(t.effect))}>
                <span class="kv-text">{ &t.text }</span>
                <button type="button" class="kv-x" aria-label={app.tf(Msg::RemoveItem, &[&t.text])}
                    data-testid="remove-taint" data-taint={t.text.clone()} onclick={remove}>{ "✕" }</button>
            </li>
        }
    });
    let onsubmit = {
        let (key, value, effect, error) =
            (key.clone(), value.clone(), effect.clone(), error.clone());
        let dispatcher = app.dispatcher.clone();
        let node = node.name.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (k, v) = (read(&key), read(&value));
            let effect = effect
                .cast::<web_sys::HtmlSelectElement>()
                .and_then(|s| TaintEffect::parse(&s.value()))
                .unwrap_or(TaintEffect::NoSchedule);
            let mut errors = node_edit::label_key_errors(&k);
            errors.extend(node_edit::label_value_errors(&v));
            if errors.is_empty() {
                dispatcher.dispatch(Action::AddTaint {
                    node: node.clone(),
                    taint: Taint::new(k, v, effect),
                });
                write(&key, "");
                write(&value, "");
                error.set(None);
            } else {
                let spec = Taint::new(k, v, effect).to_kubectl_string();
                error.set(Some(format!(
                    "invalid taint spec: {spec}, {}",
                    errors.join("; ")
                )));
            }
        })
    };
    let effects = [
        TaintEffect::NoSchedule,
        TaintEffect::PreferNoSchedule,
        TaintEffect::NoExecute,
    ]
    .into_iter()
    .map(|e| html! { <option value={e.as_str()}>{ e.as_str() }</option> });
    html! {
        <div class="panel-section">
            <h4>{ app.t(Msg::Taints) }</h4>
            if node.taints.is_empty() {
                <p class="muted">{ app.t(Msg::NoTaintsShort) }</p>
            }
            <ul class="kv-list">{ for items }</ul>
            <form class="inline-form" data-testid="taint-form" {onsubmit}>
                <input ref={key} type="text" placeholder={app.t(Msg::Key)} aria-label={app.t(Msg::Key)}
                    data-testid="taint-key" spellcheck="false" autocomplete="off" />
                <span class="eq">{ "=" }</span>
                <input ref={value} type="text" placeholder={app.t(Msg::Value)} aria-label={app.t(Msg::Value)}
                    data-testid="taint-value" spellcheck="false" autocomplete="off" />
                <span class="eq">{ ":" }</span>
                <select ref={effect} aria-label={app.t(Msg::Effect)} data-testid="taint-effect">{ for effects }</select>
                <button type="submit" class="btn" data-testid="add-taint">{ app.t(Msg::AddTaint) }</button>
            </form>
            if let Some(msg) = &*error {
                <p class="form-error" role="alert">{ msg }</p>
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

#[function_component(Allocatable)]
fn allocatable(props: &NodePanelProps) -> Html {
    let app = use_app();
    let node = &props.node;
    let current = |name: &str| {
        node.resources
            .iter()
            .find(|r| r.name == name)
            .and_then(|r| r.allocatable.clone())
            .unwrap_or_default()
    };
    let cpu = use_node_ref();
    let memory = use_node_ref();
    let pods = use_node_ref();
    let error = use_state(|| None::<String>);
    {
        // Show the node's values when another node is selected or they change elsewhere.
        let (c, m, p) = (cpu.clone(), memory.clone(), pods.clone());
        let key = (
            current("cpu"),
            current("memory"),
            current("pods"),
            node.name.clone(),
        );
        use_effect_with(key, move |(cv, mv, pv, _)| {
            write(&c, cv);
            write(&m, mv);
            write(&p, pv);
        });
    }
    let onsubmit = {
        let (cpu, memory, pods, error) = (cpu.clone(), memory.clone(), pods.clone(), error.clone());
        let dispatcher = app.dispatcher.clone();
        let node = node.name.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match node_edit::parse_allocatable(&read(&cpu), &read(&memory), &read(&pods)) {
                Ok(allocatable) => {
                    dispatcher.dispatch(Action::SetAllocatable {
                        node: node.clone(),
                        allocatable,
                    });
                    error.set(None);
                }
                Err(msg) => error.set(Some(msg)),
            }
        })
    };
    let field = |input: &NodeRef, label: Msg, testid: &'static str| {
        html! {
            <label class="field small">
                <span>{ app.t(label) }</span>
                <input ref={input.clone()} type="text" placeholder={app.t(Msg::NoLimit)}
                    data-testid={testid} spellcheck="false" autocomplete="off" />
            </label>
        }
    };
    html! {
        <div class="panel-section">
            <h4>{ app.t(Msg::Allocatable) }</h4>
            <form class="inline-form alloc" data-testid="allocatable-form" {onsubmit}>
                { field(&cpu, Msg::Cpu, "alloc-cpu") }
                { field(&memory, Msg::Memory, "alloc-memory") }
                { field(&pods, Msg::PodsCap, "alloc-pods") }
                <button type="submit" class="btn" data-testid="set-allocatable">{ app.t(Msg::SetAllocatable) }</button>
            </form>
            <p class="hint">{ app.t(Msg::EmptyMeansNoLimit) }</p>
            if let Some(msg) = &*error {
                <p class="form-error" role="alert">{ msg }</p>
            }
        </div>
    }
}
