package rules

import (
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// caCache is what the CA rules read of a distributed_cache block: its
// provider (redis when unset, the reference default), its node list and
// its replication factor (1, the primary alone, when unset).
type caCache struct {
	view     typed.View
	provider string
	// nodes is the number of entries of `nodes`; listed is false when the
	// list is absent (nothing to compare a factor with).
	nodes     int
	nodesSpan model.Span
	listed    bool
	factor    int64
	// factorSpan is set when the factor is written.
	factorSpan model.Span
	hasFactor  bool
}

// caCacheOf reads a distributed_cache block, or reports false for another
// kind.
func caCacheOf(p *rule.BlockPass) (caCache, bool) {
	v, ok := infraView(p, infraCache)
	if !ok {
		return caCache{}, false
	}
	c := caCache{view: v, factor: 1}
	c.provider, _ = infraEnum(p, v, "redis", "provider")
	if elems, span, ok := v.List("nodes"); ok {
		c.nodes, c.nodesSpan, c.listed = len(elems), span, true
	}
	if f, span, ok := v.Count("replication", "factor"); ok {
		c.factor, c.factorSpan, c.hasFactor = f, span, true
	}
	return c, true
}

// isRedis reports a Redis server, standalone or clustered: both lack FIFO
// eviction and key-count caps and read maxmemory the same way.
func (c caCache) isRedis() bool { return c.provider == "redis" || c.provider == "redis_cluster" }
