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
		Code:     "CN010",
		Severity: rule.Error,
		Title:    "Read and write quorums that need not overlap",
		Doc: `Reports a ` + "`consistency`" + ` block whose ` + "`read_quorum`" + ` R and ` + "`write_quorum`" + ` W add up to no
more than the replica count N while its ` + "`consistency_level`" + ` is ` + "`strong`" + ` (the default) or
` + "`bounded_staleness`" + `.

A read sees the latest write only if every read quorum shares a replica with every write
quorum, which holds exactly when R + W > N (Dynamo §4.5; Cassandra's QUORUM = ⌊N/2⌋ + 1 on
both sides). With R + W ≤ N a read can be served entirely by replicas the last write has not
reached, which breaks the promised level. N is ` + "`data_replication.factor`" + `, or ` + "`nodes`" + ` (3
when unset) when no factor is written; an unset quorum is ⌊N/2⌋ + 1. A factor above ` + "`nodes`" + `
is left to CN007.

Fix: raise W (or R, when only R is written) to N − R + 1.

Sources: DeCandia et al., "Dynamo: Amazon's Highly Available Key-value Store", SOSP 2007 §4.5;
Apache Cassandra documentation, tunable consistency.`,
		Block: func(p *rule.BlockPass) {
			v, ok := cnView(p.Block)
			if !ok {
				return
			}
			level := cnLevel(v)
			if level != "strong" && level != "bounded_staleness" {
				return
			}
			n, ok := cnReplicas(v)
			if !ok {
				return
			}
			q := int64(schema.Quorum(int(n)))
			r, rSpan, rSet, rOK := cnQuorum(v, "read_quorum", q)
			w, wSpan, wSet, wOK := cnQuorum(v, "write_quorum", q)
			if !rOK || !wOK || (!rSet && !wSet) || schema.QuorumsOverlap(int(r), int(w), int(n)) {
				return
			}
			span, key, raised := wSpan, "write_quorum", n-r+1
			if !wSet {
				span, key, raised = rSpan, "read_quorum", n-w+1
			}
			text := strconv.FormatInt(raised, 10)
			p.Report(span, fmt.Sprintf("R + W = %d does not exceed N = %d: a read quorum can miss the latest write", r+w, n),
				rule.Replace("Set "+key+" to "+text, span, text))
		},
	})
}

// cnReplicas is N: data_replication.factor, else nodes (3 when unset).
// A factor above nodes cannot be placed (CN007 reports it), so no quorum
// arithmetic is done on it.
func cnReplicas(v typed.View) (int64, bool) {
	nodes, _, _, ok := cnNodes(v)
	if !ok {
		return 0, false
	}
	if v.Has("data_replication", "factor") {
		n, _, ok := v.Count("data_replication", "factor")
		return n, ok && n >= 1 && n <= nodes
	}
	return nodes, true
}

// cnQuorum reads a quorum size, dflt when unset.
func cnQuorum(v typed.View, key string, dflt int64) (n int64, span model.Span, written, ok bool) {
	if !v.Has(key) {
		return dflt, model.Span{}, false, true
	}
	n, span, ok = v.Count(key)
	return n, span, true, ok && n >= 1
}
