package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "MQ008",
		Severity: rule.Error,
		Title:    "Dead-letter topic is the source topic",
		Doc: `Reports a ` + "`message_queue`" + ` whose ` + "`dead_letter_queue.topic`" + ` is its own ` + "`topic`" + ` (unless the
dead-letter queue is switched off with ` + "`enabled: false`" + `).

A record that keeps failing is published to the dead-letter topic, which is the topic being
consumed: the consumer reads it again, fails again and republishes it, forever, and the
failing records crowd out the good ones.

Fix: a separate topic, conventionally ` + "`<topic>_dlq`" + ` (the quick fix).

Sources: derived; dead-letter handling is implemented by the consumer side (clients, Kafka
Connect), not by the broker.`,
		Block: func(p *rule.BlockPass) {
			t, ok := mqTopicOf(p)
			if !ok {
				return
			}
			if on, _, set := t.view.Bool("dead_letter_queue", "enabled"); set && !on {
				return
			}
			topic, _, ok := t.view.String("topic")
			dlq, span, okDLQ := t.view.String("dead_letter_queue", "topic")
			if !ok || !okDLQ || topic != dlq {
				return
			}
			p.Report(span, "the dead-letter topic is the source topic: failed records loop forever",
				rule.Replace("Use "+topic+"_dlq", span, strconv.Quote(topic+"_dlq")))
		},
	})
}
