package hover

import (
	"strings"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// valueDoc documents a value: its normalized form, then its field.
func valueDoc(w *analysis.Workspace, roots []string, b *model.Block, path []string, v model.Value) string {
	f, ok := schema.Resolve(b.Kind.Text, path)
	if !ok {
		return ""
	}
	var d doc
	if lit, isLit := typed.Literal(v); isLit && lit.Kind != schema.LitObject && lit.Kind != schema.LitArray {
		norm, problems := f.Check(lit)
		if len(problems) == 0 && norm.Kind != schema.ValNone && norm.Display() != lit.Text {
			d.title("`" + lit.Source() + "` = " + norm.Display())
		}
	}
	if s, isStr := v.(*model.String); isStr {
		if link := linkDoc(w, roots, f, s.Value); link != "" {
			d.para(link)
		}
	}
	fieldDoc(&d, strings.Join(path, "."), f)
	return d.String()
}

// linkDoc says what a service or block-kind name in a list links to.
func linkDoc(w *analysis.Workspace, roots []string, f *schema.Field, name string) string {
	ref, ok := referenceOf(f.Type)
	if !ok {
		return ""
	}
	if ref.To != schema.RefService {
		return ""
	}
	refs := w.Index().Service(name)
	if len(refs) == 0 {
		return "`" + name + "` matches no block of this workspace (it may be declared elsewhere)."
	}
	lines := []string{"`" + name + "` is declared by:"}
	for _, r := range refs {
		lines = append(lines, "- `"+r.Block.Label()+"` in "+displayPath(roots, r.File))
	}
	return strings.Join(lines, "\n")
}

func referenceOf(t schema.Type) (schema.Reference, bool) {
	switch v := t.(type) {
	case schema.Reference:
		return v, true
	case *schema.List:
		return referenceOf(v.Elem)
	}
	return schema.Reference{}, false
}

// nameDoc lists every block that shares a block's name.
func nameDoc(w *analysis.Workspace, roots []string, b *model.Block) string {
	refs := w.Index().Named(b.Name.Text)
	var d doc
	d.title(b.Name.Text)
	lines := []string{"Described by:"}
	for _, r := range refs {
		lines = append(lines, "- `"+r.Block.Kind.Text+"` in "+displayPath(roots, r.File))
	}
	d.para(strings.Join(lines, "\n"))
	if sb, ok := schema.Lookup(b.Kind.Text); ok && sb.NameRefersTo != "" {
		if _, found := w.Index().Get(sb.NameRefersTo, b.Name.Text); !found {
			d.para("No `" + sb.NameRefersTo + " " + b.Name.Text + "` block: this block has nothing to check.")
		}
	}
	return d.String()
}
