package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "CN001",
		Severity: rule.Warning,
		Title:    "Consensus cluster that tolerates no failure",
		Doc: `Flags a majority-quorum cluster (` + "`type`" + ` raft — the default —, paxos, zab, multi_paxos or
epaxos) with ` + "`nodes: 2`" + ` (warning) or ` + "`nodes: 1`" + ` (info).

A majority quorum of n members is ⌊n/2⌋ + 1, so the cluster tolerates ⌊(n−1)/2⌋ failures
(etcd FAQ table: 1→0, 2→0, 3→1). Two nodes need both for a majority: losing either one stops
the cluster, so the second node adds a failure point and no tolerance — strictly worse than
one. A single node is a valid development setup but has no fault tolerance, hence only an info.

Fix: ` + "`nodes: 3`" + `, the smallest cluster that survives a failure.

Sources: etcd FAQ, "What is failure tolerance?" (https://etcd.io/docs/v3.5/faq/).`,
		Block: func(p *rule.BlockPass) {
			v, ok := cnView(p.Block)
			if !ok || !cnMajorityTypes[cnType(v)] {
				return
			}
			n, span, written, ok := cnNodes(v)
			if !ok || !written {
				return
			}
			fix := rule.Replace("Set nodes to 3", span, "3")
			switch n {
			case 2:
				p.Report(span, "2 nodes need both for a majority: tolerates 0 failures", fix)
			case 1:
				p.Report(span, "1 node: no fault tolerance", fix).Severity = rule.Info
			}
		},
	})
}
