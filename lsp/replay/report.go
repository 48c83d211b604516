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
	targetEditGrowth = 3.0 // edit p99 at the largest size ÷ at the smallest
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
	growth := float64(percentile(big.edit, 99)) / float64(max(percentile(small.edit, 99), 1))
	fmt.Fprintf(w, "\ntargets at %d lines:\n", big.lines)
	check(w, "open→diag < 300ms", big.open < targetOpen, ms(big.open))
	check(w, "edit→diag p99 < 30ms", percentile(big.edit, 99) < targetEditP99, ms(percentile(big.edit, 99)))
	check(w, "completion p99 < 5ms", percentile(big.completion, 99) < targetRequestP99, ms(percentile(big.completion, 99)))
	check(w, "hover p99 < 5ms", percentile(big.hover, 99) < targetRequestP99, ms(percentile(big.hover, 99)))
	check(w, "peak RSS < 150MB", big.rss < targetRSS, fmt.Sprintf("%.1fMB", float64(big.rss)/(1<<20)))
	check(w, fmt.Sprintf("edit p99 within 3× of %d lines", small.lines), growth <= targetEditGrowth, fmt.Sprintf("%.1f×", growth))
}

func check(w io.Writer, what string, ok bool, got string) {
	mark := "ok  "
	if !ok {
		mark = "MISS"
	}
	fmt.Fprintf(w, "  %s %-34s %s\n", mark, what, got)
}
