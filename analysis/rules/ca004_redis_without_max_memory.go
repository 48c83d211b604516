package rules

import "github.com/dpls-dev/dpls/analysis/rule"

func init() {
	rule.Register(&rule.Rule{
		Code:     "CA004",
		Severity: rule.Warning,
		Title:    "Redis eviction policy without max_memory",
		Doc: `Warns about a Redis ` + "`distributed_cache`" + ` (` + "`redis`" + `, the default provider, or ` + "`redis_cluster`" + `)
whose ` + "`eviction.policy`" + ` evicts (anything but ` + "`noeviction`" + `) while ` + "`eviction.max_memory`" + ` is
not set.

Redis evicts only when used memory reaches ` + "`maxmemory`" + `, and ` + "`maxmemory 0`" + ` (the default on
64-bit systems) means no limit: the policy never runs, memory grows until the operating system
kills the server or it starts swapping.

Fix: set ` + "`max_memory`" + ` to what the instance may use, leaving room for replication buffers
and fragmentation. No quick fix is offered: the limit depends on the machine.

Sources: Redis key eviction (https://redis.io/docs/latest/develop/reference/eviction/);
` + "`redis.conf`" + ` (` + "`maxmemory`" + `).`,
		Block: func(p *rule.BlockPass) {
			c, ok := caCacheOf(p)
			if !ok || !c.isRedis() {
				return
			}
			policy, span, ok := c.view.String("eviction", "policy")
			if !ok || policy == "noeviction" || c.view.Has("eviction", "max_memory") {
				return
			}
			p.Report(span, "without max_memory Redis never evicts (maxmemory 0 = no limit on 64-bit)")
		},
	})
}
