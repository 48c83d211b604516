package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "K8004",
		Severity: rule.Error,
		Title:    "HPA max_replicas below min_replicas",
		Doc: `Reports a ` + "`horizontal_pod_autoscaler`" + ` whose ` + "`max_replicas`" + ` is smaller than its
` + "`min_replicas`" + `.

The API server validates autoscalers and rejects one whose ` + "`maxReplicas`" + ` is below
` + "`minReplicas`" + `, so the HPA is never created and the Deployment is not scaled at all.

Fix: raise ` + "`max_replicas`" + ` to at least ` + "`min_replicas`" + `, or swap the two when they were
written the wrong way round (both are quick fixes).

Sources: Kubernetes, "Horizontal Pod Autoscaling"; kubernetes/kubernetes
` + "`pkg/apis/autoscaling/validation/validation.go`" + `.`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraK8s)
			if !ok {
				return
			}
			lo, loSpan, okMin := v.Count("horizontal_pod_autoscaler", "min_replicas")
			hi, hiSpan, okMax := v.Count("horizontal_pod_autoscaler", "max_replicas")
			if !okMin || !okMax || hi >= lo {
				return
			}
			p.Report(hiSpan, "max_replicas must be ≥ min_replicas",
				rule.Replace(fmt.Sprintf("Set max_replicas to %d", lo), hiSpan, infraCount(lo)),
				rule.BlockFix{Title: "Swap min_replicas and max_replicas", Edits: []rule.BlockEdit{
					{Span: loSpan, NewText: infraCount(hi)}, {Span: hiSpan, NewText: infraCount(lo)},
				}})
		},
	})
}
