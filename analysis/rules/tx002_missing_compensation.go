package rules

import (
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "TX002",
		Severity: rule.Warning,
		Title:    "Saga step without a compensation",
		Doc: `Warns about a participant of a saga (` + "`coordinator: \"saga\"`" + `, also the default) that has no
` + "`compensation`" + ` entry while a participant after it has one.

A saga runs its steps in ` + "`participants`" + ` order: first the compensable steps, then the pivot
(the point of no return), then steps that are retried until they succeed. Only the pivot and
the steps after it may go without a compensation. A step followed by a compensated step is
therefore before the pivot, and when a later step fails the saga cannot undo it: the system
is left half-changed. Steps after the last compensated one are read as the pivot and the
retryable steps, and are not reported.

Fix: add a compensation entry for the participant, or move it after the pivot.

Sources: Azure Architecture Center, Saga distributed transactions pattern
(https://learn.microsoft.com/en-us/azure/architecture/patterns/saga); Garcia-Molina & Salem,
"Sagas", SIGMOD 1987.`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraTx)
			if !ok {
				return
			}
			if coordinator, _ := infraEnum(p, v, "saga", "coordinator"); coordinator != "saga" {
				return
			}
			names, spans, listed := v.Strings("participants")
			if !listed {
				return
			}
			comp := infraObject(v, "compensation")
			compensated := map[string]bool{}
			if comp != nil {
				for _, m := range comp.Members {
					compensated[model.NormalizeName(m.Key.Text)] = true
				}
			}
			lastCompensated := -1
			for i, n := range names {
				if compensated[model.NormalizeName(n)] {
					lastCompensated = i
				}
			}
			for i := 0; i < lastCompensated; i++ {
				if !compensated[model.NormalizeName(names[i])] {
					p.Report(spans[i], names[i]+" has no compensation: a later failure cannot undo it (only the pivot and steps after it may omit one)")
				}
			}
		},
	})
}
