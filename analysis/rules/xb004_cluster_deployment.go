package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// xbConsensusNames are the protocol names XB004's message uses.
var xbConsensusNames = map[string]string{
	"raft": "Raft", "paxos": "Paxos", "multi_paxos": "Multi-Paxos", "epaxos": "EPaxos", "zab": "ZAB",
}

func init() {
	rule.Register(&rule.Rule{
		Code:     "XB004",
		Severity: rule.Warning,
		Title:    "Deployment does not match the consistency cluster of the same name",
		Doc: `Compares a ` + "`consistency`" + ` block with the ` + "`deploy_kubernetes`" + ` block of the same name:

- the deployment's ` + "`replicas`" + ` differ from the cluster's ` + "`nodes`" + `
  (` + "`consistency says 5 nodes, deployment runs 3 replicas`" + `);
- a ` + "`horizontal_pod_autoscaler`" + ` scales a consensus cluster (raft, paxos, multi_paxos, epaxos,
  zab; raft when ` + "`type`" + ` is unset) (` + "`autoscaling a Raft cluster changes its quorum`" + `).

**Why.** The quorum is ⌊n/2⌋ + 1 of the configured members. Pods beyond ` + "`nodes`" + ` are not members
(or, if they join, change the quorum), and fewer pods than ` + "`nodes`" + ` leave the cluster running
with fewer failures tolerated than it claims. etcd adds and removes members one at a time, by
explicit reconfiguration; an autoscaler adding or killing pods on CPU load changes the membership
behind the protocol's back.

**Fix.** Set ` + "`replicas`" + ` to ` + "`nodes`" + ` (quick fix), and remove the autoscaler from a consensus
cluster (quick fix); scale reads with learners or followers instead.

**Sources.** etcd FAQ, membership changes and cluster size (https://etcd.io/docs/v3.5/faq/).`,
		Group: checkXB004,
	})
}

func checkXB004(p *rule.GroupPass) {
	for _, c := range p.All("consistency") {
		cv := typed.Of(c.Block)
		nodes, nodesSpan, ok := cv.Count("nodes")
		for _, d := range p.All("deploy_kubernetes") {
			dv := typed.Of(d.Block)
			if replicas, span, has := dv.Count("replicas"); ok && has && replicas != nodes {
				f := p.Reportf(d, span, "consistency says %s, deployment runs %s", xbPlural(nodes, "node", "nodes"), xbPlural(replicas, "replica", "replicas"))
				f.Relate(c, nodesSpan, c.Block.Label()+" has "+xbPlural(nodes, "node", "nodes"))
				f.Fix("Set replicas to "+strconv.FormatInt(nodes, 10), d, span, strconv.FormatInt(nodes, 10))
			}
			if !dv.Has("horizontal_pod_autoscaler") {
				continue
			}
			if !xbConsensusType(cv) {
				continue
			}
			hpa, _ := dv.Member("horizontal_pod_autoscaler")
			f := p.Reportf(d, hpa.Key.Span, "autoscaling a %s cluster changes its quorum", xbConsensusNames[xbTypeOf(cv)])
			typeSpan := c.Block.Name.Span
			if _, span, ok := cv.String("type"); ok {
				typeSpan = span
			}
			f.Relate(c, typeSpan, c.Block.Label()+" is a "+xbConsensusNames[xbTypeOf(cv)]+" cluster")
			f.Fix("Remove horizontal_pod_autoscaler", d, xbMemberLine(d, hpa), "")
		}
	}
}

// xbTypeOf is a consistency block's type, raft when unset (§3 default).
func xbTypeOf(v typed.View) string {
	if t, _, ok := v.String("type"); ok {
		return t
	}
	return "raft"
}

// xbConsensusType reports whether the consistency type votes by majority.
func xbConsensusType(v typed.View) bool {
	_, ok := xbConsensusNames[xbTypeOf(v)]
	return ok
}
