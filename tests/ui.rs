//! Component wiring of the page in headless Chromium (wasm-bindgen-test): the app mounts with
//! the default cluster, the Settle button drives simulated time, a lane's "why?" selects the
//! node and DaemonSet for the eligibility card, Ctrl+Enter applies the editor, invalid text
//! shows diagnostics with their line, and the language switch relabels the page. Time is moved
//! with the page's own controls; the waits only yield to Yew's scheduler.
//! Native: empty.
#![cfg(target_arch = "wasm32")]

use daemonset_playground::ui::App;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a fresh app in its own root (the saved text cleared first, English forced).
async fn mount() -> Element {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage.set_item("dsp.lang", "en").unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle_renders().await;
    root
}

/// Lets Yew's scheduler run the renders queued so far.
async fn settle_renders() {
    for _ in 0..5 {
        TimeoutFuture::new(0).await;
    }
}

fn all(root: &Element, css: &str) -> Vec<Element> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn one(root: &Element, css: &str) -> Element {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {css}"))
}

fn click(root: &Element, css: &str) {
    one(root, css).dyn_into::<HtmlElement>().unwrap().click();
}

fn chips(root: &Element) -> Vec<String> {
    let mut v: Vec<String> = all(root, r#"[data-testid="pod"]"#)
        .iter()
        .map(|e| {
            format!(
                "{}={}/{}",
                e.get_attribute("data-node").unwrap_or_default(),
                e.get_attribute("data-phase").unwrap_or_default(),
                e.get_attribute("data-ready").unwrap_or_default()
            )
        })
        .collect();
    v.sort();
    v
}

#[wasm_bindgen_test]
async fn mounts_the_default_cluster_and_settles_with_the_settle_button() {
    let root = mount().await;
    let cluster = one(&root, r#"[data-testid="cluster"]"#);
    assert_eq!(
        cluster.get_attribute("data-settled").as_deref(),
        Some("false")
    );
    assert_eq!(
        all(&root, r#"[data-node]:not([data-testid="pod"])"#).len(),
        5,
        "a control plane and four workers"
    );
    click(&root, r#"[data-testid="settle"]"#);
    settle_renders().await;
    assert_eq!(
        cluster.get_attribute("data-settled").as_deref(),
        Some("true")
    );
    assert_eq!(
        chips(&root),
        [
            "node-1=Running/true",
            "node-2=Running/true",
            "node-3=Running/true",
            "node-4=Running/true"
        ]
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_lanes_why_selects_the_node_and_daemon_set_for_the_card() {
    let root = mount().await;
    click(&root, r#"[data-testid="settle"]"#);
    settle_renders().await;
    // Select a worker first, then ask why the control plane has no pod.
    click(&root, r#"[data-node="node-2"] [data-testid="node-box"]"#);
    settle_renders().await;
    assert_eq!(
        one(&root, r#"[data-testid="eligibility"]"#)
            .get_attribute("data-card-node")
            .as_deref(),
        Some("node-2")
    );
    click(&root, r#"[data-node="control-plane"] [data-testid="why"]"#);
    settle_renders().await;
    let card = one(&root, r#"[data-testid="eligibility"]"#);
    assert_eq!(
        card.get_attribute("data-card-node").as_deref(),
        Some("control-plane")
    );
    assert_eq!(
        card.get_attribute("data-should-run").as_deref(),
        Some("false")
    );
    assert_eq!(
        one(&root, r#"[data-testid="reason"]"#)
            .text_content()
            .as_deref(),
        Some("node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }")
    );
    root.remove();
}

fn type_text(root: &Element, text: &str) -> HtmlTextAreaElement {
    let area: HtmlTextAreaElement = one(root, r#"[data-testid="manifest-editor"]"#)
        .dyn_into()
        .unwrap();
    area.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    init.set_input_type("insertText");
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    area.dispatch_event(&event).unwrap();
    area
}

#[wasm_bindgen_test]
async fn ctrl_enter_applies_and_invalid_text_shows_its_line() {
    let root = mount().await;
    let area = type_text(&root, "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nspec:\n  selector:\n    matchLables: {}\n");
    settle_renders().await;
    let init = web_sys::KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_key("Enter");
    init.set_ctrl_key(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    area.dispatch_event(&event).unwrap();
    settle_renders().await;
    let diagnostics = all(&root, r#"[data-testid="diagnostic"]"#);
    assert!(!diagnostics.is_empty());
    assert!(diagnostics
        .iter()
        .any(|d| d.get_attribute("data-line").as_deref() == Some("7")));
    // The diagram still has the previous (default) cluster's DaemonSet lanes.
    assert_eq!(
        all(&root, r#"[data-lane="default/monitoring-daemon"]"#).len(),
        5
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_relabels_the_page() {
    let root = mount().await;
    click(&root, r#"[data-lang="ko"]"#);
    settle_renders().await;
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("ko")
    );
    let apply = one(&root, r#"[data-testid="apply"]"#)
        .text_content()
        .unwrap();
    assert!(apply.starts_with("적용"), "{apply}");
    click(&root, r#"[data-lang="en"]"#);
    settle_renders().await;
    root.remove();
}
