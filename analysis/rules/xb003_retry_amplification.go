package rules

import (
	"fmt"
	"math"
	"strconv"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "XB003",
		Severity: rule.Warning,
		Title:    "Retries at several layers of one call path multiply",
		Doc: `Finds call paths on which more than one layer retries, and shows the amplification
A = Π max_attempts: how many times one request can reach the innermost dependency. Paths are:

- the retry levels of one ` + "`multi_level_fault_tolerance`" + ` block (outermost first);
- a ` + "`microservice_pattern`" + `'s ` + "`services`" + `, in order (each calls the next), each with the
  retries of its ` + "`fault_tolerance`" + ` block, or the retry levels of its
  ` + "`multi_level_fault_tolerance`" + ` block when it has one (both describe the same service);
- a ` + "`distributed_transaction`" + `'s step ` + "`retry`" + ` and each participant it retries that also has
  a ` + "`fault_tolerance`" + ` block. A saga retries only the steps after its pivot; a step with a
  ` + "`compensation`" + ` is compensable, so a failure there is compensated, not retried forward, and
  such participants are not on a retry path. Other coordinators retry every participant.

Layers that make a single attempt do not retry and are not counted.

**Why.** Each layer retries every failure of the layer below: 3 attempts at 3 layers is 27 calls on
the database for one user request, exactly when it is overloaded. The Google SRE book's example is
4 attempts at 3 layers, 64 calls, and it recommends retrying at one layer only, the one
immediately above the failing dependency, with at most 3 attempts per request and a retry budget of
10 % of requests per client.

**Fix.** Keep the retry at one layer (the innermost) and set ` + "`max_attempts: 1`" + ` at the others;
the quick fix does this when every outer layer writes ` + "`max_attempts`" + `.

**Sources.** Google SRE book, "Addressing Cascading Failures"
(https://sre.google/sre-book/addressing-cascading-failures/); Azure Architecture Center, Saga pattern
(https://learn.microsoft.com/en-us/azure/architecture/patterns/saga).`,
		Group: checkXB003,
	})
}

func checkXB003(p *rule.GroupPass) {
	for _, ml := range p.All("multi_level_fault_tolerance") {
		var layers []xbLayer
		for _, l := range xbLevels(ml.Block) {
			if l.Pattern == "retry" {
				if layer := xbLevelLayer(ml, l); layer.Attempts > 1 {
					layers = append(layers, layer)
				}
			}
		}
		if len(layers) > 1 {
			xb003Report(p, ml, layers[0].Span, layers)
		}
	}
	for _, ms := range p.All("microservice_pattern") {
		v := typed.Of(ms.Block)
		names, _, _ := v.Strings("services")
		var layers []xbLayer
		for _, name := range names {
			layers = append(layers, xbServiceLayers(p, name)...)
		}
		if len(layers) > 1 {
			xb003Report(p, ms, spanAtServices(v), layers)
		}
	}
	for _, tx := range p.All("distributed_transaction") {
		xb003Transaction(p, tx)
	}
}

// spanAtServices is the services list of a microservice_pattern.
func spanAtServices(v typed.View) model.Span { return xbSpanAt(v, "services") }

// xb003Transaction reports each participant the coordinator retries that
// retries again itself.
func xb003Transaction(p *rule.GroupPass, tx rule.Ref) {
	v := typed.Of(tx.Block)
	txLayer, ok := xbFTLayer(tx)
	if !ok || txLayer.Attempts < 2 {
		return
	}
	coordinator, _, hasCoord := v.String("coordinator")
	saga := !hasCoord || coordinator == "saga"
	names, spans, _ := v.Strings("participants")
	for i, name := range names {
		if saga && xbCompensated(v, name) {
			continue
		}
		inner := xbServiceLayers(p, name)
		if len(inner) == 0 {
			continue
		}
		xb003Report(p, tx, spans[i], append([]xbLayer{txLayer}, inner...))
	}
}

// xb003Report reports a path of layers at span of ref's block, relating
// every layer and offering to keep only the innermost retry.
func xb003Report(p *rule.GroupPass, ref rule.Ref, span model.Span, layers []xbLayer) {
	calls := int64(1)
	for _, l := range layers {
		calls = xbSatMul(calls, int64(l.Attempts))
	}
	f := p.Reportf(ref, span, "retries at %d layers: one request can reach the database %s",
		len(layers), xbTimes(calls))
	for _, l := range layers {
		f.Relate(l.Ref, l.Span, fmt.Sprintf("%s makes %d attempts", l.Label, l.Attempts))
	}
	fix := rule.GroupFix{Title: "Retry at the innermost layer only"}
	for _, l := range layers[:len(layers)-1] {
		if !l.Written {
			return
		}
		fix.Edits = append(fix.Edits, rule.GroupEdit{At: rule.At(l.Ref, l.Span), NewText: "1"})
	}
	f.Fixes = append(f.Fixes, fix)
}

// xbTimes writes a call count: "27 times", "once".
func xbTimes(n int64) string {
	if n == 1 {
		return "once"
	}
	return strconv.FormatInt(n, 10) + " times"
}

// xbSatMul multiplies, saturating at the largest int64.
func xbSatMul(a, b int64) int64 {
	if b != 0 && a > math.MaxInt64/b {
		return math.MaxInt64
	}
	return a * b
}

// xbCompensated reports whether the transaction names a compensation for
// participant (keys match participants by normalized name).
func xbCompensated(v typed.View, participant string) bool {
	comp, ok := v.Sub("compensation")
	if !ok {
		return false
	}
	for _, m := range comp.Obj.Members {
		if model.NormalizeName(m.Key.Text) == model.NormalizeName(participant) {
			return true
		}
	}
	return false
}
