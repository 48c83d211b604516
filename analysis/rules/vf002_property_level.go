package rules

import (
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// vfStrongProperties are the verification properties that need every
// read to see the latest write.
var vfStrongProperties = map[string]bool{"linearizability": true, "serializability": true}

func init() {
	rule.Register(&rule.Rule{
		Code:     "VF002",
		Severity: rule.Warning,
		Title:    "Verified property the consistency level cannot provide",
		Doc: `Warns when a ` + "`verify_consistency`" + ` block lists ` + "`linearizability`" + ` or ` + "`serializability`" + ` in
` + "`properties`" + ` while the ` + "`consistency`" + ` block of the same name has ` + "`data_replication`" + `
` + "`consistency_level`" + ` ` + "`eventual`" + ` or ` + "`weak`" + `, or ` + "`sync_mode: \"async\"`" + `.

Linearizability (and strict serializability) require every read to observe the latest
completed write. An eventually consistent store lets reads return older values by design, and
asynchronous replication acknowledges writes replicas do not have yet, so a failover or a read
from a replica shows the older state. The verification is bound to fail — or, worse, pass on a
lucky run and be taken as proof.

Fix: drop the property, or strengthen the store (` + "`consistency_level: \"strong\"`" + `,
` + "`sync_mode: \"sync\"`" + `). The finding relates the setting that rules the property out.

Sources: DeCandia et al., "Dynamo", SOSP 2007 §4.5 (eventual consistency, R + W > N); Ongaro &
Ousterhout, "In Search of an Understandable Consensus Algorithm" §8
(https://raft.github.io/raft.pdf, linearizable semantics).`,
		Group: func(p *rule.GroupPass) {
			cons, ok := p.Get(cnKind)
			if !ok || cons.Block.Body == nil {
				return
			}
			cause, ok := vfWeakness(typed.Of(cons.Block))
			if !ok {
				return
			}
			for _, ref := range p.All("verify_consistency") {
				vfCheckProperties(p, ref, cons, cause)
			}
		},
	})
}

// vfCause is the consistency setting that rules out strong properties.
type vfCause struct {
	phrase  string // "eventual consistency", "async replication"
	span    model.Span
	fixText string // what strengthens it
	fixKey  string
}

// vfWeakness finds the setting of a consistency body that rules out
// linearizability: a weak level first, else async replication.
func vfWeakness(v typed.View) (vfCause, bool) {
	if l, span, ok := v.String("data_replication", "consistency_level"); ok && (l == "eventual" || l == "weak") {
		return vfCause{phrase: l + " consistency", span: span, fixText: `"strong"`, fixKey: "consistency_level"}, true
	}
	if m, span, ok := v.String("data_replication", "sync_mode"); ok && m == "async" {
		return vfCause{phrase: "async replication", span: span, fixText: `"sync"`, fixKey: "sync_mode"}, true
	}
	return vfCause{}, false
}

// vfCheckProperties reports each strong property of one verify block.
func vfCheckProperties(p *rule.GroupPass, ref, cons rule.Ref, cause vfCause) {
	if ref.Block.Body == nil {
		return
	}
	elems, arr, ok := typed.Of(ref.Block).List("properties")
	if !ok {
		return
	}
	for i, e := range elems {
		s, isStr := e.(*model.String)
		if !isStr || !vfStrongProperties[s.Value] {
			continue
		}
		p.Report(ref, s.Span, s.Value+" cannot hold with "+cause.phrase).
			Relate(cons, cause.span, cons.Block.Label()+" sets "+cause.phrase).
			Fix("Drop "+s.Value, ref, ftElementRemoval(arr, elems, i), "").
			Fix("Set "+cause.fixKey+" to "+cause.fixText, cons, cause.span, cause.fixText)
	}
}
