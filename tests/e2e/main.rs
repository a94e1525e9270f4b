//! End-to-end tests: the built page (`dist/`) in real headless Chromium, through chromedriver.
//!
//! They are `#[ignore]`d so that a plain `cargo test` stays fast and needs no browser;
//! `scripts/test.sh` builds `dist/` and runs them with
//! `cargo test --test e2e -- --ignored --test-threads=1`. See [`harness`] for the helpers.
//! Screenshots land in `tests/artifacts/` (not committed).
//!
//! Native only: on wasm32 this test target is empty.
#![cfg(not(target_arch = "wasm32"))]

mod harness;
mod journeys;
mod measure;
mod repaint;
mod smoke;
