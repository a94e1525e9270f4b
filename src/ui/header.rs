//! The top bar: title, examples menu (closes on an outside click and on Escape), playback
//! (play/pause, step, settle, speed, undo/redo, the simulated clock and whether the cluster has
//! settled), language and theme switches.

use super::context::use_app;
use crate::app::state::{Action, ExampleId, Speed, Theme};
use crate::i18n::{Lang, Msg};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub playing: bool,
    pub settled: bool,
    pub now_secs: f64,
    pub theme: Theme,
    pub speed: Speed,
    pub can_undo: bool,
    pub can_redo: bool,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let app = use_app();
    html! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "⎈" }</span>
                <div class="brand-text">
                    <h1>{ app.t(Msg::AppTitle) }</h1>
                    <p class="tagline">{ app.t(Msg::Tagline) }</p>
                </div>
            </div>
            <ExamplesMenu />
            <Playback playing={props.playing} settled={props.settled} now_secs={props.now_secs}
                speed={props.speed} can_undo={props.can_undo} can_redo={props.can_redo} />
            <div class="prefs">
                <LanguageSwitch />
                <ThemeSwitch theme={props.theme} />
            </div>
        </header>
    }
}

#[function_component(ExamplesMenu)]
fn examples_menu() -> Html {
    let app = use_app();
    let details = use_node_ref();
    {
        // An outside click or Escape closes the menu (Escape gives the focus back to it).
        let details = details.clone();
        use_effect_with((), move |_| {
            let close = {
                let details = details.clone();
                move |e: web_sys::Event| {
                    let Some(d) = details.cast::<web_sys::Element>() else {
                        return;
                    };
                    if !d.has_attribute("open") {
                        return;
                    }
                    let escape = e
                        .dyn_ref::<web_sys::KeyboardEvent>()
                        .map(|k| k.key() == "Escape");
                    let inside = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                        .is_some_and(|t| d.contains(Some(&t)));
                    match escape {
                        Some(true) => {
                            let _ = d.remove_attribute("open");
                            if let Some(summary) = d
                                .query_selector("summary")
                                .ok()
                                .flatten()
                                .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
                            {
                                let _ = summary.focus();
                            }
                        }
                        Some(false) => {}
                        None if !inside => {
                            let _ = d.remove_attribute("open");
                        }
                        None => {}
                    }
                }
            };
            let click = super::hooks::window_listener("click", close.clone());
            let key = super::hooks::window_listener("keydown", close);
            move || drop((click, key))
        });
    }
    let items: Vec<Html> = crate::app::state::examples()
        .iter()
        .map(|e| {
            let (title, description) = match app.lang {
                Lang::En => (e.title_en, e.description_en),
                Lang::Ko => (e.title_ko, e.description_ko),
            };
            let id = ExampleId(e.id.to_string());
            let dispatcher = app.dispatcher.clone();
            let details = details.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                dispatcher.dispatch(Action::LoadExample(id.clone()));
                if let Some(d) = details.cast::<web_sys::Element>() {
                    let _ = d.remove_attribute("open");
                }
            });
            html! {
                <li>
                    <button type="button" class="menu-item" data-example={e.id} {onclick}>
                        <span class="menu-title">{ title }</span>
                        <span class="menu-desc">{ description }</span>
                    </button>
                </li>
            }
        })
        .collect();
    html! {
        <details class="menu examples" ref={details} data-testid="examples">
            <summary class="btn">{ app.t(Msg::Examples) }<span aria-hidden="true">{ " ▾" }</span></summary>
            <ul class="menu-list">{ for items }</ul>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct PlaybackProps {
    playing: bool,
    settled: bool,
    now_secs: f64,
    speed: Speed,
    can_undo: bool,
    can_redo: bool,
}

#[function_component(Playback)]
fn playback(props: &PlaybackProps) -> Html {
    let app = use_app();
    let (play_label, play_icon) = if props.playing {
        (app.t(Msg::Pause), super::icons::pause())
    } else {
        (app.t(Msg::Play), super::icons::play())
    };
    let state_text = if props.settled {
        app.t(Msg::StateSettled)
    } else if props.playing {
        app.t(Msg::StateWorking)
    } else {
        app.t(Msg::StatePaused)
    };
    let clock = format_clock(props.now_secs);
    let speed_select = super::hooks::use_select_value(props.speed.as_str().to_string());
    let on_speed = app.callback(|e: Event| {
        let value = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default();
        Action::SetSpeed(Speed::parse(&value).unwrap_or_default())
    });
    let speeds = Speed::ALL.iter().map(|&s| {
        html! { <option value={s.as_str()} selected={props.speed == s}>{ format!("{}×", s.as_str()) }</option> }
    });
    html! {
        <div class="playback" role="group">
            <button type="button" class="btn icon-btn" data-testid="play"
                aria-pressed={props.playing.to_string()} title={play_label} aria-label={play_label}
                onclick={app.send(Action::SetPlaying(!props.playing))}>
                { play_icon }
            </button>
            <button type="button" class="btn" data-testid="step" title={app.t(Msg::StepTitle)}
                disabled={props.settled} onclick={app.send(Action::Step)}>
                { super::icons::step() }{ app.t(Msg::Step) }
            </button>
            <button type="button" class="btn" data-testid="settle" title={app.t(Msg::SettleNowTitle)}
                disabled={props.settled} onclick={app.send(Action::SettleNow)}>
                { super::icons::settle() }{ app.t(Msg::SettleNow) }
            </button>
            <label class="speed" title={app.t(Msg::SpeedTitle)}>
                <span class="speed-label" aria-hidden="true">{ app.t(Msg::Speed) }</span>
                <select ref={speed_select} data-testid="speed" onchange={on_speed}
                    aria-label={app.t(Msg::SpeedTitle)}>
                    { for speeds }
                </select>
            </label>
            <button type="button" class="btn icon-btn" data-testid="undo" title={app.t(Msg::UndoTitle)}
                aria-label={app.t(Msg::Undo)} aria-keyshortcuts="Control+Z Meta+Z"
                disabled={!props.can_undo} onclick={app.send(Action::Undo)}>
                <span aria-hidden="true">{ "↶" }</span>
            </button>
            <button type="button" class="btn icon-btn" data-testid="redo" title={app.t(Msg::RedoTitle)}
                aria-label={app.t(Msg::Redo)} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
                disabled={!props.can_redo} onclick={app.send(Action::Redo)}>
                <span aria-hidden="true">{ "↷" }</span>
            </button>
            <span class="clock" data-testid="clock">{ app.tf(Msg::SimTime, &[&clock]) }</span>
            <span class={classes!("pill", if props.settled { "pill-ok" } else { "pill-busy" })}
                aria-live="polite">
                { state_text }
            </span>
        </div>
    }
}

/// Simulated seconds as kubectl-like short text: `0s`, `12s`, `1m05s`, `2h3m`.
pub fn format_clock(secs: f64) -> String {
    let s = secs.floor() as u64;
    if s < 60 {
        format!("{s}s")
    } else if s < 3600 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{}h{}m", s / 3600, (s % 3600) / 60)
    }
}

#[function_component(LanguageSwitch)]
fn language_switch() -> Html {
    let app = use_app();
    let buttons = Lang::ALL.iter().map(|&lang| {
        let pressed = lang == app.lang;
        html! {
            <button type="button" class={classes!("seg", pressed.then_some("on"))}
                data-lang={lang.code()} aria-pressed={pressed.to_string()} lang={lang.code()}
                onclick={app.send(Action::SetLanguage(lang))}>
                { lang.native_name() }
            </button>
        }
    });
    html! {
        <div class="segmented" role="group" aria-label={app.t(Msg::Language)} data-testid="language">
            { for buttons }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ThemeProps {
    theme: Theme,
}

#[function_component(ThemeSwitch)]
fn theme_switch(props: &ThemeProps) -> Html {
    let app = use_app();
    let onchange = app.callback(|e: Event| {
        let value = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default();
        Action::SetTheme(Theme::parse(&value).unwrap_or_default())
    });
    let theme_select = super::hooks::use_select_value(props.theme.as_str().to_string());
    let option = |theme: Theme, msg: Msg| {
        html! {
            <option value={theme.as_str()} selected={props.theme == theme}>{ app.t(msg) }</option>
        }
    };
    html! {
        <label class="theme-select">
            <span class="sr-only">{ app.t(Msg::Theme) }</span>
            <span aria-hidden="true">{ "◐" }</span>
            <select ref={theme_select} data-testid="theme" {onchange} aria-label={app.t(Msg::Theme)}>
                { option(Theme::System, Msg::ThemeSystem) }
                { option(Theme::Light, Msg::ThemeLight) }
                { option(Theme::Dark, Msg::ThemeDark) }
            </select>
        </label>
    }
}
