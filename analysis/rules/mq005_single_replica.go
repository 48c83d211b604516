package rules

import "github.com/dpls-dev/dpls/analysis/rule"

// mqUsualRF is the replication factor Kafka's documentation advises.
const mqUsualRF = 3

func init() {
	rule.Register(&rule.Rule{
		Code:     "MQ005",
		Severity: rule.Warning,
		Title:    "Topic with a single replica",
		Doc: `Warns when a ` + "`message_queue`" + ` is written with ` + "`replication_factor: 1`" + `. (An absent factor
takes the broker's ` + "`default.replication.factor`" + `, which the cluster may set higher, so it
is not reported.)

With one copy, the partition lives on one broker: while that broker is down the partition is
offline, and if its disk is lost the records are gone, whatever the producer's ` + "`acks`" + `.

Fix: ` + "`replication_factor: 3`" + ` (the quick fix; fewer when ` + "`brokers`" + ` says the cluster is
smaller).

Sources: apache/kafka ` + "`ProducerConfig.java`" + ` (acks and leader loss) and ` + "`TopicConfig.java`" + `.`,
		Block: func(p *rule.BlockPass) {
			t, ok := mqTopicOf(p)
			if !ok || !t.rf.set || t.rf.n != 1 {
				return
			}
			f := p.Report(t.rf.span, "one copy: losing that broker loses the partition")
			want := int64(mqUsualRF)
			if t.brokers.set {
				want = min(want, t.brokers.n)
			}
			if want > 1 {
				f.Fixes = append(f.Fixes, rule.Replace("Set replication_factor to "+infraCount(want), t.rf.span, infraCount(want)))
			}
		},
	})
}
