package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "CN005",
		Severity: rule.Error,
		Title:    "Election timeout under 5× the heartbeat",
		Doc: `Reports a ` + "`consistency`" + ` block whose ` + "`election_timeout`" + ` is above its
` + "`heartbeat_interval`" + ` but less than 5 times it (at or below 1×, CN004 reports instead).

etcd validates the pair at start-up and refuses to run when the election timeout is under five
heartbeat intervals: with so little slack, one or two delayed heartbeats start an election.
When only one of the two is written, the other takes its etcd default (election 1000ms,
heartbeat 100ms), so ` + "`heartbeat_interval: \"500ms\"`" + ` alone is reported against the 1s default.

Fix: election timeout = 10 × heartbeat (etcd's default ratio).

Sources: etcd server/embed/config.go ` + "`Validate`" + ` ("election timeout should be at least 5 times
heartbeat"); etcd tuning guide (https://etcd.io/docs/v3.5/tuning/).`,
		Block: cnTimingRule(func(p *rule.BlockPass, t cnTimingPair) {
			if t.election > t.heartbeat && t.election < 5*t.heartbeat {
				p.Report(t.span(), "etcd refuses to start: election timeout must be at least 5× the heartbeat interval", t.tenfold(p.Block))
			}
		}),
	})
}
