#!/usr/bin/env bash
# The engine benchmark's workload (benches/support/workload.rs) in wasm, release build, in
# headless Chromium: prints the best of 5 per size. Compare with `cargo bench --bench settle`
# (DESIGN: wasm within 2.5× of native). Needs scripts/setup.sh --web --browser.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh
cargo test --locked --release --target wasm32-unknown-unknown --test wasm_engine -- \
  --include-ignored --nocapture 2>&1 | grep -E '^wasm settle|test result|FAILED|panicked'
