package rules

import "github.com/dpls-dev/dpls/analysis/rule"

func init() {
	rule.Register(&rule.Rule{
		Code:     "LB001",
		Severity: rule.Error,
		Title:    "Load balancer without servers",
		Doc: `Reports a ` + "`load_balancer`" + ` whose ` + "`servers`" + ` list is missing or empty.

An nginx ` + "`upstream`" + ` block must contain at least one ` + "`server`" + ` directive, and HAProxy
and Envoy backends with no endpoints answer every request with 503: a balancer with nothing
behind it cannot work as written.

Fix: list the upstream servers, as objects (` + "`{ host: \"10.0.0.1\", port: 8080 }`" + `) or as
` + "`\"host[:port]\"`" + ` strings.

Sources: nginx ngx_http_upstream_module (https://nginx.org/en/docs/http/ngx_http_upstream_module.html).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraLB)
			if !ok {
				return
			}
			if !v.Has("servers") {
				p.Report(infraNameSpan(p.Block), "a load balancer needs at least one server")
				return
			}
			if elems, span, isList := v.List("servers"); isList && len(elems) == 0 {
				p.Report(span, "a load balancer needs at least one server")
			}
		},
	})
}
