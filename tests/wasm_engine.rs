//! The engine benchmark's workload in wasm, in headless Chromium, to hold the engine to DESIGN's
//! "the same work in wasm within 2.5× of native". A measurement, not a test: `#[ignore]`d, so
//! `cargo test --target wasm32-unknown-unknown` only builds it; `scripts/measure-wasm-engine.sh`
//! runs it in release and prints the figures. Native: empty (the native figure is
//! `cargo bench --bench settle`).
#![cfg(target_arch = "wasm32")]

#[path = "../benches/support/workload.rs"]
mod workload;

use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .expect("a window: this runs in a browser")
        .performance()
        .expect("performance")
        .now()
}

#[wasm_bindgen_test]
#[ignore = "a measurement: scripts/measure-wasm-engine.sh"]
fn settle_in_wasm() {
    for (nodes, ds_count) in [(500, 1), (500, 10), (5_000, 1), (5_000, 10)] {
        let base = workload::cluster(nodes);
        let dss = workload::daemon_sets(ds_count);
        let mut best = f64::INFINITY;
        let mut pods = 0;
        for _ in 0..5 {
            let sim = base.clone();
            let start = now_ms();
            let sim = workload::settle(sim, &dss);
            best = best.min(now_ms() - start);
            pods = workload::daemon_pods(&sim);
            drop(sim);
        }
        assert!(pods > 0, "the DaemonSets made pods");
        console_log!("wasm settle {nodes} nodes x {ds_count} DaemonSets: {best:.1} ms (best of 5, {pods} daemon pods)");
    }
}
