#!/usr/bin/env bash
# Runs each libFuzzer target of communique-fuzz (Sources/CommuniqueFuzz), as built by
# `make fuzz` into .build-fuzz with -sanitize=fuzzer,address, and prints one line per
# target: executions, time, executions per second, crashes. Everything it makes is under
# .build-fuzz/: the corpus it grows (corpus/<target>/, seeded from Tests/fuzz/seeds,
# Tests/fuzz/regressions, the fixtures and Content/), libFuzzer's log (logs/<target>.log)
# and the inputs that crashed, leaked, timed out or broke an invariant
# (findings/<target>/crash-…, leak-…, timeout-…, oom-…; not artifacts/, which SwiftPM empties
# on every build).
#
#   FUZZ_TARGETS   targets to run (default: all of them, see `communique-fuzz list`)
#   FUZZ_TIME      seconds per target (default 180)
#   FUZZ_RUNS      executions per target; when set, a target stops at whichever of
#                  FUZZ_RUNS and FUZZ_TIME comes first (FUZZ_TIME=0: no time limit)
#   FUZZ_PARALLEL  targets run at once (default 1)
#   FUZZ_FLAGS     more libFuzzer flags, e.g. "-seed=1 -max_len=20000"
#
# A crasher, once fixed, goes into Tests/fuzz/regressions/<target>/, which `make test`
# replays (Tests/fuzz/replay.sh). Exits non-zero when any target found something.
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${FUZZ_BIN:-.build-fuzz/debug/communique-fuzz}
OUT=.build-fuzz
TARGETS=${FUZZ_TARGETS:-import frontmatter yaml terms markdown serverpath}
TIME=${FUZZ_TIME:-180}
RUNS=${FUZZ_RUNS:-}
PARALLEL=${FUZZ_PARALLEL:-1}
FLAGS=${FUZZ_FLAGS:-}

[ -x "$BIN" ] || { echo "no $BIN: build it with 'make fuzz'" >&2; exit 2; }

# The corpus: kept between runs (libFuzzer adds what reaches new code); seeds copied in
# without overwriting.
seed_corpus() {
  local target=$1 dir=$OUT/corpus/$1
  mkdir -p "$dir"
  for src in Tests/fuzz/seeds/"$target" Tests/fuzz/regressions/"$target"; do
    [ -d "$src" ] && find "$src" -type f ! -name '.*' -exec cp -n {} "$dir/" \;
  done
  case $target in
    import) cp -n Tests/CommuniqueTests/Fixtures/statements/*.txt "$dir/" ;;
    html) cp -n Tests/CommuniqueTests/Fixtures/html/*.html "$dir/" ;;
    frontmatter) for f in Content/releases/*/*.md; do cp -n "$f" "$dir/content-$(basename "$(dirname "$f")")-$(basename "$f")"; done ;;
    yaml)
      [ -e "$dir/content-glossary" ] || { printf g; cat Content/glossary.yml; } > "$dir/content-glossary"
      [ -e "$dir/content-topics" ] || { printf t; cat Content/topics.yml; } > "$dir/content-topics"
      [ -e "$dir/content-site" ] || { printf s; cat Content/site.yml; } > "$dir/content-site" ;;
    markdown)
      for f in Content/releases/*/*.md; do
        out="$dir/content-$(basename "$f")"
        [ -e "$out" ] || { printf '\004'; cat "$f"; } > "$out"
      done ;;
  esac
}

dictionary() {
  case $1 in
    import | terms) echo "-dict=Tests/fuzz/dicts/import.dict" ;;
    html) echo "-dict=Tests/fuzz/dicts/html.dict" ;;
    frontmatter | yaml) echo "-dict=Tests/fuzz/dicts/yaml.dict" ;;
    markdown) echo "-dict=Tests/fuzz/dicts/markdown.dict" ;;
    serverpath) echo "-dict=Tests/fuzz/dicts/serverpath.dict" ;;
  esac
  # The importer reads line by line and its cost grows with the text: 1 KB holds front matter,
  # a title, chrome, dates and several sections, and runs 3-4 times faster than the 4-12 KB
  # statements of the seed corpus (which libFuzzer then cuts to their first 1 KB).
  [ "$1" = import ] && echo "-max_len=1024"
}

# Runs one target; writes its summary line to $OUT/logs/<target>.summary.
run_target() {
  local target=$1 log=$OUT/logs/$1.log artifacts=$OUT/findings/$1/
  mkdir -p "$artifacts" "$OUT/logs"
  rm -f "$OUT/logs/$target.summary"
  seed_corpus "$target"
  local limits=(-max_total_time="$TIME")
  [ -n "$RUNS" ] && limits+=(-runs="$RUNS")
  local before start end status
  before=$(find "$artifacts" -type f | wc -l)
  start=$(date +%s)
  # The Swift runtime's backtracer would take the crash from libFuzzer, which then
  # neither reports it nor saves the input. Allocation stacks of 8 frames (not 30) are
  # enough to read a report and match lsan.supp, and Swift allocates a lot.
  # shellcheck disable=SC2046,SC2086
  env SWIFT_BACKTRACE=enable=no COMMUNIQUE_FUZZ_TARGET="$target" \
    ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:malloc_context_size=8:${ASAN_OPTIONS:-}" \
    LSAN_OPTIONS="suppressions=$PWD/Tests/fuzz/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}" \
    "$BIN" "$OUT/corpus/$target" "${limits[@]}" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$artifacts" $(dictionary "$target") $FLAGS >"$log" 2>&1
  status=$?
  end=$(date +%s)
  local runs speed found
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  found=$(($(find "$artifacts" -type f | wc -l) - before))
  local verdict=ok
  if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
    verdict="FAILED (exit $status; $(grep -m1 -E '^==[0-9]+==ERROR|^SUMMARY|invariant broken|deadly signal' "$log" || echo 'see the log'); input in $artifacts)"
  fi
  printf '%-12s %12s execs %7ss %8s exec/s  crashes: %s  %s\n' "$target" "${runs:-?}" "$((end - start))" "${speed:-?}" \
    "$found" "$verdict" >"$OUT/logs/$target.summary"
}

printf '%s\n' "fuzzing: $TARGETS (FUZZ_TIME=${TIME}s${RUNS:+, FUZZ_RUNS=$RUNS} per target, $PARALLEL at once); logs in $OUT/logs/"
running=0
for target in $TARGETS; do
  run_target "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$PARALLEL" ]; then wait -n; running=$((running - 1)); fi
done
wait
failed=0
for target in $TARGETS; do
  cat "$OUT/logs/$target.summary"
  grep -q FAILED "$OUT/logs/$target.summary" && failed=1
done
exit $failed
