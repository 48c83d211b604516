package schema

import (
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		kind     string
		path     string
		wantName string
		wantType string
	}{
		{"fault_tolerance", "circuit_breaker.failure_threshold", "failure_threshold", "count or percent"},
		{"fault_tolerance", "retry.max_attempts", "max_attempts", "count"},
		{"fault_tolerance", "retry", "retry", "count or object"},
		{"fault_tolerance", "fallback.strategy", "strategy", `"useCache" | "returnEmpty" | "returnDefault" | "failFast" | "custom"`},
		{"fault_tolerance", "fallback.default_response.data", "<key>", "any value"},
		{"load_balancer", "servers.port", "port", "count"},
		{"load_balancer", "servers.2.weight", "weight", "count"},
		{"load_balancer", "servers", "servers", "list of host[:port] or object"},
		{"deploy_kubernetes", "resources.limits.memory", "memory", "Kubernetes quantity"},
		{"metrics", "fault_tolerance.retry_attempts", "<metric>", `"counter" | "gauge" | "histogram" | "summary"`},
		{"alerts", "high_error_rate.condition", "condition", "expression"},
		{"multi_level_fault_tolerance", "level_1.pattern", "pattern", `"retry" | "circuit_breaker" | "bulkhead" | "fallback" | "timeout" | "rate_limiter"`},
		{"multi_level_fault_tolerance", "level_12.failure_threshold", "failure_threshold", "count or percent"},
		{"dynamic_consistency", "high_load_mode.consistency", "consistency", `"strong" | "bounded_staleness" | "session" | "eventual" | "weak"`},
		{"dynamic_consistency", "auto_switch.load_threshold", "load_threshold", "ratio"},
		{"distributed_transaction", "compensation.payment_service", "<participant>", "string"},
		{"message_queue", "producer.acks", "acks", `"0" | "1" | "all"`},
		{"benchmark", "constraints.min_throughput", "min_throughput", "rate"},
	}
	for _, tt := range tests {
		f, ok := Resolve(tt.kind, strings.Split(tt.path, "."))
		if !ok {
			t.Errorf("Resolve(%s, %s) failed", tt.kind, tt.path)
			continue
		}
		if f.Name != tt.wantName || f.Type.String() != tt.wantType {
			t.Errorf("Resolve(%s, %s) = %s : %s; want %s : %s", tt.kind, tt.path, f.Name, f.Type, tt.wantName, tt.wantType)
		}
	}
}

func TestResolveFails(t *testing.T) {
	for _, tt := range []struct{ kind, path string }{
		{"fault_tolerance", "circuit_breaker.failure_treshold"},
		{"fault_tolerance", "timeout.seconds"},
		{"nope", "x"},
		{"multi_level_fault_tolerance", "level_x"},
		{"dynamic_consistency", "normal"},
		{"consistency", "type.raft"},
	} {
		if f, ok := Resolve(tt.kind, strings.Split(tt.path, ".")); ok {
			t.Errorf("Resolve(%s, %s) = %s; want failure", tt.kind, tt.path, f.Name)
		}
	}
	if _, ok := Resolve("fault_tolerance", nil); ok {
		t.Error("empty path resolved")
	}
}

func TestShorthands(t *testing.T) {
	retry, _ := Resolve("fault_tolerance", []string{"retry"})
	if s := retry.Shorthand; s == nil || s.Literal != LitNumber || s.Means != "max_attempts" {
		t.Errorf("retry shorthand = %+v", retry.Shorthand)
	}
	fb, _ := Resolve("fault_tolerance", []string{"fallback"})
	if s := fb.Shorthand; s == nil || s.Literal != LitString || s.Means != "strategy" {
		t.Errorf("fallback shorthand = %+v", fb.Shorthand)
	}
	if _, probs := fb.Check(Str("returnEmpty")); len(probs) != 0 {
		t.Errorf("fallback shorthand value: %+v", probs)
	}
	if _, probs := fb.Check(Str("retunEmpty")); len(probs) == 0 || probs[0].Replacement.Text != "returnEmpty" {
		t.Errorf("fallback shorthand typo: %+v", probs)
	}
	srv, _ := Resolve("load_balancer", []string{"servers"})
	s := srv.Shorthand
	if s == nil || !s.PerElement || s.Means != "host" || s.SplitPort != "port" || s.Implied["weight"] != "1" {
		t.Errorf("servers shorthand = %+v", s)
	}
}

func TestLevelVariants(t *testing.T) {
	lvl, _ := Resolve("multi_level_fault_tolerance", []string{"level_1"})
	o, _ := lvl.Object()
	if o.Discriminator != "pattern" {
		t.Fatalf("discriminator = %q", o.Discriminator)
	}
	cases := []struct {
		variant, key string
		want         bool
	}{
		{"retry", "max_attempts", true},
		{"circuit_breaker", "max_attempts", false},
		{"circuit_breaker", "failure_threshold", true},
		{"bulkhead", "max_concurrent_calls", true},
		{"fallback", "strategy", true},
		{"timeout", "timeout", true},
		{"rate_limiter", "timeout", true},
		{"retry", "pattern", true},
		{"unknown", "anything", true},
	}
	for _, c := range cases {
		if got := o.VariantAllows(c.variant, c.key); got != c.want {
			t.Errorf("VariantAllows(%s, %s) = %v", c.variant, c.key, got)
		}
	}
}

func TestFieldCheckNamesField(t *testing.T) {
	f, _ := Resolve("fault_tolerance", []string{"circuit_breaker", "failure_threshold"})
	_, probs := f.Check(Str("150%"))
	want := "failure_threshold must be in (0%, 100%]; Resilience4j rejects 150%"
	if len(probs) != 1 || probs[0].Message != want || probs[0].Code != CodeOutOfRange {
		t.Errorf("got %+v; want %q", probs, want)
	}
	ha, _ := Resolve("fault_tolerance", []string{"circuit_breaker", "half_open_max_calls"})
	if _, probs := ha.Check(Num("0")); len(probs) != 1 || probs[0].Message != "half_open_max_calls must be ≥ 1; Resilience4j rejects 0" {
		t.Errorf("half_open_max_calls 0: %+v", probs)
	}
	avail, _ := Resolve("verify_fault_tolerance", []string{"constraints", "min_availability"})
	if _, probs := avail.Check(Num("99")); len(probs) != 1 || probs[0].Replacement.Text != "0.99" {
		t.Errorf("min_availability 99: %+v", probs)
	}
	k, ok := ha.Target("resilience4j")
	if !ok || !strings.HasSuffix(k.Key, "permittedNumberOfCallsInHalfOpenState") || k.Default != "10" {
		t.Errorf("target key = %+v", k)
	}
	attempts, _ := Resolve("fault_tolerance", []string{"retry", "max_attempts"})
	if k, _ := attempts.Target("istio"); k.Note != "max_attempts − 1" {
		t.Errorf("istio note = %q", k.Note)
	}
}
