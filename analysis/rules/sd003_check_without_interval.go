package rules

import (
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/units"
)

// sdProbeKinds are the health-check kinds Consul runs on a schedule, in
// schema order; each needs an interval.
var sdProbeKinds = []string{"http", "tcp", "grpc", "script"}

// sdDefaultInterval is the interval the quick fix writes (Consul's
// documentation examples use 10s).
const sdDefaultInterval = `"10s"`

func init() {
	rule.Register(&rule.Rule{
		Code:     "SD003",
		Severity: rule.Error,
		Title:    "Consul check without an interval",
		Doc: `Reports a ` + "`service_discovery`" + ` on Consul (the default registry) whose ` + "`health_check`" + `
sets a probe (` + "`http`" + `, ` + "`tcp`" + `, ` + "`grpc`" + ` or ` + "`script`" + `) but no ` + "`interval`" + `, or an interval of 0.

Consul validates check definitions and rejects an HTTP, TCP, gRPC or script check whose
interval is missing or not positive: the service registration fails as a whole.

Fix: add ` + "`interval: \"10s\"`" + ` (the quick fix), or a period that suits the service.

Sources: hashicorp/consul ` + "`agent/structs/check_type.go`" + ` (` + "`CheckType.Validate`" + `); Consul checks
configuration reference.`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraSD)
			if !ok {
				return
			}
			if registry, _ := infraEnum(p, v, "consul", "registry"); registry != "consul" {
				return
			}
			probe := ""
			for _, k := range sdProbeKinds {
				if v.Has("health_check", k) {
					probe = k
					break
				}
			}
			hc := infraObject(v, "health_check")
			if probe == "" || hc == nil {
				return
			}
			const msg = "Consul rejects HTTP/TCP/gRPC/script checks without an interval"
			val, has := v.Get("health_check", "interval")
			if !has {
				p.Report(v.KeySpan("health_check", probe), msg, rule.BlockFix{
					Title: "Add interval: " + sdDefaultInterval,
					Edits: []rule.BlockEdit{infraInsertMember(p.Block.Text, hc, "interval: "+sdDefaultInterval)},
				})
				return
			}
			if str, isStr := val.Node.(*model.String); isStr {
				if d, err := units.ParseDuration(str.Value); err == nil && d == 0 {
					p.Report(val.Span(), msg, rule.Replace("Set interval to "+sdDefaultInterval, val.Span(), sdDefaultInterval))
				}
			}
		},
	})
}
