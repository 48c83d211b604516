package lsp

import (
	"runtime"
	"runtime/metrics"
	"sync/atomic"
)

// idleCollector runs the garbage collector while the server waits for the
// next change, so that a keystroke's round rarely shares the cores with a
// collection. Marking the heap of a 50k-line workspace takes 10–20 ms on
// two cores; when the runtime starts a collection on its own, it does so
// while allocating — during a round — and that round waits for it (the
// replay benchmark's edit p99 at 50k lines was 19–27 ms against a 2–3 ms
// median, the slow edits being those a collection overlapped). Collecting
// after a round, once the heap is halfway to the runtime's own trigger,
// moves that work into the pause between keystrokes.
type idleCollector struct {
	running atomic.Bool
	samples []metrics.Sample
}

func newIdleCollector() *idleCollector {
	return &idleCollector{samples: []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/live:bytes"},
		{Name: "/gc/heap/goal:bytes"},
	}}
}

// collectIfDue starts a collection in the background when one is due and
// none is running. Only the publisher goroutine calls it.
func (c *idleCollector) collectIfDue() {
	if c.running.Load() {
		return
	}
	metrics.Read(c.samples)
	if !gcDue(c.samples[0].Value.Uint64(), c.samples[1].Value.Uint64(), c.samples[2].Value.Uint64()) {
		return
	}
	c.running.Store(true)
	go func() {
		defer c.running.Store(false)
		runtime.GC()
	}()
}

// gcDue reports whether the heap (bytes in objects, live after the last
// collection, and the runtime's goal for the next) is at least halfway
// from the live heap to the goal.
func gcDue(heap, live, goal uint64) bool {
	return goal > live && heap >= live+(goal-live)/2
}
