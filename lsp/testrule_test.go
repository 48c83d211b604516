package lsp

import "github.com/dpls-dev/dpls/analysis/rule"

// placeholderCode is a rule only the lsp tests register, so that the code
// action and configuration cases do not depend on which real rules attach
// fixes: it flags a block named FixMe and offers two renames, the first
// preferred.
const placeholderCode = "TST902"

func init() {
	rule.Register(&rule.Rule{
		Code: placeholderCode, Severity: rule.Warning, Title: "placeholder name",
		Doc: "Test rule of package lsp: flags blocks named FixMe.",
		Block: func(p *rule.BlockPass) {
			if p.Block.Name.Text == "FixMe" {
				span := p.Block.Name.Span
				p.Report(span, "FixMe is a placeholder name",
					rule.Replace("Rename to Fixed", span, "Fixed"),
					rule.Replace("Rename to Done", span, "Done"))
			}
		},
	})
}
