package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "DPL004",
		Severity: rule.Error,
		Title:    "Duplicate block",
		Doc: `Two blocks of the workspace have the same kind and the same name, possibly in different
files: ` + "`duplicate block fault_tolerance OrderService`" + `, with the first block as related location.
Names are compared in their normalized form (case-insensitive, ignoring ` + "`-`" + ` and ` + "`_`" + `), the form
in which service names link to blocks, so ` + "`fault_tolerance order_service`" + ` duplicates
` + "`fault_tolerance OrderService`" + `. Kinds whose identity includes a key compare it too: one service
may have a ` + "`generate_tests`" + ` block of type ` + "`unit`" + ` and one of type ` + "`integration`" + `.

**Why.** The language reference identifies a block by ` + "`(kind, name)`" + ` across the whole
workspace, "as Terraform resolves across a module's directory", and says "a second block with
the same kind and name in the workspace is an error": every cross-block rule, go to definition
and every generator would otherwise have to pick one of the two at random.

**How to fix.** Merge the two blocks into one, or rename one of them if they describe
different services.

**Source.** The DPL language reference, "Identity and references" and "Semantics pinned"
(generate_tests identity); Terraform's duplicate resource error as the model.`,
		Group: func(p *rule.GroupPass) {
			first := map[string]rule.Ref{}
			for _, ref := range p.Blocks {
				id, detail := langBlockIdentity(ref.Block)
				prev, dup := first[id]
				if !dup {
					first[id] = ref
					continue
				}
				b := ref.Block
				msg := "duplicate block " + b.Label() + detail
				if prev.Block.Name.Text != b.Name.Text {
					msg += " (" + b.Name.Text + " and " + prev.Block.Name.Text + " name the same service)"
				}
				p.Report(ref, b.Name.Span, msg).
					Relate(prev, prev.Block.Name.Span, prev.Block.Label()+" is declared here")
			}
		},
	})
}

// langBlockIdentity is the key two blocks of one name group share when
// they are the same block: the kind, plus the values of the kind's
// identifying keys (generate_tests: type). detail renders those values
// for the message (` with type "unit"`).
func langBlockIdentity(b *model.Block) (id, detail string) {
	id = b.Kind.Text
	bs, ok := schema.Lookup(b.Kind.Text)
	if !ok {
		return id, ""
	}
	for _, key := range bs.IdentifiedBy {
		v := ""
		if s, isStr := b.Body.Value(key).(*model.String); isStr {
			v = s.Value
		}
		id += "\x00" + v
		if v != "" {
			detail += " with " + key + " " + strconv.Quote(v)
		}
	}
	return id, detail
}
