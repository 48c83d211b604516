package lsp

import "sort"

// lineChunkSize is how many line starts a chunk holds when it is built: an
// edit copies about two chunks and the chunk headers (lines/256 of them),
// instead of every line start of the file.
const lineChunkSize = 256

// lineIndex is the byte offset at which each line of a text starts, kept
// in chunks that the versions of a document share. An edit rebuilds the
// chunks it touches and gives the later ones new headers that add the
// edit's length to their starts and its line count to their line numbers;
// their start arrays are never written again. A keystroke in a 50,000-line
// file so costs a few kilobytes, not a copy of every line start.
type lineIndex struct {
	chunks []lineChunk // in order; none empty; chunks[0] starts at line 0, offset 0
	n      int         // lines
}

// lineChunk holds the starts of consecutive lines.
type lineChunk struct {
	starts []int // shared between versions: read only
	add    int   // added to every start
	first  int   // line number of starts[0]
}

func (c *lineChunk) start(i int) int { return c.starts[i] + c.add }

// newLineIndex chunks flat starts (which it keeps; the caller must not
// change them).
func newLineIndex(starts []int) lineIndex {
	idx := lineIndex{n: len(starts)}
	idx.chunks = appendChunks(make([]lineChunk, 0, (len(starts)+lineChunkSize-1)/lineChunkSize), starts, 0)
	return idx
}

// appendChunks cuts starts, whose first line is line first, into chunks.
func appendChunks(chunks []lineChunk, starts []int, first int) []lineChunk {
	for i := 0; i < len(starts); i += lineChunkSize {
		j := min(i+lineChunkSize, len(starts))
		chunks = append(chunks, lineChunk{starts: starts[i:j:j], first: first + i})
	}
	return chunks
}

func (x *lineIndex) count() int { return x.n }

// chunkOfLine returns the index of the chunk holding line (0 <= line < n).
func (x *lineIndex) chunkOfLine(line int) int {
	return sort.Search(len(x.chunks), func(i int) bool { return x.chunks[i].first > line }) - 1
}

// start returns the offset where line (0 <= line < n) starts.
func (x *lineIndex) start(line int) int {
	c := &x.chunks[x.chunkOfLine(line)]
	return c.start(line - c.first)
}

// lineAt returns the last line starting at or before offset (>= 0), and
// that line's start.
func (x *lineIndex) lineAt(offset int) (line, start int) {
	ci := sort.Search(len(x.chunks), func(i int) bool { return x.chunks[i].start(0) > offset }) - 1
	c := &x.chunks[ci]
	j := sort.Search(len(c.starts), func(i int) bool { return c.start(i) > offset }) - 1
	return c.first + j, c.start(j)
}

// splice returns the index after an edit: lines [0, keep) stay as they
// are, the lines the new text starts (at offsets added) follow, and the
// old lines [rest, n) come last with their starts moved by delta. keep is
// at least 1: line 0 always starts at offset 0.
func (x *lineIndex) splice(keep, rest int, added []int, delta int) lineIndex {
	a := x.chunkOfLine(keep - 1)
	b := len(x.chunks) - 1
	if rest < x.n {
		b = x.chunkOfLine(rest)
	}
	ca, cb := &x.chunks[a], &x.chunks[b]
	// The lines of chunks a..b that survive, and the new ones, in one run.
	flat := make([]int, 0, keep-ca.first+len(added)+max(0, cb.first+len(cb.starts)-rest))
	for l := ca.first; l < keep; l++ {
		flat = append(flat, x.start(l))
	}
	flat = append(flat, added...)
	if rest < x.n { // the tail of chunk b, from line rest
		for i := rest - cb.first; i < len(cb.starts); i++ {
			flat = append(flat, cb.start(i)+delta)
		}
	}
	lines := len(added) - (rest - keep)
	out := lineIndex{n: x.n + lines, chunks: make([]lineChunk, 0, len(x.chunks)+len(flat)/lineChunkSize+1)}
	out.chunks = append(out.chunks, x.chunks[:a]...)
	out.chunks = appendChunks(out.chunks, flat, ca.first)
	for _, c := range x.chunks[b+1:] {
		out.chunks = append(out.chunks, lineChunk{starts: c.starts, add: c.add + delta, first: c.first + lines})
	}
	return out
}
