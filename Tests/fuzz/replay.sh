#!/usr/bin/env bash
# Replays, without the fuzzer runtime, every input the fuzz targets must keep handling:
# the seeds (Tests/fuzz/seeds/<target>/), the regression corpus of crashers found and
# fixed (Tests/fuzz/regressions/<target>/), the fixture statements and the committed
# Content/ pages. Each input goes through the same invariant checks as under libFuzzer;
# the exit status is non-zero when any breaks. `make test` runs it (Tests/e2e/run.sh).
#
#   bash Tests/fuzz/replay.sh [path/to/communique-fuzz]   (default .build/debug/communique-fuzz)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/debug/communique-fuzz}
"$BIN" replay all Tests/fuzz/seeds Tests/fuzz/regressions
"$BIN" replay import Tests/CommuniqueTests/Fixtures/statements
"$BIN" replay html Tests/CommuniqueTests/Fixtures/html
"$BIN" replay frontmatter Content/releases
