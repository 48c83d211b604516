package rules

import (
	"fmt"
	"strconv"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "VF001",
		Severity: rule.Error,
		Title:    "Min_quorum_size that is not a majority of the cluster",
		Doc: `Reports a ` + "`verify_consistency`" + ` block whose ` + "`constraints.min_quorum_size`" + ` does not fit the
` + "`consistency`" + ` block of the same name: below the majority ⌊n/2⌋ + 1 of its ` + "`nodes`" + ` (for the
majority-vote protocols raft — the default —, paxos, zab, multi_paxos, epaxos), or above
` + "`nodes`" + ` (any protocol). ` + "`nodes`" + ` is 3 when unset.

Two quorums are guaranteed to share a member only if each is a majority; that shared member is
what carries a committed write into the next leader's term. A verification that accepts a
quorum of 2 out of 5 checks a system in which two disjoint groups can both decide — split
brain — so it can pass while the real protocol's guarantee is violated. A quorum larger than
the cluster can never be formed, so the verification can never succeed.

Fix: ⌊n/2⌋ + 1. The finding points at the constraint and relates the ` + "`nodes`" + ` it was
compared with.

Sources: etcd FAQ, failure tolerance table (https://etcd.io/docs/v3.5/faq/); Ongaro &
Ousterhout, "In Search of an Understandable Consensus Algorithm" §5.2, §5.4
(https://raft.github.io/raft.pdf).`,
		Group: func(p *rule.GroupPass) {
			cons, ok := p.Get(cnKind)
			if !ok || cons.Block.Body == nil {
				return
			}
			cv := typed.Of(cons.Block)
			n, nodesSpan, written, ok := cnNodes(cv)
			if !ok {
				return
			}
			related, relatedMsg := nodesSpan, fmt.Sprintf("%s has %d nodes", cons.Block.Label(), n)
			if !written {
				related, relatedMsg = vfNameSpan(cons.Block), fmt.Sprintf("%s has the default %d nodes", cons.Block.Label(), n)
			}
			majority := cnMajorityTypes[cnType(cv)]
			q := int64(schema.Quorum(int(n)))
			for _, ref := range p.All("verify_consistency") {
				if ref.Block.Body == nil {
					continue
				}
				size, span, ok := typed.Of(ref.Block).Count("constraints", "min_quorum_size")
				if !ok || size < 1 { // GEN002 reports a size below 1
					continue
				}
				var msg string
				switch {
				case size > n:
					msg = fmt.Sprintf("quorum %d needs more than the %d nodes", size, n)
				case majority && size < q:
					msg = fmt.Sprintf("a quorum of %d out of %d is not a majority: two quorums may not overlap (split brain)", size, n)
				default:
					continue
				}
				text := strconv.FormatInt(q, 10)
				p.Report(ref, span, msg).
					Relate(cons, related, relatedMsg).
					Fix("Set min_quorum_size to "+text, ref, span, text)
			}
		},
	})
}

// vfNameSpan is where a finding about a whole block goes: its name, or its
// kind when the name is missing.
func vfNameSpan(b *model.Block) model.Span {
	if b.Name.Text != "" {
		return b.Name.Span
	}
	return b.Kind.Span
}
