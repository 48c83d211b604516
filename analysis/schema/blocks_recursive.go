package schema

// This file holds the recursive extensions: multi_level_fault_tolerance,
// dynamic_consistency and adaptive_load_balancer.

// recursiveBlocks returns the recursive extension kinds.
func recursiveBlocks() []*Block {
	return []*Block{multiLevelBlock(), dynamicConsistencyBlock(), adaptiveLBBlock()}
}

// levelPatterns are the resilience patterns a level can hold.
var levelPatterns = enum("retry", "circuit_breaker", "bulkhead", "fallback", "timeout", "rate_limiter")

// levelObject is one level_<n>: a `pattern` discriminator plus the fields
// of every pattern, with Variants saying which belong to which.
func levelObject() *Object {
	o := &Object{Discriminator: "pattern", Variants: map[string][]string{}}
	o.Fields = append(o.Fields, field("pattern", levelPatterns,
		"Pattern applied at this level; the other keys are that pattern's fields.", ex(`"retry"`), required()))
	add := func(variant string, fields []*Field) {
		for _, f := range fields {
			o.Variants[variant] = append(o.Variants[variant], f.Name)
			if _, dup := o.Field(f.Name); !dup {
				o.Fields = append(o.Fields, f)
			}
		}
	}
	add("retry", retryFields())
	add("circuit_breaker", circuitBreakerFields())
	add("bulkhead", bulkheadFields())
	add("fallback", fallbackFields())
	add("timeout", []*Field{field("timeout", posDuration,
		"For a `timeout` level: the time bound of everything inside it (a timeout outside a retry level is a total budget, inside it is per attempt). "+
			"For a `rate_limiter` level: how long a call waits for a permit.",
		ex(`"2s"`))})
	add("rate_limiter", rateLimiterFields())
	return o
}

// multiLevelBlock is the multi_level_fault_tolerance kind.
func multiLevelBlock() *Block {
	return &Block{
		Kind:  "multi_level_fault_tolerance",
		Group: GroupRecursive,
		Doc: "Resilience patterns nested in an explicit order: `level_1` is outermost, higher numbers sit inside it. " +
			"A fallback belongs outermost; a timeout outside a retry bounds the whole call, inside it each attempt.",
		Body: &Object{KeyPatterns: []*KeyPattern{
			pattern(`^level_[0-9]+$`, "level_<n>", field("level_<n>", levelObject(),
				"One resilience layer; levels apply outermost-first in numeric order.", ex(`{ pattern: "retry", max_attempts: 3 }`))),
		}},
	}
}

// dynamicConsistencyBlock is the dynamic_consistency kind.
func dynamicConsistencyBlock() *Block {
	mode := obj(
		field("consistency", consistencyLevels, "Consistency level while this mode is active.", ex(`"strong"`), required()),
		field("performance_priority", boolT, "Favor latency and throughput in this mode.", ex("true")),
		field("availability_priority", boolT, "Favor availability (serve despite failures) in this mode.", ex("true")),
	)
	return &Block{
		Kind:  "dynamic_consistency",
		Group: GroupRecursive,
		Doc:   "Switches a store between consistency modes (`normal_mode`, `high_load_mode`, `failure_mode`, …) by load and error thresholds.",
		Body: &Object{
			Fields: []*Field{field("auto_switch", obj(
				field("enabled", boolT, "Switch modes automatically.", ex("true")),
				field("load_threshold", ratio, "Load (0–1) above which the high-load mode applies.", ex("0.8")),
				field("error_threshold", ratio, "Error rate (0–1) above which the failure mode applies.", ex("0.1")),
			), "When to switch modes.", ex("{ enabled: true }"))},
			KeyPatterns: []*KeyPattern{pattern(`^[A-Za-z][A-Za-z0-9_]*_mode$`, "<name>_mode",
				field("<name>_mode", mode, "One consistency mode; the key must end in `_mode`.", ex(`{ consistency: "eventual" }`)))},
		},
	}
}

// adaptiveLBBlock is the adaptive_load_balancer kind.
func adaptiveLBBlock() *Block {
	return &Block{
		Kind:  "adaptive_load_balancer",
		Group: GroupRecursive,
		Doc:   "A load balancer that picks among several strategies at run time by observed metrics.",
		Body: obj(
			field("strategies", listOf(lbStrategies), "Candidate balancing strategies.", ex(`["round_robin", "least_connections"]`)),
			field("auto_selection", obj(
				field("enabled", boolT, "Choose the strategy automatically.", ex("true")),
				field("metrics", strList, "Signals the choice is based on, e.g. `response_time`, `error_rate`.", ex(`["response_time"]`)),
				field("selection_interval", posDuration, "How often the strategy is re-evaluated.", ex(`"30s"`)),
			), "Automatic strategy selection.", ex("{ enabled: true }")),
			field("health_check", lbHealthCheck(), "Active health checks of the servers.", ex(`{ interval: "10s" }`)),
		),
	}
}
