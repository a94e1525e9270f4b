//! The page's manifest reader module, built by Trunk beside the page (`www/index.html` names this
//! binary with `data-type="worker"`, so it gets plain file names and no script tag). The page
//! loads it on its first edit and calls [`call`] through `app::reader`'s transport; everything it
//! answers is `app::reader::serve`. Natively (and so in `cargo test`, `cargo clippy`) it is an
//! empty twin.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

/// Answers one request of the page's `app::reader`, encoded.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn call(function: &str, input: &[u8]) -> Vec<u8> {
    daemonset_playground::app::reader::serve(function, input)
}

fn main() {}
