//! The page's entry point, built by Trunk (`www/index.html` names this binary with `data-bin`):
//! installs the panic hook and mounts the Yew app (`daemonset_playground::ui`). Natively (and so
//! in `cargo test`, `cargo clippy`) it is an empty twin.

#[cfg(target_arch = "wasm32")]
fn main() {
    daemonset_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
