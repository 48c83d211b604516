package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// cnLevel is data_replication.consistency_level, strong when unset.
func cnLevel(v typed.View) string {
	if l, _, ok := v.String("data_replication", "consistency_level"); ok {
		return l
	}
	return "strong"
}

func init() {
	rule.Register(&rule.Rule{
		Code:     "CN009",
		Severity: rule.Warning,
		Title:    "Asynchronous replication with strong consistency",
		Doc: `Warns when a ` + "`consistency`" + ` block's ` + "`data_replication`" + ` has ` + "`sync_mode: \"async\"`" + ` while its
` + "`consistency_level`" + ` is ` + "`strong`" + ` (also the default when unset).

Asynchronous replication acknowledges a write as soon as the primary has it, before any
replica does. If the primary fails before shipping the write, a replica is promoted without it
and an acknowledged write is gone — Kafka's acks=1 loss case. Reads served by replicas can
also return stale data. Neither is compatible with strong consistency.

Fix: ` + "`sync`" + ` or ` + "`semi_sync`" + ` replication, or a weaker level such as ` + "`eventual`" + ` that states what
async replication actually provides.

Sources: Apache Kafka ProducerConfig, ` + "`acks`" + ` documentation (leader-only acknowledgement can
lose records); DeCandia et al., "Dynamo", SOSP 2007 §4.5.`,
		Block: func(p *rule.BlockPass) {
			v, ok := cnView(p.Block)
			if !ok {
				return
			}
			mode, span, ok := v.String("data_replication", "sync_mode")
			if !ok || mode != "async" || cnLevel(v) != "strong" {
				return
			}
			f := p.Report(span, "async replication acknowledges before replicas have the write; a failover can lose acknowledged writes",
				rule.Replace(`Use "sync" replication`, span, `"sync"`),
				rule.Replace(`Use "semi_sync" replication`, span, `"semi_sync"`))
			const weaker = `"eventual"`
			if _, levelSpan, ok := v.String("data_replication", "consistency_level"); ok {
				f.Fixes = append(f.Fixes, rule.Replace("Weaken consistency_level to "+weaker, levelSpan, weaker))
			} else if sub, ok := v.Sub("data_replication"); ok {
				f.Fixes = append(f.Fixes, rule.BlockFix{Title: "Weaken consistency_level to " + weaker,
					Edits: []rule.BlockEdit{ftInsertMember(p.Block.Text, sub.Obj, "consistency_level: "+weaker)}})
			}
		},
	})
}
