#!/usr/bin/env bash
# Fuzzes the analysis core for a bounded time: every cargo-fuzz target in fuzz/ runs for
# XXGK_FUZZ_SECONDS seconds (default 60). Called by `XXGK_LONG=1 bash scripts/test.sh`; runs
# alone too: `bash scripts/fuzz.sh [target…]`.
#
# cargo-fuzz needs a compiler that accepts -Z flags and, for AddressSanitizer, the sanitizer
# runtime: rustup's nightly when installed; otherwise the stable toolchain with
# RUSTC_BOOTSTRAP=1 (with ASan when its runtime is shipped, else --sanitizer none — safe
# Rust needs no ASan to find panics, overflows and hangs). A crash, a panic or an input
# slower than 10 s fails the run; the input is kept in fuzz/artifacts/<target>/. Builds are
# optimised with debug assertions and overflow checks on (-O -a).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

CARGO_FUZZ_VERSION=0.13.2
seconds=${XXGK_FUZZ_SECONDS:-60}

if [ "$(cargo-fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 2 minutes)"
  "$CARGO" install cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked
fi

fuzz=("$CARGO" fuzz)
sanitizer=address
if have rustup && rustup run nightly rustc --version >/dev/null 2>&1; then
  fuzz=(cargo +nightly fuzz)
  toolchain="rustup nightly"
else
  export RUSTC_BOOTSTRAP=1
  toolchain="$("$CARGO" --version | awk '{print $1, $2}') with RUSTC_BOOTSTRAP=1"
  sysroot=$(rustc --print sysroot 2>/dev/null || true)
  if ! ls "$sysroot"/lib/rustlib/*/lib/*rt.asan.a >/dev/null 2>&1; then sanitizer=none; fi
fi

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze_bytes near_report)
status=0
for t in "${targets[@]}"; do
  corpus=(fuzz/corpus/"$t")
  extra=(-max_len=65536)
  case "$t" in
    analyze_bytes) corpus+=(tests/fixtures) ;;  # the seeds as a starting point, never written to
    near_report) extra=(-max_len=4096 -len_control=0) ;;
  esac
  mkdir -p "${corpus[0]}"
  say "fuzzing $t for ${seconds}s ($toolchain, sanitizer $sanitizer)"
  mkdir -p fuzz/artifacts
  log="fuzz/artifacts/$t.log"
  if "${fuzz[@]}" run -O -a --sanitizer "$sanitizer" "$t" "${corpus[@]}" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "${extra[@]}" \
      >"$log" 2>&1; then
    grep -E '^(Done|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|slowest_unit_time_sec))' "$log" || true
  else
    tail -n 60 "$log" >&2
    echo "fuzz: $t failed (full log: $log); the input is in fuzz/artifacts/$t/ — reproduce with: cargo +nightly fuzz run $t fuzz/artifacts/$t/<file>" >&2
    status=1
  fi
done
exit "$status"
