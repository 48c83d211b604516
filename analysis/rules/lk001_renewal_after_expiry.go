package rules

import "github.com/dpls-dev/dpls/analysis/rule"

func init() {
	rule.Register(&rule.Rule{
		Code:     "LK001",
		Severity: rule.Error,
		Title:    "Lock renewal interval not below the TTL",
		Doc: `Reports a ` + "`distributed_lock`" + ` whose ` + "`auto_renewal.interval`" + ` is at least its ` + "`ttl`" + ` (30s,
Redisson's watchdog lease, when ` + "`ttl`" + ` is not written). Renewal switched off with
` + "`enabled: false`" + ` is not checked.

The lease runs out before the first renewal is even attempted, so every holder loses the lock
while it still works, and a second client can acquire it: the lock excludes nothing.

Fix: renew at a third of the lease, as Redisson's watchdog does (every 10s for a 30s lease);
the quick fix sets ` + "`ttl / 3`" + `.

Sources: redisson/redisson ` + "`Config.java`" + ` (` + "`lockWatchdogTimeout = 30 * 1000`" + `) and
` + "`RedissonBaseLock.java`" + ` (renewal every ` + "`internalLockLeaseTime / 3`" + `).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraLock)
			if !ok {
				return
			}
			r, ok := lkRenewalOf(v)
			if !ok || r.interval < r.ttl {
				return
			}
			p.Report(r.span, "the lock expires before its first renewal", r.fix())
		},
	})
}
