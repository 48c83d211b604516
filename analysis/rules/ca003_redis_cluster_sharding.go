package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "CA003",
		Severity: rule.Warning,
		Title:    "Sharding settings Redis Cluster ignores",
		Doc: `Warns about a ` + "`distributed_cache`" + ` with ` + "`provider: \"redis_cluster\"`" + ` whose
` + "`sharding.strategy`" + ` is not ` + "`hash_slot`" + `, or that sets ` + "`sharding.virtual_nodes`" + `.

Redis Cluster always maps keys to 16384 hash slots by CRC16 of the key (or of its ` + "`{hash tag}`" + `)
and assigns slots to masters; there is no consistent-hash ring, modulo or range sharding to
choose and no virtual nodes to tune. The settings are silently ignored, and a reader of the
file is misled about how keys are spread.

Fix: ` + "`strategy: \"hash_slot\"`" + ` and no ` + "`virtual_nodes`" + ` (quick fixes for both).

Sources: Redis Cluster specification (16384 hash slots); Redis key eviction and cluster
documentation (https://redis.io/docs/latest/develop/reference/eviction/).`,
		Block: func(p *rule.BlockPass) {
			c, ok := caCacheOf(p)
			if !ok || c.provider != "redis_cluster" {
				return
			}
			const msg = "Redis Cluster shards by 16384 CRC16 hash slots; consistent hashing and virtual_nodes are ignored"
			if strategy, span, ok := c.view.String("sharding", "strategy"); ok && strategy != "hash_slot" {
				p.Report(span, msg, rule.Replace(`Use strategy "hash_slot"`, span, strconv.Quote("hash_slot")))
			}
			if m, ok := c.view.Member("sharding", "virtual_nodes"); ok {
				f := p.Report(m.Span, msg, rule.Replace("Remove virtual_nodes", infraMemberRemoval(infraObject(c.view, "sharding"), m), ""))
				f.Unnecessary = true
			}
		},
	})
}
