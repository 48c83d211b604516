package rules

import (
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "K8007",
		Severity: rule.Warning,
		Title:    "No CPU request or memory limit",
		Doc: `Warns about a ` + "`deploy_kubernetes`" + ` without a CPU request or without a memory limit, the two
requirements kube-linter's ` + "`unset-cpu-requirements`" + ` and ` + "`unset-memory-requirements`" + ` checks
insist on. A CPU limit counts as a request, since Kubernetes then sets the request to the
limit.

Without a CPU request the scheduler places the pod as if it needed nothing, so nodes are
overcommitted and the pod gets the least CPU under contention; without a memory limit one leaking
container can exhaust its node's memory and get other pods evicted.

Fix: add ` + "`resources.requests.cpu`" + ` and ` + "`resources.limits.memory`" + `. When a memory request is
written, the quick fix sets the limit equal to it (the usual choice for memory); CPU values
depend on the service and are not guessed.

Sources: stackrox/kube-linter ` + "`docs/generated/checks.md`" + ` (unset-cpu-requirements,
unset-memory-requirements); Kubernetes, "Resource Management for Pods and Containers".`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraK8s)
			if !ok {
				return
			}
			var missing []string
			noMemoryLimit := !v.Has("resources", "limits", "memory")
			if noMemoryLimit {
				missing = append(missing, "memory limit")
			}
			if !v.Has("resources", "requests", "cpu") && !v.Has("resources", "limits", "cpu") {
				missing = append(missing, "CPU request")
			}
			if len(missing) == 0 {
				return
			}
			span := infraNameSpan(p.Block)
			if v.Has("resources") {
				span = v.KeySpan("resources")
			}
			f := p.Report(span, "no "+strings.Join(missing, "/")+": the scheduler cannot place the pod by need (kube-linter unset-*-requirements)")
			if noMemoryLimit {
				if fix, ok := k8MemoryLimitFix(p.Block.Text, v); ok {
					f.Fixes = append(f.Fixes, fix)
				}
			}
		},
	})
}

// k8MemoryLimitFix sets limits.memory to the written memory request.
func k8MemoryLimitFix(src string, v typed.View) (rule.BlockFix, bool) {
	_, reqSpan, ok := v.Quantity("resources", "requests", "memory")
	resources := infraObject(v, "resources")
	if !ok || resources == nil {
		return rule.BlockFix{}, false
	}
	req := src[reqSpan.Start:reqSpan.End]
	var edit rule.BlockEdit
	if limits := infraObject(v, "resources", "limits"); limits != nil {
		edit = infraInsertMember(src, limits, "memory: "+req)
	} else if v.Has("resources", "limits") {
		return rule.BlockFix{}, false
	} else {
		edit = infraInsertMember(src, resources, "limits: { memory: "+req+" }")
	}
	return rule.BlockFix{Title: "Set the memory limit to the request " + req, Edits: []rule.BlockEdit{edit}}, true
}
