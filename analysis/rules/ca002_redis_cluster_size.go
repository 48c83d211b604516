package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// caRedisClusterMinMasters is the fewest masters redis-cli creates a
// cluster with.
const caRedisClusterMinMasters = 3

func init() {
	rule.Register(&rule.Rule{
		Code:     "CA002",
		Severity: rule.Error,
		Title:    "Too few nodes for Redis Cluster",
		Doc: `Reports a ` + "`distributed_cache`" + ` with ` + "`provider: \"redis_cluster\"`" + ` whose ` + "`nodes`" + ` list is shorter
than 3, or shorter than 3 × ` + "`replication.factor`" + ` (factor 1, no replicas, when unset).

` + "`redis-cli --cluster create`" + ` needs at least 3 masters, and with ` + "`--cluster-replicas r`" + ` it
needs masters × (r + 1) nodes; DPL's factor counts the primary, so r = factor − 1 and the
smallest cluster has 3 × factor nodes. With fewer, the cluster cannot be created as described.

Fix: list more nodes, or lower the factor to what the nodes allow (the quick fix, when the
nodes allow at least factor 1).

Sources: redis/redis ` + "`src/redis-cli.c`" + ` (cluster create: at least 3 masters, masters × (replicas
+ 1) nodes); Redis Cluster specification.`,
		Block: func(p *rule.BlockPass) {
			c, ok := caCacheOf(p)
			if !ok || c.provider != "redis_cluster" || !c.listed {
				return
			}
			need := int64(caRedisClusterMinMasters) * c.factor
			if int64(c.nodes) >= need {
				return
			}
			f := p.Report(c.nodesSpan, fmt.Sprintf("Redis Cluster needs ≥ 3 masters; factor %d (%s) needs %d nodes, %d listed",
				c.factor, caReplicas(c.factor-1), need, c.nodes))
			if fits := int64(c.nodes) / caRedisClusterMinMasters; c.hasFactor && fits >= 1 && fits < c.factor {
				f.Fixes = append(f.Fixes, rule.Replace(fmt.Sprintf("Set factor to %d", fits), c.factorSpan, infraCount(fits)))
			}
		},
	})
}

// caReplicas words the replicas each master gets.
func caReplicas(n int64) string {
	switch n {
	case 0:
		return "no replicas"
	case 1:
		return "1 replica each"
	}
	return fmt.Sprintf("%d replicas each", n)
}
