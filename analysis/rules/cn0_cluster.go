package rules

import (
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// Shared reading of a consistency block for CN001–CN010 and VF001/VF002:
// the protocol and the cluster size with their reference defaults
// (rules.md §3: type raft, nodes 3), and which protocols vote by majority.

const cnKind = "consistency"

// cnDefaultNodes is the reference default of consistency.nodes, the
// smallest fault-tolerant cluster.
const cnDefaultNodes = 3

// cnMajorityTypes are the consensus protocols whose members vote by
// majority, so the quorum arithmetic q = ⌊n/2⌋ + 1 applies.
var cnMajorityTypes = map[string]bool{"raft": true, "paxos": true, "zab": true, "multi_paxos": true, "epaxos": true}

// cnType is the block's protocol, raft when unset.
func cnType(v typed.View) string {
	if t, _, ok := v.String("type"); ok {
		return t
	}
	return "raft"
}

// cnNodes is the block's cluster size: the written count with its span, or
// the default with written false. ok is false for an unreadable value.
func cnNodes(v typed.View) (n int64, span model.Span, written, ok bool) {
	if !v.Has("nodes") {
		return cnDefaultNodes, model.Span{}, false, true
	}
	n, span, ok = v.Count("nodes")
	return n, span, true, ok && n >= 1
}

// cnView views a consistency block's body, or reports false for any other
// block.
func cnView(b *model.Block) (typed.View, bool) {
	if b.Kind.Text != cnKind || b.Body == nil {
		return typed.View{}, false
	}
	return typed.Of(b), true
}
