package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "DPL005",
		Severity: rule.Error,
		Title:    "Reference to an undeclared block",
		Doc: `A block refers by its name to a block of another kind that the workspace does not declare.
` + "`verify_fault_tolerance N`" + ` checks ` + "`fault_tolerance N`" + `, ` + "`verify_consistency N`" + ` checks ` + "`consistency N`" + `,
and ` + "`alerts N`" + ` is written over the metrics of ` + "`metrics N`" + `; when that block is missing the message
says so and proposes the closest declared name:
` + "`verify_fault_tolerance OrderServce refers to fault_tolerance OrderServce, which is not declared; did you mean fault_tolerance OrderService?`" + `.
Names match in normalized form (case-insensitive, ignoring ` + "`-`" + ` and ` + "`_`" + `), in any file of the
workspace.

Unknown block kinds in ` + "`patterns`" + ` lists are DPL001; service names in lists (` + "`services`" + `,
` + "`participants`" + `, ` + "`target`" + `) are open references and may name services outside the workspace;
compensation keys that are not participants are TX001; metric names in alert conditions are
OB001.

**Why.** The language reference pins these links: "` + "`verify_X N`" + ` checks block ` + "`X N`" + `" and alert
conditions are "over the metric names declared in the ` + "`metrics`" + ` block of the same name". A
verification block without its subject verifies nothing, and the cross-block checks that
compare the two (the retry worst case against ` + "`max_response_time`" + `) silently never run; usually
the name is misspelt.

**How to fix.** Correct the name (the quick fix renames this block to the closest declared
one), or declare the missing block.

**Source.** The DPL language reference, "Identity and references".`,
		Group: func(p *rule.GroupPass) {
			for _, ref := range p.Blocks {
				bs, ok := schema.Lookup(ref.Block.Kind.Text)
				if !ok || bs.NameRefersTo == "" {
					continue
				}
				if _, declared := p.Get(bs.NameRefersTo); declared {
					continue
				}
				b := ref.Block
				msg := b.Label() + " refers to " + bs.NameRefersTo + " " + b.Name.Text + ", which is not declared"
				candidates := p.Kind(bs.NameRefersTo)
				names := make([]string, len(candidates))
				for i, c := range candidates {
					names[i] = c.Block.Name.Text
				}
				near, ok := schema.Closest(b.Name.Text, names)
				if !ok {
					p.Report(ref, b.Name.Span, msg)
					continue
				}
				target := candidates[0]
				for _, c := range candidates {
					if c.Block.Name.Text == near {
						target = c
						break
					}
				}
				p.Report(ref, b.Name.Span, msg+"; did you mean "+bs.NameRefersTo+" "+near+"?").
					Relate(target, target.Block.Name.Span, target.Block.Label()+" is declared here").
					Fix("Rename to "+near, ref, b.Name.Span, near)
			}
		},
	})
}
