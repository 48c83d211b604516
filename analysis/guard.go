package analysis

import (
	"runtime/debug"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// PanicHook, when set, receives a rule's panic instead of it being dropped.
// Tests set it to fail loudly (gopls's PanicOnBugs); the server logs it.
var PanicHook func(code string, recovered any, stack []byte)

// runGuarded runs one rule, so that a bug in one rule costs that rule's
// findings and never the analysis: analysis must not fail on any input.
func runGuarded(r *rule.Rule, fn func()) {
	defer func() {
		if v := recover(); v != nil {
			if PanicHook != nil {
				PanicHook(r.Code, v, debug.Stack())
			}
		}
	}()
	fn()
}
