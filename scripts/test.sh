#!/usr/bin/env bash
# README command 2: the full test suite. Sets up, runs `cargo test` (all targets), builds the
# page and runs every browser test in tests/e2e/*.test.mjs: the page (page.test.mjs), the
# workbench (workbench.test.mjs), its security policy (security.test.mjs), its
# deterministic budgets — size, MVP wasm, ES2020 scripts, no eval, old-browser CSS
# (budgets.test.mjs) — and the core path in real Chromium 72, 78, 80 and 83 besides the
# current one (old-browsers.test.mjs; the old builds are fetched once, ~165 MB of npm
# tarballs, into ~/.cache/xxgk-browsers by scripts/old-browsers.sh).
# XXGK_LONG=1 adds a bounded fuzzing run (scripts/fuzz.sh, ~2 min plus a one-off cargo-fuzz
# install and fuzz build). Exits non-zero when anything fails; the last line is
# "N passed, N failed" for the browser tests.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

bash scripts/setup.sh
if have cargo; then CARGO=cargo; else CARGO=/usr/bin/cargo; fi

status=0
say "cargo test --all-targets --no-fail-fast"
"$CARGO" test --all-targets --no-fail-fast || status=1
# Long mode (XXGK_LONG=1): the fuzz targets in fuzz/, XXGK_FUZZ_SECONDS (60) each.
if [ "${XXGK_LONG:-0}" = 1 ]; then
  say "long mode: fuzzing (scripts/fuzz.sh)"
  bash scripts/fuzz.sh || status=1
fi
# The browser tests compare the page's JSON with the CLI's.
"$CARGO" build --bin xxgk || status=1
export XXGK_BIN="$ROOT/target/debug/xxgk"

bash scripts/build-page.sh
bash scripts/old-browsers.sh || status=1

say "browser tests (tests/e2e)"
tap=$(mktemp)
trap 'rm -f "$tap"' EXIT
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" \
  tests/e2e/*.test.mjs || status=1
passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -1)
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -1)
if [ -z "$passed" ] || [ -z "$failed" ]; then
  status=1
  passed=${passed:-0}
  failed=${failed:-?}
fi
[ "$failed" = 0 ] || status=1
echo "$passed passed, $failed failed"
exit "$status"
