package grammar

import "sort"

// starts holds where a document's parts start, in chunks that successive
// documents share: an edit rebuilds the chunks around it and moves the
// ones after it by changing two numbers each, so a keystroke costs the
// same in a file of 50 blocks or of 5,000 (a flat array would be copied
// and shifted whole, and at 50k lines it is a large allocation).
type starts struct {
	chunks []startChunk
	n      int
}

// startChunk holds parts [first, first+len(rel)); part first+k starts at
// rel[k]+shift. rel is shared between documents and never written.
type startChunk struct {
	first, shift int
	rel          []int
}

// chunkParts is the most parts a chunk holds.
const chunkParts = 128

// newStarts chunks a sorted list of part starts.
func newStarts(all []int) starts {
	var s starts
	s.appendRun(all)
	return s
}

// appendRun appends parts with the given starts after the existing ones,
// in new chunks.
func (s *starts) appendRun(run []int) {
	for len(run) > 0 {
		n := min(len(run), chunkParts)
		s.chunks = append(s.chunks, startChunk{first: s.n, rel: run[:n:n]})
		s.n += n
		run = run[n:]
	}
}

func (s *starts) len() int { return s.n }

// chunk returns the index of the chunk holding part k.
func (s *starts) chunk(k int) int {
	return sort.Search(len(s.chunks), func(c int) bool { return s.chunks[c].first > k }) - 1
}

// at returns where part k starts.
func (s *starts) at(k int) int {
	c := &s.chunks[s.chunk(k)]
	return c.rel[k-c.first] + c.shift
}

// search returns the first part starting at or after off (len() for
// none).
func (s *starts) search(off int) int {
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

// between returns the starts of parts [from, to), moved by delta.
func (s *starts) between(from, to, delta int, out []int) []int {
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

// replace returns the starts with parts [from, to) replaced by parts
// starting at run, and the parts after them moved by delta. Chunks before
// and after the replaced ones are shared.
func (s *starts) replace(from, to int, run []int, delta int) starts {
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
		return newStarts(run)
	}
	firstLo := s.chunks[lo].first
	endHi := s.n
	if hi < len(s.chunks) {
		endHi = s.chunks[hi].first
	}
	merged := s.between(firstLo, min(from, s.n), 0, make([]int, 0, (endHi-firstLo)+len(run)))
	merged = append(merged, run...)
	merged = s.between(min(to, s.n), endHi, delta, merged)

	out := starts{chunks: make([]startChunk, lo, len(s.chunks)+len(merged)/chunkParts+1)}
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
