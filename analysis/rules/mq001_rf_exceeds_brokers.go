package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "MQ001",
		Severity: rule.Error,
		Title:    "Replication factor above the broker count",
		Doc: `Reports a ` + "`message_queue`" + ` whose ` + "`replication_factor`" + ` is larger than ` + "`brokers`" + ` (both
written).

Kafka places each replica of a partition on a different broker, so topic creation fails with
` + "`InvalidReplicationFactorException`" + ` ("Replication factor: 3 larger than available brokers: 2").

Fix: ` + "`replication_factor`" + ` = ` + "`brokers`" + ` (the quick fix), or add brokers.

Sources: apache/kafka ` + "`InvalidReplicationFactorException`" + ` and
` + "`clients/src/main/java/org/apache/kafka/common/config/TopicConfig.java`" + `.`,
		Block: func(p *rule.BlockPass) {
			t, ok := mqTopicOf(p)
			if !ok || !t.rf.set || !t.brokers.set || t.rf.n <= t.brokers.n {
				return
			}
			p.Report(t.rf.span, fmt.Sprintf("replication factor %d > %d brokers: Kafka refuses to create the topic", t.rf.n, t.brokers.n),
				rule.Replace(fmt.Sprintf("Set replication_factor to %d", t.brokers.n), t.rf.span, infraCount(t.brokers.n)))
		},
	})
}
