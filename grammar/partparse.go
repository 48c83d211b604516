package grammar

//#include "partparse.h"
import "C"

import (
	"runtime"
	"sync"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// partParser parses parts one after another with one tree-sitter parser,
// flattening each tree in the same cgo call into one reused buffer and
// freeing the tree at once: a part's tree is never read again, and its
// Flat only until the next part.
type partParser struct {
	p       *sitter.Parser
	scratch []FlatNode
	flat    Flat
}

// partParsers keeps part parsers with their buffers between documents.
var partParsers = sync.Pool{New: func() any {
	return &partParser{p: parsers.Get().(*sitter.Parser), scratch: make([]FlatNode, 256)}
}}

func getPartParser() *partParser { return partParsers.Get().(*partParser) }

func (pp *partParser) release() {
	pp.flat.Nodes = nil
	partParsers.Put(pp)
}

// parse returns the Flat of text parsed on its own; positions in it are
// relative to text. The Flat's memory is the parser's scratch, valid until
// the next call.
func (pp *partParser) parse(text []byte) *Flat {
	pc := (*parserMirror)(unsafe.Pointer(pp.p)).c
	var keep unsafe.Pointer
	n := uint32(C.dpl_parse_flat(pc, (*C.char)(unsafe.Pointer(unsafe.SliceData(text))), C.uint32_t(len(text)),
		(*C.dpl_flat_node)(unsafe.Pointer(&pp.scratch[0])), C.uint32_t(len(pp.scratch)), &keep))
	runtime.KeepAlive(pp.p)
	runtime.KeepAlive(text)
	if n == 0 {
		// Without a cancellation flag or timeout tree-sitter always
		// returns a tree; a parser left in that state is reset.
		pp.p.Reset()
		panic("grammar: tree-sitter returned no tree for a part")
	}
	if keep != nil {
		pp.scratch = make([]FlatNode, n+n/4)
		C.dpl_flatten_kept(keep, (*C.dpl_flat_node)(unsafe.Pointer(&pp.scratch[0])), C.uint32_t(len(pp.scratch)))
	}
	pp.flat.Nodes = pp.scratch[:n]
	return &pp.flat
}
