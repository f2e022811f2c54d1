#!/usr/bin/env bash
# Exports a Communique site's Markdown for the other generators of `make bench`:
#   bench/hugo_export.sh SITE HUGO_DIR [CMARK_DIR]
# HUGO_DIR becomes a Hugo site (content/releases/<id>/<section>.md with title, date and
# topics front matter, topics as a taxonomy, config.toml and minimal layouts);
# CMARK_DIR gets the same page bodies for bare cmark-gfm (one file each, and all.md).
# See bench/hugo_export.py for the details.
set -euo pipefail
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: bench/hugo_export.sh SITE HUGO_DIR [CMARK_DIR]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
exec python3 "$here/hugo_export.py" "$1" "$2" ${3:+--cmark "$3"}
