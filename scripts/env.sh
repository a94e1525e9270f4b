# Sourced (not run) by the other scripts: the environment every build and test step shares.
# Safe to source more than once.

# Tools installed by `cargo install` (trunk, wasm-bindgen, wasm-bindgen-test-runner).
case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) PATH="$HOME/.cargo/bin:$PATH" ;; esac

# npm's binaryen (wasm-opt version_132) first on PATH: Debian's binaryen is too old for rustc 1.95
# output, and trunk uses a tool from PATH only when its --version matches Trunk.toml exactly.
DSP_TOOLS_DIR="${DSP_TOOLS_DIR:-$HOME/.cache/daemonset-playground/tools}"
case ":$PATH:" in
  "$DSP_TOOLS_DIR/node_modules/.bin:"*) ;;
  *) PATH="$DSP_TOOLS_DIR/node_modules/.bin:$PATH" ;;
esac
export PATH DSP_TOOLS_DIR

# Builds live outside the clone so that CI and every checkout reuse them; trunk follows it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/daemonset-playground/target}"

# No update check (it would need the network trunk cannot reach).
export TRUNK_SKIP_VERSION_CHECK=true

# `trunk build --release` for the page: the smallest wasm. Only trunk's cargo sees these; the
# shared [profile.release] in Cargo.toml stays opt-level 3 for the CLI and the benchmarks.
trunk_release() {
  CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_PANIC=abort \
    trunk "$@"
}
