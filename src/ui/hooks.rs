//! The root's side effects, as hooks: the playback clock, the debounced live apply, and the
//! document's language/theme (saved as preferences). Each keys on exactly what it needs.

use crate::app::state::{Action, AppState, Theme};
use crate::i18n::Lang;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// Real milliseconds between two steps of the simulated clock while playing: long enough to see
/// each phase (ContainerCreating → Running → Ready), short enough that a scenario settles in a
/// second or two.
pub const TICK_MS: u32 = 300;

/// After this many steps in a row without settling (a rolling update across many nodes), the
/// clock steps faster, so that long reconciliations still settle in seconds.
pub const FAST_AFTER_TICKS: u32 = 12;
pub const FAST_TICK_MS: u32 = 150;

/// Real milliseconds of typing pause before a live apply.
pub const APPLY_DEBOUNCE_MS: u32 = 600;

/// Steps the clock while playing and something is due.
#[hook]
pub fn use_ticker(state: &UseReducerHandle<AppState>) {
    let due = state.playing && !state.sim().is_settled();
    let dispatcher = state.dispatcher();
    // Steps taken since the simulation last had nothing to do.
    let streak = use_mut_ref(|| 0u32);
    use_effect_with((state.revision(), due), move |&(_, due)| {
        let timeout = if due {
            let delay = if *streak.borrow() < FAST_AFTER_TICKS {
                TICK_MS
            } else {
                FAST_TICK_MS
            };
            Some(Timeout::new(delay, move || {
                *streak.borrow_mut() += 1;
                dispatcher.dispatch(Action::Tick);
            }))
        } else {
            *streak.borrow_mut() = 0;
            None
        };
        move || drop(timeout)
    });
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
