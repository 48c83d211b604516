package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     schema.CodeNumberString,
		Severity: rule.Hint,
		Title:    "Number written as a string",
		Doc: `A count, ratio or number is written as a numeric string: ` + "`snapshot_interval: \"1000\"`" + `,
` + "`max_error_rate: \"0.001\"`" + `. The value is accepted and means the same as the bare number; this
hint only suggests the plainer spelling.

**Why.** The language reference accepts a numeric string for a count "with a hint to write a
number": the design draft writes some counts in quotes, and refusing them would reject the
draft's own examples. Strings are otherwise reserved for values that carry a unit
(` + "`\"100ms\"`" + `, ` + "`\"2gb\"`" + `, ` + "`\"50%\"`" + `), so a quoted plain number reads as if a unit were missing.

**How to fix.** Remove the quotes; the quick fix does it.

**Source.** The DPL language reference, "Values with units" (count row).`,
		Block: func(p *rule.BlockPass) { reportLangValueProblems(p, schema.CodeNumberString) },
	})
}
