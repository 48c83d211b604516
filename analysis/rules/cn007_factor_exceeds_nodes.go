package rules

import (
	"fmt"
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "CN007",
		Severity: rule.Error,
		Title:    "More replicas than nodes",
		Doc: `Reports a ` + "`consistency`" + ` block whose ` + "`data_replication.factor`" + ` is larger than ` + "`nodes`" + `
(3 when unset).

Each replica of an item lives on a different member; with fewer members than copies the extra
copies have nowhere to go. Dynamo-style stores place N replicas on N distinct nodes of the
preference list, and Kafka refuses a topic outright ("Replication factor: 5 larger than
available brokers: 3"). The configuration cannot be deployed as written, and any quorum math
based on the factor is wrong.

Fix: factor = nodes (or add nodes).

Sources: DeCandia et al., "Dynamo: Amazon's Highly Available Key-value Store", SOSP 2007 §4.3,
§4.5; Apache Kafka ` + "`InvalidReplicationFactorException`" + ` and TopicConfig.`,
		Block: func(p *rule.BlockPass) {
			v, ok := cnView(p.Block)
			if !ok {
				return
			}
			factor, span, ok := v.Count("data_replication", "factor")
			nodes, _, _, nodesOK := cnNodes(v)
			if !ok || !nodesOK || factor <= nodes {
				return
			}
			n := strconv.FormatInt(nodes, 10)
			p.Report(span, fmt.Sprintf("cannot place %d replicas on %d nodes", factor, nodes),
				rule.Replace("Set factor to "+n, span, n))
		},
	})
}
