package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/units"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "LK002",
		Severity: rule.Warning,
		Title:    "Lock renewed too late to survive one missed renewal",
		Doc: `Warns when a ` + "`distributed_lock`" + `'s ` + "`auto_renewal.interval`" + ` lies between half the ` + "`ttl`" + ` and
the ` + "`ttl`" + ` (30s when not written). At or above the ttl, LK001 reports it instead.

With the interval above ttl/2, a single renewal that arrives late (a GC pause, a slow network
round trip, a busy Redis) lets the lease expire while the holder still works. Redisson renews at
a third of the lease, which tolerates one lost renewal.

Fix: ` + "`interval = ttl / 3`" + ` (the quick fix).

Sources: redisson/redisson ` + "`Config.java`" + ` (` + "`lockWatchdogTimeout = 30 * 1000`" + `) and
` + "`RedissonBaseLock.java`" + ` (renewal every ` + "`internalLockLeaseTime / 3`" + `).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraLock)
			if !ok {
				return
			}
			r, ok := lkRenewalOf(v)
			if !ok || r.interval >= r.ttl || 2*r.interval <= r.ttl {
				return
			}
			p.Report(r.span, fmt.Sprintf("one late renewal loses the lock; Redisson renews at ttl/3 (every %s for %s)",
				units.FormatDuration(r.ttl/3), units.FormatDuration(r.ttl)), r.fix())
		},
	})
}
