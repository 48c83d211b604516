package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "MQ006",
		Severity: rule.Error,
		Title:    "Idempotent producer without acks=all or retries",
		Doc: `Reports a ` + "`message_queue`" + ` producer with ` + "`idempotent: true`" + ` whose ` + "`acks`" + ` is not ` + "`\"all\"`" + `
or whose ` + "`retries`" + ` is 0.

The idempotent producer relies on every in-sync replica having each sequence number and on
retrying failed sends. When ` + "`enable.idempotence`" + ` is set explicitly, Kafka's producer refuses
conflicting settings with a ` + "`ConfigException`" + ` at construction; left unset it would just be
disabled silently.

Fix: ` + "`acks: \"all\"`" + ` and ` + "`retries`" + ` above 0 (quick fixes set acks and drop ` + "`retries: 0`" + `,
leaving Kafka's default of retrying until ` + "`delivery.timeout.ms`" + `).

Sources: apache/kafka ` + "`clients/src/main/java/org/apache/kafka/clients/producer/ProducerConfig.java`" + `
(` + "`enable.idempotence`" + `, ` + "`acks`" + `, ` + "`retries`" + `).`,
		Block: func(p *rule.BlockPass) {
			t, ok := mqTopicOf(p)
			if !ok {
				return
			}
			on, span, set := t.view.Bool("producer", "idempotent")
			if !set || !on {
				return
			}
			retries := mqCountAt(t.view, "producer", "retries")
			noRetries := retries.set && retries.n == 0
			// An invalid acks ("") is its own rule's finding, not this one's.
			badAcks := t.acks != "" && t.acks != "all"
			if !badAcks && !noRetries {
				return
			}
			var fixes []rule.BlockFix
			if badAcks {
				fixes = append(fixes, rule.Replace(`Set acks to "all"`, t.acksSpan, strconv.Quote("all")))
			}
			if noRetries {
				producer := infraObject(t.view, "producer")
				fixes = append(fixes, rule.Replace("Remove retries: 0", infraMemberRemoval(producer, producer.Get("retries")), ""))
			}
			p.Report(span, "idempotence requires acks=all and retries > 0; Kafka throws ConfigException when it is explicitly enabled", fixes...)
		},
	})
}
