package grammar

// smacker/go-tree-sitter's Tree.Edit passes the old end point as the new end
// point, which leaves every node after a line-changing edit on the wrong row.
// We call ts_tree_edit ourselves with the edit as given. The runtime's C
// symbols are linked in by go-tree-sitter's own cgo objects.

/*
#include <stdint.h>
typedef struct { uint32_t row; uint32_t column; } dpl_point;
typedef struct {
	uint32_t start_byte;
	uint32_t old_end_byte;
	uint32_t new_end_byte;
	dpl_point start_point;
	dpl_point old_end_point;
	dpl_point new_end_point;
} dpl_input_edit;
void ts_tree_edit(void *self, const dpl_input_edit *edit);
static void dpl_tree_edit(void *tree, dpl_input_edit edit) { ts_tree_edit(tree, &edit); }
*/
import "C"

import (
	"runtime"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// baseTree mirrors the layout of sitter.BaseTree, whose C pointer is not
// exported.
type baseTree struct {
	c        unsafe.Pointer
	isClosed bool
}

func editTree(t *sitter.Tree, e Edit) {
	bt := (*baseTree)(unsafe.Pointer(t.BaseTree))
	C.dpl_tree_edit(bt.c, C.dpl_input_edit{
		start_byte:    C.uint32_t(e.StartByte),
		old_end_byte:  C.uint32_t(e.OldEndByte),
		new_end_byte:  C.uint32_t(e.NewEndByte),
		start_point:   cPoint(e.StartPoint),
		old_end_point: cPoint(e.OldEndPoint),
		new_end_point: cPoint(e.NewEndPoint),
	})
	runtime.KeepAlive(t) // its finalizer frees bt.c
}

func cPoint(p sitter.Point) C.dpl_point {
	return C.dpl_point{row: C.uint32_t(p.Row), column: C.uint32_t(p.Column)}
}
