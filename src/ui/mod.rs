//! The page: Yew function components over the headless `app` layer (wasm32 only).
//!
//! One `use_reducer` over `AppState` at the root; components get small props (view-model slices
//! behind `Rc`, compared by value so unchanged nodes do not re-render) and dispatch `Action`s
//! through the context's stable dispatcher. Timers, storage and document attributes live in hooks
//! at the root (`hooks`, `browser`). No placement or status logic here: it all comes from
//! `app::cluster_view` and `app::eligibility_card`.

mod add_node;
mod browser;
mod context;
mod diagram;
mod editor;
mod eligibility;
mod header;
mod hooks;
mod icons;
mod inspector;
mod node_column;
mod node_panel;
pub mod panic;
mod reader_loader;
mod timeline;

use crate::app::cluster_view::cluster_view;
use crate::app::eligibility_card::eligibility_card;
use crate::app::state::{Action, AppState};
use context::AppContext;
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        state.update(action);
        Rc::new(state)
    }
}

/// Installs the panic hook, then mounts the app on `<body>`.
pub fn start() {
    panic::install();
    yew::Renderer::<App>::new().render();
}

/// The root: state, effects, and the three areas.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let mut state = AppState::new(browser::init());
        if let Some(speed) = browser::query_param("speed")
            .as_deref()
            .and_then(crate::app::state::Speed::parse)
        {
            state.speed = speed;
        }
        state
    });
    hooks::use_ticker(&state);
    hooks::use_undo_keys(state.dispatcher());
    hooks::use_saved_text(&state);
    hooks::use_auto_apply(&state);
    hooks::use_document_prefs(state.lang, state.theme);
    {
        // An apply waits for the manifest reader module: load it, then apply.
        let dispatcher = state.dispatcher();
        use_effect_with(state.editor.awaiting_reader.is_some(), move |awaiting| {
            if *awaiting {
                reader_loader::when_ready(move || dispatcher.dispatch(Action::ReaderReady));
            }
        });
    }

    let view = {
        let sim = state.sim_rc();
        use_memo(state.revision(), move |_| cluster_view(&sim))
    };
    let card = {
        let sim = state.sim_rc();
        let node = state.selection.node.clone();
        let ds = state.card_daemon_set().map(|d| d.key());
        use_memo((state.revision(), node, ds), move |(_, node, ds)| {
            let node = sim.node(&node.as_ref()?.0)?;
            let ds = sim.daemon_set(ds.as_ref()?)?;
            Some(Rc::new(eligibility_card(&sim, ds, node)))
        })
    };
    let selected_view = state
        .selection
        .node
        .as_ref()
        .and_then(|n| view.nodes.iter().find(|v| &v.name == n).cloned());
    let diagnostics = {
        let d = state.editor.diagnostics.clone();
        use_memo(d, |d| d.clone())
    };
    let apply_output = {
        let o = state.editor.apply_output.clone();
        use_memo(o, |o| o.clone())
    };
    let context = AppContext {
        dispatcher: state.dispatcher(),
        lang: state.lang,
    };
    let settled = state.is_settled();
    let card_ds = state.card_daemon_set().map(|d| d.key());
    let notice = state.notice.clone().map(|n| match n {
        crate::app::state::Notice::Error(msg) => msg,
    });
    let on_export = {
        let state = state.clone();
        Callback::from(move |_: ()| {
            let state = state.clone();
            reader_loader::when_ready(move || {
                timeline::download(
                    "daemonset-playground-scenario.yaml",
                    &state.export_scenario(),
                )
            })
        })
    };
    let lang_code = state.lang.code();
    let cursor = state.history_cursor();
    let entries = state.history_entries();
    let next_step = entries.get(cursor).and_then(|e| match &e.edit {
        crate::app::history::Edit::Scenario { text, .. } => Some(AttrValue::from(text.clone())),
        _ => None,
    });
    let scenario = state.scenario_title().is_some()
        || entries
            .iter()
            .any(|e| matches!(e.edit, crate::app::history::Edit::Scenario { .. }));

    html! {
        <ContextProvider<AppContext> context={context.clone()}>
            <div class="app">
                <header::Header playing={state.playing} {settled} now_secs={view.now_secs} theme={state.theme}
                    speed={state.speed} can_undo={state.can_undo()} can_redo={state.can_redo()} />
                <timeline::Timeline {cursor} len={entries.len()}
                    clock={AttrValue::from(header::format_clock(view.now_secs))}
                    in_past={state.in_past()}
                    title={state.scenario_title().and_then(|t| t.text(lang_code)).map(|t| AttrValue::from(t.to_string()))}
                    caption={state.caption().and_then(|c| c.text(lang_code)).map(|t| AttrValue::from(t.to_string()))}
                    {next_step} can_redo={state.can_redo()} {scenario} {on_export} />
                if let Some(msg) = notice {
                    <div class="notice" role="alert" data-testid="notice">
                        <code>{ msg }</code>
                        <button type="button" class="btn" onclick={context.send(Action::DismissNotice)}>
                            { context.t(crate::i18n::Msg::Dismiss) }
                        </button>
                    </div>
                }
                <main class="layout">
                    <section class="pane pane-editor">
                        <editor::ManifestEditor
                            text={AttrValue::from(state.editor.text.clone())}
                            diagnostics={diagnostics}
                            apply_output={apply_output}
                            kubectl_stderr={AttrValue::from(state.editor.kubectl_stderr.clone())}
                            dirty={state.editor.dirty()}
                            awaiting_reader={state.editor.awaiting_reader.is_some()}
                            live_apply={state.editor.live_apply} />
                    </section>
                    <section class="pane pane-diagram">
                        <diagram::ClusterDiagram view={view.clone()} {settled}
                            selected_node={state.selection.node.clone()}
                            selected_ds={card_ds}
                            group_by={state.group_by.clone()} />
                    </section>
                    <section class="pane pane-inspector">
                        <inspector::Inspector sim={state.sim_rc()} revision={state.revision()}
                            node={selected_view} card={(*card).clone()}
                            daemon_sets={view.daemon_sets.clone()}
                            terminal={state.terminal.clone()} />
                    </section>
                </main>
            </div>
        </ContextProvider<AppContext>>
    }
}
