#!/usr/bin/env bash
# Runs every test layer, failing fast, in this order:
#   setup (pinned tools) → rustfmt → clippy native → clippy wasm32 → native tests (unit,
#   integration, doc) → wasm tests in headless Chromium → trunk release build of dist/ →
#   end-to-end tests of dist/ in headless Chromium → bundle size vs budget → time to first render.
# The README's "run every test" command, and what CI runs (.ci/run). Needs no terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

total_stages=10
stage_no=0
current=""
summary=()
started=$SECONDS
log_dir=$(mktemp -d)

on_exit() {
  local rc=$?
  rm -rf "$log_dir"
  if [ "$rc" != 0 ] && [ -n "$current" ]; then
    printf '\n=== FAILED: stage %d/%d "%s" (exit %d) ===\n' "$stage_no" "$total_stages" "$current" "$rc" >&2
  fi
}
trap on_exit EXIT

# stage NAME COMMAND...: banner, run, record the time.
stage() {
  local name=$1
  shift
  stage_no=$((stage_no + 1))
  current=$name
  printf '\n=== [%d/%d] %s ===\n$ %s\n' "$stage_no" "$total_stages" "$name" "$*"
  local t0=$SECONDS
  "$@"
  summary+=("$(printf '  %-28s %5ss' "$name" $((SECONDS - t0)))")
}

stage "setup" bash -c 'scripts/setup.sh --web --browser && cargo fetch --locked'
stage "rustfmt" cargo fmt --all -- --check
stage "clippy (native)" cargo clippy --locked --all-targets -- -D warnings
# Benches are native-only (criterion is a native dev-dependency), so wasm32 checks lib, bins, tests.
# Twice: as the tests build it, and as the page builds it (the `lazy-reader` feature).
stage "clippy (wasm32)" bash -c 'cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings &&
  cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --features lazy-reader -- -D warnings'
stage "tests (native)" cargo test --locked
stage "tests (wasm32, Chromium)" cargo test --locked --target wasm32-unknown-unknown
stage "trunk build --release" trunk_release build --release --offline --locked
stage "tests (end-to-end, Chromium)" \
  cargo test --locked --test e2e -- --ignored --test-threads=1 --skip measure::
stage "bundle size" bash -c 'set -o pipefail; scripts/bundle-size.sh | tee "$0"' "$log_dir/bundle"
stage "first render" bash -c 'set -o pipefail; scripts/measure-page.sh | tee "$0"' "$log_dir/render"
current=""

echo
echo "=== summary ==="
printf '%s\n' "${summary[@]}"
grep -h '^bundle:' "$log_dir/bundle" | sed 's/^/  /'
sed 's/^/  /' "$log_dir/render"
elapsed=$((SECONDS - started))
printf 'ALL %d STAGES PASSED in %dm%02ds (CARGO_TARGET_DIR=%s)\n' \
  "$total_stages" $((elapsed / 60)) $((elapsed % 60)) "$CARGO_TARGET_DIR"
