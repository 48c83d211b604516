package rules

import (
	"strconv"
	"time"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/analysis/units"
)

// Helpers shared by the infrastructure rules (LB, SD, LK, TX, CA, MQ, K8):
// each checks one block of one kind, reads enums with the schema's
// reference default when they are absent, and edits members in place
// following the formatter's layout (one member per line in multi-line
// objects, `, ` inside one-line ones), so a fixed file reads as if written
// by hand and `dpls fmt` leaves it alone.

// Block kinds the infrastructure rules check.
const (
	infraLB    = "load_balancer"
	infraSD    = "service_discovery"
	infraLock  = "distributed_lock"
	infraTx    = "distributed_transaction"
	infraCache = "distributed_cache"
	infraMQ    = "message_queue"
	infraK8s   = "deploy_kubernetes"
)

// infraView returns the typed view of the block when it is of kind and has a
// body; rules return early otherwise.
func infraView(p *rule.BlockPass, kind string) (typed.View, bool) {
	if p.Block.Kind.Text != kind || p.Block.Body == nil {
		return typed.View{}, false
	}
	return typed.Of(p.Block), true
}

// infraEnum returns the canonical enum value at path, or def when the field
// is absent. A value that is written but is no member of the enum yields
// "" (its own rule reports it), so no rule reasons from a default the user
// did not mean. The span is the value's, or the block name's when the
// default applies, so a finding about the default still points somewhere
// visible.
func infraEnum(p *rule.BlockPass, v typed.View, def string, path ...string) (string, model.Span) {
	val, ok := v.Get(path...)
	if !ok {
		return def, infraNameSpan(p.Block)
	}
	if val.OK && val.Norm.Kind == schema.ValEnum {
		return val.Norm.Text, val.Span()
	}
	return "", val.Span()
}

// infraNameSpan is where a finding about the whole block goes: its name, or its
// kind when the header has no name.
func infraNameSpan(b *model.Block) model.Span {
	if b.Name.Text != "" {
		return b.Name.Span
	}
	return b.Kind.Span
}

// infraObject returns the object written at path (nil when absent or not an
// object), where a quick fix adds a member.
func infraObject(v typed.View, path ...string) *model.Object {
	if len(path) == 0 {
		return v.Obj
	}
	obj, _ := v.Obj.Lookup(path...).(*model.Object)
	return obj
}

// infraDuration renders d as a DPL duration string literal ("10s", "900ms").
func infraDuration(d time.Duration) string {
	return strconv.Quote(units.FormatDuration(d))
}

// infraCount renders n as a DPL number literal.
func infraCount(n int64) string { return strconv.FormatInt(n, 10) }
