package rules

import (
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "DPL001",
		Severity: rule.Error,
		Title:    "Unknown block kind",
		Doc: `A block header, or an entry of a list of block kinds (` + "`patterns`" + ` of the generators,
` + "`generate_tests`" + `, ` + "`benchmark`" + `, ` + "`microservice_pattern`" + `), names a kind the language does not
have: ` + "`fault_tolerence OrderService { … }`" + `. The message proposes the closest known kind:
` + "`unknown block kind fault_tolerence; did you mean fault_tolerance?`" + `.

**Why.** The language reference says unknown kinds are "reported with the closest known name,
never silently accepted": a misspelt kind would otherwise make a whole block, or a generated
pattern, disappear without a word. Nothing inside a block of an unknown kind can be checked, so
its keys are not reported one by one. Lists that name concepts as well as kinds
(` + "`event_driven_pattern.patterns`" + ` lists ` + "`event_sourcing`" + `) are open and not checked.

**How to fix.** Correct the spelling; the quick fix writes the closest kind when one is close
enough to be a plausible typo. ` + "`dpls explain`" + ` and completion list every kind.

**Source.** The DPL language reference, "Block kinds" and "Identity and references".`,
		Block: func(p *rule.BlockPass) {
			b := p.Block
			if k := b.Kind.Text; k != "" {
				if _, ok := schema.Lookup(k); !ok {
					reportUnknownKind(p, k, b.Kind.Span, "", false)
				}
			}
			langWalk{value: func(site langValueSite) {
				ref, ok := site.Type.(schema.Reference)
				s, isStr := site.Node.(*model.String)
				if !ok || ref.To != schema.RefKind || ref.Open || !isStr || s.Unterminated || s.Value == "" {
					return
				}
				if _, known := schema.Lookup(s.Value); !known {
					reportUnknownKind(p, s.Value, s.Span, " in "+site.Name, true)
				}
			}}.block(b)
		},
	})
}

// reportUnknownKind reports kind at span with the closest known kind as
// hint and fix; span covers the identifier, or the whole string literal
// when quoted (the fix then writes a quoted string).
func reportUnknownKind(p *rule.BlockPass, kind string, span model.Span, where string, quoted bool) {
	msg := "unknown block kind " + kind + where
	near, ok := schema.Closest(kind, schema.Kinds())
	if !ok {
		p.Report(span, msg)
		return
	}
	text := near
	if quoted {
		text = schema.Str(near).Source()
	}
	p.Report(span, msg+"; did you mean "+near+"?", rule.Replace("Change to "+near, span, text))
}
