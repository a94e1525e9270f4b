//! The "add node" form: kind (worker, control plane, custom), name (a free one suggested),
//! extra labels and taints, and allocatable cpu/memory/pods. Input errors are shown inline in the
//! API server's or kubectl's words before anything is dispatched.

use super::context::use_app;
use crate::app::node_edit::{self, NodeKind};
use crate::app::state::{Action, NewNode};
use crate::i18n::Msg;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AddNodeProps {
    pub existing: Rc<Vec<String>>,
    pub on_close: Callback<()>,
}

/// The form's fields (UI-local input state, not domain state).
#[derive(Clone, PartialEq)]
struct Fields {
    kind: NodeKind,
    name: String,
    labels: String,
    taints: String,
    cpu: String,
    memory: String,
    pods: String,
}

fn input_value(e: &InputEvent) -> String {
    e.target()
        .and_then(|t| {
            t.clone()
                .dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .ok()
                .or_else(|| {
                    t.dyn_into::<web_sys::HtmlTextAreaElement>()
                        .map(|a| a.value())
                        .ok()
                })
        })
        .unwrap_or_default()
}

#[function_component(AddNodeForm)]
pub fn add_node_form(props: &AddNodeProps) -> Html {
    let app = use_app();
    let existing = props.existing.clone();
    let fields = use_state(|| Fields {
        kind: NodeKind::Worker,
        name: node_edit::suggest_name(NodeKind::Worker, existing.iter().map(String::as_str)).0,
        labels: String::new(),
        taints: String::new(),
        cpu: "2".into(),
        memory: "4Gi".into(),
        pods: "110".into(),
    });
    let error = use_state(|| None::<String>);
    let name_ref = use_node_ref();
    {
        let name_ref = name_ref.clone();
        use_effect_with((), move |_| {
            if let Some(input) = name_ref.cast::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
        });
    }

    let set = |apply: fn(&mut Fields, String)| {
        let fields = fields.clone();
        Callback::from(move |e: InputEvent| {
            let mut f = (*fields).clone();
            apply(&mut f, input_value(&e));
            fields.set(f);
        })
    };
    let kind_buttons = NodeKind::ALL.iter().map(|&kind| {
        let msg = match kind {
            NodeKind::Worker => Msg::KindWorker,
            NodeKind::ControlPlane => Msg::KindControlPlane,
            NodeKind::Custom => Msg::KindCustom,
        };
        let checked = fields.kind == kind;
        let handle = fields.clone();
        let existing = existing.clone();
        let onchange = Callback::from(move |_: Event| {
            let fields = &handle;
            let mut f = (**fields).clone();
            let old_suggestion =
                node_edit::suggest_name(f.kind, existing.iter().map(String::as_str)).0;
            if f.name == old_suggestion || f.name.is_empty() {
                f.name = node_edit::suggest_name(kind, existing.iter().map(String::as_str)).0;
            }
            f.kind = kind;
            fields.set(f);
        });
        html! {
            <label class={classes!("seg", checked.then_some("on"))}>
                <input type="radio" name="node-kind" value={kind.as_str()} {checked}
                    data-testid={format!("kind-{}", kind.as_str())} {onchange} />
                { app.t(msg) }
            </label>
        }
    });
    let onsubmit = {
        let fields = fields.clone();
        let error = error.clone();
        let dispatcher = app.dispatcher.clone();
        let on_close = props.on_close.clone();
        let existing = existing.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let f = (*fields).clone();
            let parsed = (|| -> Result<NewNode, String> {
                let name = node_edit::parse_node_name(&f.name)?;
                if existing.contains(&name.0) {
                    return Err(format!(
                        "Error from server (AlreadyExists): nodes \"{}\" already exists",
                        name.0
                    ));
                }
                Ok(NewNode {
                    kind: f.kind,
                    name,
                    labels: node_edit::parse_labels(&f.labels)?,
                    taints: node_edit::parse_taints(&f.taints)?,
                    allocatable: node_edit::parse_allocatable(&f.cpu, &f.memory, &f.pods)?,
                })
            })();
            match parsed {
                Ok(new) => {
                    dispatcher.dispatch(Action::AddNode(new));
                    error.set(None);
                    on_close.emit(());
                }
                Err(msg) => error.set(Some(msg)),
            }
        })
    };
    let oncancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    html! {
        <form class="card add-node" data-testid="add-node-form" {onsubmit} {onkeydown}>
            <h3>{ app.t(Msg::AddNodeTitle) }</h3>
            <div class="segmented kinds" role="radiogroup">{ for kind_buttons }</div>
            if fields.kind == NodeKind::ControlPlane {
                <p class="hint">{ app.t(Msg::KindHint) }</p>
            }
            <div class="form-grid">
                <label class="field">
                    <span>{ app.t(Msg::NodeName) }</span>
                    <input ref={name_ref} type="text" data-testid="node-name" value={fields.name.clone()}
                        spellcheck="false" autocomplete="off" oninput={set(|f, v| f.name = v)} />
                </label>
                <label class="field">
                    <span>{ app.t(Msg::Cpu) }</span>
                    <input type="text" data-testid="node-cpu" value={fields.cpu.clone()} placeholder="2"
                        oninput={set(|f, v| f.cpu = v)} />
                </label>
                <label class="field">
                    <span>{ app.t(Msg::Memory) }</span>
                    <input type="text" data-testid="node-memory" value={fields.memory.clone()} placeholder="4Gi"
                        oninput={set(|f, v| f.memory = v)} />
                </label>
                <label class="field">
                    <span>{ app.t(Msg::PodsCap) }</span>
                    <input type="text" data-testid="node-pods" value={fields.pods.clone()} placeholder="110"
                        oninput={set(|f, v| f.pods = v)} />
                </label>
                <p class="hint wide">{ app.t(Msg::EmptyMeansNoLimit) }</p>
                <label class="field wide">
                    <span>{ app.t(Msg::LabelsField) }</span>
                    <textarea rows="2" data-testid="node-labels" spellcheck="false" placeholder="disktype=ssd"
                        value={fields.labels.clone()} oninput={set(|f, v| f.labels = v)} />
                </label>
                <label class="field wide">
                    <span>{ app.t(Msg::TaintsField) }</span>
                    <textarea rows="2" data-testid="node-taints" spellcheck="false" placeholder="dedicated=gpu:NoSchedule"
                        value={fields.taints.clone()} oninput={set(|f, v| f.taints = v)} />
                </label>
            </div>
            if let Some(msg) = &*error {
                <p class="form-error" role="alert">{ msg }</p>
            }
            <div class="form-actions">
                <button type="button" class="btn" onclick={oncancel}>{ app.t(Msg::Cancel) }</button>
                <button type="submit" class="btn btn-primary" data-testid="create-node">{ app.t(Msg::Create) }</button>
            </div>
        </form>
    }
}
