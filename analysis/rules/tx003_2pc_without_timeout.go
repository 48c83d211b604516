package rules

import (
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// txDefaultTimeout is the transaction timeout the quick fix writes (the
// draft's example uses 30s).
const txDefaultTimeout = `"30s"`

func init() {
	rule.Register(&rule.Rule{
		Code:     "TX003",
		Severity: rule.Warning,
		Title:    "Two- or three-phase commit without a timeout",
		Doc: `Warns about a ` + "`distributed_transaction`" + ` with ` + "`coordinator: \"2pc\"`" + ` or ` + "`\"3pc\"`" + ` and no
` + "`timeout`" + `.

In two-phase commit a participant that has voted yes holds its locks until the coordinator
announces the decision. If the coordinator crashes, the participant can neither commit nor
abort on its own: it blocks, and so does every transaction waiting for those locks. A
transaction timeout bounds how long the protocol may run before the coordinator aborts; 3PC
was designed to avoid the blocking but relies on the same timeouts to do so.

Fix: add a ` + "`timeout`" + ` for the whole transaction (the quick fix adds ` + "`\"30s\"`" + `; choose it from
the slowest participant's budget).

Sources: Bernstein, Hadzilacos & Goodman, *Concurrency Control and Recovery in Database
Systems* (1987), ch. 7; Skeen, "Nonblocking Commit Protocols", SIGMOD 1981.`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraTx)
			if !ok {
				return
			}
			coordinator, span := infraEnum(p, v, "saga", "coordinator")
			if (coordinator != "2pc" && coordinator != "3pc") || v.Has("timeout") {
				return
			}
			protocol := strings.ToUpper(coordinator)
			p.Report(span, protocol+" participants hold locks until the coordinator decides; without a timeout a coordinator crash blocks them",
				rule.BlockFix{Title: "Add timeout: " + txDefaultTimeout,
					Edits: []rule.BlockEdit{infraInsertMember(p.Block.Text, v.Obj, "timeout: "+txDefaultTimeout)}})
		},
	})
}
