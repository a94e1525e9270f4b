//! The app context every component reads: the reducer's dispatcher (stable across renders, so
//! reading it never re-renders a component) and the current language.

use crate::app::state::{Action, AppState};
use crate::i18n::{tr, trf, Lang, Msg};
use yew::prelude::*;

/// What components get from the root.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    pub dispatcher: UseReducerDispatcher<AppState>,
    pub lang: Lang,
}

impl AppContext {
    /// A callback that dispatches the action `make` builds from the event.
    pub fn callback<E: 'static>(&self, make: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let dispatcher = self.dispatcher.clone();
        Callback::from(move |e| dispatcher.dispatch(make(e)))
    }

    /// A callback that dispatches a fixed action.
    pub fn send<E: 'static>(&self, action: Action) -> Callback<E> {
        self.callback(move |_| action.clone())
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        tr(self.lang, msg)
    }

    pub fn tf(&self, msg: Msg, args: &[&str]) -> String {
        trf(self.lang, msg, args)
    }
}

/// The app context; every component is rendered under the root's provider.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>()
        .expect("use_app() is called inside the App root's ContextProvider<AppContext>")
}
