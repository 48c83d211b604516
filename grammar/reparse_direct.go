package grammar

// go-tree-sitter's ParseCtx copies the whole input into C memory before
// every parse (C.CBytes), which for an incremental reparse of a large file
// costs more than the parse itself. tree-sitter reads the input only during
// the call, so reparse hands it the Go bytes directly, through the same
// pooled parser object.

/*
#include <stdint.h>
void *ts_parser_parse_string(void *self, const void *old_tree, const char *string, uint32_t length);
void ts_tree_delete(void *self);
*/
import "C"

import (
	"runtime"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// parserMirror mirrors the layout of sitter.Parser, whose TSParser pointer
// is not exported (flat_layout_test.go checks it).
type parserMirror struct {
	isClosed bool
	c        unsafe.Pointer
	cancel   *uintptr
}

// reparseDirect parses src reusing old (already edited) and returns the new
// tree, or nil when tree-sitter gave up (it only does when cancelled, and
// this parse cannot be).
func reparseDirect(old *sitter.Tree, src []byte) *sitter.Tree {
	p := parsers.Get().(*sitter.Parser)
	defer parsers.Put(p)
	pc := (*parserMirror)(unsafe.Pointer(p)).c
	oc := (*baseTree)(unsafe.Pointer(old.BaseTree)).c
	res := C.ts_parser_parse_string(pc, oc, (*C.char)(unsafe.Pointer(unsafe.SliceData(src))), C.uint32_t(len(src)))
	runtime.KeepAlive(p)
	if res == nil {
		p.Reset()
		return nil
	}
	// A *sitter.Tree can only come from go-tree-sitter, so take a copy of
	// old (a new Tree with its own finalizer) and put the result in its
	// place.
	t := old.Copy()
	runtime.KeepAlive(old)
	bt := (*baseTree)(unsafe.Pointer(t.BaseTree))
	C.ts_tree_delete(bt.c)
	bt.c = res
	return t
}
