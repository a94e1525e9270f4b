//! The panic hook: a panic never leaves a dead page without a word. Installed first thing (the
//! release build aborts on panic, so nothing after it runs): it shows a banner with the message
//! and a Reload button, and logs the panic. The editor's text is already saved (on every change)
//! and its textarea stays on the page with what the user typed.

use wasm_bindgen::JsCast;

/// Installs the hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("DaemonSet Playground stopped: {message}").into());
        show_banner(&message);
    }));
}

fn show_banner(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let korean = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .is_some_and(|l| l.starts_with("ko"));
    let lang = if korean {
        crate::i18n::Lang::Ko
    } else {
        crate::i18n::Lang::En
    };
    let t = |m| crate::i18n::tr(lang, m);
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-testid", "panic");
    let text = document.create_element("p").ok();
    if let Some(p) = &text {
        p.set_text_content(Some(t(crate::i18n::Msg::PanicBanner)));
        let _ = banner.append_child(p);
    }
    if let Ok(detail) = document.create_element("code") {
        detail.set_text_content(Some(message));
        let _ = banner.append_child(&detail);
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some(t(crate::i18n::Msg::Reload)));
        let _ = button.set_attribute("type", "button");
        // Plain DOM: the wasm instance is gone after an abort, so no Rust closure can run.
        let _ = button.set_attribute("onclick", "location.reload()");
        let _ = banner.append_child(&button);
    }
    if let Some(body) = document.body() {
        let first = body.first_child();
        let _ = body.insert_before(&banner, first.as_ref());
    }
    if let Some(editor) = document
        .query_selector("[data-testid=\"manifest-editor\"]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        super::browser::save_text(&editor.value());
    }
}
