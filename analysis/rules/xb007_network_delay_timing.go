package rules

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/analysis/units"
)

// Reference defaults of consistency timing (rules.md §3: etcd and
// hashicorp/raft), used when a block leaves them out.
const (
	xbDefaultElection  = 1000 * time.Millisecond
	xbDefaultHeartbeat = 100 * time.Millisecond
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "XB007",
		Severity: rule.Warning,
		Title:    "Raft timing too tight for the network delay the verification assumes",
		Doc: `Compares a ` + "`consistency`" + ` block's timing with ` + "`verify_consistency N`" + `'s
` + "`constraints.max_network_delay`" + ` d:

- ` + "`election_timeout`" + ` (default 1000ms) under 10 × d
  (` + "`election timeout 1s is under 10× the 200ms network delay`" + `);
- ` + "`heartbeat_interval`" + ` (default 100ms) under 0.5 × d
  (` + "`heartbeat interval 50ms is under half the 200ms network delay`" + `).

**Why.** etcd's tuning guide sets the heartbeat interval around the round-trip time between
members (0.5–1.5 × RTT) and the election timeout at least 10 × the RTT. With a shorter election
timeout, ordinary delays look like a dead leader: followers start elections, the leader steps down,
and the cluster stops accepting writes while it elects again and again. A heartbeat much shorter
than the delay only adds traffic: heartbeats arrive in bursts, late.

**Fix.** Raise ` + "`election_timeout`" + ` to 10 × the delay (quick fix) and the heartbeat towards the
round-trip time, or verify against the delay the network really has.

**Sources.** etcd tuning guide (https://etcd.io/docs/v3.5/tuning/); Ongaro & Ousterhout, "In Search
of an Understandable Consensus Algorithm", §5.6 timing and availability (https://raft.github.io/raft.pdf).`,
		Group: checkXB007,
	})
}

func checkXB007(p *rule.GroupPass) {
	for _, vc := range p.All("verify_consistency") {
		delay, delaySpan, ok := typed.Of(vc.Block).Duration("constraints", "max_network_delay")
		if !ok || delay <= 0 {
			continue
		}
		for _, c := range p.All("consistency") {
			cv := typed.Of(c.Block)
			if !xbConsensusType(cv) {
				continue
			}
			related := vc.Block.Label() + " assumes " + units.FormatDuration(delay) + " of network delay"
			election, electionSpan, written := cv.Duration("election_timeout")
			if !written {
				election, electionSpan = xbDefaultElection, c.Block.Name.Span
			}
			if election < 10*delay {
				f := p.Reportf(c, electionSpan, "election timeout %s is under 10× the %s network delay",
					units.FormatDuration(election), units.FormatDuration(delay))
				f.Relate(vc, delaySpan, related)
				if written {
					f.Fix("Raise election_timeout to "+units.FormatDuration(10*delay), c, electionSpan, infraDuration(10*delay))
				}
			}
			heartbeat, heartbeatSpan, written := cv.Duration("heartbeat_interval")
			if !written {
				heartbeat, heartbeatSpan = xbDefaultHeartbeat, c.Block.Name.Span
			}
			if 2*heartbeat < delay {
				f := p.Reportf(c, heartbeatSpan, "heartbeat interval %s is under half the %s network delay",
					units.FormatDuration(heartbeat), units.FormatDuration(delay))
				f.Relate(vc, delaySpan, related)
			}
		}
	}
}
