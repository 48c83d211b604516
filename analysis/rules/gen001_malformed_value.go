package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     schema.CodeMalformed,
		Severity: rule.Error,
		Title:    "Value does not parse as its type",
		Doc: `A value is not of the type its field expects: a duration without a unit (` + "`timeout: \"10\"`" + `),
a size with a space (` + "`\"10 gb\"`" + `), a percent without ` + "`%`" + `, a malformed Kubernetes quantity, a
member that is not one of an enum's values, or a value of the wrong shape: an object where a
duration is expected, a string where an object or a list is expected, a number where a string is.

**Why.** DPL strings carry typed values (language reference, "Values with units"): durations need
one of the units ns, us, ms, s, m, h, d; sizes are b, kb, mb, gb, tb (1024-based); percents are
written with ` + "`%`" + `; enums are closed sets. A value that does not parse cannot be generated for any
target, so every generator would have to guess.

Wrong shapes are reported here rather than under a code of their own: "an object where a scalar
is expected" and "a list where an object is expected" are the same mistake as ` + "`\"10\"`" + ` for a
duration (the value is not of the field's type), and one code keeps configuration simple.

**How to fix.** Follow the message; the quick fix writes the value the schema proposes: the
field's usual unit appended (` + "`\"10\"`" + ` → ` + "`\"10s\"`" + `), the closest enum member (` + "`\"exponental\"`" + ` →
` + "`\"exponential\"`" + `), quotes around an enum member written as a number.

**Source.** The DPL language reference, sections "Values with units" and "Block kinds".`,
		Block: func(p *rule.BlockPass) { reportLangValueProblems(p, schema.CodeMalformed) },
	})
}
