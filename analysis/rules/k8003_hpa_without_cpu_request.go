package rules

import "github.com/dpls-dev/dpls/analysis/rule"

func init() {
	rule.Register(&rule.Rule{
		Code:     "K8003",
		Severity: rule.Warning,
		Title:    "CPU autoscaling without a CPU request",
		Doc: `Warns about a ` + "`deploy_kubernetes`" + ` with a ` + "`horizontal_pod_autoscaler`" + ` (which targets CPU
utilization: ` + "`target_cpu_utilization_percentage`" + `, 80 when unset) but no
` + "`resources.requests.cpu`" + `. A ` + "`resources.limits.cpu`" + ` counts, since Kubernetes then sets the
request to the limit.

The HPA computes utilization as a percentage of the pods' CPU **request**. Without one it
cannot compute the metric (its events report the missing request) and never scales.

Fix: add ` + "`resources: { requests: { cpu: … } }`" + ` with the CPU the service needs at its usual
load. No quick fix is offered: the value depends on the service.

Sources: Kubernetes, "Horizontal Pod Autoscaling" (kubernetes/website
` + "`horizontal-pod-autoscale.md`" + `); "Resource Management for Pods and Containers".`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraK8s)
			if !ok || infraObject(v, "horizontal_pod_autoscaler") == nil {
				return
			}
			if v.Has("resources", "requests", "cpu") || v.Has("resources", "limits", "cpu") {
				return
			}
			span := v.KeySpan("horizontal_pod_autoscaler")
			if _, s, ok := v.Count("horizontal_pod_autoscaler", "target_cpu_utilization_percentage"); ok {
				span = s
			}
			p.Report(span, "the HPA cannot compute CPU utilization without a CPU request and will not scale")
		},
	})
}
