package rules

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// sdConsulMinDeregister is the smallest deregister_critical_service_after
// Consul honours; its reaper then runs every 30s.
const sdConsulMinDeregister = time.Minute

func init() {
	rule.Register(&rule.Rule{
		Code:     "SD001",
		Severity: rule.Warning,
		Title:    "Consul deregistration below its 1m minimum",
		Doc: `Warns when ` + "`health_check.deregister_critical_service_after`" + ` is under one minute and the
registry is Consul (` + "`registry: \"consul\"`" + `, also the default).

Consul does not deregister a critical service sooner than one minute, and its reaper only runs
every 30 seconds, so a shorter value is silently lengthened: the instance stays registered (if
critical) for 1m to 1m30s. A very short value is also risky in itself: a brief outage that would
have recovered removes the instance, which must then re-register.

Fix: ` + "`\"1m\"`" + ` at least; better, much longer than any outage you expect to recover from.

Sources: Consul agent check API, ` + "`DeregisterCriticalServiceAfter`" + `
(https://developer.hashicorp.com/consul/api-docs/agent/check: minimum 1 minute, reaper every 30
seconds); hashicorp/consul checks configuration reference.`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraSD)
			if !ok {
				return
			}
			if registry, _ := infraEnum(p, v, "consul", "registry"); registry != "consul" {
				return
			}
			d, span, ok := v.Duration("health_check", "deregister_critical_service_after")
			if !ok || d >= sdConsulMinDeregister {
				return
			}
			p.Report(span, "Consul's minimum is 1m, and its reaper runs every 30s",
				rule.Replace(`Set deregister_critical_service_after to "1m"`, span, infraDuration(sdConsulMinDeregister)))
		},
	})
}
