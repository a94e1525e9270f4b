//! The timeline bar under the header: a range input over the recorded history (every edit and
//! clock move since the start; drag it back to any earlier moment and the cluster shown is the
//! replay to there), an imported scenario's title, step count, caption and "next step", and the
//! scenario export (a `.yaml` download) and import (a file input).
//!
//! Only wiring: the history, the replay and the scenario text are `app::state`'s.

use super::context::use_app;
use crate::app::state::Action;
use crate::i18n::Msg;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Entries before the cursor are shown.
    pub cursor: usize,
    pub len: usize,
    /// Simulated time at the cursor, already formatted.
    pub clock: AttrValue,
    pub in_past: bool,
    /// An imported scenario's title and the caption of its step just taken.
    pub title: Option<AttrValue>,
    pub caption: Option<AttrValue>,
    /// The next step's text, when a scenario is being stepped through.
    pub next_step: Option<AttrValue>,
    pub can_redo: bool,
    pub scenario: bool,
    /// Downloads the session as a scenario file.
    pub on_export: Callback<()>,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let app = use_app();
    let on_seek = app.callback(|e: InputEvent| {
        let value = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.value().parse::<usize>().ok())
            .unwrap_or(0);
        Action::Seek(value)
    });
    let on_import = {
        let dispatcher = app.dispatcher.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let dispatcher = dispatcher.clone();
            let done = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(
                move |text: wasm_bindgen::JsValue| {
                    if let Some(text) = text.as_string() {
                        let dispatcher = dispatcher.clone();
                        super::reader_loader::when_ready(move || {
                            dispatcher.dispatch(Action::ImportScenario(text))
                        });
                    }
                },
            );
            let _ = file.text().then(&done);
            // Called once, when the file is read; a few bytes per import.
            done.forget();
            // The same file can be chosen again.
            input.set_value("");
        })
    };
    let export = {
        let on_export = props.on_export.clone();
        Callback::from(move |_: MouseEvent| on_export.emit(()))
    };
    let position = app.tf(
        Msg::TimelinePosition,
        &[
            &props.cursor.to_string(),
            &props.len.to_string(),
            &props.clock,
        ],
    );
    html! {
        <section class={classes!("timeline", props.in_past.then_some("in-past"))}
            aria-label={app.t(Msg::Timeline)} data-testid="timeline-bar">
            if let Some(title) = &props.title {
                <strong class="scenario-title" data-testid="scenario-title">{ title }</strong>
            }
            <label class="timeline-range">
                <span class="timeline-label">{ app.t(Msg::Timeline) }</span>
                <input type="range" min="0" max={props.len.to_string()} step="1"
                    value={props.cursor.to_string()} data-testid="timeline"
                    disabled={props.len == 0}
                    aria-valuetext={position.clone()} oninput={on_seek} />
            </label>
            <span class="timeline-pos" data-testid="timeline-pos">
                if props.scenario {
                    { app.tf(Msg::ScenarioProgress, &[&props.cursor.to_string(), &props.len.to_string()]) }
                } else {
                    { position }
                }
            </span>
            if props.scenario && props.can_redo {
                <button type="button" class="btn btn-primary" data-testid="next-step"
                    title={props.next_step.as_ref().map(|s| app.tf(Msg::NextStepIs, &[s]))}
                    onclick={app.send(Action::Redo)}>
                    { app.t(Msg::NextStep) }{ " ▸" }
                </button>
            }
            <span class="timeline-files">
                <button type="button" class="btn" data-testid="export" title={app.t(Msg::ExportTitle)}
                    onclick={export}>
                    <span aria-hidden="true">{ "⤓ " }</span>{ app.t(Msg::ExportScenario) }
                </button>
                <label class="btn file-btn" title={app.t(Msg::ImportTitle)}>
                    <span aria-hidden="true">{ "⤒ " }</span>{ app.t(Msg::ImportScenario) }
                    <input type="file" class="sr-only" accept=".yaml,.yml,text/yaml,application/yaml"
                        data-testid="import" onchange={on_import} />
                </label>
            </span>
            if let Some(caption) = &props.caption {
                <p class="caption" data-testid="caption" aria-live="polite">{ caption }</p>
            } else if let (true, Some(next)) = (props.scenario, &props.next_step) {
                <p class="caption caption-next" data-testid="next-hint">
                    { app.tf(Msg::NextStepIs, &[next]) }
                </p>
            } else if props.in_past {
                <p class="caption caption-hint" data-testid="past-hint">{ app.t(Msg::TimelinePast) }</p>
            }
        </section>
    }
}

/// Offers `text` as a download named `file_name` (a Blob link, clicked and revoked).
pub fn download(file_name: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/yaml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.set_attribute("data-testid", "download-link").ok();
        a.set_hidden(true);
        if let Some(body) = document.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    // Revoked once the browser has taken the download.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}
