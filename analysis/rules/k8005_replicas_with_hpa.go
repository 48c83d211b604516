package rules

import "github.com/dpls-dev/dpls/analysis/rule"

func init() {
	rule.Register(&rule.Rule{
		Code:     "K8005",
		Severity: rule.Info,
		Title:    "replicas set alongside an autoscaler",
		Doc: `Notes a ` + "`deploy_kubernetes`" + ` that sets both ` + "`replicas`" + ` and a ` + "`horizontal_pod_autoscaler`" + `.
It is a warning instead when ` + "`replicas`" + ` lies outside [` + "`min_replicas`" + `, ` + "`max_replicas`" + `]
(min 1 when unset).

Once an HPA manages a Deployment it owns ` + "`spec.replicas`" + `. Applying the manifest again writes
the fixed count back, so every deployment first scales to ` + "`replicas`" + ` and the HPA then
scales again: a scaled-out service drops to the fixed count during a rollout. Outside the HPA's
range the jump is guaranteed.

Fix: remove ` + "`replicas`" + ` (the quick fix) and let ` + "`min_replicas`" + ` set the floor.

Sources: Kubernetes, "Horizontal Pod Autoscaling", migrating Deployments to horizontal
autoscaling (kubernetes/website ` + "`horizontal-pod-autoscale.md`" + `).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraK8s)
			if !ok || infraObject(v, "horizontal_pod_autoscaler") == nil {
				return
			}
			n, span, ok := v.Count("replicas")
			if !ok {
				return
			}
			lo, _, okMin := v.Count("horizontal_pod_autoscaler", "min_replicas")
			if !okMin {
				lo = 1
			}
			hi, _, okMax := v.Count("horizontal_pod_autoscaler", "max_replicas")
			f := p.Report(span, "the HPA owns the replica count; every apply resets it to replicas",
				rule.Replace("Remove replicas", infraMemberRemoval(v.Obj, v.Obj.Get("replicas")), ""))
			if n < lo || (okMax && n > hi) {
				f.Severity = rule.Warning
			}
		},
	})
}
