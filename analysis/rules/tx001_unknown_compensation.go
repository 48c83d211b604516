package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

// txIdentifier is what a participant name must look like to be written
// as a compensation key (keys are identifiers).
var txIdentifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

func init() {
	rule.Register(&rule.Rule{
		Code:     "TX001",
		Severity: rule.Error,
		Title:    "Compensation for a service that is not a participant",
		Doc: `Reports a key of ` + "`compensation`" + ` in a ` + "`distributed_transaction`" + ` that names none of its
` + "`participants`" + `. Names match as service names do everywhere in DPL: without case and
ignoring ` + "`-`" + ` and ` + "`_`" + ` (` + "`payment-service`" + ` matches ` + "`payment_service`" + `).

The language requires compensation keys to be participants. A key that is not one is a typo
or a stale entry: the participant it was meant for has no compensation at all, and the
coordinator will never run this one.

Fix: correct the key (the quick fix offers the closest participant), or add the service to
` + "`participants`" + `.

Sources: DPL language specification, "Identity and references" (` + "`compensation`" + ` keys must be
` + "`participants`" + `).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraTx)
			if !ok {
				return
			}
			names, _, listed := v.Strings("participants")
			comp := infraObject(v, "compensation")
			if !listed || comp == nil {
				return
			}
			known := map[string]bool{}
			for _, n := range names {
				known[model.NormalizeName(n)] = true
			}
			elems, _, _ := v.List("participants")
			arr, _ := v.Obj.Value("participants").(*model.Array)
			for _, m := range comp.Members {
				key := m.Key.Text
				if known[model.NormalizeName(key)] {
					continue
				}
				var fixes []rule.BlockFix
				if near, ok := schema.Closest(key, names); ok && txIdentifier.MatchString(near) {
					fixes = append(fixes, rule.Replace("Change to "+near, m.Key.Span, near))
				}
				fixes = append(fixes, rule.BlockFix{
					Title: "Add " + key + " to participants",
					Edits: []rule.BlockEdit{txAppendElement(p.Block.Text, arr, elems, strconv.Quote(key))},
				})
				p.Report(m.Key.Span, fmt.Sprintf("compensation for %q but %s is not a participant", key, key), fixes...)
			}
		},
	})
}

// txAppendElement adds text as the last element of arr, on its own line
// when the array is written one element per line.
func txAppendElement(src string, arr *model.Array, elems []model.Value, text string) rule.BlockEdit {
	if len(elems) == 0 {
		at := arr.Span.Start + 1
		return rule.BlockEdit{Span: model.Span{Start: at, End: at}, NewText: text}
	}
	last := elems[len(elems)-1].ValueSpan()
	first := elems[0].ValueSpan()
	sep := ", "
	if lineStart := strings.LastIndexByte(src[:first.Start], '\n'); lineStart > arr.Span.Start {
		sep = ",\n" + src[lineStart+1:first.Start]
	}
	return rule.BlockEdit{Span: model.Span{Start: last.End, End: last.End}, NewText: sep + text}
}
