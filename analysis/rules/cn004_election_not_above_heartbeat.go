package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "CN004",
		Severity: rule.Error,
		Title:    "Election timeout not above the heartbeat interval",
		Doc: `Reports a ` + "`consistency`" + ` block whose ` + "`election_timeout`" + ` is less than or equal to its
` + "`heartbeat_interval`" + `.

A follower starts an election when it has heard nothing from the leader for an election
timeout; the leader's heartbeats are what keep it quiet. If the timeout is not longer than the
heartbeat period, followers time out before the next heartbeat arrives and keep deposing a
healthy leader, so the cluster spends its time electing. hashicorp/raft refuses such a
configuration, and the Raft paper requires broadcast time ≪ election timeout. When only one
of the two is written, the other takes its etcd default (election 1000ms, heartbeat 100ms).

Fix: election timeout = 10 × heartbeat (etcd's default ratio).

Sources: hashicorp/raft config.go ` + "`ValidateConfig`" + ` (election timeout must be at least the
heartbeat timeout); Ongaro & Ousterhout, "In Search of an Understandable Consensus Algorithm"
§5.2, §5.6 (https://raft.github.io/raft.pdf).`,
		Block: cnTimingRule(func(p *rule.BlockPass, t cnTimingPair) {
			if t.election <= t.heartbeat {
				p.Report(t.span(), "followers time out before the next heartbeat arrives", t.tenfold(p.Block))
			}
		}),
	})
}
