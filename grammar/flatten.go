package grammar

// The cgo side of Flat: see flatwalk.h.

//#include "flatwalk.h"
import "C"

import (
	"runtime"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// nodeMirror mirrors the layout of sitter.Node, whose TSNode is not
// exported (flat_layout_test.go checks the layout).
type nodeMirror struct {
	c C.dpl_ts_node
	t unsafe.Pointer
}

func cNode(n *sitter.Node) C.dpl_ts_node { return (*nodeMirror)(unsafe.Pointer(n)).c }

// Flatten writes n and every node under it into a Flat with one cgo call.
func Flatten(n *sitter.Node) *Flat {
	return flattenWith(n, func(cn C.dpl_ts_node, out *C.dpl_flat_node, size C.uint32_t) C.uint32_t {
		return C.dpl_flatten(cn, out, size)
	})
}

// flattenCursor is Flatten done the slow way, with tree-sitter's public
// cursor API (dpl_flatten_cursor): the oracle the tests hold Flatten's
// direct walk of the runtime's internal tree to, byte for byte. Nothing
// else calls it.
func flattenCursor(n *sitter.Node) *Flat {
	return flattenWith(n, func(cn C.dpl_ts_node, out *C.dpl_flat_node, size C.uint32_t) C.uint32_t {
		return C.dpl_flatten_cursor(cn, out, size)
	})
}

// flattenWith sizes the Flat with dpl_count and fills it with walk, which
// returns the node count it needed (more than size when out was too small).
func flattenWith(n *sitter.Node, walk func(C.dpl_ts_node, *C.dpl_flat_node, C.uint32_t) C.uint32_t) *Flat {
	cn := cNode(n)
	size := uint32(C.dpl_count(cn))
	for {
		nodes := make([]FlatNode, size)
		got := uint32(walk(cn, (*C.dpl_flat_node)(unsafe.Pointer(&nodes[0])), C.uint32_t(size)))
		if got <= size {
			runtime.KeepAlive(n) // its tree must outlive the walk
			return &Flat{Nodes: nodes[:got]}
		}
		size = got
	}
}

// cLayout returns the size and field offsets of the C node, in the order
// dpl_layout writes them.
func cLayout() [11]uint32 {
	var out [11]uint32
	C.dpl_layout((*C.uint32_t)(unsafe.Pointer(&out[0])))
	return out
}
