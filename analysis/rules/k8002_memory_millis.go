package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/units"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "K8002",
		Severity: rule.Warning,
		Title:    `Memory written in millibytes ("m")`,
		Doc: `Warns when a ` + "`deploy_kubernetes`" + ` memory request or limit uses the lowercase ` + "`m`" + ` suffix,
as in ` + "`\"400m\"`" + `.

In Kubernetes quantities ` + "`m`" + ` means one thousandth: natural for CPU (` + "`\"500m\"`" + ` is half a core),
but ` + "`\"400m\"`" + ` of memory is 0.4 bytes. The API server accepts it: as a request the scheduler
reserves nothing for the pod, and as a limit the container runtime refuses to start a container
limited to a byte. It is almost always a typo for ` + "`Mi`" + ` (mebibytes) or ` + "`M`" + ` (megabytes).

Fix: ` + "`\"400Mi\"`" + ` (the quick fix), or ` + "`\"400M\"`" + `.

Sources: Kubernetes, "Resource Management for Pods and Containers", memory units
(kubernetes/website ` + "`manage-resources-containers.md`" + `: "400m" is 0.4 bytes).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraK8s)
			if !ok {
				return
			}
			for _, kind := range []string{"requests", "limits"} {
				q, span, ok := v.Quantity("resources", kind, "memory")
				if !ok || !q.IsMilli() {
					continue
				}
				fixed := strconv.Quote(q.Number + "Mi")
				p.Report(span, fmt.Sprintf("%q memory is %s; did you mean %s?", q.Text, k8Bytes(q), fixed),
					rule.Replace("Change to "+fixed, span, fixed))
			}
		},
	})
}

// k8Bytes words an exact quantity of bytes: "0.4 bytes", "1 byte".
func k8Bytes(q units.Quantity) string {
	s := q.Value.FloatString(3)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "1" {
		return "1 byte"
	}
	return s + " bytes"
}
