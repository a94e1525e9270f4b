//! The page's entry point, built by Trunk (`www/index.html` names this binary with `data-bin`).
//!
//! For now it only marks the page as rendered; the Yew app replaces it. Natively (and so in
//! `cargo test`, `cargo clippy`) it is an empty twin.

#[cfg(target_arch = "wasm32")]
fn main() {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("the page has a document");
    let body = document.body().expect("the page has a body");
    let cluster = document
        .create_element("div")
        .expect("a div can be created");
    cluster
        .set_attribute("data-testid", "cluster")
        .expect("attributes can be set");
    cluster
        .set_attribute("data-settled", "true")
        .expect("attributes can be set");
    cluster.set_text_content(Some("DaemonSet Playground"));
    body.append_child(&cluster)
        .expect("the body accepts children");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
