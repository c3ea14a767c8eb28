# Shared helpers of the scripts in this directory; source it, don't run it.
# shellcheck shell=bash

# Cargo's own bin directory holds rustup's tools and wasm-bindgen.
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# The cargo for native builds: the one on PATH (rustup's, usually), else Debian's.
if have cargo; then CARGO=cargo; else CARGO=/usr/bin/cargo; fi

# True when rustup has the wasm32 target: then the plain stable build is used.
rustup_has_wasm32() {
  have rustup && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

# The wasm-bindgen version the crate pins (Cargo.toml: wasm-bindgen = "=X.Y.Z").
wasm_bindgen_pin() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml"
}

# Installs wasm-bindgen-cli when the installed one differs from the pin (~6 min).
ensure_wasm_bindgen() {
  local want have_v
  want=$(wasm_bindgen_pin)
  [ -n "$want" ] || die "Cargo.toml does not pin wasm-bindgen to an exact version"
  have_v=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}') || true
  if [ "$have_v" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have_v:-none}); this takes a few minutes"
    # Not --locked: the published lockfile of wasm-bindgen-cli does not build.
    "$CARGO" install wasm-bindgen-cli --version "=$want"
  fi
}

# wasm-tools, for the MVP check of the page's module (tests/e2e/budgets.test.mjs). Pinned; only
# the validate and print commands are compiled (~3 minutes on two cores). Installs it when
# the installed one differs.
WASM_TOOLS_VERSION=1.263.0
ensure_wasm_tools() {
  local have_v
  have_v=$(wasm-tools --version 2>/dev/null | awk '{print $2}') || true
  if [ "$have_v" != "$WASM_TOOLS_VERSION" ]; then
    say "installing wasm-tools $WASM_TOOLS_VERSION (found: ${have_v:-none}); this takes a few minutes"
    "$CARGO" install wasm-tools --version "=$WASM_TOOLS_VERSION" --locked \
      --no-default-features --features validate,print
  fi
}

# `npm ci` in $1 (a folder with package.json and package-lock.json) when an installed package
# is not the locked version or is missing. Re-runs take well under a second.
ensure_npm() {
  local dir=$1 stale
  stale=$(cd "$dir" && node -e '
    const lock = require("./package-lock.json").packages;
    const deps = Object.keys(require("./package.json").devDependencies || {});
    const bad = deps.filter((d) => {
      try { return require(`./node_modules/${d}/package.json`).version !== lock[`node_modules/${d}`].version; }
      catch { return true; }
    });
    console.log(bad.join(" "));')
  if [ -n "$stale" ]; then
    say "npm ci (${dir#"$ROOT"/}: $stale)"
    (cd "$dir" && npm ci --no-audit --no-fund)
  else
    say "${dir#"$ROOT"/}: npm packages present"
  fi
}
