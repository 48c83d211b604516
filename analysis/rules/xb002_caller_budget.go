package rules

import (
	"strconv"
	"time"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/analysis/units"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "XB002",
		Severity: rule.Warning,
		Title:    "A callee may keep retrying after its caller has given up",
		Doc: `Compares the worst case W of a callee's retry policy with the deadline of whoever calls it:

- a ` + "`distributed_transaction`" + `'s ` + "`timeout`" + ` and the ` + "`fault_tolerance`" + ` blocks of its
  ` + "`participants`" + ` (executed in order, so their worst cases add up: the participant at which the
  running sum first passes the deadline is reported);
- a ` + "`timeout`" + ` level of a ` + "`multi_level_fault_tolerance`" + ` block and the retry levels inside it
  (higher numbers; their per-attempt timeout is the tightest ` + "`timeout`" + ` level inside them);
- a ` + "`microservice_pattern`" + `'s ` + "`services`" + `, each calling the next: the caller's per-attempt
  ` + "`timeout`" + ` is the callee's whole budget.

W = max_attempts × (timeout + rate_limiter.timeout) + Σ waits, as in XB001.

**Why.** A deadline spans every attempt: Envoy's route timeout includes all retries, and gRPC's
deadline covers the whole retry sequence, so attempts that would start after it never happen, or
run for a caller that is no longer waiting. The callee's last attempts only add load.

**Fix.** Shrink the callee's retries (fewer attempts or a shorter per-attempt timeout; the quick
fixes compute the largest that fit) or give the caller a longer deadline.

**Sources.** Envoy router filter, ` + "`x-envoy-upstream-rq-timeout-ms`" + ` and retry semantics
(https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/router_filter);
gRPC proposal A6, client retries (https://github.com/grpc/proposal/blob/master/A6-client-retries.md).`,
		Group: checkXB002,
	})
}

func checkXB002(p *rule.GroupPass) {
	for _, tx := range p.All("distributed_transaction") {
		xb002Transaction(p, tx)
	}
	for _, ml := range p.All("multi_level_fault_tolerance") {
		xb002Levels(p, ml)
	}
	for _, ms := range p.All("microservice_pattern") {
		xb002Services(p, ms)
	}
}

// xbCallee is a service's fault_tolerance policy with a bounded worst case.
type xbCallee struct {
	layer      xbLayer
	policy     schema.RetryPolicy
	worst      schema.WorstCaseBreakdown
	timeout    model.Span
	hasTimeout bool
}

// xbCalleeOf finds the fault_tolerance block of service name with a retry
// and a per-attempt timeout (without one W is unbounded: FT005's case).
func xbCalleeOf(p *rule.GroupPass, name string) (xbCallee, bool) {
	for _, r := range p.Lookup(name) {
		if r.Block.Kind.Text != "fault_tolerance" {
			continue
		}
		v := typed.Of(r.Block)
		pol, ok := facts.RetryPolicy(v)
		if !ok || pol.Timeout == 0 {
			continue
		}
		layer, _ := xbFTLayer(r)
		span, has := xbWritten(v, "timeout")
		return xbCallee{layer: layer, policy: pol, worst: schema.WorstCase(pol), timeout: span, hasTimeout: has}, true
	}
	return xbCallee{}, false
}

// xb002Transaction adds up the participants' worst cases in order.
func xb002Transaction(p *rule.GroupPass, tx rule.Ref) {
	v := typed.Of(tx.Block)
	budget, budgetSpan, ok := v.Duration("timeout")
	if !ok {
		return
	}
	names, _, _ := v.Strings("participants")
	var sum time.Duration
	for _, name := range names {
		c, ok := xbCalleeOf(p, name)
		if !ok {
			continue
		}
		before := sum
		sum += c.worst.Total
		if sum <= budget {
			continue
		}
		msg := name + " may retry for " + units.FormatDuration(c.worst.Total)
		if before > 0 {
			msg += ", " + units.FormatDuration(sum) + " with the participants before it,"
		}
		f := p.Report(c.layer.Ref, c.layer.Span, msg+" but the transaction times out at "+units.FormatDuration(budget)+": its last attempts are wasted")
		f.Relate(tx, budgetSpan, tx.Block.Label()+" times out at "+units.FormatDuration(budget))
		if own := budget - before; own > 0 {
			xbShrinkRetries(f, c.layer, c.policy, own, c.timeout, c.hasTimeout)
		}
		return
	}
}

// xb002Levels checks every retry level against the timeout levels outside
// it.
func xb002Levels(p *rule.GroupPass, ml rule.Ref) {
	levels := xbLevels(ml.Block)
	for i, l := range levels {
		if l.Pattern != "retry" {
			continue
		}
		pol, ok := xbStackPolicy(levels, i)
		if !ok {
			continue
		}
		w := schema.WorstCase(pol)
		for _, outer := range levels[:i] {
			if outer.Pattern != "timeout" {
				continue
			}
			budget, span, ok := outer.View.Duration("timeout")
			if !ok || w.Total <= budget {
				continue
			}
			layer := xbLevelLayer(ml, l)
			f := p.Reportf(ml, layer.Span, "level_%d may retry for %s but level_%d times out at %s: its last attempts are wasted",
				l.Num, units.FormatDuration(w.Total), outer.Num, units.FormatDuration(budget))
			f.Relate(ml, span, "level_"+strconv.Itoa(outer.Num)+" bounds everything inside it")
			xbShrinkRetries(f, layer, pol, budget, model.Span{}, false)
		}
	}
}

// xb002Services checks each service of the list against the one before
// it, its caller.
func xb002Services(p *rule.GroupPass, ms rule.Ref) {
	names, spans, _ := typed.Of(ms.Block).Strings("services")
	for i := 1; i < len(names); i++ {
		c, ok := xbCalleeOf(p, names[i])
		if !ok {
			continue
		}
		caller, ok := xbCallerTimeout(p, names[i-1])
		if !ok || c.worst.Total <= caller.budget {
			continue
		}
		f := p.Report(c.layer.Ref, c.layer.Span, names[i]+" may retry for "+units.FormatDuration(c.worst.Total)+
			" but "+names[i-1]+" times out at "+units.FormatDuration(caller.budget)+": its last attempts are wasted")
		f.Relate(caller.ref, caller.span, names[i-1]+" gives each call "+units.FormatDuration(caller.budget))
		f.Relate(ms, spans[i], names[i-1]+" calls "+names[i]+" in "+ms.Block.Label())
		xbShrinkRetries(f, c.layer, c.policy, caller.budget, c.timeout, c.hasTimeout)
	}
}

// xbCallerBudget is the time a caller gives one call.
type xbCallerBudget struct {
	ref    rule.Ref
	span   model.Span
	budget time.Duration
}

// xbCallerTimeout is the per-attempt timeout of service name's
// fault_tolerance block.
func xbCallerTimeout(p *rule.GroupPass, name string) (xbCallerBudget, bool) {
	for _, r := range p.Lookup(name) {
		if r.Block.Kind.Text != "fault_tolerance" {
			continue
		}
		if d, span, ok := typed.Of(r.Block).Duration("timeout"); ok {
			return xbCallerBudget{ref: r, span: span, budget: d}, true
		}
	}
	return xbCallerBudget{}, false
}
