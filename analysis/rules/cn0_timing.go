package rules

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// Shared reading of the Raft timing pair for CN004–CN006. When only one of
// election_timeout and heartbeat_interval is written, the other takes its
// etcd default (rules.md §3: election 1000ms, heartbeat 100ms), since that
// is what the cluster will run with.

const (
	cnDefaultElection  = time.Second
	cnDefaultHeartbeat = 100 * time.Millisecond
)

// cnTimingPair is a block's election timeout and heartbeat interval.
type cnTimingPair struct {
	election, heartbeat         time.Duration
	electionSpan, heartbeatSpan model.Span
	electionSet, heartbeatSet   bool
}

// cnTiming reads the pair; ok is false when neither is written or a
// written one does not parse (GEN001 reports that).
func cnTiming(v typed.View) (cnTimingPair, bool) {
	t := cnTimingPair{election: cnDefaultElection, heartbeat: cnDefaultHeartbeat}
	t.electionSet, t.heartbeatSet = v.Has("election_timeout"), v.Has("heartbeat_interval")
	if !t.electionSet && !t.heartbeatSet {
		return t, false
	}
	if t.electionSet {
		var ok bool
		if t.election, t.electionSpan, ok = v.Duration("election_timeout"); !ok {
			return t, false
		}
	}
	if t.heartbeatSet {
		var ok bool
		if t.heartbeat, t.heartbeatSpan, ok = v.Duration("heartbeat_interval"); !ok {
			return t, false
		}
	}
	return t, t.heartbeat > 0
}

// span is where a timing finding goes: the election timeout when written,
// else the heartbeat that made the default election timeout too short.
func (t cnTimingPair) span() model.Span {
	if t.electionSet {
		return t.electionSpan
	}
	return t.heartbeatSpan
}

// tenfold is the fix every timing rule proposes: election timeout = 10 ×
// heartbeat (etcd's default ratio), replacing the written value or adding
// the member.
func (t cnTimingPair) tenfold(b *model.Block) rule.BlockFix {
	text := infraDuration(10 * t.heartbeat)
	title := "Set election_timeout to " + text
	if t.electionSet {
		return rule.Replace(title, t.electionSpan, text)
	}
	return rule.BlockFix{Title: title, Edits: []rule.BlockEdit{ftInsertMember(b.Text, b.Body, "election_timeout: "+text)}}
}

// cnTimingRule runs check on every consistency block with a readable
// timing pair.
func cnTimingRule(check func(p *rule.BlockPass, t cnTimingPair)) func(p *rule.BlockPass) {
	return func(p *rule.BlockPass) {
		v, ok := cnView(p.Block)
		if !ok {
			return
		}
		if t, ok := cnTiming(v); ok {
			check(p, t)
		}
	}
}
