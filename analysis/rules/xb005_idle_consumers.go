package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// xbPartitioned are the message_queue providers whose consumer groups
// split a topic by partition (Kafka's model; kafka is the default).
var xbPartitioned = map[string]bool{"kafka": true, "pulsar": true, "rocketmq": true}

func init() {
	rule.Register(&rule.Rule{
		Code:     "XB005",
		Severity: rule.Info,
		Title:    "More consumers than partitions: the extra consumers stay idle",
		Doc: `Compares a ` + "`message_queue`" + `'s ` + "`partitions`" + ` (default 1, the broker's
` + "`num.partitions`" + `) with the pods that consume it: the ` + "`deploy_kubernetes`" + ` block of the same
name, and the one named like ` + "`consumer.group_id`" + ` (` + "`\"order-processor\"`" + ` finds
` + "`deploy_kubernetes OrderProcessor`" + `). The consumer count is the autoscaler's
` + "`max_replicas`" + ` when the deployment has one, else ` + "`replicas`" + ` (default 1). Only providers that
assign partitions to the members of a consumer group are checked (kafka, the default, pulsar,
rocketmq).

**Why.** Kafka assigns each partition to exactly one consumer of a group; consumers beyond the
partition count get no partition and sit idle, so scaling past it adds cost and no throughput.

**Fix.** Give the topic at least as many partitions as the most consumers that may run (quick fix),
or cap the deployment. Partitions can only grow, and growing them changes key-to-partition
mapping, so plan them for the maximum.

**Sources.** Apache Kafka documentation, consumer groups
(https://kafka.apache.org/documentation/#intro_concepts_and_terms).`,
		Group: checkXB005,
	})
}

func checkXB005(p *rule.GroupPass) {
	for _, q := range p.All("message_queue") {
		qv := typed.Of(q.Block)
		if provider, _, ok := qv.String("provider"); ok && !xbPartitioned[provider] {
			continue
		}
		partitions, partSpan, written := qv.Count("partitions")
		if !written {
			partitions, partSpan = 1, q.Block.Name.Span
		}
		for _, d := range xbConsumers(p, qv) {
			consumers, span := xbConsumerCount(d)
			if consumers <= partitions {
				continue
			}
			idle := consumers - partitions
			verb := " stay idle"
			if idle == 1 {
				verb = " stays idle"
			}
			f := p.Reportf(d, span, "%s for %s: %d%s", xbPlural(consumers, "consumer", "consumers"),
				xbPlural(partitions, "partition", "partitions"), idle, verb)
			has := q.Block.Label() + " has " + xbPlural(partitions, "partition", "partitions")
			if !written {
				has += " (partitions defaults to 1)"
			}
			f.Relate(q, partSpan, has)
			if written {
				n := strconv.FormatInt(consumers, 10)
				f.Fix("Set partitions to "+n, q, partSpan, n)
			}
		}
	}
}

// xbConsumers are the deployments consuming a queue: the group's own and
// the one named by consumer.group_id, each once.
func xbConsumers(p *rule.GroupPass, qv typed.View) []rule.Ref {
	out := p.All("deploy_kubernetes")
	group, _, ok := qv.String("consumer", "group_id")
	if !ok || group == "" {
		return out
	}
	for _, r := range p.Lookup(group) {
		if r.Block.Kind.Text == "deploy_kubernetes" && !xbHasMemo(out, r.Block.Memo) {
			out = append(out, r)
		}
	}
	return out
}

func xbHasMemo(refs []rule.Ref, m *model.Memo) bool {
	for _, r := range refs {
		if r.Block.Memo == m {
			return true
		}
	}
	return false
}

// xbConsumerCount is the most pods a deployment runs, and where that
// number is written (the block name when replicas is defaulted).
func xbConsumerCount(d rule.Ref) (int64, model.Span) {
	v := typed.Of(d.Block)
	if n, span, ok := v.Count("horizontal_pod_autoscaler", "max_replicas"); ok {
		return n, span
	}
	if n, span, ok := v.Count("replicas"); ok {
		return n, span
	}
	return 1, d.Block.Name.Span
}
