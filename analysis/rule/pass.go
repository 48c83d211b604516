package rule

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/model"
)

// Finding is a block rule's report, with spans relative to its block, so it
// stays valid while the block's text does not change.
type Finding struct {
	Code     string
	Severity Severity
	Span     model.Span
	Message  string
	Fixes    []BlockFix
	// Related points at other places in the same block (the first of two
	// duplicate keys).
	Related []BlockRelated
	// Unnecessary and Deprecated become diagnostic tags.
	Unnecessary, Deprecated bool
}

// BlockRelated is a related location inside the finding's block.
type BlockRelated struct {
	Span    model.Span
	Message string
}

// Relate adds a related location in the same block.
func (f *Finding) Relate(span model.Span, msg string) *Finding {
	f.Related = append(f.Related, BlockRelated{Span: span, Message: msg})
	return f
}

// BlockFix is a quick fix inside one block.
type BlockFix struct {
	Title string
	Edits []BlockEdit
}

// BlockEdit replaces a span of the block (relative) with NewText.
type BlockEdit struct {
	Span    model.Span
	NewText string
}

// Replace is the common one-edit fix.
func Replace(title string, span model.Span, newText string) BlockFix {
	return BlockFix{Title: title, Edits: []BlockEdit{{Span: span, NewText: newText}}}
}

// BlockPass is what a block rule sees: the block, and a way to report.
type BlockPass struct {
	Block *model.Block
	rule  *Rule
	out   *[]Finding
}

// NewBlockPass prepares a pass of r over b that appends to out.
func NewBlockPass(r *Rule, b *model.Block, out *[]Finding) *BlockPass {
	return &BlockPass{Block: b, rule: r, out: out}
}

// Next readies p for rule r over the same block. The block rules of a
// block run one after another, so one pass serves them all: a cold
// analysis of a 50k-line workspace otherwise allocates a pass per block
// and rule (300,000 of them).
func (p *BlockPass) Next(r *Rule) *BlockPass {
	p.rule = r
	return p
}

// Report records a finding at span (relative to the block).
func (p *BlockPass) Report(span model.Span, msg string, fixes ...BlockFix) *Finding {
	*p.out = append(*p.out, Finding{Code: p.rule.Code, Severity: p.rule.Severity, Span: span, Message: msg, Fixes: fixes})
	return &(*p.out)[len(*p.out)-1]
}

// Reportf is Report with a formatted message.
func (p *BlockPass) Reportf(span model.Span, format string, args ...any) *Finding {
	return p.Report(span, fmt.Sprintf(format, args...))
}

// Materialize turns block findings into diagnostics of file, with absolute
// positions.
func Materialize(file string, b *model.Block, fs []Finding) []Diagnostic {
	out := make([]Diagnostic, 0, len(fs))
	for _, f := range fs {
		d := Diagnostic{
			Location: Location{File: file, Span: b.Abs(f.Span)},
			Severity: f.Severity, Code: f.Code, Message: f.Message,
			Unnecessary: f.Unnecessary, Deprecated: f.Deprecated,
		}
		for _, r := range f.Related {
			d.Related = append(d.Related, Related{Location: Location{File: file, Span: b.Abs(r.Span)}, Message: r.Message})
		}
		for _, fx := range f.Fixes {
			fix := Fix{Title: fx.Title}
			for _, e := range fx.Edits {
				fix.Edits = append(fix.Edits, TextEdit{Location: Location{File: file, Span: b.Abs(e.Span)}, NewText: e.NewText})
			}
			d.Fixes = append(d.Fixes, fix)
		}
		out = append(out, d)
	}
	return out
}

// WorkspacePass is what a workspace rule sees: every block of every file.
type WorkspacePass struct {
	Index *Index
	rule  *Rule
	out   *[]Diagnostic
}

// NewWorkspacePass prepares a pass of r over idx that appends to out.
func NewWorkspacePass(r *Rule, idx *Index, out *[]Diagnostic) *WorkspacePass {
	return &WorkspacePass{Index: idx, rule: r, out: out}
}

// Report records a finding at span (relative to ref's block); related
// locations and fixes may be added to the returned diagnostic.
func (p *WorkspacePass) Report(ref Ref, span model.Span, msg string) *Diagnostic {
	*p.out = append(*p.out, Diagnostic{
		Location: ref.Loc(span), Severity: p.rule.Severity, Code: p.rule.Code, Message: msg,
	})
	return &(*p.out)[len(*p.out)-1]
}

// Reportf is Report with a formatted message.
func (p *WorkspacePass) Reportf(ref Ref, span model.Span, format string, args ...any) *Diagnostic {
	return p.Report(ref, span, fmt.Sprintf(format, args...))
}
