package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "K8006",
		Severity: rule.Error,
		Title:    "Liveness probe success_threshold other than 1",
		Doc: `Reports ` + "`liveness_probe.success_threshold`" + ` set to anything but 1 in a ` + "`deploy_kubernetes`" + `.

Kubernetes requires ` + "`successThreshold`" + ` to be 1 for liveness and startup probes (one success
is enough to call the container alive; only readiness may ask for more) and the API server
rejects the pod otherwise.

Fix: ` + "`success_threshold: 1`" + ` (the quick fix), or drop it; use the readiness probe for
"healthy N times in a row".

Sources: Kubernetes, "Configure Liveness, Readiness and Startup Probes" (kubernetes/website
` + "`configure-liveness-readiness-startup-probes.md`" + `).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraK8s)
			if !ok {
				return
			}
			n, span, ok := v.Count("liveness_probe", "success_threshold")
			if !ok || n == 1 {
				return
			}
			p.Report(span, "liveness and startup probes require success_threshold 1",
				rule.Replace(fmt.Sprintf("Set success_threshold to 1 (was %d)", n), span, "1"))
		},
	})
}
