# dpls — every target names a script or a go command; the invariants the team
# cares about live in `go test` so CI catches them (see ARCHITECTURE.md).
GO ?= go
BIN ?= bin/dpls
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

.PHONY: all build install test check setup grammar grammar-check bench bench-lsp fuzz lint clean

all: build

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/dpls

install:
	$(GO) install -ldflags "-X main.version=$(VERSION)" ./cmd/dpls

# The newcomer's test command: install what the tests need, then run them all.
check: setup grammar-check lint test

setup:
	scripts/setup.sh

test:
	$(GO) test -race -count=1 ./...
	scripts/test-editors.sh

grammar:
	scripts/grammar.sh

grammar-check:
	scripts/grammar.sh --check

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./grammar/... ./analysis/... ./format/... ./report/... ./cmd/dpls/...
	scripts/bench-lsp.sh

fuzz:
	scripts/fuzz.sh

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

clean:
	rm -rf bin tools/tsgen/.build
