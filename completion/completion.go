// Package completion proposes what may be typed at a position of a DPL
// file: block kinds at the top level (as snippets with the block's usual
// fields), the keys of the object around the cursor that are not written
// yet, and values for the key being written (enum members, booleans, unit
// examples, names of blocks and services, metric names in alert
// conditions). It reads the cursor's context from the model and from the
// text of the current line, so it works inside a half-typed, syntactically
// broken block. Items are editor-neutral; the LSP layer converts them.
package completion

import (
	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/model"
)

// ItemKind says what an item inserts.
type ItemKind int

const (
	KindBlock ItemKind = iota + 1
	KindKey
	KindEnum
	KindValue
	KindReference
	KindName
)

// Item is one proposal.
type Item struct {
	Label  string
	Kind   ItemKind
	Detail string
	// Doc is markdown documentation.
	Doc string
	// Insert is the text that replaces Replace; a snippet with tab stops
	// (${1:…}, $0) when Snippet is set.
	Insert  string
	Snippet bool
	// Replace is the absolute span the insertion replaces: the partial word
	// under the cursor.
	Replace model.Span
	// Sort orders items; editors sort by it, then by label.
	Sort string
}

// At returns the proposals for an absolute offset of file.
func At(w *analysis.Workspace, file string, offset int) []Item {
	f := w.File(file)
	if f == nil || offset < 0 || offset > len(f.Src) {
		return nil
	}
	ctx := contextAt(f, offset)
	switch ctx.where {
	case atKind:
		return blockKinds(ctx)
	case atName:
		return blockNames(w, ctx)
	case atKey:
		return keys(ctx)
	case atValue:
		return values(w, ctx)
	}
	return nil
}
