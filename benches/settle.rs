//! Engine budget benchmark (DESIGN.md "Budgets"): settle N nodes × D DaemonSets from scratch,
//! with about five other pods per node and a mix of labels and taints. Budget: 5,000 × 10 in
//! ≤ 50 ms natively (release), growing linearly with nodes × DaemonSets.
//!
//! Run: `cargo bench --bench settle` (criterion; `-- --quick` for a fast pass). The same workload
//! in wasm, in headless Chromium: `scripts/measure-wasm-engine.sh`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use daemonset_playground::engine::{Command, Simulation};
use daemonset_playground::model::*;
use std::time::Duration;

#[path = "support/workload.rs"]
mod workload;
use workload::{cluster, daemon_pods, daemon_sets, settle};

/// The CLI's allocator (src/main.rs), so that the figures are the CLI's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("settle");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    for nodes in [500usize, 5_000, 50_000] {
        // Built on first use, so that a filtered run does not pay for the other sizes.
        let base: std::cell::OnceCell<Simulation> = std::cell::OnceCell::new();
        for ds_count in [1usize, 10] {
            let dss = daemon_sets(ds_count);
            group.bench_function(format!("{nodes}_nodes_x_{ds_count}_ds"), |b| {
                let base = base.get_or_init(|| cluster(nodes));
                // The work is checked once, outside the timing: every DaemonSet placed pods.
                let settled = settle(base.clone(), &dss);
                assert!(daemon_pods(&settled) >= ds_count * nodes / 2);
                b.iter_batched(
                    || base.clone(),
                    |sim| settle(sim, &dss),
                    BatchSize::LargeInput,
                )
            });
        }
    }
    group.finish();
}

/// Issue 4's figure: a RollingUpdate (maxUnavailable 1) over 1,000 nodes simulated to completion.
fn rolling_update(c: &mut Criterion) {
    let mut group = c.benchmark_group("rolling_update");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .warm_up_time(Duration::from_secs(1));
    let mut base = cluster(1_000);
    let v1 = daemon_sets(1);
    for ds in &v1 {
        base.apply(Command::ApplyDaemonSet(ds.clone())).expect("ds");
    }
    base.apply(Command::Settle {
        limit: SimDuration::from_secs(600),
    })
    .expect("settle");
    let mut v2 = v1[0].clone();
    v2.template.spec.containers[0].image = "agent:2".into();
    v2.template.canonical_json = format!("{:?}", v2.template.spec);
    group.bench_function("1000_nodes_max_unavailable_1", |b| {
        b.iter_batched(
            || base.clone(),
            |mut sim| {
                sim.apply(Command::ApplyDaemonSet(v2.clone()))
                    .expect("update");
                // 1,000 nodes one at a time, ~34 simulated seconds each.
                sim.apply(Command::Settle {
                    limit: SimDuration::from_secs(24 * 3600),
                })
                .expect("settle");
                let ds = &sim.daemon_sets()[0];
                assert_eq!(
                    ds.status.updated_number_scheduled,
                    ds.status.desired_number_scheduled
                );
                sim.now()
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench, rolling_update);
criterion_main!(benches);
