package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
)

// cnMaxMembers is the largest cluster etcd recommends.
const cnMaxMembers = 7

func init() {
	rule.Register(&rule.Rule{
		Code:     "CN003",
		Severity: rule.Warning,
		Title:    "More than 7 consensus members",
		Doc: `Warns when a majority-quorum cluster (raft — the default —, paxos, zab, multi_paxos, epaxos)
has more than 7 nodes.

Every write is committed only once a majority has it, so each added member is one more replica
in the commit path: more network traffic from the leader and a higher tail latency on every
write, while fault tolerance grows only every second member. 5 members already tolerate 2
failures and 7 tolerate 3; etcd recommends 5 and advises against clusters above 7. Read
capacity is better scaled with non-voting learners or followers' caches than with voters.

Fix: 5 or 7 nodes.

Sources: etcd FAQ, "What is maximum cluster size?" (https://etcd.io/docs/v3.5/faq/).`,
		Block: func(p *rule.BlockPass) {
			v, ok := cnView(p.Block)
			if !ok || !cnMajorityTypes[cnType(v)] {
				return
			}
			n, span, written, ok := cnNodes(v)
			if !ok || !written || n <= cnMaxMembers {
				return
			}
			p.Report(span, "more than 7 members: every write waits on more replicas; 5 already tolerates 2 failures",
				rule.Replace("Set nodes to 5", span, "5"),
				rule.Replace("Set nodes to 7", span, "7"))
		},
	})
}
