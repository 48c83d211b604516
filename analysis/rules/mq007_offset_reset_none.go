package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "MQ007",
		Severity: rule.Warning,
		Title:    `auto_offset_reset "none"`,
		Doc: `Warns about ` + "`consumer.auto_offset_reset: \"none\"`" + ` in a ` + "`message_queue`" + `.

With ` + "`none`" + `, a consumer whose group has no committed offset for a partition (a new group, or
offsets expired after the group was idle) throws ` + "`NoOffsetForPartitionException`" + ` instead of
starting: the first deployment of a new consumer group fails.

Fix: ` + "`earliest`" + ` to process the whole retained history (the quick fix), or ` + "`latest`" + ` to start
with new records only.

Sources: apache/kafka ` + "`ConsumerConfig.java`" + ` (` + "`auto.offset.reset`" + `) and ` + "`KafkaConsumer.java`" + `.`,
		Block: func(p *rule.BlockPass) {
			t, ok := mqTopicOf(p)
			if !ok {
				return
			}
			if reset, span, ok := t.view.String("consumer", "auto_offset_reset"); ok && reset == "none" {
				p.Report(span, `"none" throws on start when the group has no committed offset`,
					rule.Replace(`Use "earliest"`, span, strconv.Quote("earliest")))
			}
		},
	})
}
