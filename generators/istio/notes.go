package istio

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// block is one source block with the notes raised against it.
type block struct {
	ref  rule.Ref
	view typed.View
	out  *[]g.Note
}

func newBlock(ref rule.Ref, out *[]g.Note) block {
	return block{ref: ref, view: typed.Of(ref.Block), out: out}
}

// note records msg at the key of path (at the block's name when the key is
// absent) and returns it for the output's comment.
func (b block) note(msg string, path ...string) string {
	span := b.ref.Block.Name.Span
	if m, ok := b.view.Member(path...); ok {
		span = m.Key.Span
	}
	*b.out = append(*b.out, g.NoteAt(name, b.ref, span, msg))
	return msg
}

// unmapped is a DPL setting Istio cannot express and why.
type unmapped struct {
	path []string
	why  string
}

// noteUnmapped notes every setting of list that the block writes and
// returns the comments, in list order.
func (b block) noteUnmapped(list []unmapped) []string {
	var out []string
	for _, u := range list {
		if !b.view.Has(u.path...) {
			continue
		}
		out = append(out, b.note(b.label(u.path)+" has no Istio equivalent: "+u.why, u.path...))
	}
	return out
}

// label is "fault_tolerance.retry.max_delay".
func (b block) label(path []string) string {
	s := b.ref.Block.Kind.Text
	for _, p := range path {
		s += "." + p
	}
	return s
}
