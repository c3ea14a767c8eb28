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
say "xxgk summary $SAMPLE"
target/release/xxgk summary "$SAMPLE"
printf '\npage: %s\n' "$ROOT/www/dist/xxgk.html"
