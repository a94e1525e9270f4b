//! Small inline SVG icons (no icon font, no emoji: they render the same on every machine).

use yew::prelude::*;

fn icon(path: &'static str) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <path d={path} fill="currentColor" />
        </svg>
    }
}

pub fn play() -> Html {
    icon("M4 2.5v11l9-5.5z")
}

pub fn pause() -> Html {
    icon("M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z")
}

pub fn step() -> Html {
    icon("M3 2.5v11l7-5.5zM11 2.5h2.5v11H11z")
}

pub fn settle() -> Html {
    icon("M1.5 2.5v11l6-5.5zM8 2.5v11l6-5.5z")
}

pub fn plus() -> Html {
    icon("M7 2h2v5h5v2H9v5H7V9H2V7h5z")
}
