package rules

import "github.com/dpls-dev/dpls/analysis/rule"

func init() {
	rule.Register(&rule.Rule{
		Code:     "SD005",
		Severity: rule.Info,
		Title:    "Consul script checks are off by default",
		Doc: `Notes a ` + "`health_check.script`" + ` on a ` + "`service_discovery`" + ` whose registry is Consul (also the
default registry).

Since Consul 0.9 the agent runs script checks only when it is started with
` + "`enable_script_checks`" + ` (or ` + "`enable_local_script_checks`" + ` for checks defined in local files);
both are off by default because a script check runs arbitrary commands on the agent's host.
Without them the registration is rejected and the service never appears.

Fix: enable ` + "`enable_local_script_checks`" + ` on the agents that run the service, or use an ` + "`http`" + `,
` + "`tcp`" + ` or ` + "`grpc`" + ` check instead.

Sources: Consul health checks documentation (https://developer.hashicorp.com/consul/docs/discovery/checks);
hashicorp/consul checks configuration reference.`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraSD)
			if !ok {
				return
			}
			if registry, _ := infraEnum(p, v, "consul", "registry"); registry != "consul" {
				return
			}
			if _, span, ok := v.String("health_check", "script"); ok {
				p.Report(span, "Consul runs script checks only when the agent enables enable_script_checks or enable_local_script_checks (off by default)")
			}
		},
	})
}
