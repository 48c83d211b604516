package lsp

import "sync/atomic"

// textSpare is a buffer for the next edit's new text, allocated and its
// pages written while the server is idle, between keystrokes.
//
// Every edit copies the document into a new text (old snapshots keep the
// old one). For a large file that is a large allocation, and Go's heap
// often finds room for it only in pages it returned to the kernel: the
// copy then faults on every page (224 faults for a 917 KB text, 1–6 ms on
// a VM where a fault costs ~17 µs — the replay benchmark's slowest edits).
// A spare is owned by nobody until an edit takes it, so filling it ahead
// of time is safe, and the faults happen while the user is not waiting.
type textSpare struct {
	buf  atomic.Pointer[[]byte]
	want atomic.Int64 // the size of the last text made
}

// spareMin is the smallest text worth a spare: smaller ones come from the
// allocator's caches of small objects, which are already resident.
const spareMin = 64 << 10

// take returns a buffer of length n when the spare fits it, else nil. The
// buffer is the caller's alone. A spare much larger than n (made for
// another, bigger document) is dropped rather than kept alive under a
// small text.
func (t *textSpare) take(n int) []byte {
	t.want.Store(int64(n))
	if n < spareMin {
		return nil
	}
	p := t.buf.Swap(nil)
	if p == nil || cap(*p) < n || cap(*p) > n+n/8 {
		return nil
	}
	return (*p)[:n]
}

// refill makes a spare for the size of the last text, with room for the
// text to grow by a paste, unless the one waiting is big enough. The
// publisher calls it when a round leaves nothing to do.
func (t *textSpare) refill() {
	n := int(t.want.Load())
	if n < spareMin {
		return
	}
	if p := t.buf.Load(); p != nil && cap(*p) >= n+n/64 {
		return
	}
	b := make([]byte, n+n/32)
	// Memory fresh from the kernel is not zeroed by Go, so make may not
	// have touched it: write a byte per page to fault the pages in now.
	for i := 0; i < len(b); i += 4096 {
		b[i] = 0
	}
	t.buf.Store(&b)
}
