package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "VF004",
		Severity: rule.Warning,
		Title:    "Chaos experiment without success criteria",
		Doc: `Warns when a ` + "`chaos_engineering`" + ` block has no ` + "`success_criteria`" + `.

A chaos experiment tests a hypothesis about steady state: "while we inject this fault,
availability stays above 99% and response time grows by at most 50%". Without a stated steady
state there is nothing to compare the measurements with, so the run cannot pass or fail — it
only breaks things. The Principles of Chaos Engineering start with defining steady state as a
measurable output.

A block with a syntax error is skipped: members after the error may be lost, and the missing
one may be among them.

Fix: add ` + "`success_criteria`" + ` (the quick fix adds ` + "`{ availability_threshold: 0.99 }`" + ` to edit).

Sources: Principles of Chaos Engineering (https://principlesofchaos.org), "Build a Hypothesis
around Steady State Behavior".`,
		Block: func(p *rule.BlockPass) {
			if p.Block.Kind.Text != "chaos_engineering" || p.Block.Body == nil || p.Block.Body.Get("success_criteria") != nil || ftIncomplete(p.Block) {
				return
			}
			p.Report(vfNameSpan(p.Block), "no steady-state hypothesis: the experiment cannot pass or fail", rule.BlockFix{
				Title: "Add success_criteria",
				Edits: []rule.BlockEdit{ftInsertMember(p.Block.Text, p.Block.Body, "success_criteria: { availability_threshold: 0.99 }")},
			})
		},
	})
}
