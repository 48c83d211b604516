package rules

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// lkDefaultTTL is the lease a lock gets without `ttl`: Redisson's watchdog
// lease (lockWatchdogTimeout = 30s).
const lkDefaultTTL = 30 * time.Second

// lkRenewal is a lock's lease and renewal period, as LK001 and LK002 read
// them.
type lkRenewal struct {
	ttl      time.Duration
	interval time.Duration
	span     model.Span // of auto_renewal.interval
}

// lkRenewalOf reads the renewal of a distributed_lock body. It reports
// false when no interval is written or renewal is switched off
// (`enabled: false`): then nothing renews and the interval is moot.
func lkRenewalOf(v typed.View) (lkRenewal, bool) {
	interval, span, ok := v.Duration("auto_renewal", "interval")
	if !ok {
		return lkRenewal{}, false
	}
	if on, _, set := v.Bool("auto_renewal", "enabled"); set && !on {
		return lkRenewal{}, false
	}
	ttl, _, ok := v.Duration("ttl")
	if !ok {
		ttl = lkDefaultTTL
	}
	return lkRenewal{ttl: ttl, interval: interval, span: span}, true
}

// fix sets the interval to a third of the lease, Redisson's ratio.
func (r lkRenewal) fix() rule.BlockFix {
	third := r.ttl / 3
	return rule.Replace("Set interval to "+infraDuration(third)+" (ttl / 3)", r.span, infraDuration(third))
}
