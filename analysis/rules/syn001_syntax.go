package rules

import "github.com/dpls-dev/dpls/analysis/rule"

func init() {
	rule.Register(&rule.Rule{
		Code:     rule.SyntaxCode,
		Severity: rule.Error,
		Title:    "Syntax error",
		Doc: `The text is not valid DPL syntax: a missing brace, bracket, colon or quote, a stray
token, or a block header without its body.

The parser recovers, so only the damaged block loses information: the blocks after it are
still analyzed. The message says what was expected and in which block, for example
` + "`expected `}` to close block OrderService`" + `.

A file with a syntax error is never rewritten by ` + "`dpls fmt`" + `.`,
		Block: func(p *rule.BlockPass) {
			for _, e := range p.Block.Syntax {
				p.Report(e.Span, e.Msg)
			}
		},
	})
}
