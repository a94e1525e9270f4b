//! The root's side effects, as hooks: the playback clock, the undo/redo keys, the debounced
//! live apply, and the document's language/theme (saved as preferences). Each keys on exactly
//! what it needs.

use crate::app::state::{Action, AppState, Theme, TICK_WALL_MS};
use crate::i18n::Lang;
use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Real milliseconds between two replayed entries when playing back the recorded timeline.
pub const REPLAY_MS: u32 = 700;

/// Real milliseconds of typing pause before a live apply.
pub const APPLY_DEBOUNCE_MS: u32 = 600;

/// Ticks while playing and something is due: every `TICK_WALL_MS` the clock moves by the
/// speed's span; in the past of the timeline, the next recorded entry replays.
#[hook]
pub fn use_ticker(state: &UseReducerHandle<AppState>) {
    let in_past = state.in_past();
    let due = state.playing && (in_past || !state.sim().is_settled());
    let dispatcher = state.dispatcher();
    use_effect_with(
        (state.revision(), state.history_cursor(), due, in_past),
        move |&(_, _, due, in_past)| {
            let delay = if in_past {
                REPLAY_MS
            } else {
                TICK_WALL_MS as u32
            };
            let timeout =
                due.then(|| Timeout::new(delay, move || dispatcher.dispatch(Action::Tick)));
            move || drop(timeout)
        },
    );
}

/// Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes, anywhere but in a text field,
/// where the field's own undo applies.
#[hook]
pub fn use_undo_keys(dispatcher: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let listener = window_listener("keydown", move |e: web_sys::Event| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
                return;
            }
            let typing = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
                        || el.closest("[contenteditable]").ok().flatten().is_some()
                });
            if typing {
                return;
            }
            let key = e.key().to_lowercase();
            let action = match key.as_str() {
                "z" if e.shift_key() => Action::Redo,
                "z" => Action::Undo,
                "y" if !e.shift_key() => Action::Redo,
                _ => return,
            };
            e.prevent_default();
            dispatcher.dispatch(action);
        });
        move || drop(listener)
    });
}

/// Listens for `event` on the window until the returned guard is dropped.
pub fn window_listener(
    event: &'static str,
    handler: impl Fn(web_sys::Event) + 'static,
) -> Option<WindowListener> {
    let window = web_sys::window()?;
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    window
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .ok()?;
    Some(WindowListener {
        window,
        event,
        closure,
    })
}

/// A window event listener, removed on drop.
pub struct WindowListener {
    window: web_sys::Window,
    event: &'static str,
    closure: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback(self.event, self.closure.as_ref().unchecked_ref());
    }
}

/// Applies the text after a typing pause when live apply is on.
#[hook]
pub fn use_auto_apply(state: &UseReducerHandle<AppState>) {
    let pending = state.editor.live_apply && state.editor.dirty();
    let dispatcher = state.dispatcher();
    use_effect_with(
        (state.editor.text_revision, pending),
        move |&(_, pending)| {
            let timeout = pending.then(|| {
                Timeout::new(APPLY_DEBOUNCE_MS, move || {
                    dispatcher.dispatch(Action::ApplyIfEdited)
                })
            });
            move || drop(timeout)
        },
    );
}

/// Saves the editor text whenever the reducer replaces it (undo, the timeline, an example, an
/// import), so that a reload shows what the page showed; typing saves before it dispatches.
#[hook]
pub fn use_saved_text(state: &UseReducerHandle<AppState>) {
    let handle = state.clone();
    use_effect_with(state.editor.text_revision, move |_| {
        super::browser::save_text(&handle.editor.text);
    });
}

/// Puts the language and theme on `<html>` and saves them.
#[hook]
pub fn use_document_prefs(lang: Lang, theme: Theme) {
    use_effect_with((lang, theme), move |&(lang, theme)| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
            match theme {
                Theme::System => {
                    let _ = root.remove_attribute("data-theme");
                }
                other => {
                    let _ = root.set_attribute("data-theme", other.as_str());
                }
            }
        }
        super::browser::save_prefs(lang, theme);
    });
}

/// A `<select>` that shows `value`: returns the ref to put on the select. Yew sets the options'
/// `selected` attribute, which a select the user has already changed ignores; this sets the
/// select's own value after every render instead.
#[hook]
pub fn use_select_value(value: String) -> NodeRef {
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect(move || {
            if let Some(s) = select.cast::<web_sys::HtmlSelectElement>() {
                if s.value() != value {
                    s.set_value(&value);
                }
            }
        });
    }
    select
}
