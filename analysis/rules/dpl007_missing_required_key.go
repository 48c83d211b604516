package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
)

// langRequiredElsewhere lists required keys of block bodies whose absence
// a more specific catalog rule reports with a better message; DPL007
// leaves them to it so one mistake gets one diagnostic.
var langRequiredElsewhere = map[[2]string]string{
	{"load_balancer", "servers"}: "LB001",
}

func init() {
	rule.Register(&rule.Rule{
		Code:     "DPL007",
		Severity: rule.Error,
		Title:    "Missing required key",
		Doc: `An object lacks a key its schema requires: an alert without ` + "`condition`" + `, a
` + "`horizontal_pod_autoscaler`" + ` without ` + "`max_replicas`" + `, a ` + "`multi_level_fault_tolerance`" + ` level without
` + "`pattern`" + `, a ` + "`dynamic_consistency`" + ` mode without ` + "`consistency`" + `, a ` + "`generate_tests`" + ` block without
` + "`type`" + `, a server object without ` + "`host`" + `. The message names the key and the object:
` + "`missing required key max_replicas in horizontal_pod_autoscaler`" + `; it is reported at the key that
holds the object (the block name for a block's own keys).

A ` + "`load_balancer`" + ` without ` + "`servers`" + ` is LB001's, which says why a balancer needs them.

**Why.** These keys have no default any target could use: Kubernetes rejects an HPA without
` + "`maxReplicas`" + `, Prometheus an alerting rule without ` + "`expr`" + `; a level without a pattern or a test
block without a type cannot be generated at all (a ` + "`generate_tests`" + ` block is identified by its
name and type).

**How to fix.** Add the key; the quick fix inserts it with an example value to adjust.

**Source.** The DPL language reference, "Block kinds"; Kubernetes ` + "`HorizontalPodAutoscalerSpec`" + `
(https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/);
Prometheus alerting rules (https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/).`,
		Block: func(p *rule.BlockPass) {
			b := p.Block
			langWalk{object: func(site langObjectSite) {
				if !site.Obj.Closed {
					return
				}
				for _, f := range site.Schema.Fields {
					if !f.Required || site.Obj.Get(f.Name) != nil {
						continue
					}
					if site.Obj == b.Body {
						if _, other := langRequiredElsewhere[[2]string{b.Kind.Text, f.Name}]; other {
							continue
						}
					}
					fd := p.Report(site.At, "missing required key "+f.Name+" in "+site.Where)
					if f.Example != "" {
						fd.Fixes = append(fd.Fixes, langInsertMember(b, site.Obj, f.Name, f.Example, "Add "+f.Name))
					}
				}
			}}.block(b)
		},
	})
}
