package grammar

import (
	"bytes"
	"runtime"
	"sync"
	"sync/atomic"
)

// Document is how the server parses a file: split into parts, one
// top-level block each (see split.go), each part parsed on its own
// (Parse). A
// single tree-sitter tree cannot be reparsed in time independent of the
// file's size — tree-sitter marks the nodes of a repetition fragile, so an
// edit re-reduces every top-level block — and cannot be parsed on more
// than one core. Parts can: a keystroke re-parses the one block it is in,
// and a whole file is parsed by every core at once. Parts are independent
// by construction, so the result is a function of the text alone: an
// edited document equals the same text parsed from scratch.
//
// A Document holds only where its parts start; Parse hands each part's
// tree out flattened, and the model keeps what it needs of it.
type Document struct {
	// st holds each part's first byte; the first part starts at 0, so even
	// an empty text has one (empty) part.
	st   Offsets
	size int
	// closeBound and dead carry the scanner's state (see scanner): no `*/`
	// pair starts at or after closeBound, and no unclosed `/*` lies
	// before dead.
	closeBound, dead int
}

// Change tells what an edit did to a document's parts: old parts
// [From, To) were replaced by new parts [From, NewTo), which are to be
// parsed; the parts after them moved by Delta bytes.
type Change struct {
	From, To, NewTo int
	Delta           int
}

// Split splits src into parts (Parse parses them).
func Split(src []byte) *Document {
	sc := newScanner(src)
	all, _ := sc.scan([]int{0}, 0, nil)
	return &Document{st: NewOffsets(all), size: len(src), closeBound: sc.closeBound, dead: sc.dead}
}

// Parts returns the number of parts.
func (d *Document) Parts() int { return d.st.Len() }

// Part returns the byte range of part k.
func (d *Document) Part(k int) (start, end int) {
	if k+1 < d.st.Len() {
		return d.st.At(k), d.st.At(k + 1)
	}
	return d.st.At(k), d.size
}

// Edit returns the document of next, the text after replacing the
// document's bytes [start, oldEnd) with next[start:newEnd], and what
// changed: only the parts the edit touched, or whose split it changed,
// need parsing again. It scans the text around the edit, not the file.
func (d *Document) Edit(next []byte, start, oldEnd, newEnd int) (*Document, Change) {
	delta := newEnd - oldEnd
	nd := &Document{size: len(next), closeBound: len(next), dead: len(next)}
	if d.closeBound >= oldEnd {
		nd.closeBound = min(len(next), d.closeBound+delta)
	} else {
		nd.closeBound = min(len(next), newEnd+1)
	}
	// The part whose scan starts the rescan: the one holding the byte
	// before the edit, or an earlier one when the edit unmade its header.
	n := d.st.Len()
	i := max(0, d.st.Search(start)-1)
	for i > 0 && !isHeader(next, d.st.At(i)) {
		i--
	}
	si := d.st.At(i)
	if createsClose(next, start, newEnd) && d.dead < si {
		// A `*/` typed after a `/*` that had none turns everything between
		// into a comment: scan the whole text again.
		sc := &scanner{src: next, closeBound: nd.closeBound, dead: len(next)}
		all, _ := sc.scan([]int{0}, 0, nil)
		nd.st, nd.closeBound, nd.dead = NewOffsets(all), sc.closeBound, sc.dead
		return nd, d.diff(nd, start, oldEnd, delta)
	}
	sc := &scanner{src: next, closeBound: nd.closeBound, dead: len(next)}
	// Old part starts at or after the edit are where the scan may stop;
	// part 0 is no header, only the start of the text.
	j := max(1, d.st.Search(oldEnd))
	stop := func(p int) bool {
		for j < n && d.st.At(j)+delta < p {
			j++
		}
		return j < n && d.st.At(j)+delta == p
	}
	found, end := sc.scan(nil, sc.line(si), stop)
	oldTo := n
	if end < len(next) {
		oldTo = j
	}
	nd.st, nd.closeBound = d.st.Replace(i+1, oldTo, found, delta), sc.closeBound
	nd.dead = d.nextDead(sc.dead, si, j, end, delta)
	// Old parts [i, oldTo) were scanned again; the parts after them are
	// the old ones, moved. Part i is kept too when the edit starts at its
	// end and its end did not move.
	from := i
	if i+1 < n && d.st.At(i+1) <= start {
		newEndI := len(next)
		if len(found) > 0 {
			newEndI = found[0]
		} else if oldTo < n {
			newEndI = d.st.At(oldTo) + delta
		}
		if newEndI == d.st.At(i+1) {
			from++
		}
	}
	return nd, Change{From: from, To: oldTo, NewTo: i + 1 + len(found), Delta: delta}
}

// nextDead is the edited document's bound on its first unclosed `/*`,
// after a rescan from from (unchanged text before it) that found found
// and stopped at end, where the old part j starts.
func (d *Document) nextDead(found, from, j, end, delta int) int {
	switch {
	case d.dead < from:
		return d.dead
	case found < end:
		return found
	case j < d.st.Len() && d.dead >= d.st.At(j):
		return d.dead + delta
	case d.dead >= d.size:
		return found
	}
	// The old first one was in the rescanned text and is gone; the next
	// lies at or after end.
	return end
}

// createsClose reports whether next holds a `*/` that overlaps the
// inserted text [start, newEnd) or its seams.
func createsClose(next []byte, start, newEnd int) bool {
	return bytes.Contains(next[max(0, start-1):min(len(next), newEnd+1)], commentClose)
}

// diff compares the parts of d and nd, the document after the edit: a
// part is unchanged when its bounds are the same (moved by delta after the
// edit) and its text lies wholly before start or wholly after oldEnd.
func (d *Document) diff(nd *Document, start, oldEnd, delta int) Change {
	olds, news := d.st.Between(0, d.st.Len(), 0, nil), nd.st.Between(0, nd.st.Len(), 0, nil)
	from := 0
	for from+1 < len(olds) && from+1 < len(news) && olds[from+1] <= start && olds[from+1] == news[from+1] {
		from++
	}
	oldTo, newTo := len(olds), len(news)
	for oldTo > from && newTo > from && olds[oldTo-1] >= oldEnd && olds[oldTo-1]+delta == news[newTo-1] {
		oldTo--
		newTo--
	}
	return Change{From: from, To: oldTo, NewTo: newTo, Delta: delta}
}

// parallelBytes is the text size from which Parse spreads parsing over
// the cores: below it, starting goroutines costs more than it saves.
const parallelBytes = 8 << 10

// Parse parses parts [from, to) of the document, whose text is src, and
// hands each part's tree to visit, positions relative to the part's
// start. For a large range visit runs on several goroutines at once; fl
// is only valid during the call (its memory is reused for the next part),
// so that a whole file is parsed without holding every tree at once.
func (d *Document) Parse(src []byte, from, to int, visit func(part int, fl *Flat)) {
	if from >= to {
		return
	}
	first, _ := d.Part(from)
	_, last := d.Part(to - 1)
	workers := min(runtime.GOMAXPROCS(0), to-from)
	if last-first < parallelBytes || workers < 2 {
		d.parseRange(src, from, to, visit)
		return
	}
	// Runs of about parallelBytes each, taken in order by whichever worker
	// is free, so that a worker slowed by dense blocks (or by the machine)
	// does not leave the other cores idle at the end.
	var runs []int
	for k := from; k < to; {
		runs = append(runs, k)
		goal := d.st.At(k) + parallelBytes
		for k++; k < to && d.st.At(k) < goal; k++ {
		}
	}
	runs = append(runs, to)
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(workers, len(runs)-1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := int(next.Add(1)) - 1; r < len(runs)-1; r = int(next.Add(1)) - 1 {
				d.parseRange(src, runs[r], runs[r+1], visit)
			}
		}()
	}
	wg.Wait()
}

func (d *Document) parseRange(src []byte, from, to int, visit func(int, *Flat)) {
	pp := getPartParser()
	defer pp.release()
	for k := from; k < to; k++ {
		s, e := d.Part(k)
		visit(k, pp.parse(src[s:e]))
	}
}

// Replacement is one text change in byte offsets: bytes [Start, OldEnd)
// of the old text became bytes [Start, NewEnd) of the new one, and the
// text around them is the same.
type Replacement struct{ Start, OldEnd, NewEnd int }

// Then composes r with next, the change that followed it: one replacement
// from r's old text to next's new text.
func (r Replacement) Then(next Replacement) Replacement {
	end := max(r.NewEnd, next.OldEnd) // in the text between the two
	return Replacement{
		Start:  min(r.Start, next.Start),
		OldEnd: end - (r.NewEnd - r.OldEnd),
		NewEnd: end + (next.NewEnd - next.OldEnd),
	}
}

// Cover returns one replacement that covers edits applied one after
// another (each in the coordinates of the text the previous one left); no
// edits give the empty one. A client may send several changes in one
// notification; the document is then edited once.
func Cover(edits []Edit) Replacement {
	var r Replacement
	for i, e := range edits {
		step := Replacement{int(e.StartByte), int(e.OldEndByte), int(e.NewEndByte)}
		if i == 0 {
			r = step
		} else {
			r = r.Then(step)
		}
	}
	return r
}
