package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "CN008",
		Severity: rule.Error,
		Title:    "Quorum protocol claimed to survive losing a majority",
		Doc: `Reports ` + "`network_partition.tolerance: \"majority\"`" + ` in a ` + "`consistency`" + ` block whose protocol
needs a quorum: raft (the default), paxos, zab, multi_paxos, epaxos, or Dynamo-style
` + "`quorum`" + `.

A quorum protocol makes progress only on the side of a partition that holds a majority (or,
for ` + "`quorum`" + `, enough replicas for R and W). The minority side stops accepting writes — that
is how it avoids split brain. So such a cluster tolerates losing a minority of its members,
never a majority; a configuration that claims otherwise promises availability the protocol
cannot give, and tests or generated runbooks built on it are wrong.

Fix: ` + "`tolerance: \"minority\"`" + `.

Sources: Ongaro & Ousterhout, "In Search of an Understandable Consensus Algorithm" §5.2
(https://raft.github.io/raft.pdf); etcd FAQ, failure tolerance (https://etcd.io/docs/v3.5/faq/).`,
		Block: func(p *rule.BlockPass) {
			v, ok := cnView(p.Block)
			if !ok {
				return
			}
			kind := cnType(v)
			if !cnMajorityTypes[kind] && kind != "quorum" {
				return
			}
			tolerance, span, ok := v.String("network_partition", "tolerance")
			if !ok || tolerance != "majority" {
				return
			}
			p.Report(span, "a quorum protocol stops on the minority side; it cannot survive losing a majority",
				rule.Replace(`Set tolerance to "minority"`, span, `"minority"`))
		},
	})
}
