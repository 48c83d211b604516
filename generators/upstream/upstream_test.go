package upstream

import (
	"reflect"
	"testing"
	"time"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

func TestValidHost(t *testing.T) {
	for h, want := range map[string]bool{
		"10.0.0.1": true, "web1": true, "cart-1.internal": true, "[::1]": true, "[fe80::1%eth0]": false,
		"": false, "a b": false, "evil;proxy_pass": false, "x}\nserver": false, "-a": false, "a..b": false,
		"'q'": false, `"q"`: false, "::1": false, "a/b": false,
	} {
		if got := ValidHost(h); got != want {
			t.Errorf("ValidHost(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestValidCookie(t *testing.T) {
	for c, want := range map[string]bool{
		"session_id": true, "SID-2": true, "": false, "sid; path=/": false, `a"b`: false, "a b": false, "a\nb": false,
	} {
		if got := ValidCookie(c); got != want {
			t.Errorf("ValidCookie(%q) = %v, want %v", c, got, want)
		}
	}
}

// TestRead reads servers in both forms, the health check, affinity and
// rate limit, and drops a server that is not an address with a note.
func TestRead(t *testing.T) {
	idx := gentest.Source("x.dpl", `load_balancer Api {
  strategy: "least_conn"
  servers: ["web1", "10.0.0.2:8080", { host: "10.0.0.3", port: 9000, weight: 2, max_fails: 3, fail_timeout: "5s", backup: true }, "bad;host"]
  health_check: { enabled: true, interval: "5s", path: "/h", expected_status: [200, 204], unhealthy_threshold: 2 }
  session_affinity: { cookie_name: "sid", ttl: "30m" }
  rate_limiting: { enabled: false, requests_per_second: 10 }
}`)
	b, ok := Read("t", generators.ServiceNamed(idx, "Api"))
	if !ok {
		t.Fatal("no load_balancer read")
	}
	wantServers := []Server{
		{Host: "web1", Port: 80, Weight: 1, MaxFails: -1},
		{Host: "10.0.0.2", Port: 8080, Weight: 1, MaxFails: -1},
		{Host: "10.0.0.3", Port: 9000, Weight: 2, MaxFails: 3, FailTimeout: 5 * time.Second, Backup: true},
	}
	for i := range b.Servers {
		b.Servers[i].Span = wantServers[i].Span
	}
	if !reflect.DeepEqual(b.Servers, wantServers) {
		t.Errorf("servers %+v, want %+v", b.Servers, wantServers)
	}
	if b.Strategy != "least_conn" || b.Health == nil || b.Health.Interval != 5*time.Second || b.Health.Path != "/h" ||
		!reflect.DeepEqual(b.Health.Expected, []int{200, 204}) || b.Health.Unhealthy != 2 {
		t.Errorf("strategy %q, health %+v", b.Strategy, b.Health)
	}
	if b.Affinity == nil || b.Affinity.Cookie != "sid" || b.Affinity.TTL != 30*time.Minute {
		t.Errorf("affinity %+v", b.Affinity)
	}
	if b.RateLimit != nil {
		t.Errorf("a disabled rate limit was read: %+v", b.RateLimit)
	}
	if len(b.Notes) != 1 || b.Notes[0].Message != `server "bad;host" is not a host name or IP address; not generated` {
		t.Errorf("notes %v", b.Notes)
	}
}

func TestValidPath(t *testing.T) {
	for p, want := range map[string]bool{
		"/health": true, "/a/b?x=1&y=2": true, "/%20": true, "health": false, "/a b": false,
		"/h\nuri /x": false, "/a;b": false, `/a"b`: false, "/a'b": false, "": false,
	} {
		if got := ValidPath(p); got != want {
			t.Errorf("ValidPath(%q) = %v, want %v", p, got, want)
		}
	}
}
