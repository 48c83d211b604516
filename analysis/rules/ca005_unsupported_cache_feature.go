package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "CA005",
		Severity: rule.Warning,
		Title:    "Cache feature the provider does not have",
		Doc: `Warns about ` + "`distributed_cache`" + ` settings the provider cannot carry out:

- Redis (` + "`redis`" + `, the default, or ` + "`redis_cluster`" + `): ` + "`eviction.policy: \"fifo\"`" + ` (Redis offers LRU,
  LFU, random and TTL-based eviction, no FIFO) and ` + "`eviction.max_keys`" + ` (Redis limits memory,
  never the number of keys);
- memcached: ` + "`replication`" + ` (other than factor 1) and ` + "`persistence`" + ` (other than
  ` + "`enabled: false`" + `): memcached is an LRU cache in memory, with no replication and no
  persistence.

A generator cannot express these settings, so they are dropped and the cache behaves
differently from what the file says.

Fix: the nearest supported setting: ` + "`lru`" + ` instead of ` + "`fifo`" + `, ` + "`max_memory`" + ` instead of
` + "`max_keys`" + `; for memcached, remove replication and persistence or choose Redis.

Sources: Redis key eviction (https://redis.io/docs/latest/develop/reference/eviction/);
memcached wiki (https://github.com/memcached/memcached/wiki).`,
		Block: func(p *rule.BlockPass) {
			c, ok := caCacheOf(p)
			if !ok {
				return
			}
			switch {
			case c.isRedis():
				caRedisGaps(p, c)
			case c.provider == "memcached":
				caMemcachedGaps(p, c)
			}
		},
	})
}

const caRedisGap = "Redis has no FIFO policy and cannot cap key count"

// caRedisGaps reports FIFO eviction and a key-count cap on Redis.
func caRedisGaps(p *rule.BlockPass, c caCache) {
	if policy, span, ok := c.view.String("eviction", "policy"); ok && policy == "fifo" {
		p.Report(span, caRedisGap, rule.Replace(`Use policy "lru"`, span, strconv.Quote("lru")))
	}
	if m, ok := c.view.Member("eviction", "max_keys"); ok {
		f := p.Report(m.Span, caRedisGap, rule.Replace("Remove max_keys", infraMemberRemoval(infraObject(c.view, "eviction"), m), ""))
		f.Unnecessary = true
	}
}

// caMemcachedGaps reports replication and persistence on memcached.
func caMemcachedGaps(p *rule.BlockPass, c caCache) {
	const msg = "memcached has neither replication nor persistence"
	report := func(m *model.Member) {
		f := p.Report(m.Key.Span, msg, rule.Replace("Remove "+m.Key.Text, infraMemberRemoval(c.view.Obj, m), ""))
		f.Unnecessary = true
	}
	if m, ok := c.view.Member("replication"); ok && !(c.hasFactor && c.factor == 1) {
		report(m)
	}
	if m, ok := c.view.Member("persistence"); ok {
		if on, _, set := c.view.Bool("persistence", "enabled"); !set || on {
			report(m)
		}
	}
}
