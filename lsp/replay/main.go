// Command replay is dpls's LSP replay benchmark (`make bench`). It builds
// the dpls binary, and for each size starts it as an editor would (stdio),
// opens a generated workspace file of that many lines, applies single-
// character edits, requests completion and hover at spread-out positions,
// and prints the latencies (median and p99) and the server's peak RSS:
//
//	open→diag   didOpen sent → its diagnostics (version 1) received
//	edit→diag   didChange sent → diagnostics of that version received, end
//	            to end: transport, reparse, analysis and any debounce; the
//	            next edit follows after -pause, a typist's rhythm
//	completion  request sent → response received
//	hover       the same
//	peak RSS    VmHWM of the server process after the session
//
// Each size gets a fresh process, so RSS and caches do not carry over.
// The targets of the language-server issue are checked on the largest
// size and printed with the figures.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	sizes := flag.String("sizes", "1000,10000,50000", "comma-separated workspace sizes in lines")
	edits := flag.Int("edits", 100, "single-character edits per size")
	requests := flag.Int("requests", 100, "completion and hover requests per size")
	pause := flag.Duration("pause", 50*time.Millisecond, "pause between an edit's diagnostics and the next edit, as a typist's; 0 sends edits back to back (each then waits for the server's debounce interval)")
	serverArgs := flag.String("server-args", "", "extra flags for `dpls serve`, space-separated (e.g. --cpuprofile=cpu.out)")
	bin := flag.String("bin", "", "a built dpls binary (default: build ./cmd/dpls into a temporary directory)")
	flag.Parse()
	if err := run(*sizes, *bin, workload{*edits, *requests, *pause, strings.Fields(*serverArgs)}); err != nil {
		fmt.Fprintln(os.Stderr, "replay:", err)
		os.Exit(1)
	}
}

// workload is what one session does.
type workload struct {
	edits, requests int
	pause           time.Duration
	serverArgs      []string
}

func run(sizeList, bin string, wl workload) error {
	var sizes []int
	for _, f := range strings.Split(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return fmt.Errorf("bad size %q", f)
		}
		sizes = append(sizes, n)
	}
	if bin == "" {
		dir, err := os.MkdirTemp("", "dpls-replay")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		bin = filepath.Join(dir, "dpls")
		build := exec.Command("go", "build", "-o", bin, "./cmd/dpls")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build dpls (run from the repository root): %w", err)
		}
	}
	var results []result
	for _, n := range sizes {
		start := time.Now()
		r, err := replay(bin, n, wl)
		if err != nil {
			return fmt.Errorf("%d lines: %w", n, err)
		}
		fmt.Fprintf(os.Stderr, "replay: %d lines done in %s\n", n, time.Since(start).Round(time.Millisecond))
		results = append(results, r)
	}
	report(os.Stdout, results)
	return nil
}
