package rules

import (
	"fmt"
	"strings"
	"time"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/analysis/units"
)

// evaluationInterval is Prometheus's default global.evaluation_interval.
const evaluationInterval = time.Minute

func init() {
	rule.Register(&rule.Rule{
		Code:     "OB004",
		Severity: rule.Info,
		Title:    "Alert duration shorter than the rule evaluation interval",
		Doc: `An alert's ` + "`duration`" + ` (Prometheus ` + "`for`" + `) is how long its condition must hold before it
fires. Prometheus checks it only when it evaluates the rule, every ` + "`evaluation_interval`" + ` (1m by
default), so a ` + "`for`" + ` shorter than that behaves like one interval, and a missing or zero one fires on
the first evaluation where the condition holds — one bad scrape pages someone.

Fix: write at least the evaluation interval (` + "`\"1m\"`" + `), more for noisy signals.

Source: Prometheus documentation, "Alerting rules" (` + "`for`" + ` clause) and "Configuration"
(` + "`evaluation_interval`" + ` default 1m).`,
		Block: checkShortFor,
	})
}

func checkShortFor(p *rule.BlockPass) {
	b := p.Block
	if b.Kind.Text != "alerts" || b.Body == nil {
		return
	}
	for _, alert := range b.Body.Members {
		v, ok := typed.Of(b).Sub(alert.Key.Text)
		if !ok {
			continue
		}
		obj := v.Obj
		d, span, ok := v.Duration("duration")
		switch {
		case !v.Has("duration"):
			f := p.Report(alert.Key.Span, fmt.Sprintf("%s has no duration: it fires on the first evaluation where the condition holds", alert.Key.Text))
			if fix, ok := insertAfterCondition(b, obj); ok {
				f.Fixes = append(f.Fixes, fix)
			}
		case !ok:
			// A malformed duration is GEN001's finding.
		case d == 0:
			f := p.Report(span, fmt.Sprintf("%q fires on the first evaluation where the condition holds", units.FormatDuration(d)))
			f.Fixes = append(f.Fixes, rule.Replace(`Set duration to "1m"`, span, `"1m"`))
		case d < evaluationInterval:
			f := p.Report(span, fmt.Sprintf("%q is checked once per evaluation (every %s): it behaves like %s",
				units.FormatDuration(d), units.FormatDuration(evaluationInterval), units.FormatDuration(evaluationInterval)))
			f.Fixes = append(f.Fixes, rule.Replace(`Set duration to "1m"`, span, `"1m"`))
		}
	}
}

// insertAfterCondition adds `duration: "1m"` on its own line after the
// alert's condition, indented like it.
func insertAfterCondition(b *model.Block, obj *model.Object) (rule.BlockFix, bool) {
	cond := obj.Get("condition")
	if cond == nil {
		return rule.BlockFix{}, false
	}
	lineStart := strings.LastIndexByte(b.Text[:cond.Span.Start], '\n') + 1
	indent := b.Text[lineStart:cond.Span.Start]
	if strings.TrimSpace(indent) != "" {
		return rule.BlockFix{}, false // condition shares its line with other text
	}
	at := model.Span{Start: cond.Span.End, End: cond.Span.End}
	return rule.Replace(`Add duration: "1m"`, at, "\n"+indent+`duration: "1m"`), true
}
