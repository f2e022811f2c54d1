#!/usr/bin/env bash
# Screenshots of built pages with headless Chromium, to look at what readers see.
# Usage: screenshot.sh [SITE_PUBLIC_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
public=$(realpath "${1:-Public}")
out=${2:-.build/screenshots}
mkdir -p "$out" && out=$(realpath "$out")
mkdir -p "$out"
release=$(ls "$public/releases" | head -1)
shoot() { # name page width height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --screenshot="$out/$1.png" --window-size="$3,$4" "file://$public/$2" >/dev/null 2>&1
  echo "$out/$1.png"
}
shoot home index.html 1280 1000
shoot release "releases/$release/index.html" 1280 1400
shoot section "releases/$release/$(ls "$public/releases/$release" | grep -v -e all -e index.html | head -1)/index.html" 1280 1400
shoot section-mobile "releases/$release/$(ls "$public/releases/$release" | grep -v -e all -e index.html | head -1)/index.html" 390 1400
# The first release with a changes page (a later meeting of a series), if the site has one.
changes=$(cd "$public" && find releases -path "*/changes/index.html" | sort | head -1)
if [ -n "$changes" ]; then
  shoot changes "$changes" 1280 1600
  shoot changes-mobile "$changes" 390 1400
fi
