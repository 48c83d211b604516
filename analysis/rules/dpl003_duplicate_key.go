package rules

import (
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "DPL003",
		Severity: rule.Error,
		Title:    "Duplicate key",
		Doc: `One object has the same key twice: ` + "`timeout: \"2s\"`" + ` and, further down, ` + "`timeout: \"5s\"`" + `.
The second occurrence is reported (` + "`duplicate key timeout in fault_tolerance OrderService; only the first is read`" + `)
with the first one as related location. Every object is checked, open maps (metrics, alerts,
environment) included, and blocks of unknown kinds too: a duplicate is wrong whatever the
schema says.

**Why.** Everything that reads DPL (the analyzer, hover, the generators) takes the first
occurrence of a key, so the later value, usually the one edited last, silently has no effect.
HCL rejects a redefined attribute for the same reason; JSON and YAML parsers disagree on which
occurrence wins, and DPL does not leave that open.

**How to fix.** Keep one of the two. The quick fix removes the duplicate member (the one
reported); remove the first instead if the later value is the one you mean.

**Source.** The DPL language reference, "Structure" (an object is a list of members) and
"Identity and references"; HCL's "Attribute redefined" error as the model.`,
		Block: func(p *rule.BlockPass) {
			langEachObject(p.Block, func(o *model.Object, where string) {
				first := map[string]*model.Member{}
				for _, m := range o.Members {
					k := m.Key.Text
					if k == "" {
						continue
					}
					prev, dup := first[k]
					if !dup {
						first[k] = m
						continue
					}
					p.Report(m.Key.Span, "duplicate key "+k+" in "+where+"; only the first is read",
						langRemoveMember(p.Block, m, "Remove the duplicate "+k)).
						Relate(prev.Key.Span, "first "+k+" here")
				}
			})
		},
	})
}

// langEachObject calls fn for every object of b's body, nested ones and
// list elements included, with the name messages use for it: the key that
// holds it, or the block's label for the body.
func langEachObject(b *model.Block, fn func(o *model.Object, where string)) {
	if b.Body == nil {
		return
	}
	var value func(v model.Value, where string)
	value = func(v model.Value, where string) {
		switch n := v.(type) {
		case *model.Object:
			fn(n, where)
			for _, m := range n.Members {
				value(m.Value, m.Key.Text)
			}
		case *model.Array:
			for _, e := range n.Elems {
				value(e, where)
			}
		}
	}
	value(b.Body, b.Label())
}
