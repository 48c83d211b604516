package rules

import (
	"fmt"
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/units"
)

// ZooKeeper negotiates session timeouts into [2, 20] × tickTime; with the
// default tickTime of 2000ms that is 4s–40s.
const (
	lkZooKeeperMinSession = 4 * time.Second
	lkZooKeeperMaxSession = 40 * time.Second
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "LK006",
		Severity: rule.Warning,
		Title:    "ZooKeeper session TTL outside 4s–40s",
		Doc: `Warns when a ` + "`distributed_lock`" + ` with ` + "`provider: \"zookeeper\"`" + ` has a ` + "`ttl`" + ` outside 4s–40s.

A ZooKeeper lock lives as long as the client's session (its ephemeral node). The server
negotiates the requested session timeout into [2, 20] × tickTime, which is 4s–40s with the
default tickTime of 2000ms, so a shorter or longer ttl silently becomes the nearest bound.

Fix: a ttl within 4s–40s (the quick fix clamps it), or change the ensemble's tickTime or
minSessionTimeout/maxSessionTimeout and keep the ttl within them.

Sources: ZooKeeper Administrator's Guide (https://zookeeper.apache.org/doc/current/zookeeperAdmin.html,
tickTime, minSessionTimeout, maxSessionTimeout) and Programmer's Guide, sessions.`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraLock)
			if !ok {
				return
			}
			if provider, _ := infraEnum(p, v, "redis", "provider"); provider != "zookeeper" {
				return
			}
			ttl, span, ok := v.Duration("ttl")
			if !ok || (ttl >= lkZooKeeperMinSession && ttl <= lkZooKeeperMaxSession) {
				return
			}
			clamped := min(max(ttl, lkZooKeeperMinSession), lkZooKeeperMaxSession)
			p.Report(span, fmt.Sprintf("ZooKeeper negotiates session timeouts into 4s–40s; %s becomes %s",
				units.FormatDuration(ttl), units.FormatDuration(clamped)),
				rule.Replace("Set ttl to "+infraDuration(clamped), span, infraDuration(clamped)))
		},
	})
}
