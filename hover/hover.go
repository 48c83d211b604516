// Package hover answers "what is this?" for any position of a DPL file: a
// block kind, a block name, a key, or a value. The answer is markdown built
// from the schema (meaning, type, unit, default, valid range, each target's
// key), the normalized value ("1m30s" = 90 s), what a name links to across
// the workspace, and computed facts (quorum, worst-case retry time). It
// returns editor-neutral values; the LSP layer converts them.
package hover

import (
	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/schema"
)

// Result is a hover: markdown, and the absolute span it describes.
type Result struct {
	Markdown string
	Span     model.Span
}

// At returns the hover for an absolute offset of file, or false when there
// is nothing to say there. Files the hover names are shown by base name;
// AtIn shows them relative to a workspace folder.
func At(w *analysis.Workspace, file string, offset int) (Result, bool) {
	return AtIn(w, nil, file, offset)
}

// AtIn is At for an editor with workspace folders roots: a file the hover
// names ("Described by: … in svc/orders.dpl") is shown relative to the
// folder holding it, or by base name when none does, never by the absolute
// path the analysis knows it by.
func AtIn(w *analysis.Workspace, roots []string, file string, offset int) (Result, bool) {
	f := w.File(file)
	if f == nil {
		return Result{}, false
	}
	c := f.Find(offset)
	b := c.Block
	if b == nil {
		return Result{}, false
	}
	var md string
	var span model.Span
	switch c.On {
	case model.TouchKind:
		md, span = kindDoc(b.Kind.Text), b.Kind.Span
	case model.TouchName:
		md, span = nameDoc(w, roots, b), b.Name.Span
	case model.TouchKey:
		m := c.Member()
		md, span = keyDoc(b, c.Path, m), m.Key.Span
	case model.TouchValue:
		if c.Value == nil {
			return Result{}, false
		}
		if m, s, ok := metricAt(w, b, b.Rel(offset)); ok {
			md, span = m, s
			break
		}
		md, span = valueDoc(w, roots, b, c.Path, c.Value), c.Value.ValueSpan()
	}
	if md == "" {
		return Result{}, false
	}
	return Result{Markdown: md, Span: b.Abs(span)}, true
}

// kindDoc documents a block kind.
func kindDoc(kind string) string {
	sb, ok := schema.Lookup(kind)
	if !ok {
		return ""
	}
	var d doc
	d.title("`" + kind + "` block · " + string(sb.Group))
	d.para(sb.Doc)
	if len(sb.Body.Fields) > 0 {
		d.line("**Fields:** " + fieldList(sb.Body.Fields))
	}
	return d.String()
}

func fieldList(fs []*schema.Field) string {
	out := ""
	for i, f := range fs {
		if i > 0 {
			out += ", "
		}
		out += "`" + f.Name + "`"
	}
	return out
}
