package rules

import (
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// lkRedlockMinMasters is the fewest independent masters for which a
// Redlock majority survives the loss of one.
const lkRedlockMinMasters = 3

func init() {
	rule.Register(&rule.Rule{
		Code:     "LK003",
		Severity: rule.Error,
		Title:    "Redlock with fewer than 3 masters",
		Doc: `Reports a ` + "`distributed_lock`" + ` with ` + "`provider: \"redlock\"`" + ` whose ` + "`nodes`" + ` list names fewer than
3 distinct masters (a master listed twice counts once).

Redlock acquires a lock on a majority of N independent Redis masters. With 1 master it is a
plain Redis lock with a single point of failure; with 2 the majority is both, so losing either
blocks every lock. The algorithm's description uses 5 masters, an odd count, so that 2 may fail.

Fix: list 5 independent masters (at least 3).

Sources: Redis, "Distributed Locks with Redis"
(https://redis.io/docs/latest/develop/use/patterns/distributed-locks/); M. Kleppmann, "How to
do distributed locking" (2016).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraLock)
			if !ok {
				return
			}
			if provider, _ := infraEnum(p, v, "redis", "provider"); provider != "redlock" {
				return
			}
			nodes, _, _ := v.Strings("nodes")
			_, span, listed := v.List("nodes")
			if !listed {
				return
			}
			distinct := map[string]bool{}
			for _, n := range nodes {
				distinct[strings.ToLower(n)] = true
			}
			if len(distinct) < lkRedlockMinMasters {
				p.Report(span, "Redlock needs a majority of independent masters: at least 3, normally 5 (an odd count)")
			}
		},
	})
}
