#!/usr/bin/env bash
# Fetches, once, the real old Chromium builds that tests/e2e/old-browsers.test.mjs runs the
# page in: Chromium 72, 78, 80 and 83 — the engines of 360 安全浏览器 12/13, 奇安信 and the
# other office browsers of government PCs. Called by scripts/test.sh; runs alone too.
#
# No browser download works from these machines, but the npm package chrome-aws-lambda
# carries one headless Chromium build per version inside its tarball (brotli-compressed),
# with the NSS libraries it needs (bin/aws.tar.br). `npm pack` fetches a tarball through the
# registry, with its integrity checked; the browser is unpacked (Node's own brotli) into
# $XXGK_BROWSERS (default ~/.cache/xxgk-browsers, outside the repository):
#
#   $XXGK_BROWSERS/chromium-80/chrome     the binary
#   $XXGK_BROWSERS/chromium-80/lib/       its libraries (LD_LIBRARY_PATH)
#   $XXGK_BROWSERS/chromium-80/VERSION    "HeadlessChrome/80.0.3987.0", as it reports itself
#   $XXGK_BROWSERS/chromium-80/SOURCE     "chrome-aws-lambda@2.1.1 (libraries: chrome-aws-lambda@2.1.1)"
#
# Re-runs skip every browser whose SOURCE is right (a second). Each tarball is 36–44 MB; an
# unpacked browser 125–140 MB. The test drives each with the puppeteer-core of its day
# (tests/e2e/package.json): Playwright speaks a newer DevTools protocol.
#
#   bash scripts/old-browsers.sh            # all four
#   bash scripts/old-browsers.sh 80 72      # some
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

DIR=${XXGK_BROWSERS:-$HOME/.cache/xxgk-browsers}

# major  chrome-aws-lambda  binary in its tarball           libraries from
# (1.11.2 ships no libraries; its Chromium 72 runs with 2.1.1's.)
TABLE="72 1.11.2 bin/chromium-72.0.3617.0.br 2.1.1
78 1.20.4 bin/chromium.br 1.20.4
80 2.1.1 bin/chromium.br 2.1.1
83 3.1.1 bin/chromium.br 3.1.1"

have node || die "node is missing: run scripts/setup.sh"
have npm || die "npm is missing: run scripts/setup.sh"

# Unpacks one brotli file with Node's zlib (no Debian brotli package needed).
unbrotli() {
  node -e 'const z = require("zlib"), fs = require("fs");
    fs.writeFileSync(process.argv[2], z.brotliDecompressSync(fs.readFileSync(process.argv[1])));' "$1" "$2"
}

# Fetches chrome-aws-lambda@$1 into $2/$1 (the tarball unpacked: $2/$1/package/…).
fetch_pkg() {
  local version=$1 into=$2
  [ -d "$into/$version/package" ] && return 0
  mkdir -p "$into/$version"
  say "npm pack chrome-aws-lambda@$version (about 40 MB)"
  (cd "$into/$version" && npm pack --silent "chrome-aws-lambda@$version" >/dev/null)
  tar -xzf "$into/$version/chrome-aws-lambda-$version.tgz" -C "$into/$version"
  rm -f "$into/$version/chrome-aws-lambda-$version.tgz"
}

wanted=("$@")
status=0
mkdir -p "$DIR"
tmp=$(mktemp -d "$DIR/.fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
while read -r major pkg binary libs; do
  if [ ${#wanted[@]} -gt 0 ]; then
    skip=1
    for w in "${wanted[@]}"; do [ "$w" = "$major" ] && skip=0; done
    [ "$skip" = 0 ] || continue
  fi
  dest="$DIR/chromium-$major"
  source="chrome-aws-lambda@$pkg (libraries: chrome-aws-lambda@$libs)"
  if [ -x "$dest/chrome" ] && [ "$(cat "$dest/SOURCE" 2>/dev/null)" = "$source" ]; then
    say "Chromium $major: present ($dest)"
    continue
  fi
  fetch_pkg "$pkg" "$tmp"
  fetch_pkg "$libs" "$tmp"
  new="$tmp/chromium-$major"
  rm -rf "$new"
  mkdir -p "$new"
  unbrotli "$tmp/$pkg/package/$binary" "$new/chrome"
  chmod 755 "$new/chrome"
  unbrotli "$tmp/$libs/package/bin/aws.tar.br" "$tmp/aws-$libs.tar"
  mkdir -p "$tmp/aws-$libs"
  tar -xf "$tmp/aws-$libs.tar" -C "$tmp/aws-$libs"
  cp -r "$tmp/aws-$libs/lib" "$new/lib"
  # It must start here, headless, and be the version it claims.
  ua=$(LD_LIBRARY_PATH="$new/lib" timeout 60 "$new/chrome" --headless --no-sandbox --disable-gpu \
    --single-process --no-zygote --disable-background-networking --disable-component-update \
    --dump-dom 'data:text/html,<script>document.write(navigator.userAgent)</script>' 2>/dev/null || true)
  if ! grep -q "HeadlessChrome/$major\." <<<"$ua"; then
    echo "Chromium $major from chrome-aws-lambda@$pkg does not start here (got: ${ua:-nothing})" >&2
    status=1
    continue
  fi
  printf '%s\n' "$source" >"$new/SOURCE"
  grep -o "HeadlessChrome/[0-9.]*" <<<"$ua" | head -1 >"$new/VERSION"
  rm -rf "$dest"
  mv "$new" "$dest"
  say "Chromium $major: $(cat "$dest/VERSION") in $dest"
done <<<"$TABLE"
exit "$status"
