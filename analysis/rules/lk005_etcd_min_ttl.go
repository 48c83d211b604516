package rules

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// lkEtcdMinTTL is etcd's minimum lease TTL with its default election
// timeout: ⌈1.5 × 1000ms⌉ rounded up to whole seconds = 2s.
const lkEtcdMinTTL = 2 * time.Second

func init() {
	rule.Register(&rule.Rule{
		Code:     "LK005",
		Severity: rule.Warning,
		Title:    "etcd lease TTL below etcd's minimum",
		Doc: `Warns when a ` + "`distributed_lock`" + ` with ` + "`provider: \"etcd\"`" + ` has a ` + "`ttl`" + ` under 2s.

etcd's lessor has a minimum lease TTL, ⌈1.5 × election timeout⌉ in whole seconds (2s with
the default 1000ms election timeout), and silently raises any shorter TTL to it: the lock is held up to 2s after its holder dies, longer than the configuration
says.

Fix: ` + "`ttl: \"2s\"`" + ` or more (the quick fix sets 2s).

Sources: etcd-io/etcd ` + "`server/etcdserver/server.go`" + ` (lessor ` + "`MinLeaseTTL`" + `) and
` + "`server/embed/config.go`" + `.`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraLock)
			if !ok {
				return
			}
			if provider, _ := infraEnum(p, v, "redis", "provider"); provider != "etcd" {
				return
			}
			ttl, span, ok := v.Duration("ttl")
			if !ok || ttl >= lkEtcdMinTTL {
				return
			}
			p.Report(span, "etcd raises lease TTLs below 2s to its minimum",
				rule.Replace(`Set ttl to "2s"`, span, infraDuration(lkEtcdMinTTL)))
		},
	})
}
