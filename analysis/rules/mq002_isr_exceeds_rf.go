package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "MQ002",
		Severity: rule.Error,
		Title:    "min_insync_replicas above the replication factor",
		Doc: `Reports a ` + "`message_queue`" + ` whose ` + "`min_insync_replicas`" + ` is larger than its
` + "`replication_factor`" + ` (both written).

A partition never has more in-sync replicas than replicas, so every ` + "`acks=all`" + ` write is
rejected with ` + "`NotEnoughReplicasException`" + `: producers cannot write at all.

Fix: ` + "`min_insync_replicas`" + ` = ` + "`replication_factor`" + ` − 1, so one replica may be down (the quick
fix; 1 for a single replica).

Sources: apache/kafka ` + "`TopicConfig.java`" + ` (` + "`min.insync.replicas`" + `); KIP-579.`,
		Block: func(p *rule.BlockPass) {
			t, ok := mqTopicOf(p)
			if !ok || !t.rf.set || !t.isr.set || t.isr.n <= t.rf.n {
				return
			}
			want := max(t.rf.n-1, 1)
			p.Report(t.isr.span, fmt.Sprintf("min_insync_replicas %d > replication_factor %d: every acks=all write fails with NotEnoughReplicas", t.isr.n, t.rf.n),
				rule.Replace(fmt.Sprintf("Set min_insync_replicas to %d", want), t.isr.span, infraCount(want)))
		},
	})
}
