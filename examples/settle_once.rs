//! One engine settle of the benchmark's workload (`benches/support/workload.rs`): N nodes ×
//! D DaemonSets, for `scripts/count-instructions.sh`, which counts the instructions of
//! `settle_once::settle_timed` under callgrind. Unlike wall-clock time, that count does not move
//! with the machine's load, so it compares two versions of the engine on a shared machine.
//!
//! Run: `cargo run --release --example settle_once -- [NODES] [DAEMONSETS]`.

#[path = "../benches/support/workload.rs"]
mod workload;

use daemonset_playground::engine::Simulation;
use daemonset_playground::model::DaemonSet;

/// The CLI's allocator (src/main.rs), as in the benchmark. (`cargo test` builds examples for
/// wasm32 too, where mimalloc is not a dependency.)
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The counted part: exactly what the benchmark times.
#[inline(never)]
fn settle_timed(sim: Simulation, daemon_sets: &[DaemonSet]) -> Simulation {
    workload::settle(sim, daemon_sets)
}

fn argument(position: usize, default: usize) -> usize {
    match std::env::args().nth(position) {
        None => default,
        Some(text) => text.parse().unwrap_or_else(|_| {
            eprintln!(
                "settle_once: {text:?} is not a count; usage: settle_once [NODES] [DAEMONSETS]"
            );
            std::process::exit(2)
        }),
    }
}

fn main() {
    let (nodes, count) = (argument(1, 2_000), argument(2, 10));
    let cluster = workload::cluster(nodes);
    let daemon_sets = workload::daemon_sets(count);
    let settled = settle_timed(cluster, &daemon_sets);
    println!(
        "settled {nodes} nodes x {count} DaemonSets: {} daemon pods",
        workload::daemon_pods(&settled)
    );
    // Exit without freeing, as the CLI does.
    std::mem::forget(settled);
}
