package policy

import (
	"testing"
	"time"

	"github.com/dpls-dev/dpls/analysis/schema"
	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

func service(t *testing.T, src string) g.Service {
	t.Helper()
	return g.ServiceNamed(gentest.Source("x.dpl", src), "A")
}

func TestReadResolvesShorthandsAndThresholds(t *testing.T) {
	p, ok := Read(service(t, `fault_tolerance A {
  retry: 4
  timeout: "1500ms"
  circuit_breaker: { failure_threshold: "25%", sliding_window: "10s", half_open_state: false }
  fallback: { strategy: "returnDefault", default_response: { b: 1, a: ["x", true] } }
}`))
	if !ok {
		t.Fatal("no policy")
	}
	if p.Retry.MaxAttempts != 4 || p.Retry.Backoff != schema.BackoffFixed || p.Retry.InitialDelay != 500*time.Millisecond {
		t.Errorf("retry = %+v", *p.Retry)
	}
	if p.Timeout != 1500*time.Millisecond {
		t.Errorf("timeout = %v", p.Timeout)
	}
	b := p.Breaker
	if b.Percent != 25 || b.Count != 0 || b.WindowTime != 10*time.Second || !b.NoHalfOpen {
		t.Errorf("breaker = %+v", *b)
	}
	if got := string(p.Fallback.Default); got != `{"b":1,"a":["x",true]}` {
		t.Errorf("default_response = %s", got)
	}
}

func TestWait(t *testing.T) {
	r := schema.RetryPolicy{Backoff: schema.BackoffExponential, InitialDelay: 100 * time.Millisecond, Multiplier: 2, MaxDelay: 300 * time.Millisecond}
	for k, want := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 300 * time.Millisecond} {
		if got := Wait(r, k); got != want {
			t.Errorf("exponential wait %d = %v, want %v", k, got, want)
		}
	}
	r.Backoff = schema.BackoffLinear
	if got := Wait(r, 2); got != 200*time.Millisecond {
		t.Errorf("linear wait 2 = %v", got)
	}
}

func TestSelectTests(t *testing.T) {
	svc := service(t, `generate_tests A { type: "unit", framework: "junit" }
generate_tests A { type: "integration", framework: "testcontainers" }
generate_tests A { type: "load" }`)
	java, jn := SelectTests("spring", svc, Java)
	if !java.Unit || !java.Integration || len(jn) != 1 || jn[0].Message != "generate_tests type load has no spring equivalent; not generated" {
		t.Errorf("java: %+v %v", java, jn)
	}
	goTests, gn := SelectTests("go", svc, Go)
	if goTests.Unit || !goTests.Integration || len(gn) != 2 {
		t.Errorf("go: %+v %v", goTests, gn)
	}
	none, _ := SelectTests("go", service(t, `generate_go A {}`), Go)
	if !none.Unit || none.Integration {
		t.Errorf("without generate_tests: %+v", none)
	}
}
