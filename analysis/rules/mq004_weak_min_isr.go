package rules

import "github.com/dpls-dev/dpls/analysis/rule"

// mqUsualISR is the min_insync_replicas that goes with the usual
// replication factor of 3.
const mqUsualISR = 2

func init() {
	rule.Register(&rule.Rule{
		Code:     "MQ004",
		Severity: rule.Warning,
		Title:    "acks=all with min_insync_replicas 1",
		Doc: `Warns when a ` + "`message_queue`" + ` producer uses ` + "`acks: \"all\"`" + ` (the default since Kafka 3.0)
on a topic with ` + "`replication_factor`" + ` 3 or more while ` + "`min_insync_replicas`" + ` is 1 or unset
(Kafka's default is 1).

` + "`acks=all`" + ` waits for the replicas currently in the in-sync set, not for all replicas. When
followers fall behind, the set shrinks to the leader alone, and with ` + "`min.insync.replicas=1`" + `
a write acknowledged by that lone leader is lost if it then fails: the durability ` + "`acks=all`" + `
seems to promise is not there.

Fix: ` + "`min_insync_replicas: 2`" + ` with replication factor 3 (the quick fix), which keeps every
acknowledged write on two brokers and still tolerates one broker down.

Sources: apache/kafka ` + "`TopicConfig.java`" + ` (` + "`min.insync.replicas`" + `) and ` + "`ProducerConfig.java`" + `
(` + "`acks`" + `).`,
		Block: func(p *rule.BlockPass) {
			t, ok := mqTopicOf(p)
			if !ok || t.acks != "all" || !t.rf.set || t.rf.n < 3 || (t.isr.set && t.isr.n != 1) {
				return
			}
			span := t.rf.span
			if t.isr.set {
				span = t.isr.span
			}
			p.Report(span, "acks=all waits only for the current in-sync set; with min_insync_replicas 1 a lone leader acknowledges. Usual: RF 3, min ISR 2",
				t.isrFix(p.Block.Text, mqUsualISR))
		},
	})
}
