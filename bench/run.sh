#!/usr/bin/env bash
# `make bench`: builds synthetic sites of N releases with Communique, Hugo and bare
# cmark-gfm, and writes bench/RESULTS.md (also printed).
#
# For each N in BENCH_SIZES (default "50 500 2000"):
#   corpus      bench/corpus.sh N .build/bench/site-N (only when missing or stale)
#   export      bench/hugo_export.sh → .build/bench/hugo-N, .build/bench/cmark-N
#   full        communique build --clean into an empty folder on tmpfs
#   hugo        hugo --quiet into an empty folder on tmpfs
#   cmark       cmark-gfm once over all page bodies (all.md); cmark-each: one process per page
#   add         incremental build after importing one more (newest) release
#   edit        incremental build after editing one paragraph
#   noop        a build with nothing changed since the last
#   full-disk, hugo-disk   the same full builds into .build/bench/out/ on the VM's disk
#
# Every measurement starts with one warm-up run under /usr/bin/time (its peak RSS is the
# RSS reported), then hyperfine times BENCH_RUNS runs (default 5), each after its
# --prepare step (emptying the output, or adding/editing content), and the median is
# reported. Each measurement has a time budget, BENCH_BUDGET seconds (default 60) for
# the warm-up and the runs with their preparation: a slow one gets fewer runs, and one
# whose warm-up took over half the budget reports the warm-up run itself (marked in the
# report) — except the full build, which always gets BENCH_FULL_RUNS runs (default 3)
# after its warm-up. The incremental and on-disk builds run only at sizes whose full build took at
# most BENCH_DETAIL_MAX seconds (default 60). This keeps `make bench` near 15 minutes
# while builds are slow; once they are fast, every figure is a median of BENCH_RUNS runs.
#
# Environment: BENCH_SIZES, BENCH_RUNS, BENCH_BUDGET, BENCH_FULL_RUNS, BENCH_DETAIL_MAX, SEED,
# BENCH_TMPFS (default /dev/shm), BENCH_RESULTS (default bench/RESULTS.md).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
SIZES=${BENCH_SIZES:-"50 500 2000"}
RUNS=${BENCH_RUNS:-5}
BUDGET=${BENCH_BUDGET:-60}
DETAIL_MAX=${BENCH_DETAIL_MAX:-60}
FULL_RUNS=${BENCH_FULL_RUNS:-3}
BIN=$REPO/.build/release/communique
WORK=$REPO/.build/bench
SHM=${BENCH_TMPFS:-/dev/shm}/communique-bench
RES=$WORK/results
OUTPUT=${BENCH_RESULTS:-$REPO/bench/RESULTS.md}
export SEED=${SEED:-1}

for tool in hyperfine hugo cmark-gfm /usr/bin/time python3 node chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run: make bench-deps" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "bench: $BIN is missing; run: swift build -c release --product communique" >&2; exit 1; }

# Search against Pagefind (bench/search.py) needs selenium and pagefind-bin-extended from PyPI.
SEARCH_SIZE=${BENCH_SEARCH_SIZE:-500}
venv=$WORK/venv
if ! "$venv/bin/python" -c 'import selenium, pagefind_bin_extended' 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q selenium pagefind-bin-extended >/dev/null
fi
PAGEFIND=$("$venv/bin/python" -c 'import os, pagefind_bin_extended as p; print(os.path.join(os.path.dirname(p.__file__), "pagefind_extended"))')

rm -rf "$RES" "$SHM"
mkdir -p "$RES" "$SHM" "$WORK/out"
started=$(date +%s)
cut -d' ' -f1-3 /proc/loadavg >"$RES/load-start"
# The sources the binary was built from, as they were when it was built (the working
# tree may change while the run goes on).
{ git rev-parse --short HEAD; git status --porcelain -- Sources Package.swift Templates | wc -l; } >"$RES/source-state"

# Puts a site back as the corpus made it if the run stops half-way.
restore_site=""
extra_id=""
restore() {
  if [ -n "$restore_site" ]; then
    [ -n "$extra_id" ] && rm -rf "$restore_site/Content/releases/$extra_id"
    [ -f "$restore_site/search.mustache.aside" ] && mv "$restore_site/search.mustache.aside" "$restore_site/Templates/search.mustache"
    python3 bench/edit_paragraph.py "$restore_site" --restore >/dev/null || true
    sed -i '/^compare_releases: false$/d' "$restore_site/Content/site.yml"
  fi
}
trap restore EXIT

# measure N NAME PREPARE COMMAND [MIN_RUNS] — warm-up under /usr/bin/time, then
# hyperfine: as many runs as the budget allows, but at least MIN_RUNS (default 0).
measure() {
  local n=$1 name=$2 prepare=$3 cmd=$4 min_runs=${5:-0}
  local dir=$RES/$n
  mkdir -p "$dir"
  echo "$cmd" >"$dir/$name.cmd"
  local t0 t1
  t0=$(date +%s%N)
  if [ -n "$prepare" ] && ! bash -c "$prepare" >"$dir/$name.prepare.log" 2>&1; then
    echo "bench: the preparation of '$name' (N=$n) failed: $prepare" >&2
    tail -20 "$dir/$name.prepare.log" >&2
    exit 1
  fi
  if ! /usr/bin/time -f '%e %M' -o "$dir/$name.probe" bash -c "$cmd" >"$dir/$name.out" 2>"$dir/$name.err"; then
    echo "bench: '$name' (N=$n) failed: $cmd" >&2
    grep -v ': warning: ' "$dir/$name.err" | tail -20 >&2
    exit 1
  fi
  t1=$(date +%s%N)
  # Runs that fit in the budget, counting the warm-up and each run's preparation.
  local probe runs
  probe=$(tail -1 "$dir/$name.probe" | cut -d' ' -f1)
  runs=$(python3 -c "w = max(($t1 - $t0) / 1e9, 0.001); print(min($RUNS, max($min_runs, int(($BUDGET - w) / w))))")
  if [ "$runs" -ge 1 ]; then
    local args=(--style basic --shell bash --warmup 0 --runs "$runs" --export-json "$dir/$name.json" -n "$name")
    [ -n "$prepare" ] && args+=(--prepare "$prepare")
    hyperfine "${args[@]}" "$cmd" | grep -E 'Time|Range' | sed "s/^/  [$n $name] /"
  else
    printf '  [%s %s] the warm-up run only: %s s (with its preparation over half the %s s budget)\n' \
      "$n" "$name" "$probe" "$BUDGET"
  fi
}

ext="-e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes"
for n in $SIZES; do
  site=$WORK/site-$n
  echo "== $n releases"
  bash bench/corpus.sh "$n" "$site"
  # The release the incremental build adds (newer than all), kept out of the site.
  extra_dir=$WORK/extra-$n
  rm -rf "$extra_dir"
  python3 bench/make_corpus.py --count "$n" --seed "$SEED" --extra --out "$extra_dir"
  extra=$(ls "$extra_dir"/*.txt)
  extra_id=$(basename "$extra" .txt)
  restore_site=$site
  restore
  bash bench/hugo_export.sh "$site" "$WORK/hugo-$n" "$WORK/cmark-$n" | tee "$RES/export-$n.txt"

  out=$SHM/full-$n
  # The full build decides the growth target between sizes: one run of it on a shared
  # VM decided it by noise alone, so it gets FULL_RUNS runs whatever the budget.
  measure "$n" full "rm -rf $out $SHM/.full-$n.staging $SHM/.full-$n.previous" \
    "$BIN build --clean --root $site --output $out" "$FULL_RUNS"
  full_probe=$(cut -d' ' -f1 "$RES/$n/full.probe")
  if [ "$n" = "$SEARCH_SIZE" ]; then
    # What search costs (full and add-one-release builds with and without the search page
    # and its index, in interleaved pairs), then Communique's search against Pagefind on
    # this site and on the sample.
    python3 bench/feature_cost.py --feature search --bin "$BIN" --site "$site" --extra "$extra" --runs "$RUNS" --out "$RES/search-cost.json"
    # What comparing each release with the previous meeting costs (#15), the same way.
    python3 bench/feature_cost.py --feature compare --bin "$BIN" --site "$site" --extra "$extra" --runs "$RUNS" --out "$RES/compare-cost.json"
    # Comparing two releases (#15): the two newest, and how many paragraphs each has.
    read -r diff_old diff_new <<<"$(ls "$site/Content/releases" | sort | tail -2 | tr '\n' ' ')"
    measure "$n" diff "" "$BIN diff $diff_old $diff_new --root $site"
    "$BIN" diff "$diff_old" "$diff_new" --root "$site" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(len({(p["section"], p["anchor"]) for e in d["entries"] for p in e["old"]}),
      len({(p["section"], p["anchor"]) for e in d["entries"] for p in e["new"]}))' >"$RES/$n/diff.paragraphs"
    "$BIN" build --clean --root "$REPO" --output "$SHM/sample" >/dev/null 2>&1
    "$venv/bin/python" bench/search.py --pagefind "$PAGEFIND" --queries Tests/search/queries.txt \
      --out "$RES/search.json" sample="$SHM/sample" "bench-$n=$out"
    rm -rf "$SHM/sample"
  fi
  measure "$n" hugo "rm -rf $SHM/hugo-$n" "hugo --quiet -s $WORK/hugo-$n -d $SHM/hugo-$n"
  find "$SHM/hugo-$n" -name '*.html' | wc -l >"$RES/$n/hugo.pages"
  find "$SHM/hugo-$n" -type f | wc -l >"$RES/$n/hugo.files"
  measure "$n" cmark "" "cmark-gfm $ext $WORK/cmark-$n/all.md > $SHM/cmark-$n.html"
  measure "$n" cmark-each "rm -rf $SHM/cmark-each-$n" "bash bench/cmark_each.sh $WORK/cmark-$n $SHM/cmark-each-$n"
  ls "$WORK/cmark-$n/pages" | wc -l >"$RES/$n/cmark.files"
  rm -rf "$SHM/hugo-$n" "$SHM/cmark-each-$n" "$SHM/cmark-$n.html"

  if python3 -c "import sys; sys.exit(0 if $full_probe <= $DETAIL_MAX else 1)"; then
    # Incremental: one more release imported into a built site; one paragraph edited.
    inc=$SHM/inc-$n
    rm -rf "$inc"
    "$BIN" build --clean --root "$site" --output "$inc" >/dev/null 2>&1
    measure "$n" add \
      "rm -rf $site/Content/releases/$extra_id && $BIN build --root $site --output $inc && $BIN import $extra --root $site" \
      "$BIN build --root $site --output $inc"
    rm -rf "$site/Content/releases/$extra_id"
    "$BIN" build --root "$site" --output "$inc" >/dev/null 2>&1
    measure "$n" edit "python3 bench/edit_paragraph.py $site" "$BIN build --root $site --output $inc"
    python3 bench/edit_paragraph.py "$site" --restore >"$RES/$n/edit.page"
    # Nothing changed: the warm-up builds the restored paragraph, the timed runs find nothing to do.
    measure "$n" noop "" "$BIN build --root $site --output $inc"
    rm -rf "$inc" "$SHM/.inc-$n.staging" "$SHM/.inc-$n.previous"

    # The same full builds, written to the VM's disk.
    disk=$WORK/out
    measure "$n" full-disk "rm -rf $disk/full-$n $disk/.full-$n.staging $disk/.full-$n.previous && sync" \
      "$BIN build --clean --root $site --output $disk/full-$n"
    measure "$n" hugo-disk "rm -rf $disk/hugo-$n && sync" "hugo --quiet -s $WORK/hugo-$n -d $disk/hugo-$n"
    rm -rf "$disk/full-$n" "$disk/hugo-$n"
  else
    echo "  [$n] incremental and on-disk builds skipped: the full build took $full_probe s (> BENCH_DETAIL_MAX=$DETAIL_MAX)"
  fi
  rm -rf "$out" "$SHM/.full-$n.staging"
  restore
  restore_site=""
done

# Importing large statements (#16): speed and peak memory.
python3 bench/import_speed.py --bin "$BIN" --work "$WORK/import" --runs "$RUNS" --out "$RES/import-speed.json"

cut -d' ' -f1-3 /proc/loadavg >"$RES/load-end"
echo $(($(date +%s) - started)) >"$RES/seconds"
python3 bench/report.py "$RES" "$OUTPUT" --sizes "$SIZES" --runs "$RUNS" --budget "$BUDGET" --full-runs "$FULL_RUNS" --detail-max "$DETAIL_MAX"
rm -rf "$SHM"
