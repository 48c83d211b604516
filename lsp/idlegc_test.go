package lsp

import (
	"runtime"
	"testing"
)

func TestGCDue(t *testing.T) {
	for _, c := range []struct {
		heap, live, goal uint64
		want             bool
	}{
		{heap: 20, live: 20, goal: 40, want: false},
		{heap: 29, live: 20, goal: 40, want: false},
		{heap: 30, live: 20, goal: 40, want: true},
		{heap: 45, live: 20, goal: 40, want: true},
		{heap: 30, live: 40, goal: 40, want: false}, // no goal above the live heap: nothing to gain
	} {
		if got := gcDue(c.heap, c.live, c.goal); got != c.want {
			t.Errorf("gcDue(%d, %d, %d) = %v, want %v", c.heap, c.live, c.goal, got, c.want)
		}
	}
}

// The collector reads the runtime's metrics by name (an unknown name
// would make Uint64 panic), and a collection it starts clears its flag.
func TestIdleCollectorReadsTheHeap(t *testing.T) {
	c := newIdleCollector()
	c.collectIfDue()
	for c.running.Load() {
		runtime.Gosched()
	}
	if goal := c.samples[2].Value.Uint64(); goal == 0 {
		t.Fatal("no heap goal read")
	}
}
