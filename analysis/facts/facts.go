// Package facts derives the numbers a user cannot see at a glance from one
// block: a retry policy's worst-case time, a cluster's quorum and the
// failures it tolerates. Hover and inlay hints show them; they read values
// through package typed, so defaults and shorthands apply as everywhere.
package facts

import (
	"fmt"
	"time"

	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// RetryPolicy reads the retry policy of a fault_tolerance body (or of a
// multi-level retry level): unset fields take the reference defaults.
// It reports false when the object has no retry.
func RetryPolicy(v typed.View) (schema.RetryPolicy, bool) {
	if !v.Has("retry") {
		return schema.RetryPolicy{}, false
	}
	p := schema.DefaultRetryPolicy()
	if n, _, ok := v.Count("retry", "max_attempts"); ok {
		p.MaxAttempts = int(n)
	}
	if b, _, ok := v.String("retry", "backoff"); ok {
		p.Backoff = schema.Backoff(b)
	}
	if d, _, ok := v.Duration("retry", "initial_delay"); ok {
		p.InitialDelay = d
	}
	if d, _, ok := v.Duration("retry", "max_delay"); ok {
		p.MaxDelay = d
	}
	if m, _, ok := v.Number("retry", "multiplier"); ok {
		p.Multiplier = m
	}
	if d, _, ok := v.Duration("timeout"); ok {
		p.Timeout = d
	}
	if d, _, ok := v.Duration("rate_limiter", "timeout"); ok {
		p.RateLimiterTimeout = d
	}
	return p, true
}

// WorstCase is the worst-case time of a fault_tolerance body's retry
// policy, when it has a retry and a per-attempt timeout (without one, no
// bound exists).
func WorstCase(v typed.View) (schema.WorstCaseBreakdown, bool) {
	p, ok := RetryPolicy(v)
	if !ok || p.Timeout == 0 {
		return schema.WorstCaseBreakdown{}, false
	}
	return schema.WorstCase(p), true
}

// consensus lists the consistency types whose members vote by majority.
var consensus = map[string]bool{"raft": true, "paxos": true, "zab": true, "multi_paxos": true, "epaxos": true}

// Cluster is the quorum arithmetic of a consistency block.
type Cluster struct {
	Nodes, Quorum, Tolerates int
}

// String is the inlay hint's wording: "quorum 3 · tolerates 1".
func (c Cluster) String() string {
	return fmt.Sprintf("quorum %d · tolerates %d", c.Quorum, c.Tolerates)
}

// ClusterOf reads nodes of a consistency body whose type votes by majority
// (raft when the type is unset, the reference default).
func ClusterOf(v typed.View) (Cluster, bool) {
	n, _, ok := v.Count("nodes")
	if !ok || n < 1 {
		return Cluster{}, false
	}
	kind := "raft"
	if t, _, ok := v.String("type"); ok {
		kind = t
	}
	if !consensus[kind] {
		return Cluster{}, false
	}
	return Cluster{Nodes: int(n), Quorum: schema.Quorum(int(n)), Tolerates: schema.FailuresTolerated(int(n))}, true
}

// Timing returns heartbeat and election timeout when both are set, and how
// many heartbeats fit in one election timeout.
func Timing(v typed.View) (heartbeat, election time.Duration, ratio float64, ok bool) {
	h, _, okH := v.Duration("heartbeat_interval")
	e, _, okE := v.Duration("election_timeout")
	if !okH || !okE || h == 0 {
		return 0, 0, 0, false
	}
	return h, e, float64(e) / float64(h), true
}
