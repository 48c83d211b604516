package rules

import (
	"strconv"
	"strings"
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

// infraSetMember is the edit that gives key the value text in obj: it replaces
// the value when the member exists and adds the member otherwise.
func infraSetMember(src string, obj *model.Object, key, text string) rule.BlockEdit {
	if m := obj.Get(key); m != nil && m.Value != nil {
		return rule.BlockEdit{Span: m.Value.ValueSpan(), NewText: text}
	}
	return infraInsertMember(src, obj, key+": "+text)
}

// infraMemberRemoval is the span to delete to drop m from obj with one
// separator, as infraElementRemoval does for array elements.
func infraMemberRemoval(obj *model.Object, m *model.Member) model.Span {
	for i, other := range obj.Members {
		if other != m {
			continue
		}
		span := m.Span
		switch {
		case i+1 < len(obj.Members):
			span.End = obj.Members[i+1].Span.Start
		case i > 0:
			span.Start = obj.Members[i-1].Span.End
		}
		return span
	}
	return m.Span
}

// infraDuration renders d as a DPL duration string literal ("10s").
func infraDuration(d time.Duration) string {
	return strconv.Quote(units.FormatDuration(d))
}

// infraCount renders n as a DPL number literal.
func infraCount(n int64) string { return strconv.FormatInt(n, 10) }

// infraInsertMember adds member (rendered, `timeout: "30s"`) as the last
// member of obj; src is the block's text, to which obj's spans are
// relative.
func infraInsertMember(src string, obj *model.Object, member string) rule.BlockEdit {
	if len(obj.Members) == 0 {
		at := obj.Span.Start + 1
		return rule.BlockEdit{Span: model.Span{Start: at, End: at}, NewText: " " + member + " "}
	}
	return infraInsertAfter(src, obj, obj.Members[len(obj.Members)-1], member)
}

// infraInsertAfter adds member right after after, a member of obj: on its
// own line, indented like after, in a multi-line object; after `, ` in a
// one-line one.
func infraInsertAfter(src string, obj *model.Object, after *model.Member, member string) rule.BlockEdit {
	end := after.Span.End
	if !strings.Contains(src[obj.Span.Start:obj.Members[0].Span.Start], "\n") {
		return rule.BlockEdit{Span: model.Span{Start: end, End: end}, NewText: ", " + member}
	}
	at := end
	eol := strings.IndexByte(src[end:], '\n')
	if eol < 0 {
		eol = len(src) - end
	}
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(src[end:end+eol]), ","))
	if rest == "" || strings.HasPrefix(rest, "//") || strings.HasPrefix(rest, "#") {
		// Keep a trailing comma or comment with the member it belongs to.
		at = end + eol
	}
	lineStart := strings.LastIndexByte(src[:after.Span.Start], '\n') + 1
	indent := src[lineStart:after.Span.Start]
	if strings.TrimLeft(indent, " \t") != "" {
		indent = ""
	}
	return rule.BlockEdit{Span: model.Span{Start: at, End: at}, NewText: "\n" + indent + member}
}

// infraElementRemoval is the span to delete to drop elems[i] from its
// array with one separator: up to the next element, or back to the end of
// the previous one for the last element.
func infraElementRemoval(elems []model.Value, i int) model.Span {
	span := elems[i].ValueSpan()
	switch {
	case i+1 < len(elems):
		span.End = elems[i+1].ValueSpan().Start
	case i > 0:
		span.Start = elems[i-1].ValueSpan().End
	}
	return span
}
