#!/usr/bin/env bash
# Installs what building and testing xxgk needs on Debian 12 (bookworm), and nothing that is
# already there: re-runs take a second. Run as root (or a user with sudo).
#
#  - C toolchain (build-essential, pkg-config) and CA certificates for crates.io/npm;
#  - Node.js and npm (the page assembler and the browser tests), Debian's chromium and the
#    Noto CJK fonts (the browser tests);
#  - when rustup has no wasm32-unknown-unknown target: Debian's Rust for the web
#    (rustc-web, cargo-web, rust-web-src, rust-web-llvm, lld-22); when there is no cargo at
#    all, that Debian cargo is used for everything;
#  - wasm-bindgen-cli, exactly the version Cargo.toml pins (cargo install, ~6 minutes);
#  - wasm-tools at the version scripts/lib.sh pins (cargo install, ~3 minutes), which checks
#    that the page's module uses only MVP WebAssembly;
#  - the page assembler's npm packages (npm ci in www: esbuild, fflate) and the browser
#    tests' (npm ci in tests/e2e: playwright-core, acorn, the puppeteer-core versions that
#    drive the old Chromium builds; those builds are fetched by scripts/old-browsers.sh,
#    which scripts/test.sh runs).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

want=()
for p in build-essential pkg-config ca-certificates fonts-noto-cjk; do
  installed "$p" || want+=("$p")
done
have chromium || [ -x /usr/bin/chromium ] || want+=(chromium)
# Node.js may come from elsewhere (NodeSource ships npm inside nodejs): only the commands count.
have node || want+=(nodejs)
have npm || want+=(npm)
if ! rustup_has_wasm32; then
  for p in rustc-web cargo-web rust-web-src rust-web-llvm lld-22; do
    installed "$p" || want+=("$p")
  done
fi

if [ ${#want[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif have sudo; then SUDO=(sudo); else
    die "missing Debian packages (${want[*]}); run this script as root"
  fi
  say "apt-get install ${want[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${want[@]}"
else
  say "Debian packages: all present"
fi

# Debian's cargo is the fallback when there is none on PATH (re-evaluated after apt).
if have cargo; then CARGO=cargo; else CARGO=/usr/bin/cargo; fi
[ -x "$(command -v "$CARGO")" ] || die "no cargo found"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || die "Node.js $node_major is too old: the browser tests need 18 or later"

ensure_wasm_bindgen
say "wasm-bindgen $(wasm-bindgen --version | awk '{print $2}')"

ensure_wasm_tools
say "wasm-tools $(wasm-tools --version | awk '{print $2}')"

# npm ci only when an installed package is not the locked one: the page assembler's (www:
# esbuild and fflate, bundled into the page) and the browser tests' (tests/e2e).
ensure_npm "$ROOT/www"
ensure_npm "$ROOT/tests/e2e"
say "setup done"
