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

if rustup_has_wasm32; then
  say "building wasm (rustup, stable, $TARGET)"
  cargo rustc --lib --crate-type cdylib --profile wasm --target "$TARGET" --target-dir "$TARGET_DIR"
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
node www/build.mjs "$BINDGEN_DIR" "$OUT"
printf 'page: %s (%s bytes; wasm %s bytes)\n' "$OUT" "$(wc -c <"$OUT")" "$(wc -c <"$BINDGEN_DIR/xxgk_bg.wasm")"
