package rules

import (
	"strconv"
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "CN006",
		Severity: rule.Warning,
		Title:    "Election timeout under 10× the heartbeat",
		Doc: `Warns when a ` + "`consistency`" + ` block's ` + "`election_timeout`" + ` is at least 5 but less than 10
times its ` + "`heartbeat_interval`" + `.

etcd accepts the pair (CN005 covers under 5×) but its default is 10× (100ms heartbeat, 1000ms
election), and its tuning guide sets the election timeout from the round-trip time with that
margin in mind. With a smaller ratio a single lost heartbeat plus the randomized timeout
spread can start a needless election, and each election makes the cluster unavailable for
writes until a new leader is in place. When only one of the two is written, the other takes
its etcd default.

Fix: election timeout = 10 × heartbeat.

Sources: etcd tuning guide, "Time parameters" (https://etcd.io/docs/v3.5/tuning/); Ongaro &
Ousterhout, "In Search of an Understandable Consensus Algorithm" §5.6
(https://raft.github.io/raft.pdf).`,
		Block: cnTimingRule(func(p *rule.BlockPass, t cnTimingPair) {
			if t.election < 5*t.heartbeat || t.election >= 10*t.heartbeat {
				return
			}
			p.Report(t.span(), "election timeout is only "+cnRatio(t.election, t.heartbeat)+"× the heartbeat (etcd default 10×); a lost heartbeat plus jitter can start an election",
				t.tenfold(p.Block))
		}),
	})
}

// cnRatio writes a/b truncated to one decimal ("6", "7.5"): truncated, so
// a ratio just under 10 never reads as 10.
func cnRatio(a, b time.Duration) string {
	tenths := int64(10 * a / b)
	s := strconv.FormatInt(tenths/10, 10)
	if tenths%10 != 0 {
		s += "." + strconv.FormatInt(tenths%10, 10)
	}
	return s
}
