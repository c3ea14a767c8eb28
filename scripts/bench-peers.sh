#!/usr/bin/env bash
# Peer ratios (issue 16): how long the tools people would otherwise use take on the same text
# as `xxgk analyze`. A measurement, not a test: the figures go to docs/performance.md.
#
#   bash scripts/bench-peers.sh          # tests/fixtures (seeds + corpus) joined, repeated to ~2 MB
#   bash scripts/bench-peers.sh FILE     # any UTF-8 text instead
#   XXGK_PEER_RUNS=5 XXGK_PEER_MB=10 XXGK_BIN=path/to/xxgk bash scripts/bench-peers.sh
#
# What runs, each on the whole input, wall clock, best of XXGK_PEER_RUNS (3) runs after one
# warm-up of xxgk:
#  - xxgk: `xxgk analyze FILE > /dev/null`, the whole analysis (sections, metadata, tables,
#    quantities, key figures, checks) with the JSON written; one process, one core.
#  - cn2an (https://github.com/Ailln/cn2an): `cn2an.transform(line, "cn2an")` on every
#    non-empty line — its documented call for numbers inside a sentence: finds Chinese
#    numerals (numbers, dates, fractions, percentages, 摄氏度) and rewrites them as Arabic
#    numbers. The closest analogue of xxgk's quantity extraction; it does less (no units, no
#    spans, no structure).
#  - JioNLP (https://github.com/dongrixinyu/JioNLP): `jio.ner.extract_money(line)` and
#    `jio.ner.extract_time(line, time_base=…)` on every non-empty line, with their default
#    parsing — its documented rule-based extractors of amounts of money and of times/dates
#    from text, each returning text, offsets and the parsed value (the analogues of xxgk's
#    money quantities and dates). Its time parser logs a traceback for every expression it
#    cannot parse; logging is switched off for the run, as one would in a batch.
# For the two Python tools the figure is the extraction loop alone (the text already read,
# the package imported and warmed up on the first line): what is left out favours them. The
# whole process (interpreter, import, reading) is printed beside it.
#
# The Python packages go into a scratch virtual environment (python3 -m venv in a temporary
# folder, deleted on exit), installed with pip from the package registry. A package that does
# not install is reported and skipped; the others are still measured.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

RUNS=${XXGK_PEER_RUNS:-3}
MB=${XXGK_PEER_MB:-2}
BIN=${XXGK_BIN:-$ROOT/target/release/xxgk}
# The versions measured in docs/performance.md; override to try others (e.g. XXGK_CN2AN=cn2an).
CN2AN_SPEC=${XXGK_CN2AN:-cn2an==0.5.24}
JIONLP_SPEC=${XXGK_JIONLP:-jionlp==1.5.31}

if [ ! -x "$BIN" ]; then
  say "building the CLI (cargo build --release)"
  "$CARGO" build --release --bin xxgk
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# The input.
if [ $# -ge 1 ]; then
  [ -f "$1" ] || die "no such file: $1"
  input=$1
  what="$1"
else
  cat tests/fixtures/*.txt tests/fixtures/corpus/*.txt >"$dir/one.txt"
  unit=$(wc -c <"$dir/one.txt")
  copies=$(( (MB * 1000000 + unit - 1) / unit ))
  for ((c = 0; c < copies; c++)); do cat "$dir/one.txt"; done >"$dir/input.txt"
  input=$dir/input.txt
  what="tests/fixtures/*.txt + tests/fixtures/corpus/*.txt ($unit bytes) × $copies"
fi
bytes=$(wc -c <"$input")

# Wall-clock seconds of one command (stdout discarded).
wall() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null
  t1=$(date +%s%N)
  echo "$(( t1 - t0 ))" | awk '{printf "%.4f", $1 / 1e9}'
}
min() { tr ' ' '\n' | grep . | sort -g | head -1; }

rows=()   # tool|what|seconds|process seconds|found

# 1. xxgk.
say "xxgk: $BIN analyze FILE > /dev/null (best of $RUNS)"
"$BIN" analyze "$input" >/dev/null  # warm-up: the file in the page cache
times=""
for ((r = 0; r < RUNS; r++)); do times+=" $(wall "$BIN" analyze "$input")"; done
xxgk_s=$(echo "$times" | min)
found=—
have python3 && found=$("$BIN" analyze "$input" | python3 -c 'import json, sys; r = json.load(sys.stdin); print(len(r["quantities"]), "quantities,", len(r["checks"]), "checks")')
rows+=("xxgk analyze|whole analysis, JSON written|$xxgk_s|$xxgk_s|$found")
versions="$("$BIN" --version)"

# 2. The Python tools, in a scratch virtual environment.
cat >"$dir/peer.py" <<'PY'
"""Runs one peer over every non-empty line of a file; prints 'seconds found'."""
import logging
import sys
import time

tool, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
lines = [line for line in text.split("\n") if line.strip()]

if tool == "cn2an":
    import cn2an

    def one(line):
        return 1 if cn2an.transform(line, "cn2an") != line else 0
else:
    import jionlp as jio

    logging.disable(logging.CRITICAL)
    BASE = 1767225600  # 2026-01-01: a fixed time base, so that every run parses alike
    if tool == "jio-money":
        def one(line):
            return len(jio.ner.extract_money(line))
    else:
        def one(line):
            return len(jio.ner.extract_time(line, time_base=BASE))

one(lines[0])  # lazy set-up (the extractors compile their patterns on the first call)
t = time.perf_counter()
found = 0
for line in lines:
    found += one(line)
print(f"{time.perf_counter() - t:.4f} {found}")
PY

venv=$dir/venv
have_venv=1
say "scratch virtual environment: python3 -m venv (in $dir)"
if ! python3 -m venv "$venv" >"$dir/venv.log" 2>&1; then
  echo "could not make a virtual environment (python3 -m venv; Debian: apt-get install python3-venv):" >&2
  tail -3 "$dir/venv.log" >&2
  have_venv=0
fi
py=$venv/bin/python
install() {  # install SPEC → 0 when installed
  [ "$have_venv" = 1 ] || return 1
  say "pip install $1"
  if "$py" -m pip install --disable-pip-version-check -q "$1" >"$dir/pip.log" 2>&1; then
    return 0
  fi
  echo "could not install $1; it is left out:" >&2
  tail -5 "$dir/pip.log" >&2
  return 1
}
peer() {  # peer TOOL LABEL WHAT UNIT
  local tool=$1 label=$2 what=$3 unit=$4 best="" proc="" found="" out t0 t1 p
  say "$label (best of $RUNS)"
  for ((r = 0; r < RUNS; r++)); do
    t0=$(date +%s%N)
    if ! out=$("$py" "$dir/peer.py" "$tool" "$input" 2>"$dir/peer.err" | tail -1); then
      echo "$label failed:" >&2
      tail -5 "$dir/peer.err" >&2
      rows+=("$label|$what|failed||")
      return
    fi
    t1=$(date +%s%N)
    p=$(echo "$(( t1 - t0 ))" | awk '{printf "%.4f", $1 / 1e9}')
    best=$(printf '%s %s' "$best" "${out% *}" | min)
    proc=$(printf '%s %s' "$proc" "$p" | min)
    found=${out#* }
  done
  rows+=("$label|$what|$best|$proc|$found $unit")
}

if install "$CN2AN_SPEC"; then
  peer cn2an 'cn2an.transform(line, "cn2an")' "Chinese numerals in the text to Arabic" "lines changed"
  versions+="; cn2an $("$py" -m pip show cn2an 2>/dev/null | sed -n 's/^Version: //p')"
else
  rows+=("cn2an|not installed (see above)|||")
fi
if install "$JIONLP_SPEC"; then
  peer jio-money 'jio.ner.extract_money(line)' "amounts of money, parsed" amounts
  peer jio-time 'jio.ner.extract_time(line)' "times and dates, parsed" times
  versions+="; jionlp $("$py" -m pip show jionlp 2>/dev/null | sed -n 's/^Version: //p')"
else
  rows+=("JioNLP|not installed (see above)|||")
fi
[ "$have_venv" = 1 ] && versions+="; $("$py" --version)"

echo
printf 'input: %s — %d bytes (%s MB)\n' "$what" "$bytes" "$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')"
printf 'versions: %s\n' "$versions"
printf 'machine: %d cores; load average %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'seconds: best of %d, wall clock; for the Python tools the extraction loop alone (process: with interpreter start, import and reading)\n\n' "$RUNS"
printf '%s\n' "${rows[@]}" | awk -F'|' -v bytes="$bytes" -v base="$xxgk_s" '
  BEGIN {
    fmt = "%-32s  %-38s  %9s  %9s  %9s  %9s  %s\n"
    printf fmt, "tool", "what it does", "seconds", "process s", "MB/s", "× xxgk", "found"
    printf fmt, "----", "------------", "-------", "---------", "----", "------", "-----"
  }
  {
    if ($3 == "" || $3 == "failed") { printf fmt, $1, $2, ($3 == "" ? "—" : $3), "—", "—", "—", $5; next }
    printf fmt, $1, $2, sprintf("%.3f", $3), sprintf("%.3f", $4), sprintf("%.1f", bytes / 1e6 / $3),
      sprintf("%.1f", $3 / base), $5
  }'
