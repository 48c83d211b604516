package model

// Cursor is what lies under an offset of a file: the block, the chain of
// members from the block body down, and the innermost value, with what the
// offset touches in it. Editor features start from here.
type Cursor struct {
	Block *Block
	// Offset is relative to the block.
	Offset int
	// Members is the chain of members containing the offset, outermost
	// first; Path is their keys (array indexes are not included).
	Members []*Member
	Path    []string
	// Object is the innermost object containing the offset (nil outside any
	// body), Value the innermost value containing it.
	Object *Object
	Value  Value
	// On says what the offset touches.
	On Touch
}

// Touch classifies a cursor position.
type Touch int

const (
	// TouchNone: outside any block.
	TouchNone Touch = iota
	// TouchKind: on the block kind.
	TouchKind
	// TouchName: on the block name.
	TouchName
	// TouchKey: on a member key (the last of Members).
	TouchKey
	// TouchValue: on a scalar value (Value).
	TouchValue
	// TouchObject: inside an object between members (Object).
	TouchObject
	// TouchArray: inside an array between elements (Value is the array).
	TouchArray
	// TouchHeader: in a block header, after the kind, where no name is yet.
	TouchHeader
)

// Find locates offset (absolute) in f.
func (f *File) Find(offset int) Cursor {
	b := f.BlockAt(offset)
	if b == nil {
		return Cursor{}
	}
	c := Cursor{Block: b, Offset: b.Rel(offset)}
	switch {
	case b.Kind.Span.Contains(c.Offset):
		c.On = TouchKind
	case b.Name.Text != "" && b.Name.Span.Contains(c.Offset):
		c.On = TouchName
	case b.Body == nil || c.Offset < b.Body.Span.Start:
		c.On = TouchHeader
	default:
		c.inObject(b.Body)
	}
	return c
}

func (c *Cursor) inObject(o *Object) {
	c.Object, c.Value, c.On = o, o, TouchObject
	for _, m := range o.Members {
		if !m.Span.Contains(c.Offset) {
			continue
		}
		c.Members = append(c.Members, m)
		c.Path = append(c.Path, m.Key.Text)
		if m.Key.Span.Contains(c.Offset) {
			c.On = TouchKey
			return
		}
		if m.Value != nil && m.Value.ValueSpan().Contains(c.Offset) {
			c.inValue(m.Value)
			return
		}
		// Between the key and the value (after the colon): a value slot.
		c.Value, c.On = m.Value, TouchValue
		return
	}
}

func (c *Cursor) inValue(v Value) {
	switch n := v.(type) {
	case *Object:
		if c.Offset > n.Span.Start && (c.Offset < n.Span.End || !n.Closed) {
			c.inObject(n)
			return
		}
	case *Array:
		if c.Offset > n.Span.Start && c.Offset < n.Span.End {
			c.Value, c.On = n, TouchArray
			for _, e := range n.Elems {
				if e.ValueSpan().Contains(c.Offset) {
					c.inValue(e)
					return
				}
			}
			return
		}
	}
	c.Value, c.On = v, TouchValue
}

// Member returns the innermost member under the cursor, or nil.
func (c Cursor) Member() *Member {
	if len(c.Members) == 0 {
		return nil
	}
	return c.Members[len(c.Members)-1]
}
