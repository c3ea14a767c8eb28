#!/usr/bin/env bash
# README command 1: set up, build the CLI and the page, and show the sample's analysis.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

bash scripts/setup.sh
if have cargo; then CARGO=cargo; else CARGO=/usr/bin/cargo; fi

say "building the CLI (cargo build --release)"
"$CARGO" build --release

bash scripts/build-page.sh

SAMPLE=tests/fixtures/002_ce639bba3c248ba6.txt
say "target/release/xxgk summary $SAMPLE"
if out=$(target/release/xxgk summary "$SAMPLE" 2>/dev/null) && [ -n "$out" ]; then
  printf '%s\n' "$out"
elif out=$(target/release/xxgk analyze "$SAMPLE" 2>/dev/null) && [ -n "$out" ]; then
  # No summary command: the head of the JSON.
  printf '%s' "$out" | node -e 'const s = require("fs").readFileSync(0, "utf8"); console.log(s.length > 1500 ? s.slice(0, 1500) + " …" : s)' 
else
  # The CLI prints nothing yet: show the report as the page computes it.
  say "(the CLI printed nothing; the page's window.xxgk.analyze gives:)"
  node tests/e2e/analyze.mjs "$SAMPLE" --head 40
fi
printf '\npage: %s\n' "$ROOT/www/dist/xxgk.html"
