package grammar

import (
	"reflect"
	"testing"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// TestFlatNodeLayout checks that FlatNode matches the C struct the walker
// writes, field by field.
func TestFlatNodeLayout(t *testing.T) {
	var n FlatNode
	want := [11]uint32{
		uint32(unsafe.Sizeof(n)),
		uint32(unsafe.Offsetof(n.StartByte)),
		uint32(unsafe.Offsetof(n.EndByte)),
		uint32(unsafe.Offsetof(n.StartPoint) + unsafe.Offsetof(n.StartPoint.Row)),
		uint32(unsafe.Offsetof(n.StartPoint) + unsafe.Offsetof(n.StartPoint.Column)),
		uint32(unsafe.Offsetof(n.Parent)),
		uint32(unsafe.Offsetof(n.Next)),
		uint32(unsafe.Offsetof(n.ChildCount)),
		uint32(unsafe.Offsetof(n.Symbol)),
		uint32(unsafe.Offsetof(n.Field)),
		uint32(unsafe.Offsetof(n.Flags)),
	}
	if got := cLayout(); got != want {
		t.Fatalf("dpl_flat_node layout (size, offsets) = %v, FlatNode's = %v", got, want)
	}
}

// TestSitterMirrors checks the layout assumptions about go-tree-sitter's
// unexported fields: sitter.Node starts with its TSNode and sitter.BaseTree
// with its TSTree pointer, as nodeMirror and baseTree read them.
func TestSitterMirrors(t *testing.T) {
	check := func(typ reflect.Type, mirror reflect.Type) {
		t.Helper()
		if typ.Size() != mirror.Size() || typ.NumField() != mirror.NumField() {
			t.Fatalf("%v: size %d with %d fields, mirror %v: size %d with %d fields",
				typ, typ.Size(), typ.NumField(), mirror, mirror.Size(), mirror.NumField())
		}
		for i := range typ.NumField() {
			f, m := typ.Field(i), mirror.Field(i)
			if f.Name != m.Name || f.Offset != m.Offset || f.Type.Size() != m.Type.Size() || kindOf(f.Type) != kindOf(m.Type) {
				t.Errorf("%v field %d: %s %v at %d, mirror has %s %v at %d", typ, i, f.Name, f.Type, f.Offset, m.Name, m.Type, m.Offset)
			}
		}
	}
	check(reflect.TypeOf(sitter.Node{}), reflect.TypeOf(nodeMirror{}))
	check(reflect.TypeOf(sitter.BaseTree{}), reflect.TypeOf(baseTree{}))
	check(reflect.TypeOf(sitter.Parser{}), reflect.TypeOf(parserMirror{}))

	// And the values agree: the walker sees the node the binding sees.
	src := []byte("service A {\n  x: 1\n}\n")
	tree := Parse(src)
	root := tree.RootNode()
	f := Flatten(root)
	if got := f.Nodes[0]; got.EndByte != root.EndByte() || got.Type() != root.Type() || got.ChildCount != root.ChildCount() {
		t.Fatalf("flattened root %+v, binding's root %s [%d, %d) with %d children",
			got, root.Type(), root.StartByte(), root.EndByte(), root.ChildCount())
	}
}

// kindOf is t's kind, with typed and untyped pointers alike: a mirror holds
// C pointers as unsafe.Pointer.
func kindOf(t reflect.Type) reflect.Kind {
	if t.Kind() == reflect.Pointer {
		return reflect.UnsafePointer
	}
	return t.Kind()
}
