//! wasm tests in headless Chromium (`cargo test --target wasm32-unknown-unknown`, run by
//! wasm-bindgen-test-runner; `.cargo/config.toml` and `webdriver.json` set it up). This one only
//! proves that layer works: component tests belong beside the components or in more files here.
//! Native: empty.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_in_a_browser_with_a_document() {
    let window = web_sys::window().expect("a window: this runs in a browser, not Node.js");
    let document = window.document().expect("a document");
    let div = document.create_element("div").expect("a div");
    div.set_attribute("data-testid", "probe")
        .expect("an attribute");
    document
        .body()
        .expect("a body")
        .append_child(&div)
        .expect("appended");
    assert!(document
        .query_selector(r#"[data-testid="probe"]"#)
        .unwrap()
        .is_some());
}
