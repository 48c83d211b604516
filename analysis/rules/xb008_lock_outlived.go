package rules

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/analysis/units"
)

// xbDefaultLockTTL is the lease a lock gets when ttl is unset (Redisson's
// watchdog lease, rules.md §3).
const xbDefaultLockTTL = 30 * time.Second

func init() {
	rule.Register(&rule.Rule{
		Code:     "XB008",
		Severity: rule.Warning,
		Title:    "Lock lease shorter than the transaction it guards, without renewal",
		Doc: `Compares a ` + "`distributed_lock`" + `'s ` + "`ttl`" + ` (default 30s) with the ` + "`timeout`" + ` of the
` + "`distributed_transaction`" + ` it guards: the transaction of the same name, or one that lists the
lock's service among its ` + "`participants`" + `. It fires when the lease is shorter and
` + "`auto_renewal`" + ` is off (absent, or ` + "`enabled: false`" + `).

**Why.** A lease lock expires ` + "`ttl`" + ` after it was taken unless the holder renews it. A
transaction that runs longer than the lease keeps working after another client has acquired the
same lock, so two holders modify the guarded data at once. Kleppmann's analysis adds that even a
renewed lease can lapse during a process pause, so writes should carry a fencing token.

**Fix.** Enable ` + "`auto_renewal`" + ` (quick fix when ` + "`enabled: false`" + ` is written) or raise ` + "`ttl`" + `
to the transaction's timeout (quick fix).

**Sources.** Redis, "Distributed Locks with Redis"
(https://redis.io/docs/latest/develop/use/patterns/distributed-locks/); M. Kleppmann, "How to do
distributed locking" (https://martin.kleppmann.com/2016/02/08/how-to-do-distributed-locking.html);
the comparison is derived.`,
		Group: checkXB008,
	})
}

// checkXB008 runs in the transaction's group: the locks it guards are
// those of the same name and those named like a participant, looked up
// through the pass so only an edit of one of them re-runs it.
func checkXB008(p *rule.GroupPass) {
	for _, tx := range p.All("distributed_transaction") {
		tv := typed.Of(tx.Block)
		budget, budgetSpan, ok := tv.Duration("timeout")
		if !ok {
			continue
		}
		for _, lock := range xbGuardedLocks(p, tv) {
			lv := typed.Of(lock.Block)
			if on, _, ok := lv.Bool("auto_renewal", "enabled"); ok && on {
				continue
			}
			ttl, ttlSpan, written := lv.Duration("ttl")
			if !written {
				ttl, ttlSpan = xbDefaultLockTTL, lock.Block.Name.Span
			}
			if ttl >= budget {
				continue
			}
			f := p.Reportf(lock, ttlSpan, "the lock expires after %s while the transaction may run %s",
				units.FormatDuration(ttl), units.FormatDuration(budget))
			f.Relate(tx, budgetSpan, tx.Block.Label()+" may run "+units.FormatDuration(budget))
			if _, span, ok := lv.Bool("auto_renewal", "enabled"); ok {
				f.Fix("Enable auto_renewal", lock, span, "true")
			}
			if written {
				f.Fix("Raise ttl to "+units.FormatDuration(budget), lock, ttlSpan, infraDuration(budget))
			}
		}
	}
}

// xbGuardedLocks returns the locks of the transaction's group, then those
// named like one of its participants, each once.
func xbGuardedLocks(p *rule.GroupPass, tv typed.View) []rule.Ref {
	out := p.All("distributed_lock")
	names, _, _ := tv.Strings("participants")
	for _, n := range names {
		for _, r := range p.Lookup(n) {
			if r.Block.Kind.Text == "distributed_lock" && !xbHasMemo(out, r.Block.Memo) {
				out = append(out, r)
			}
		}
	}
	return out
}
