package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// k8Resources are the resources a container requests and limits, in the
// order messages and checks go through them.
var k8Resources = []string{"cpu", "memory"}

func init() {
	rule.Register(&rule.Rule{
		Code:     "K8001",
		Severity: rule.Error,
		Title:    "Resource request above its limit",
		Doc: `Reports a ` + "`deploy_kubernetes`" + ` whose ` + "`resources.requests.cpu`" + ` or ` + "`.memory`" + ` is larger than
the matching ` + "`resources.limits`" + ` value. Quantities are compared exactly, across suffixes:
` + "`\"1\"`" + ` CPU is ` + "`\"1000m\"`" + `, ` + "`\"1Gi\"`" + ` is 1073741824 bytes and more than ` + "`\"1G\"`" + `.

The API server validates every container and rejects a pod whose request exceeds its limit,
so the Deployment creates no pods at all.

Fix: request = limit (the quick fix), or raise the limit.

Sources: Kubernetes, "Resource Management for Pods and Containers"
(kubernetes/website ` + "`manage-resources-containers.md`" + `); kubernetes/kubernetes
` + "`pkg/apis/core/validation/validation.go`" + ` (request must be less than or equal to the limit).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraK8s)
			if !ok {
				return
			}
			for _, res := range k8Resources {
				req, reqSpan, okReq := v.Quantity("resources", "requests", res)
				lim, limSpan, okLim := v.Quantity("resources", "limits", res)
				if !okReq || !okLim || req.Cmp(lim) <= 0 {
					continue
				}
				limText := p.Block.Text[limSpan.Start:limSpan.End]
				p.Report(reqSpan, fmt.Sprintf("%s request %s must not exceed its limit %s (API server rejects the pod)", res, req.Text, lim.Text),
					rule.Replace(fmt.Sprintf("Set the %s request to the limit %s", res, lim.Text), reqSpan, limText))
			}
		},
	})
}
