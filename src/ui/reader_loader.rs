//! Loads the page's manifest reader module (`playground-reader`, see `app::reader`) once, on
//! its first need, and installs it as the reader's transport. `www/index.html` defines
//! `window.dspLoadReader()`, which adds the module's script and instantiates its wasm; this module
//! only calls it and queues what waits for it.
//!
//! Builds without the `lazy-reader` feature (the wasm tests) link the reader directly, so there
//! everything runs at once. Deliberately absent: any reading of manifests.

use crate::app::reader;
use std::cell::RefCell;

/// Something to run once the module has loaded.
type Waiting = Box<dyn FnOnce()>;

thread_local! {
    /// What waits for the module; `Some` while it is loading.
    static WAITING: RefCell<Option<Vec<Waiting>>> = const { RefCell::new(None) };
}

/// Runs `then` once the reader answers every request: at once when it already does, else when
/// the module has loaded.
pub fn when_ready(then: impl FnOnce() + 'static) {
    if reader::is_ready() {
        then();
        return;
    }
    let start = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let start = w.is_none();
        w.get_or_insert_with(Vec::new).push(Box::new(then));
        start
    });
    if start {
        load();
    }
}

/// Starts loading the module without waiting for it (the editor got focus: an edit is coming).
pub fn prefetch() {
    when_ready(|| {});
}

#[cfg(feature = "lazy-reader")]
fn load() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    let promise = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("dspLoadReader"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        failed(JsValue::from_str("window.dspLoadReader is missing"));
        return;
    };
    let ok = Closure::once(loaded);
    let err = Closure::once(failed);
    let _ = promise.then2(&ok, &err);
    // Each runs at most once, and only one load is ever under way.
    ok.forget();
    err.forget();

    fn loaded(exports: JsValue) {
        let call = js_sys::Reflect::get(&exports, &JsValue::from_str("call"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let Some(call) = call else {
            failed(JsValue::from_str(
                "the manifest reader module has no `call`",
            ));
            return;
        };
        reader::install(Box::new(JsTransport { call }));
        let waiting = WAITING.with(|w| w.borrow_mut().take()).unwrap_or_default();
        for then in waiting {
            then();
        }
    }

    fn failed(error: JsValue) {
        // Nothing waiting runs; the next need tries again.
        WAITING.with(|w| w.borrow_mut().take());
        web_sys::console::error_2(
            &JsValue::from_str("could not load the manifest reader:"),
            &error,
        );
    }

    /// Calls the module's `call(function, input)`.
    struct JsTransport {
        call: js_sys::Function,
    }

    impl reader::Transport for JsTransport {
        fn call(&self, function: &str, input: &[u8]) -> Vec<u8> {
            let input = js_sys::Uint8Array::from(input);
            match self
                .call
                .call2(&JsValue::NULL, &JsValue::from_str(function), &input)
            {
                Ok(answer) => answer
                    .dyn_into::<js_sys::Uint8Array>()
                    .map(|a| a.to_vec())
                    .unwrap_or_default(),
                Err(error) => {
                    web_sys::console::error_2(&JsValue::from_str("manifest reader:"), &error);
                    Vec::new()
                }
            }
        }
    }
}

#[cfg(not(feature = "lazy-reader"))]
fn load() {
    // The reader is linked in: `reader::is_ready` is always true and nothing ever waits.
    WAITING.with(|w| w.borrow_mut().take());
}
