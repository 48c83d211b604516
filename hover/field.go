package hover

import (
	"fmt"
	"strings"
	"time"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/analysis/units"
)

// keyDoc documents the field at path of a block.
func keyDoc(b *model.Block, path []string, m *model.Member) string {
	f, ok := schema.Resolve(b.Kind.Text, path)
	if !ok {
		return ""
	}
	var d doc
	fieldDoc(&d, strings.Join(path, "."), f)
	factsDoc(&d, b, path)
	return d.String()
}

// fieldDoc writes the schema's knowledge of one field.
func fieldDoc(d *doc, name string, f *schema.Field) {
	head := "`" + name + "` · " + f.Type.String()
	if f.Unit != "" {
		head += " · " + f.Unit
	}
	d.title(head)
	if f.Deprecated != "" {
		d.para("**Deprecated:** " + f.Deprecated)
	}
	d.para(f.Doc)
	var rows []string
	if f.Default != "" {
		rows = append(rows, "Default: "+f.Default)
	}
	if r := rangeOf(f.Type); r != "" {
		rows = append(rows, "Valid: "+r)
	}
	if len(rows) > 0 {
		d.para(strings.Join(rows, "  \n"))
	}
	if t := targetsDoc(f.Targets); t != "" {
		d.para(t)
	}
}

func targetsDoc(ts []schema.TargetKey) string {
	if len(ts) == 0 {
		return ""
	}
	lines := []string{"**In each target:**"}
	for _, t := range ts {
		l := "- " + t.Target + ": `" + t.Key + "`"
		if t.Note != "" {
			l += " — " + t.Note
		}
		if t.Default != "" {
			l += " (default " + t.Default + ")"
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// rangeOf describes a type's hard range in its own unit.
func rangeOf(t schema.Type) string {
	switch v := t.(type) {
	case schema.Duration:
		return describe(v.Range, func(x float64) string { return units.FormatDuration(time.Duration(x)) })
	case schema.Size:
		return describe(v.Range, func(x float64) string { return units.FormatSize(int64(x)) })
	case schema.Percent:
		return describe(v.Range, func(x float64) string { return fmt.Sprintf("%g%%", x) })
	case schema.Ratio:
		return describe(v.Range, num)
	case schema.Count:
		return describe(v.Range, num)
	case schema.Number:
		return describe(v.Range, num)
	case *schema.OneOf:
		var parts []string
		for _, alt := range v.Types {
			if r := rangeOf(alt); r != "" {
				parts = append(parts, alt.String()+" "+r)
			}
		}
		return strings.Join(parts, "; ")
	}
	return ""
}

func num(x float64) string { return fmt.Sprintf("%g", x) }

func describe(r *schema.Range, format func(float64) string) string {
	if r == nil || (!r.HasMin && !r.HasMax) {
		return ""
	}
	s := r.Describe(format)
	if r.Rejects != "" {
		s += " (" + r.Rejects + " rejects other values)"
	}
	return s
}

// factsDoc adds computed facts for the fields that have them.
func factsDoc(d *doc, b *model.Block, path []string) {
	if len(path) != 1 {
		return
	}
	v := typed.Of(b)
	switch {
	case b.Kind.Text == "consistency" && path[0] == "nodes":
		if c, ok := facts.ClusterOf(v); ok {
			d.para(fmt.Sprintf("**%d nodes:** a majority quorum is %d, so the cluster tolerates %d failed node(s).", c.Nodes, c.Quorum, c.Tolerates))
		}
	case b.Kind.Text == "fault_tolerance" && (path[0] == "retry" || path[0] == "timeout"):
		if w, ok := facts.WorstCase(v); ok {
			d.para("**Worst case:** " + w.String() + " (every attempt times out, every wait at its bound).")
		}
	}
}
