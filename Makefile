# Rapport — two commands on a fresh Debian machine: `make run` and `make test`.

SWIFT      ?= swift
RELEASE    := -c release --static-swift-stdlib
BIN        := .build/release/rapport
# System packages the build, the tests and the benchmarks need (libxml2-dev: FoundationXML
# links libxml2, which a static release build needs as libxml2.so; man-db: the install test
# reads the man page with man -l).
PACKAGES   := libncursesw5-dev libsqlite3-dev sqlite3 libxml2-dev tmux man-db
BENCH_PACKAGES := hyperfine time
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test snapshots fuzz build release bench acceptance deps bench-deps install-missing demo clean install install-files uninstall

## run: install what is missing, build in release mode, start Rapport on your book
run: release
	$(BIN)

## test: the whole suite (unit, store, end to end), failing if it leaves anything in TMPDIR
test: deps
	$(SWIFT) build --build-tests
	Tests/left-behind.sh $(SWIFT) test --skip-build

## snapshots: write Tests/Snapshots (screens, --help texts) anew from the built binary; read each diff before committing
snapshots: deps
	$(SWIFT) build --build-tests
	UPDATE_SNAPSHOTS=1 $(SWIFT) test --skip-build --filter SnapshotTests

## fuzz: mutation fuzzing of the importers and value parsers for FUZZ_SECONDS (default 300; see docs/fuzzing.md)
fuzz: deps
	$(SWIFT) build --build-tests
	FUZZ_SECONDS=$${FUZZ_SECONDS:-300} $(SWIFT) test --skip-build --filter RapportFuzzTests

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE)

PREFIX     ?= /usr/local
BINDIR     := $(DESTDIR)$(PREFIX)/bin
MANDIR     := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR    := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR     := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR    := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

## install: the release binary, its man page and bash, zsh and fish completions under PREFIX (/usr/local)
install: release
	@$(MAKE) --no-print-directory install-files

# What install puts in place, from whichever binary BIN names (the tests use a debug one).
install-files:
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(BIN) $(BINDIR)/rapport
	$(BIN) manual > $(MANDIR)/rapport.1
	$(BIN) --generate-completion-script bash > $(BASHDIR)/rapport
	$(BIN) --generate-completion-script zsh > $(ZSHDIR)/_rapport
	$(BIN) --generate-completion-script fish > $(FISHDIR)/rapport.fish

## uninstall: removes what install put under PREFIX
uninstall:
	rm -f $(BINDIR)/rapport $(MANDIR)/rapport.1 $(BASHDIR)/rapport $(ZSHDIR)/_rapport $(FISHDIR)/rapport.fish

## demo: a demo book in /tmp, then today's view of it
demo: release
	rm -f /tmp/rapport-demo.db /tmp/rapport-demo.db-wal /tmp/rapport-demo.db-shm
	$(BIN) demo --db /tmp/rapport-demo.db --customers 500
	$(BIN) today --db /tmp/rapport-demo.db

## bench: timings against the sqlite3 CLI on cached demo books (see docs/benchmarks.md)
bench: release bench-deps
	Tests/Benchmarks/bench.sh $(BIN)

## acceptance: the importers over other programs' files in ../shared/testdata (never copied here)
acceptance: release
	@$(MAKE) --no-print-directory install-missing WANT="python3"
	Tests/Acceptance/acceptance.sh $(BIN)

deps:
	@$(MAKE) --no-print-directory install-missing WANT="$(PACKAGES)"

bench-deps:
	@$(MAKE) --no-print-directory install-missing WANT="$(BENCH_PACKAGES)"

# Installs the packages of WANT that dpkg does not know as installed (a fresh machine
# has empty apt lists, so update first).
install-missing:
	@missing=""; for p in $(WANT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

clean:
	rm -rf .build
