package main

import (
	"fmt"
	"io"
	"slices"
	"time"
)

// targets are the language-server issue's goals on the largest size.
const (
	targetOpen       = 300 * time.Millisecond
	targetEditP99    = 30 * time.Millisecond
	targetRequestP99 = 5 * time.Millisecond
	targetRSS        = 150 << 20
	// targetEditGrowth bounds the edit cost — the median edit→diagnostics
	// time, what a keystroke typically costs — at the largest size over
	// the smallest. The p99 ratio is printed beside it but not checked:
	// the p99 of 100 edits is the second slowest, and on a shared VM that
	// is whichever edit a scheduling or page-fault stall of the machine hit
	// (a 1k-line run with a 1.5 ms median has shown a 15.6 ms p99); the
	// tail has its own target, edit p99 under 30 ms.
	targetEditGrowth = 3.0
)

// percentile returns the p-th percentile (nearest rank) of ds.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.999999) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }

// report prints one row per size, then the targets checked on the largest.
func report(w io.Writer, rs []result) {
	fmt.Fprintf(w, "%-8s %-8s %-11s %-21s %-21s %-21s %s\n", "lines", "bytes", "open→diag", "edit→diag med/p99", "completion med/p99", "hover med/p99", "peak RSS")
	for _, r := range rs {
		fmt.Fprintf(w, "%-8d %-8d %-11s %-21s %-21s %-21s %.1fMB\n", r.lines, r.bytes, ms(r.open),
			ms(percentile(r.edit, 50))+" / "+ms(percentile(r.edit, 99)),
			ms(percentile(r.completion, 50))+" / "+ms(percentile(r.completion, 99)),
			ms(percentile(r.hover, 50))+" / "+ms(percentile(r.hover, 99)),
			float64(r.rss)/(1<<20))
	}
	if len(rs) == 0 {
		return
	}
	big, small := rs[len(rs)-1], rs[0]
	growth := float64(percentile(big.edit, 50)) / float64(max(percentile(small.edit, 50), 1))
	tail := float64(percentile(big.edit, 99)) / float64(max(percentile(small.edit, 99), 1))
	fmt.Fprintf(w, "\ntargets at %d lines:\n", big.lines)
	check(w, "open→diag < 300ms", big.open < targetOpen, ms(big.open))
	check(w, "edit→diag p99 < 30ms", percentile(big.edit, 99) < targetEditP99, ms(percentile(big.edit, 99)))
	check(w, "completion p99 < 5ms", percentile(big.completion, 99) < targetRequestP99, ms(percentile(big.completion, 99)))
	check(w, "hover p99 < 5ms", percentile(big.hover, 99) < targetRequestP99, ms(percentile(big.hover, 99)))
	check(w, "peak RSS < 150MB", big.rss < targetRSS, fmt.Sprintf("%.1fMB", float64(big.rss)/(1<<20)))
	check(w, fmt.Sprintf("edit cost within 3× of %d lines", small.lines), growth <= targetEditGrowth,
		fmt.Sprintf("%.1f× (median; p99 %.1f×)", growth, tail))
}

func check(w io.Writer, what string, ok bool, got string) {
	mark := "ok  "
	if !ok {
		mark = "MISS"
	}
	fmt.Fprintf(w, "  %s %-34s %s\n", mark, what, got)
}
