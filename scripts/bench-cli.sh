#!/usr/bin/env bash
# Times the CLI on a batch: N files (default 2000) made from the seeds — seed i mod 5 with
# its digits shifted, so no two files are alike — analysed with `xxgk analyze --jsonl`, on
# every core and on one (RAYON_NUM_THREADS=1). Prints the timing (hyperfine when installed,
# else bash's `time`), files/s, MB/s and the peak memory of one run (/usr/bin/time).
# Then one file growing from 1 to 50 MB (the seeds joined, repeated): time, MB/s of CPU time
# and peak memory of `xxgk analyze FILE`, to show both grow linearly.
# Not part of the tests: the figures go to docs/performance.md.
#
#   bash scripts/bench-cli.sh            # 2000 files, then 1…50 MB
#   XXGK_BATCH_N=20000 XXGK_SIZES="1 10" bash scripts/bench-cli.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

N=${XXGK_BATCH_N:-2000}
BIN=${XXGK_BIN:-$ROOT/target/release/xxgk}
if [ ! -x "$BIN" ]; then
  say "building the CLI (cargo build --release)"
  "$CARGO" build --release
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
say "writing $N reports to $dir"
seeds=(tests/fixtures/*.txt)
for ((i = 0; i < N; i++)); do
  s=${seeds[i % ${#seeds[@]}]}
  k=$(( (i / ${#seeds[@]}) % 10 ))
  # Digits rotated by k: same structure, other numbers (the checks find other things).
  tr '0123456789' "$(printf '0123456789%s' '0123456789' | cut -c$((k + 1))-$((k + 10)))" <"$s" \
    >"$dir/$(printf '%05d' "$i").txt"
done
bytes=$(cat "$dir"/*.txt | wc -c)
printf 'batch: %d files, %d bytes (%.1f MB); %s; %d cores; load %s\n' "$N" "$bytes" \
  "$(echo "$bytes / 1000000" | bc -l)" "$("$BIN" --version)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"

run_all="$BIN analyze --jsonl $dir/*.txt > /dev/null"
if have hyperfine; then
  hyperfine --warmup 1 --runs 5 --export-markdown "$dir/times.md" \
    -n "all cores" "$run_all" \
    -n "one thread" "RAYON_NUM_THREADS=1 $run_all"
  cat "$dir/times.md"
else
  echo "(hyperfine not installed: one run each with bash's time)"
  echo "all cores:"; time bash -c "$run_all"
  echo "one thread:"; time RAYON_NUM_THREADS=1 bash -c "$run_all"
fi

if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%e s, peak RSS %M KiB (all cores)' "$BIN" analyze --jsonl "$dir"/*.txt >/dev/null
  /usr/bin/time -f '%e s, peak RSS %M KiB (one file, the largest seed)' "$BIN" analyze tests/fixtures/000_a76db0a735cfa73f.txt >/dev/null
fi
"$BIN" analyze --jsonl "$dir"/*.txt | wc -lc | awk '{printf "output: %d lines, %d bytes of JSON\n", $1, $2}'

say "one growing file: xxgk analyze FILE > /dev/null"
cat tests/fixtures/*.txt >"$dir/all.txt"
unit=$(wc -c <"$dir/all.txt")
printf '%8s  %10s  %8s  %8s  %8s  %10s  %8s\n' "MB" "bytes" "wall s" "user s" "MB/s" "peak KiB" "× input"
for mb in ${XXGK_SIZES:-1 5 10 25 50}; do
  copies=$(( (mb * 1000000 + unit - 1) / unit ))
  : >"$dir/big.txt"
  for ((c = 0; c < copies; c++)); do cat "$dir/all.txt"; done >"$dir/big.txt"
  size=$(wc -c <"$dir/big.txt")
  read -r wall user rss < <(/usr/bin/time -f '%e %U %M' "$BIN" analyze "$dir/big.txt" 2>&1 >/dev/null | tail -1)
  awk -v mb="$mb" -v size="$size" -v wall="$wall" -v user="$user" -v rss="$rss" 'BEGIN {
    printf "%8s  %10d  %8.2f  %8.2f  %8.1f  %10d  %8.1f\n", mb, size, wall, user, size / 1e6 / (user > 0 ? user : 0.01), rss, rss * 1024 / size }'
done
