# dlplot — the README's entry points: `make gallery`, `make test` (and `make bench`).
SWIFT        ?= swift
CC           ?= cc
APT_PACKAGES := libcairo2-dev libpango1.0-dev libpng-dev libgif-dev libwebp-dev libavcodec-dev libavformat-dev fonts-dejavu-core fonts-lmodern pkg-config
DEJAVU       := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
LMODERN      := /usr/share/texmf/fonts/opentype/public/lm/lmroman10-regular.otf
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
JOBS         ?= $(shell nproc 2>/dev/null || echo 2)
# make bench: Python with matplotlib (installed with pip for the benchmark only), runs per timing, and an
# optional earlier dlplot binary to compare with (make bench BEFORE=/path/to/dlplot).
PYTHON       ?= python3
RUNS         ?= 5
BEFORE       ?=
# Release builds link the Swift runtime and Foundation statically: that takes about 20 ms off the start of
# every `dlplot` process. lld links them without the GNU linkers' warnings about glibc symbols inside the
# static archives; without lld the runtime stays shared.
LLD          := $(shell command -v ld.lld >/dev/null 2>&1 || [ -x "$$(dirname "$$(readlink -f "$$(command -v $(SWIFT))")")/ld.lld" ] && echo yes)
RELEASE      := -c release $(if $(LLD),--static-swift-stdlib -Xswiftc -use-ld=lld)
BIN          = $(shell $(SWIFT) build $(RELEASE) --show-bin-path)

.PHONY: deps build release test asan gallery bench clean

## deps: install the C libraries and fonts dlplot needs (apt), or return at once when present; also Chromium
## for the gallery page's browser test (optional: when it cannot be installed, that test is skipped).
deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists cairo pangocairo libpng libwebpmux libwebpdemux libavcodec libavformat && [ -f /usr/include/gif_lib.h ] && [ -f $(DEJAVU) ] && [ -f $(LMODERN) ]; then \
	    :; \
	else \
	    echo "make deps: installing $(APT_PACKAGES)"; \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	fi
	@command -v chromium >/dev/null 2>&1 || { echo "make deps: installing chromium (for the gallery page's browser test)"; \
	    { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
	    || echo "make deps: chromium not available; the gallery page's browser test will be skipped"; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE) --product dlplot

## test: every test target (Optim, Viz, dlplot).
test: deps
	$(SWIFT) test --disable-swift-testing

## asan: every test target (Optim, Viz, the Viz example, the recipes, run logs, the commands) under the address
## sanitizer, in a build of its own (.build-asan). LeakSanitizer reports memory fontconfig and pango keep in their
## caches until exit, and leaks inside TOMLKit, Foundation and XCTest: scripts/lsan-suppressions.txt names those
## libraries' frames only (the counts used are printed for the library targets); the library-wide fontconfig entry
## is then checked by scripts/asan-fontconfig-check.sh, which runs a few commands with complete stacks
## and without it, so a fontconfig object Viz loses is still reported. Tests that run dlplot under a
## memory limit (ulimit -v) or measure its peak memory skip themselves: the sanitizer's shadow memory and
## quarantine are what they would measure.
asan: deps
	$(SWIFT) build --build-tests --sanitize=address --build-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt:print_suppressions=1 \
	    $(SWIFT) test --skip-build --disable-swift-testing --sanitize=address --build-path .build-asan \
	    --filter '^(OptimTests|VizTests|VizExampleTests|FiguresTests|RunLogsTests)\.'
	@# The command tests read the standard error of dlplot processes, where a count of suppressions would land.
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt:print_suppressions=0 \
	    $(SWIFT) test --skip-build --disable-swift-testing --sanitize=address --build-path .build-asan --filter '^DLPlotTests\.'
	@# Viz's own fontconfig calls, with complete stacks and without the library-wide fontconfig suppression.
	sh scripts/asan-fontconfig-check.sh .build-asan

## gallery: render gallery/ from gallery/gallery.toml and rewrite gallery/README.md.
gallery: release
	$(BIN)/dlplot gallery --jobs $(JOBS)

## bench: numeric kernels, rendering, whole-command timings, paired comparisons with matplotlib and gnuplot,
## SVG sizes and PNG encoder settings.
bench: deps
	@command -v gnuplot >/dev/null 2>&1 || { $(SUDO) apt-get install -y -qq --no-install-recommends gnuplot-nox >/dev/null 2>&1 || echo "make bench: gnuplot not available; skipping that comparison"; }
	$(SWIFT) build $(RELEASE) --product dlplot
	$(SWIFT) build $(RELEASE) --product DLPlotBench
	mkdir -p .build/bench
	$(CC) -O2 -o .build/bench/minimal_cairo Benchmarks/baseline/minimal_cairo.c $$(pkg-config --cflags --libs cairo) -lm
	$(CC) -O2 -o .build/bench/page_floor Benchmarks/baseline/page_floor.c $$(pkg-config --cflags --libs pangocairo libpng)
	$(CC) -O2 -o .build/bench/png_settings Benchmarks/baseline/png_settings.c $$(pkg-config --cflags --libs libpng) -lz
	@$(PYTHON) -c "import matplotlib" 2>/dev/null || $(PYTHON) -m pip install --quiet matplotlib || echo "make bench: matplotlib not available; skipping that comparison"
	$(BIN)/DLPlotBench --dlplot $(BIN)/dlplot --baseline .build/bench/minimal_cairo --floor .build/bench/page_floor --python $(PYTHON) \
	    --runs $(RUNS) $(if $(BEFORE),--before $(BEFORE))
	mkdir -p .build/bench/png && for a in "activation sigmoid" "activations" "surface rosenbrock" "surface beale --with-curves" \
	    "vanishing" "curves" "lr" "surface rosenbrock --view 3d"; do \
	    $(BIN)/dlplot $$a -o ".build/bench/png/$$(echo $$a | tr ' ' '_').png"; done
	.build/bench/png_settings .build/bench/png/*.png

clean:
	rm -rf .build
