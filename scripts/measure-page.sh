#!/usr/bin/env bash
# Time to first render of the built page in headless Chromium: navigation start until
# [data-testid="cluster"] exists (DESIGN "Budgets": 500 ms). Printed, not asserted.
# Builds dist/ first if it is missing. Usage: scripts/measure-page.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

if [ ! -f dist/index.html ]; then
  scripts/setup.sh --web --browser
  cargo fetch --locked
  trunk_release build --release --offline --locked
fi
out=$(cargo test --quiet --locked --test e2e -- --ignored --exact measure::first_render --nocapture 2>&1) || {
  printf '%s\n' "$out" >&2
  echo "measure-page.sh: the measurement failed" >&2
  exit 1
}
grep '^first render' <<<"$out"
