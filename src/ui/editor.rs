//! The manifest editor: a transparent `<textarea/>` over a highlighted `<pre>` of the same text,
//! line numbers with error marks, the diagnostics list (each at its line, with the API
//! server's message), the Apply button (also Ctrl/Cmd+Enter; a paste applies at once) and the
//! outcome of the last apply in kubectl's words.
//!
//! The text is saved to localStorage before every change is dispatched (see `browser`).

use super::context::use_app;
use crate::app::editor_input::EditorDiagnostic;
use crate::app::highlight::{highlight, Span};
use crate::app::state::Action;
use crate::i18n::Msg;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Line height of the editor in CSS pixels (must match `--editor-lh` in style.css).
const LINE_HEIGHT: f64 = 20.0;
/// Padding above and below the text (must match `.highlight` and `.code-input` in style.css).
const PAD_TOP: f64 = 8.0;
const PAD_BOTTOM: f64 = 40.0;
/// Lines highlighted beyond the visible ones, above and below.
const OVERSCAN: usize = 60;
/// How many of kubectl apply's output lines the status shows.
const OUTPUT_SHOWN: usize = 6;

/// The editor text, highlighted, with what the layout needs.
struct Highlighted {
    lines: Vec<Vec<Span>>,
    /// `1\n2\n…`: the gutter as one text node.
    numbers: String,
    /// The widest line in monospace columns (wide CJK characters count two).
    columns: usize,
}

impl Highlighted {
    fn new(text: &str) -> Self {
        let lines = highlight(text);
        let numbers = (1..=lines.len())
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        let columns = text
            .split('\n')
            .map(|l| {
                l.chars()
                    .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0);
        Highlighted {
            lines,
            numbers,
            columns,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: AttrValue,
    pub diagnostics: Rc<Vec<EditorDiagnostic>>,
    pub apply_output: Rc<Vec<String>>,
    /// kubectl apply's stderr for the text, when invalid.
    pub kubectl_stderr: AttrValue,
    pub dirty: bool,
    /// The text waits for the manifest reader module to load.
    pub awaiting_reader: bool,
    pub live_apply: bool,
}

#[function_component(ManifestEditor)]
pub fn manifest_editor(props: &EditorProps) -> Html {
    let app = use_app();
    let textarea = use_node_ref();
    let scroller = use_node_ref();
    let lines = use_memo(props.text.clone(), |text| Highlighted::new(text));
    // (first visible line, visible line count), updated as the code area scrolls.
    let window = use_state(|| (0usize, 60usize));
    // Messages per line, for the gutter marks and the underlined lines.
    let errors_by_line: BTreeMap<usize, Vec<String>> = props
        .diagnostics
        .iter()
        .filter_map(|d| d.line.map(|l| (l, d.message.clone())))
        .fold(BTreeMap::new(), |mut m, (l, msg)| {
            m.entry(l).or_insert_with(Vec::new).push(msg);
            m
        });

    let oninput = {
        let dispatcher = app.dispatcher.clone();
        Callback::from(move |e: InputEvent| {
            let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let text = area.value();
            super::browser::save_text(&text);
            let pasted = matches!(
                e.input_type().as_str(),
                "insertFromPaste" | "insertFromDrop" | "insertReplacementText"
            );
            dispatcher.dispatch(Action::EditText(text));
            if pasted {
                dispatcher.dispatch(Action::Apply);
            }
        })
    };
    let onkeydown = {
        let dispatcher = app.dispatcher.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                if let Some(area) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                {
                    let text = area.value();
                    super::browser::save_text(&text);
                    dispatcher.dispatch(Action::EditText(text));
                }
                dispatcher.dispatch(Action::Apply);
            }
        })
    };
    let jump = {
        let textarea = textarea.clone();
        let scroller = scroller.clone();
        let text = props.text.clone();
        Callback::from(move |line: usize| {
            jump_to_line(&textarea, &scroller, &text, line);
        })
    };

    let onscroll = {
        let (scroller, window) = (scroller.clone(), window.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                let first = (f64::from(el.scroll_top()) / LINE_HEIGHT) as usize;
                let visible = (f64::from(el.client_height()) / LINE_HEIGHT) as usize + 1;
                if first.abs_diff(window.0) >= OVERSCAN / 2 || visible != window.1 {
                    window.set((first, visible));
                }
            }
        })
    };
    // Only the lines near the viewport are highlighted (a pasted 1,000-node cluster is 6,000
    // lines); the code area keeps the whole text's height so that scrolling stays native.
    let total = lines.lines.len();
    let start = window.0.saturating_sub(OVERSCAN).min(total);
    let end = (window.0 + window.1 + OVERSCAN).min(total);
    let code_lines = lines.lines[start..end]
        .iter()
        .enumerate()
        .map(|(i, spans)| {
            let err = errors_by_line.contains_key(&(start + i + 1));
            html! {
                <div class={classes!("hl-line", err.then_some("hl-err"))}>
                    { for spans.iter().map(render_span) }
                </div>
            }
        });
    let marks = errors_by_line.iter().map(|(line, messages)| {
        html! {
            <span class="ln-mark" style={format!("top:{}px", PAD_TOP + (line - 1) as f64 * LINE_HEIGHT)}
                title={messages.join("\n")}>{ "●" }</span>
        }
    });
    let code_style = format!(
        "height:{}px;min-width:calc({}ch + 28px)",
        PAD_TOP + PAD_BOTTOM + total as f64 * LINE_HEIGHT,
        lines.columns
    );
    let pre_style = format!("padding-top:{}px", PAD_TOP + start as f64 * LINE_HEIGHT);

    let status = if !props.diagnostics.is_empty() {
        html! {
            <p class="editor-status status-err" role="status">
                { "✗ " }
                if props.diagnostics.len() == 1 {
                    { app.t(Msg::ErrorsOne) }
                } else {
                    { app.tf(Msg::Errors, &[&props.diagnostics.len().to_string()]) }
                }
            </p>
        }
    } else if props.awaiting_reader {
        html! { <p class="editor-status status-dirty" role="status" data-testid="reader-loading">{ "● " }{ app.t(Msg::ReaderLoading) }</p> }
    } else if props.dirty {
        html! { <p class="editor-status status-dirty" role="status">{ "● " }{ app.t(Msg::NotApplied) }</p> }
    } else {
        html! {
            <div class="editor-status status-ok" role="status">
                <span>{ "✓ " }{ app.t(Msg::AppliedOk) }</span>
                <code class="apply-output">
                    { for props.apply_output.iter().take(OUTPUT_SHOWN).map(|l| html! { <span>{ l }</span> }) }
                    if props.apply_output.len() > OUTPUT_SHOWN {
                        <span>{ format!("… +{}", props.apply_output.len() - OUTPUT_SHOWN) }</span>
                    }
                </code>
            </div>
        }
    };

    html! {
        <div class="editor">
            <div class="pane-head">
                <h2>{ app.t(Msg::EditorTitle) }</h2>
                <label class="toggle" title={app.t(Msg::LiveApply)}>
                    <input type="checkbox" checked={props.live_apply} data-testid="live-apply"
                        onchange={app.send(Action::SetLiveApply(!props.live_apply))} />
                    <span>{ app.t(Msg::LiveApply) }</span>
                </label>
                <button type="button" class="btn btn-primary" data-testid="apply"
                    title={app.t(Msg::ApplyTitle)} onclick={app.send(Action::Apply)}>
                    { app.t(Msg::Apply) }<kbd class="kbd">{ "Ctrl ⏎" }</kbd>
                </button>
            </div>
            <p class="hint">{ app.t(Msg::EditorHint) }</p>
            <div class="code-scroll" ref={scroller} {onscroll}>
                <div class="gutter" aria-hidden="true">
                    <pre class="gutter-numbers">{ lines.numbers.clone() }</pre>
                    { for marks }
                </div>
                <div class="code" style={code_style}>
                    <pre class="highlight" aria-hidden="true" style={pre_style}>{ for code_lines }</pre>
                    <textarea
                        ref={textarea}
                        class="code-input"
                        data-testid="manifest-editor"
                        aria-label={app.t(Msg::EditorLabel)}
                        spellcheck="false"
                        autocomplete="off"
                        autocapitalize="off"
                        wrap="off"
                        value={props.text.clone()}
                        {oninput}
                        {onkeydown}
                        onfocus={Callback::from(|_: FocusEvent| super::reader_loader::prefetch())}
                    />
                </div>
            </div>
            { status }
            <Diagnostics diagnostics={props.diagnostics.clone()} on_jump={jump} />
            if !props.kubectl_stderr.is_empty() {
                <details class="kubectl-stderr" data-testid="kubectl-stderr">
                    <summary>{ app.t(Msg::KubectlSays) }</summary>
                    <pre><span class="prompt">{ "$ kubectl apply -f manifest.yaml\n" }</span>{ props.kubectl_stderr.clone() }</pre>
                </details>
            }
        </div>
    }
}

fn render_span(span: &Span) -> Html {
    html! { <span class={span.token.class()}>{ span.text.clone() }</span> }
}

/// Moves the caret to the start of `line` (1-based) and scrolls it into view.
fn jump_to_line(textarea: &NodeRef, scroller: &NodeRef, text: &str, line: usize) {
    let Some(area) = textarea.cast::<web_sys::HtmlTextAreaElement>() else {
        return;
    };
    let start: usize = text
        .split('\n')
        .take(line.saturating_sub(1))
        .map(|l| l.encode_utf16().count() + 1)
        .sum();
    let end = start
        + text
            .split('\n')
            .nth(line.saturating_sub(1))
            .map(|l| l.encode_utf16().count())
            .unwrap_or(0);
    let _ = area.focus();
    let _ = area.set_selection_range(start as u32, end as u32);
    if let Some(s) = scroller.cast::<web_sys::Element>() {
        s.set_scroll_top(((line as f64 - 3.0) * LINE_HEIGHT).max(0.0) as i32);
    }
}

/// The API server's `field: message` form, unless the message already names the field
/// (`strict decoding error: unknown field "spec.x"`).
fn api_text(d: &EditorDiagnostic) -> String {
    match &d.field {
        Some(field) if !field.is_empty() && !d.message.contains(field.as_str()) => {
            format!("{field}: {}", d.message)
        }
        _ => d.message.clone(),
    }
}

#[derive(Properties, PartialEq)]
struct DiagnosticsProps {
    diagnostics: Rc<Vec<EditorDiagnostic>>,
    on_jump: Callback<usize>,
}

#[function_component(Diagnostics)]
fn diagnostics(props: &DiagnosticsProps) -> Html {
    let app = use_app();
    if props.diagnostics.is_empty() {
        return html! {};
    }
    let items = props.diagnostics.iter().map(|d| {
        let line_attr = d.line.map(|l| l.to_string()).unwrap_or_default();
        let where_ = match d.line {
            Some(l) => {
                let on_jump = props.on_jump.clone();
                html! {
                    <button type="button" class="diag-line" onclick={Callback::from(move |_| on_jump.emit(l))}>
                        { app.tf(Msg::LineN, &[&l.to_string()]) }
                    </button>
                }
            }
            None => html! { <span class="diag-line">{ app.t(Msg::NoLine) }</span> },
        };
        html! {
            <li class="diag" data-testid="diagnostic" data-line={line_attr}>
                { where_ }
                <span class="diag-msg">{ api_text(d) }</span>
            </li>
        }
    });
    html! { <ul class="diagnostics" aria-live="polite">{ for items }</ul> }
}
