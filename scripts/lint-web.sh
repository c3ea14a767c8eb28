#!/usr/bin/env bash
# Runs clippy (warnings are errors) on the wasm-only page code, src/web.
#
# With rustup's wasm32 target this is plain `cargo clippy --target wasm32-unknown-unknown`.
# Without it (Debian's rustc-web has no clippy), src/web is linted for the host instead: a
# copy of the working tree, in target/lint-web, gets the wasm32-only dependencies and
# `mod web;` for every target. web-sys, js-sys and yew compile on the host, so every lint
# that does not depend on the target applies.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

if rustup_has_wasm32; then
  exec cargo clippy --lib --target wasm32-unknown-unknown --target-dir target/wasm -- -D warnings
fi

copy="$ROOT/target/lint-web/tree"
rm -rf "$copy"
mkdir -p "$copy"
git ls-files --cached --others --exclude-standard -z | tar --null -T - -cf - | tar -x -C "$copy"
node - "$copy" <<'JS'
const fs = require("fs");
const dir = process.argv[2];
const edit = (file, from, to) => {
  const p = `${dir}/${file}`;
  const s = fs.readFileSync(p, "utf8");
  if (!s.includes(from)) { console.error(`lint-web: ${file} lacks: ${from}`); process.exit(1); }
  fs.writeFileSync(p, s.replace(from, to));
};
edit("Cargo.toml", `[target.'cfg(target_arch = "wasm32")'.dependencies]`, `[target.'cfg(all())'.dependencies]`);
edit("src/lib.rs", `#[cfg(target_arch = "wasm32")]\nmod web;`, `mod web;`);
JS
cp Cargo.lock "$copy/Cargo.lock"
cd "$copy"
"$CARGO" clippy --lib --target-dir "$ROOT/target/lint-web/target" -- -D warnings
echo "src/web: no clippy warnings"
