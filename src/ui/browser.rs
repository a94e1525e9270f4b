//! The few browser facts the page reads and writes: localStorage (the editor text and the
//! preferences), the query string, the browser's languages, and how the page starts from them.
//!
//! Every access tolerates a browser that refuses (private mode, storage disabled): reads fall
//! back to defaults and writes are dropped. Deliberately absent: any domain logic.

use crate::app::state::{Init, Theme};
use crate::i18n::Lang;

/// Where the editor text is saved on every change.
pub const TEXT_KEY: &str = "dsp.manifest.v1";
const LANG_KEY: &str = "dsp.lang";
const THEME_KEY: &str = "dsp.theme";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn storage_set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Saves the editor text (called before every text change is dispatched, so that even a panic
/// in the reducer leaves the latest text saved).
pub fn save_text(text: &str) {
    storage_set(TEXT_KEY, text);
}

pub fn save_prefs(lang: Lang, theme: Theme) {
    storage_set(LANG_KEY, lang.code());
    storage_set(THEME_KEY, theme.as_str());
}

/// A query-string parameter of the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// `navigator.languages`, else `navigator.language`.
fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// How the page starts: the saved text (else the default example), the language from `?lang=`,
/// else the saved choice, else the browser's; the theme likewise.
pub fn init() -> Init {
    let text = storage_get(TEXT_KEY).unwrap_or_else(crate::app::state::default_text);
    let lang = query_param("lang")
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| storage_get(LANG_KEY).as_deref().and_then(Lang::from_tag))
        .unwrap_or_else(|| {
            let langs = browser_languages();
            Lang::from_preferences(langs.iter().map(String::as_str))
        });
    let theme = query_param("theme")
        .as_deref()
        .and_then(Theme::parse)
        .or_else(|| storage_get(THEME_KEY).as_deref().and_then(Theme::parse))
        .unwrap_or_default();
    Init { text, lang, theme }
}
