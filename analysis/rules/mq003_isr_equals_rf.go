package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "MQ003",
		Severity: rule.Warning,
		Title:    "min_insync_replicas equal to the replication factor",
		Doc: `Warns when a ` + "`message_queue`" + `'s ` + "`min_insync_replicas`" + ` equals its ` + "`replication_factor`" + ` (both
written, factor 2 or more) and the producer uses ` + "`acks: \"all\"`" + ` (the default since Kafka 3.0).

An ` + "`acks=all`" + ` write needs at least ` + "`min_insync_replicas`" + ` replicas in sync. When that is every
replica, a single broker restart or failure drops the in-sync set below the minimum and every
write to the partition fails until it is back: the topic tolerates no broker loss for writes.

Fix: ` + "`min_insync_replicas`" + ` = ` + "`replication_factor`" + ` − 1 (the quick fix).

Sources: apache/kafka ` + "`TopicConfig.java`" + ` (` + "`min.insync.replicas`" + `); KIP-579.`,
		Block: func(p *rule.BlockPass) {
			t, ok := mqTopicOf(p)
			if !ok || !t.rf.set || !t.isr.set || t.rf.n < 2 || t.isr.n != t.rf.n || t.acks != "all" {
				return
			}
			want := t.rf.n - 1
			p.Report(t.isr.span, "with min_insync_replicas = replication_factor, one broker down blocks all writes",
				rule.Replace(fmt.Sprintf("Set min_insync_replicas to %d", want), t.isr.span, infraCount(want)))
		},
	})
}
