package spring

import (
	"slices"
	"strings"
	"testing"

	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// TestBalancerReadsThroughUpstream: load_balancer is read by
// generators/upstream, as for the proxies: every server becomes a
// host:port URI (port 80 when none is given), an address that is not one is
// dropped with upstream's note, a disabled health check and a cookie name
// that is not a token generate nothing, and what Spring Cloud LoadBalancer
// cannot carry is noted at its DPL span.
func TestBalancerReadsThroughUpstream(t *testing.T) {
	const src = `load_balancer Api {
  strategy: "least_conn"
  servers: ["web1", "[::1]:8443", { host: "10.0.0.3" }, { host: "10.0.0.4", port: 9000, backup: true }, "bad;host"]
  health_check: { enabled: false, path: "/h" }
  session_affinity: { cookie_name: "sid; x" }
  rate_limiting: { requests_per_second: 10 }
}

generate_java Api {
  framework: "spring_boot"
  patterns: ["load_balancer"]
  output: { directory: "java", package: "com.example.api" }
}
`
	idx := gentest.Source("lb.dpl", src)
	res, err := g.Run(Target, g.ServiceNamed(idx, "Api"))
	if err != nil {
		t.Fatal(err)
	}
	var yml string
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, "application.yml") {
			yml = string(f.Content)
		}
	}
	i := strings.Index(yml, "  cloud:\n")
	if i < 0 {
		t.Fatalf("no spring.cloud in application.yml:\n%s", yml)
	}
	wantCloud := `  cloud:
    discovery:
      client:
        simple:
          instances:
            api:
              - uri: http://web1:80
              - uri: http://[::1]:8443
              - uri: http://10.0.0.3:80
              - uri: http://10.0.0.4:9000
`
	if got := yml[i:]; got != wantCloud {
		t.Errorf("spring.cloud:\n%s\nwant:\n%s", got, wantCloud)
	}
	var got []string
	for _, n := range res.Notes {
		got = append(got, src[n.Span.Start:n.Span.End]+" => "+n.String())
	}
	want := []string{
		"Api => spring: Api declares no fault_tolerance block: the client has no policies",
		`"bad;host" => spring: server "bad;host" is not a host name or IP address; not generated`,
		`"sid; x" => spring: cookie name "sid; x" is not an RFC 6265 token; session affinity not generated`,
		`"least_conn" => spring: load_balancer.strategy least_conn has no Spring Cloud LoadBalancer implementation; round robin generated`,
		`"10.0.0.4" => spring: load_balancer.servers max_fails, fail_timeout and backup have no Spring Cloud LoadBalancer equivalent; not generated`,
		"rate_limiting => spring: load_balancer.rate_limiting has no Spring Cloud LoadBalancer equivalent; not generated",
		"Api => spring: no JUnit test generated: without a fallback nothing of the client runs without Spring",
	}
	if !slices.Equal(got, want) {
		t.Errorf("notes (DPL text => note):\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
