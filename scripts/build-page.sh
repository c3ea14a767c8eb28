#!/usr/bin/env bash
# Builds the single-file page www/dist/xxgk.html: the crate as a wasm cdylib, wasm-bindgen's
# `--target web` glue, then www/build.mjs inlines style, glue and wasm into one HTML file.
#
# Two toolchain routes, chosen automatically:
#  - rustup with the wasm32-unknown-unknown target installed: the plain stable build;
#  - otherwise Debian's rustc-web/cargo-web/rust-web-src (apt, see scripts/setup.sh): std is
#    built from source for wasm32 (-Zbuild-std, allowed by RUSTC_BOOTSTRAP=1).
# The wasm build has its own target directory (target/wasm) so it never fights the native one.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

TARGET=wasm32-unknown-unknown
TARGET_DIR="$ROOT/target/wasm"
BINDGEN_DIR="$TARGET_DIR/bindgen"
OUT="$ROOT/www/dist/xxgk.html"

# Both routes compile for the WebAssembly MVP (-Ctarget-cpu=mvp): no sign-extension, bulk
# memory, multi-value or reference types, which the older Chromium-based browsers on
# government PCs lack. tests/e2e/budgets.test.mjs checks the result with wasm-tools.
if rustup_has_wasm32; then
  if have rustup && rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    # rustup's prebuilt std for wasm32 has the target's default features (sign-ext, bulk
    # memory, reference types …): build std from source so that it is MVP too.
    say "building wasm (rustup, $TARGET, MVP, std built from source)"
    RUSTC_BOOTSTRAP=1 RUSTFLAGS="${RUSTFLAGS:-} -Ctarget-cpu=mvp" \
      cargo rustc --lib --crate-type cdylib --profile wasm --target "$TARGET" \
      -Zbuild-std=std,panic_abort --target-dir "$TARGET_DIR"
  else
    say "building wasm (rustup, $TARGET, MVP; prebuilt std — add rust-src if the MVP check fails)"
    RUSTFLAGS="${RUSTFLAGS:-} -Ctarget-cpu=mvp" \
      cargo rustc --lib --crate-type cdylib --profile wasm --target "$TARGET" --target-dir "$TARGET_DIR"
  fi
elif [ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] && [ -f /usr/lib/rustlib/src/rust/library/Cargo.lock ]; then
  say "building wasm (Debian rustc-web, std built from source for $TARGET)"
  RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Ctarget-cpu=mvp \
    /usr/bin/cargo rustc --lib --crate-type cdylib --profile wasm --target "$TARGET" \
    -Zbuild-std=std,panic_abort --target-dir "$TARGET_DIR"
else
  die "no wasm32 toolchain: run 'rustup target add $TARGET', or scripts/setup.sh (Debian packages rustc-web cargo-web rust-web-src lld-22)"
fi
WASM="$TARGET_DIR/$TARGET/wasm/xxgk.wasm"
[ -f "$WASM" ] || die "the build did not produce $WASM"

ensure_wasm_bindgen
say "wasm-bindgen $(wasm-bindgen --version | awk '{print $2}') --target web"
rm -rf "$BINDGEN_DIR"
wasm-bindgen --target web --no-typescript --out-dir "$BINDGEN_DIR" --out-name xxgk "$WASM"


say "assembling the page"
have node || die "node is missing: run scripts/setup.sh"
ensure_npm "$ROOT/www"   # esbuild and fflate: the gunzip for browsers without DecompressionStream
node www/build.mjs "$BINDGEN_DIR" "$OUT"
printf 'page: %s (%s bytes; wasm %s bytes)\n' "$OUT" "$(wc -c <"$OUT")" "$(wc -c <"$BINDGEN_DIR/xxgk_bg.wasm")"
