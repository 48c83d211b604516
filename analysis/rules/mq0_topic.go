package rules

import (
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// mqTopic is what the MQ rules read of a message_queue block. Counts are
// only what is written: an absent replication_factor or
// min_insync_replicas takes the broker's default.replication.factor or
// min.insync.replicas, which the cluster may set to anything.
type mqTopic struct {
	view typed.View
	// acks is the producer's acks: "all" when unset (Kafka ≥ 3.0), "" when
	// written but invalid.
	acks     string
	acksSpan model.Span
	rf, isr  mqCount
	brokers  mqCount
}

// mqCount is a count and where it is written; set is false when absent.
type mqCount struct {
	n    int64
	span model.Span
	set  bool
}

func mqCountAt(v typed.View, path ...string) mqCount {
	n, span, ok := v.Count(path...)
	return mqCount{n: n, span: span, set: ok}
}

// mqTopicOf reads a message_queue block, or reports false for another
// kind.
func mqTopicOf(p *rule.BlockPass) (mqTopic, bool) {
	v, ok := infraView(p, infraMQ)
	if !ok {
		return mqTopic{}, false
	}
	t := mqTopic{view: v}
	t.acks, t.acksSpan = infraEnum(p, v, "all", "producer", "acks")
	t.rf = mqCountAt(v, "replication_factor")
	t.isr = mqCountAt(v, "min_insync_replicas")
	t.brokers = mqCountAt(v, "brokers")
	return t, true
}

// isrFix sets min_insync_replicas to n, adding the member after
// replication_factor when absent.
func (t mqTopic) isrFix(src string, n int64) rule.BlockFix {
	edit := infraSetMember(src, t.view.Obj, "min_insync_replicas", infraCount(n))
	if rf := t.view.Obj.Get("replication_factor"); !t.isr.set && rf != nil {
		edit = infraInsertAfter(src, t.view.Obj, rf, "min_insync_replicas: "+infraCount(n))
	}
	return rule.BlockFix{Title: "Set min_insync_replicas to " + infraCount(n), Edits: []rule.BlockEdit{edit}}
}
