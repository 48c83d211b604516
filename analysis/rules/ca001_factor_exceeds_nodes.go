package rules

import (
	"fmt"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "CA001",
		Severity: rule.Error,
		Title:    "Cache replication factor above the node count",
		Doc: `Reports a ` + "`distributed_cache`" + ` whose ` + "`replication.factor`" + ` (copies of each key, the primary
included) is larger than the number of ` + "`nodes`" + ` listed.

Each copy must live on a different node, so a factor above the node count cannot be placed: the
cluster either refuses to form or silently keeps fewer copies than the configuration promises.
It is the same arithmetic as a consensus cluster's replication factor (CN007) or a Kafka
topic's (MQ001).

Fix: lower the factor to the node count (the quick fix), or list more nodes.

Sources: derived (copies never exceed the places to put them), as Dynamo/Cassandra replication
(DeCandia et al., SOSP 2007) and Kafka's ` + "`InvalidReplicationFactorException`" + `.`,
		Block: func(p *rule.BlockPass) {
			c, ok := caCacheOf(p)
			if !ok || !c.listed || !c.hasFactor || c.factor <= int64(c.nodes) || c.nodes == 0 {
				return
			}
			listed := fmt.Sprintf("%d are listed", c.nodes)
			if c.nodes == 1 {
				listed = "1 is listed"
			}
			p.Report(c.factorSpan, fmt.Sprintf("factor %d needs %d nodes, %s", c.factor, c.factor, listed),
				rule.Replace(fmt.Sprintf("Set factor to %d (the node count)", c.nodes), c.factorSpan, infraCount(int64(c.nodes))))
		},
	})
}
