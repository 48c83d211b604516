package grammar

import "sort"

// Offsets is a sorted list of text offsets — where a document's parts
// start, where a text's lines start — kept in chunks that successive
// versions share: an edit rebuilds the chunks around it and moves the ones
// after it by changing two numbers each, so a keystroke costs the same in
// a file of 50 lines or of 50,000 (a flat array would be copied and
// shifted whole, and at 50k lines it is a large allocation).
type Offsets struct {
	chunks []offsetChunk
	n      int
}

// offsetChunk holds entries [first, first+len(rel)); entry first+k is
// rel[k]+shift. rel is shared between versions and never written.
type offsetChunk struct {
	first, shift int
	rel          []int
}

// chunkParts is the most entries a chunk holds.
const chunkParts = 128

// NewOffsets chunks a sorted list of offsets, which it keeps: the caller
// must not change it.
func NewOffsets(all []int) Offsets {
	var s Offsets
	s.appendRun(all)
	return s
}

// appendRun appends the offsets of run after the existing ones, in new
// chunks.
func (s *Offsets) appendRun(run []int) {
	for len(run) > 0 {
		n := min(len(run), chunkParts)
		s.chunks = append(s.chunks, offsetChunk{first: s.n, rel: run[:n:n]})
		s.n += n
		run = run[n:]
	}
}

// Len returns how many offsets there are.
func (s *Offsets) Len() int { return s.n }

// chunk returns the index of the chunk holding entry k.
func (s *Offsets) chunk(k int) int {
	return sort.Search(len(s.chunks), func(c int) bool { return s.chunks[c].first > k }) - 1
}

// At returns entry k.
func (s *Offsets) At(k int) int {
	c := &s.chunks[s.chunk(k)]
	return c.rel[k-c.first] + c.shift
}

// Search returns the index of the first offset at or after off (Len()
// for none).
func (s *Offsets) Search(off int) int {
	c := sort.Search(len(s.chunks), func(c int) bool {
		ch := &s.chunks[c]
		return ch.rel[len(ch.rel)-1]+ch.shift >= off
	})
	if c == len(s.chunks) {
		return s.n
	}
	ch := &s.chunks[c]
	return ch.first + sort.Search(len(ch.rel), func(k int) bool { return ch.rel[k]+ch.shift >= off })
}

// Between appends entries [from, to), moved by delta, to out.
func (s *Offsets) Between(from, to, delta int, out []int) []int {
	for k := from; k < to; {
		c := &s.chunks[s.chunk(k)]
		end := min(to, c.first+len(c.rel))
		for _, r := range c.rel[k-c.first : end-c.first] {
			out = append(out, r+c.shift+delta)
		}
		k = end
	}
	return out
}

// Replace returns the offsets with entries [from, to) replaced by run (which
// it keeps) and the entries after them moved by delta. Chunks before and
// after the replaced ones are shared.
func (s *Offsets) Replace(from, to int, run []int, delta int) Offsets {
	lo := 0
	if from < s.n {
		lo = s.chunk(from)
	} else if len(s.chunks) > 0 {
		lo = len(s.chunks) - 1
	}
	hi := len(s.chunks) // chunks [lo, hi) are rebuilt
	if to < s.n {
		hi = s.chunk(to) + 1
		if s.chunks[hi-1].first == to {
			hi--
		}
	}
	hi = max(hi, lo+1)
	if lo >= len(s.chunks) {
		return NewOffsets(run)
	}
	firstLo := s.chunks[lo].first
	endHi := s.n
	if hi < len(s.chunks) {
		endHi = s.chunks[hi].first
	}
	merged := s.Between(firstLo, min(from, s.n), 0, make([]int, 0, (endHi-firstLo)+len(run)))
	merged = append(merged, run...)
	merged = s.Between(min(to, s.n), endHi, delta, merged)

	out := Offsets{chunks: make([]offsetChunk, lo, len(s.chunks)+len(merged)/chunkParts+1)}
	copy(out.chunks, s.chunks[:lo])
	out.n = firstLo
	out.appendRun(merged)
	grow := out.n - endHi
	for _, c := range s.chunks[hi:] {
		c.first += grow
		c.shift += delta
		out.chunks = append(out.chunks, c)
		out.n += len(c.rel)
	}
	return out
}
