#!/usr/bin/env bash
# Installs every tool the project needs, pinned, idempotently: a warm machine skips each step
# after checking the exact version. Versions and reasons: docs/TOOLCHAIN.md of the project brief
# (summarised in README.md).
# Usage: scripts/setup.sh [--web] [--browser] [--valgrind]
#   (no flag)   the wasm32 target, rustfmt and clippy (native tests need nothing else)
#   --web       + trunk, wasm-bindgen-cli (matching Cargo.lock), wasm-opt (npm binaryen)
#   --browser   + Debian's chromium and chromium-driver (the same build), and a Korean font
#   --valgrind  + Debian's valgrind (scripts/count-instructions.sh)
# Needs: rustup with a stable >= 1.95 toolchain, and (for --web/--browser) apt-get and npm or
# root to install them. Runs without a terminal (CI=true, no stdin).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0

want_web=0 want_browser=0 want_valgrind=0
for arg in "$@"; do
  case "$arg" in
    --web) want_web=1 ;;
    --browser) want_browser=1 ;;
    --valgrind) want_valgrind=1 ;;
    *) echo "setup.sh: unknown flag $arg" >&2; exit 2 ;;
  esac
done

say() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

apt_updated=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- Rust: the toolchain itself is the machine's (a fresh RUSTUP_HOME would self-update rustup).
command -v rustup >/dev/null || die "rustup not found: install Rust stable >= 1.95 first (https://rustup.rs)"
rustc_minor=$(rustc --version | awk '{print $2}' | cut -d. -f2)
[ "${rustc_minor:-0}" -ge 95 ] || die "rustc >= 1.95 needed, found $(rustc --version)"

installed_targets=$(rustup target list --installed)
if ! grep -qx wasm32-unknown-unknown <<<"$installed_targets"; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
installed_components=$(rustup component list --installed)
for component in rustfmt clippy; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if [ "$want_web" = 1 ]; then
  # `cargo install` builds in its own temporary directory, not in the shared CARGO_TARGET_DIR.
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 6.5 minutes on 2 cores)"
    env -u CARGO_TARGET_DIR cargo install trunk --version "=$TRUNK_VERSION" --locked
  fi
  # The CLI must match the wasm-bindgen crate in Cargo.lock byte for byte.
  wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  [ -n "$wb_version" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_version" ] ||
     [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $wb_version" ]; then
    say "installing wasm-bindgen-cli $wb_version (about 2 minutes)"
    # Without --locked on purpose: its lock file names a crate version the registry lacks.
    env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "=$wb_version" --force
  fi
  # wasm-opt from npm's binaryen: Debian's binaryen (108) cannot read rustc 1.95's output.
  if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ] ||
     [ "$(command -v wasm-opt)" != "$DSP_TOOLS_DIR/node_modules/.bin/wasm-opt" ]; then
    if ! command -v npm >/dev/null; then
      say "installing Debian's npm (for binaryen)"
      apt_install nodejs npm
    fi
    say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into $DSP_TOOLS_DIR"
    mkdir -p "$DSP_TOOLS_DIR"
    npm install --silent --no-audit --no-fund --prefix "$DSP_TOOLS_DIR" "binaryen@$BINARYEN_VERSION"
  fi
fi

if [ "$want_browser" = 1 ]; then
  # chromedriver refuses a chromium of another build: install (or upgrade) both together.
  chromium_version=$(chromium --version 2>/dev/null | awk '{print $2}' || true)
  driver_version=$(chromedriver --version 2>/dev/null | awk '{print $2}' || true)
  if [ -z "$chromium_version" ] || [ "$chromium_version" != "$driver_version" ]; then
    say "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
  # A Korean font: without one, the Korean screenshots in tests/artifacts show boxes for text.
  if ! fc-list :lang=ko 2>/dev/null | grep -q .; then
    say "installing a Korean font (Debian's fonts-nanum) for the screenshots"
    apt_install fonts-nanum
  fi
fi

if [ "$want_valgrind" = 1 ] && ! command -v valgrind >/dev/null; then
  say "installing Debian's valgrind"
  apt_install valgrind
fi
