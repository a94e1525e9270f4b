#!/usr/bin/env bash
# Instructions one engine settle takes (the benchmark's workload: NODES × DAEMONSETS, default
# 2000 × 10), counted by callgrind. Wall-clock time on a shared machine moves by 1.5× from hour
# to hour; this count does not, so it compares two versions of the engine. Installs Debian's
# valgrind if missing. Usage: scripts/count-instructions.sh [NODES] [DAEMONSETS]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh
for count in "$@"; do
  [[ "$count" =~ ^[0-9]+$ ]] || { echo "usage: $0 [NODES] [DAEMONSETS] (counts, not \"$count\")" >&2; exit 2; }
done
scripts/setup.sh --valgrind
cargo build --locked --release --example settle_once
out=$(mktemp)
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect='settle_once::settle_timed' \
  "$CARGO_TARGET_DIR/release/examples/settle_once" "$@" 2>&1 |
  sed -n -e 's/^settled /settle: /p' -e 's/^==[0-9]*== Collected : */settle: instructions: /p'
