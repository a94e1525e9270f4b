#!/usr/bin/env bash
# Builds the page (release: opt-level "z", wasm-opt -Oz) and serves it on
# http://127.0.0.1:${PORT:-8080}, rebuilding and reloading when a source file changes.
# Usage: ./scripts/serve.sh            PORT=9000 ./scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh
PORT="${PORT:-8080}"

scripts/setup.sh --web
cargo fetch --locked
# Build once up front so that a broken build stops here with an error, not inside the server.
trunk_release build --release --offline --locked
echo "serve.sh: serving dist/ on http://127.0.0.1:$PORT (Ctrl-C stops)" >&2
trunk_release serve --release --offline --locked --address 127.0.0.1 --port "$PORT" --disable-address-lookup
