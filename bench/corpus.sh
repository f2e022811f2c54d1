#!/usr/bin/env bash
# Makes a benchmark site of N synthetic releases:  bench/corpus.sh N OUT_SITE
#
# OUT_SITE gets the repository's Templates/ and Content/{site,glossary,topics}.yml,
# N statements from bench/make_corpus.py in statements/ (what was generated in
# corpus.json), and each statement imported with the release binary
# (`communique import FILE --root OUT_SITE`, one process per file, as many at a time as
# there are cores). bench/verify_import.py then checks every release came out with the
# sections and numbered paragraphs that were generated.
#
# The site is remade only when its inputs changed (the generator, the fixtures, the
# glossary, topics, templates, the importer's sources, N or SEED); `.corpus-stamp` holds
# their hash. Environment: SEED (default 1), BIN (default .build/release/communique).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: bench/corpus.sh N OUT_SITE" >&2
  exit 2
fi
N=$1
SITE=$2
SEED=${SEED:-1}
REPO=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$REPO/.build/release/communique}
[ -x "$BIN" ] || { echo "corpus.sh: $BIN is missing; run: swift build -c release --product communique" >&2; exit 1; }

stamp=$(
  cd "$REPO"
  echo "N=$N SEED=$SEED"
  find bench/make_corpus.py Tests/CommuniqueTests/Fixtures/statements Content/site.yml Content/glossary.yml \
    Content/topics.yml Templates Sources/Communique/Import Sources/Communique/Text -type f -print0 |
    sort -z | xargs -0 sha256sum
)
stamp=$(sha256sum <<<"$stamp" | cut -d' ' -f1)
if [ -f "$SITE/.corpus-stamp" ] && [ "$(cat "$SITE/.corpus-stamp")" = "$stamp" ]; then
  echo "corpus.sh: $SITE is up to date ($N releases)"
  exit 0
fi

rm -rf "$SITE"
mkdir -p "$SITE/Content"
cp -R "$REPO/Templates" "$SITE/"
cp "$REPO/Content/site.yml" "$REPO/Content/glossary.yml" "$REPO/Content/topics.yml" "$SITE/Content/"
python3 "$REPO/bench/make_corpus.py" --count "$N" --seed "$SEED" --out "$SITE/statements" --manifest "$SITE/corpus.json"

start=$(date +%s%N)
status=0
find "$SITE/statements" -name '*.txt' -print0 | sort -z |
  xargs -0 -n 1 -P "$(nproc)" "$BIN" import --root "$SITE" >"$SITE/import.log" 2>&1 || status=$?
ms=$((($(date +%s%N) - start) / 1000000))
if [ "$status" -ne 0 ]; then
  echo "corpus.sh: communique import failed on some statements (exit $status); the errors:" >&2
  grep -B1 -A3 -i 'error' "$SITE/import.log" | head -40 >&2
  echo "(full log: $SITE/import.log)" >&2
  exit 1
fi
printf 'corpus.sh: imported %d statements in %d.%d s (one process per file, %d at a time)\n' \
  "$N" $((ms / 1000)) $((ms % 1000 / 100)) "$(nproc)"
python3 "$REPO/bench/verify_import.py" "$SITE"
echo "$stamp" >"$SITE/.corpus-stamp"
