package rules

import (
	"fmt"
	"strconv"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "LB002",
		Severity: rule.Warning,
		Title:    "Server listed twice",
		Doc: `Warns when two entries of ` + "`servers`" + ` name the same host and port (a missing port is
nginx's default, 80; host names compare without case).

nginx, HAProxy and Envoy keep both entries as separate peers of the same upstream, so the
server receives the sum of both weights: listing it twice silently doubles its share of
the traffic, which is rarely what a copy-paste meant.

Fix: keep one entry and give it the summed weight (the quick fix does this), or correct the
address of the second entry.

Sources: derived from nginx's weighted balancing, ngx_http_upstream_module ` + "`server … weight=`" + `
(https://nginx.org/en/docs/http/ngx_http_upstream_module.html).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraLB)
			if !ok {
				return
			}
			servers := lbServers(v)
			count := map[string]int{}
			for _, s := range servers {
				count[s.key()]++
			}
			first := map[string]lbServer{}
			elems, _, _ := v.List("servers")
			for _, s := range servers {
				f, seen := first[s.key()]
				if !seen {
					first[s.key()] = s
					continue
				}
				p.Report(s.node.ValueSpan(), lbDuplicateMessage(s.address(), count[s.key()]),
					lbMergeFix(p.Block.Text, elems, f, s))
			}
		},
	})
}

// lbDuplicateMessage words the finding for an address listed n times.
func lbDuplicateMessage(addr string, n int) string {
	if n == 2 {
		return addr + " is listed twice; it gets double weight"
	}
	return fmt.Sprintf("%s is listed %d times; it gets %d× weight", addr, n, n)
}

// lbMergeFix drops dup and adds its weight to first, turning a shorthand
// first entry into an object so it can carry the weight.
func lbMergeFix(src string, elems []model.Value, first, dup lbServer) rule.BlockFix {
	sum := first.weight + dup.weight
	var setWeight rule.BlockEdit
	if first.obj != nil {
		setWeight = infraSetMember(src, first.obj, "weight", infraCount(sum))
	} else {
		text := "{ host: " + strconv.Quote(first.host)
		if first.port != 0 {
			text += ", port: " + infraCount(first.port)
		}
		setWeight = rule.BlockEdit{Span: first.node.ValueSpan(), NewText: text + ", weight: " + infraCount(sum) + " }"}
	}
	return rule.BlockFix{
		Title: fmt.Sprintf("Merge into the first %s entry with weight %d", first.address(), sum),
		Edits: []rule.BlockEdit{setWeight, {Span: infraElementRemoval(elems, dup.index), NewText: ""}},
	}
}
