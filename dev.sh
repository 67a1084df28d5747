#!/usr/bin/env bash
# The project's two commands (see README.md):
#   ./dev.sh serve   build the app and serve it on http://127.0.0.1:8080
#   ./dev.sh test    run every test: native (cargo) and browser (Playwright in Chromium)
# Each installs what is missing, and nothing more, from the package registries only.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# tools/bin first: its wasm-bindgen splits the wasm before calling the real one.
export PATH="$PWD/tools/bin:$HOME/.cargo/bin:$PWD/tests/e2e/node_modules/.bin:$PATH"

need_rust_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

need_trunk() {
  # Trunk 0.22 needs a newer rustc than this machine's; stay on 0.21.x.
  if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
    log "installing trunk 0.21"
    cargo install trunk --version '~0.21' --locked
  fi
}

need_wasm_bindgen() {
  # The CLI must be exactly the version Cargo.toml pins with '='.
  local want
  want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
    log "installing wasm-bindgen-cli $want"
    # Without --locked: with it the install trips over a yanked dependency.
    cargo install wasm-bindgen-cli --version "=$want"
  fi
}

need_wasm_split() {
  # Cuts the wasm into the shell and one chunk per page (tools/bin/wasm-bindgen); the
  # version that matches the wasm_split_helpers in Cargo.lock.
  local want=0.2.3
  # (it prints no version: cargo's install record tells which one is there)
  if ! command -v wasm-split-cli >/dev/null ||
     ! grep -qs "\"wasm_split_cli_support $want " "$HOME/.cargo/.crates.toml"; then
    log "installing wasm-split-cli $want"
    cargo install wasm_split_cli_support --version "=$want" --locked --features build-binary
  fi
}

need_npm() {
  # playwright-core (browser driver) and binaryen (wasm-opt 132, used by Trunk).
  if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || [ ! -d tests/e2e/node_modules/playwright-core ]; then
    log "installing the npm packages in tests/e2e"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
}

need_chromium() {
  # Debian's Chromium (a test tool's own browser download cannot work here) and a CJK font
  # so the Chinese interface renders in screenshots.
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk' || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from Debian"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
  fi
}

build_dist() {
  need_rust_target; need_trunk; need_wasm_bindgen; need_wasm_split; need_npm
  log "fetching crates (Trunk builds offline)"
  cargo fetch --locked
  log "building the release dist"
  trunk build --release
}

case "${1:-}" in
  serve)
    build_dist
    log "serving on http://127.0.0.1:8080 (Ctrl-C to stop)"
    exec trunk serve --release
    ;;
  test)
    need_chromium
    build_dist
    log "format and lints (rustfmt; clippy with warnings denied, natively and for the browser)"
    cargo fmt --check
    cargo clippy --locked --all-targets -- -D warnings
    cargo clippy --locked --target wasm32-unknown-unknown --lib --bin ds-playground -- -D warnings
    log "native tests"
    cargo test --locked
    log "browser tests"
    (cd tests/e2e && npm test)
    ;;
  *)
    echo "usage: ./dev.sh serve | test" >&2
    exit 2
    ;;
esac
