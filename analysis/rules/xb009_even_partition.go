package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "XB009",
		Severity: rule.Warning,
		Title:    "Network-partition experiment against an even-sized quorum cluster",
		Doc: `Fires when a ` + "`chaos_engineering`" + ` block runs the ` + "`network_partition`" + ` experiment
against a service whose ` + "`consistency`" + ` block is a majority-quorum cluster (raft, paxos,
multi_paxos, epaxos, zab) with an even number of ` + "`nodes`" + `. The target is the chaos block's
` + "`target`" + ` service, or its own name when ` + "`target`" + ` is unset.

**Why.** A quorum is ⌊n/2⌋ + 1 members. Splitting 4 nodes 2 + 2 leaves neither side a majority:
the whole cluster stops accepting writes, where a 5-node cluster split 3 + 2 keeps serving on the
larger side. An even node count tolerates no more failures than the odd count below it
(4 tolerates 1, like 3) and adds one more way to lose the majority, so the experiment will show an
outage, not degradation.

**Fix.** Use an odd node count (the quick fix adds one node), or expect an outage in the
experiment's success criteria.

**Sources.** etcd FAQ, "Why an odd number of cluster members?" (https://etcd.io/docs/v3.5/faq/);
Raft, §5.2 (https://raft.github.io/raft.pdf).`,
		Group: checkXB009,
	})
}

func checkXB009(p *rule.GroupPass) {
	for _, ch := range p.All("chaos_engineering") {
		v := typed.Of(ch.Block)
		experiments, spans, _ := v.Strings("experiments")
		at := -1
		for i, e := range experiments {
			if e == "network_partition" {
				at = i
				break
			}
		}
		if at < 0 {
			continue
		}
		targets := p.Blocks
		if target, _, ok := v.String("target"); ok && target != "" {
			targets = p.Lookup(target)
		}
		for _, c := range targets {
			if c.Block.Kind.Text != "consistency" {
				continue
			}
			cv := typed.Of(c.Block)
			cluster, ok := facts.ClusterOf(cv)
			if !ok || cluster.Nodes%2 != 0 {
				continue
			}
			_, nodesSpan, _ := cv.Count("nodes")
			f := p.Reportf(ch, spans[at], "an even split of %d nodes leaves no majority: the cluster stops, not just degrades", cluster.Nodes)
			f.Relate(c, nodesSpan, c.Block.Label()+" has "+xbPlural(int64(cluster.Nodes), "node", "nodes")+", quorum "+strconv.Itoa(cluster.Quorum))
			if _, ok := xbWritten(cv, "nodes"); ok {
				n := strconv.Itoa(cluster.Nodes + 1)
				f.Fix("Set nodes to "+n, c, nodesSpan, n)
			}
		}
	}
}
