package rules

import (
	"fmt"
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "CN002",
		Severity: rule.Warning,
		Title:    "Even number of consensus members",
		Doc: `Warns when a majority-quorum cluster (raft — the default —, paxos, zab, multi_paxos, epaxos)
has an even number of nodes, 4 or more.

Failures tolerated are ⌊(n−1)/2⌋, so 4 nodes tolerate 1 failure exactly like 3, and 6 tolerate
2 like 5: the extra member raises the quorum (3 of 4 instead of 2 of 3), adds one more machine
that can fail and one more replica every write waits on, and buys nothing. Worse, a network
partition can split an even cluster in two equal halves, neither of which has a majority, so
the whole cluster stops.

Fix: one node fewer (same tolerance, cheaper) or one more (one more failure tolerated).

Sources: etcd FAQ, "Why an odd number of cluster members?" (https://etcd.io/docs/v3.5/faq/).`,
		Block: func(p *rule.BlockPass) {
			v, ok := cnView(p.Block)
			if !ok || !cnMajorityTypes[cnType(v)] {
				return
			}
			n, span, written, ok := cnNodes(v)
			if !ok || !written || n < 4 || n%2 != 0 {
				return
			}
			f := schema.FailuresTolerated(int(n))
			fewer, more := strconv.FormatInt(n-1, 10), strconv.FormatInt(n+1, 10)
			p.Report(span, fmt.Sprintf("%d nodes tolerate %d %s, like %d; an even split leaves no majority", n, f, cnFailures(f), n-1),
				rule.Replace("Set nodes to "+fewer, span, fewer),
				rule.Replace("Set nodes to "+more, span, more))
		},
	})
}

// cnFailures is "failure" or "failures" for n.
func cnFailures(n int) string {
	if n == 1 {
		return "failure"
	}
	return "failures"
}
