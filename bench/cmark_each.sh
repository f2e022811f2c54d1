#!/usr/bin/env bash
# Renders every page body in CMARK_DIR/pages/ with its own cmark-gfm process, with the
# extensions Communique uses: the per-file figure of `make bench` (one process per page
# is what a naive script would do; the fair floor is all.md rendered once).
#   bench/cmark_each.sh CMARK_DIR OUT_DIR
set -euo pipefail
src=$1/pages
out=$2
mkdir -p "$out"
for f in "$src"/*.md; do
  name=${f##*/}
  cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes "$f" >"$out/${name%.md}.html"
done
