package rules

import "github.com/dpls-dev/dpls/analysis/rule"

func init() {
	rule.Register(&rule.Rule{
		Code:     "LK004",
		Severity: rule.Info,
		Title:    "TTL locks need fencing to protect data",
		Doc: `Notes every ` + "`distributed_lock`" + ` on Redis or Redlock (` + "`provider: \"redis\"`" + `, the default, or
` + "`\"redlock\"`" + `); DPL has no fencing field, so the note cannot be silenced by configuration,
only by suppression.

A Redis lock is a lease: if the holder pauses (GC, VM migration, swap) past the TTL, or the
Redis primary fails over before replicating the key, a second client acquires the lock while
the first still believes it holds it. For efficiency (avoiding duplicate work) that is
acceptable; for correctness it is not.

Fix: where the lock protects data, have the storage check a fencing token (a number that grows
with every acquisition) and reject writes carrying an older one, or use a consensus-backed lock
(etcd, ZooKeeper) that provides one.

Sources: Redis, "Distributed Locks with Redis"
(https://redis.io/docs/latest/develop/use/patterns/distributed-locks/); M. Kleppmann, "How to
do distributed locking" (2016, https://martin.kleppmann.com/2016/02/08/how-to-do-distributed-locking.html).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraLock)
			if !ok {
				return
			}
			provider, span := infraEnum(p, v, "redis", "provider")
			if provider == "redis" || provider == "redlock" {
				p.Report(span, "a TTL lock can be held by two clients after a pause or failover; check a fencing token where the lock protects data")
			}
		},
	})
}
