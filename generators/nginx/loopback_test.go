package nginx

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// backend is a loopback HTTP server that answers its name, or 503 while
// failing, and counts the requests it sees.
type backend struct {
	name    string
	srv     *httptest.Server
	failing atomic.Bool
	hits    atomic.Int64
}

func newBackend(t *testing.T, name string) *backend {
	b := &backend{name: name}
	b.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b.hits.Add(1)
		if b.failing.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, b.name)
	}))
	t.Cleanup(b.srv.Close)
	return b
}

func (b *backend) port() int {
	u, _ := url.Parse(b.srv.URL)
	p, _ := strconv.Atoi(u.Port())
	return p
}

// freePorts asks the kernel for n distinct loopback ports nobody listens
// on; the listeners stay open until all are chosen, so no port repeats.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var out []int
	for i := 0; i < n; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		out = append(out, l.Addr().(*net.TCPAddr).Port)
	}
	return out
}

// startNginx runs nginx in the foreground on the configuration under
// prefix and waits until every site accepts connections.
func startNginx(t *testing.T, prefix string, sites []site) {
	t.Helper()
	cmd := exec.Command(nginxBin(t), "-p", prefix, "-c", filepath.Join(prefix, "nginx.conf"), "-e", filepath.Join(prefix, "error.log"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_, _ = cmd.Process.Wait()
	})
	for _, s := range sites {
		addr := fmt.Sprintf("127.0.0.1:%d", s.port)
		for i := 0; ; i++ {
			c, err := net.Dial("tcp", addr)
			if err == nil {
				c.Close()
				break
			}
			if i == 200 {
				log, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
				t.Fatalf("nginx does not listen on %s: %v\n%s", addr, err, log)
			}
			time.Sleep(25 * time.Millisecond)
		}
	}
}

// get requests path from the site on port and returns status and body.
func get(t *testing.T, port int) (int, string) {
	t.Helper()
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/", port))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// hostileBody would end the quoted return body, add a directive and expand
// nginx variables if it were pasted into the configuration.
const hostileBody = `'; return 500 "x"; } location /admin { \\n $host ${x} '`

// TestNginxLoopback starts nginx with the generated configuration in front
// of three Go backends and checks what the DPL promises: traffic split by
// weight, a failing server's requests retried on the others and the
// server taken out after max_fails, the backup taking over when every
// primary fails, the default response when all fail, and 429s above the
// rate limit.
func TestNginxLoopback(t *testing.T) {
	a, b, c := newBackend(t, "a"), newBackend(t, "b"), newBackend(t, "c")
	limited, broken := newBackend(t, "limited"), newBackend(t, "broken")
	broken.failing.Store(true)
	src := fmt.Sprintf(`load_balancer Shop {
  strategy: "weighted_round_robin"
  servers: [
    { host: "127.0.0.1", port: %d, weight: 3 },
    { host: "127.0.0.1", port: %d, weight: 1, max_fails: 2, fail_timeout: "1h" },
    { host: "127.0.0.1", port: %d, backup: true }
  ]
}
fault_tolerance Shop {
  retry: { max_attempts: 3, retry_on: ["503"] }
  timeout: "5s"
  circuit_breaker: { failure_threshold: 4, reset_timeout: "1h" }
  fallback: { strategy: "returnDefault", default_response: { status: "degraded" } }
}
load_balancer Limited {
  servers: ["127.0.0.1:%d"]
  rate_limiting: { requests_per_second: 1, burst_size: 5 }
}
load_balancer Evil { servers: ["127.0.0.1:%d"] }
fault_tolerance Evil {
  fallback: { strategy: "returnDefault", default_response: { body: %q } }
}`, a.port(), b.port(), c.port(), limited.port(), broken.port(), hostileBody)
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("loop.dpl", src)))
	free := freePorts(t, 3)
	shopPort, limitedPort, evilPort := free[0], free[1], free[2]
	prefix, sites := writeConfig(t, files, map[string]int{"nginx/shop": shopPort, "nginx/limited": limitedPort, "nginx/evil": evilPort}, false)
	startNginx(t, prefix, sites)

	t.Run("weights", func(t *testing.T) {
		seen := map[string]int{}
		for i := 0; i < 40; i++ {
			code, body := get(t, shopPort)
			if code != http.StatusOK {
				t.Fatalf("request %d: status %d", i, code)
			}
			seen[body]++
		}
		if seen["a"] != 30 || seen["b"] != 10 || len(seen) != 2 {
			t.Errorf("weights 3:1 over 40 requests: got %v, want a:30 b:10", seen)
		}
	})
	t.Run("failover", func(t *testing.T) {
		b.failing.Store(true)
		before := b.hits.Load()
		for i := 0; i < 40; i++ {
			if code, body := get(t, shopPort); code != http.StatusOK || body != "a" {
				t.Fatalf("request %d: %d %q, want 200 from a (b's 503 retried)", i, code, body)
			}
		}
		if got := b.hits.Load() - before; got != 2 {
			t.Errorf("failing server b saw %d requests, want 2 (max_fails=2 takes it out)", got)
		}
	})
	t.Run("backup", func(t *testing.T) {
		a.failing.Store(true)
		for i := 0; i < 10; i++ {
			if code, body := get(t, shopPort); code != http.StatusOK || body != "c" {
				t.Fatalf("request %d: %d %q, want 200 from the backup c", i, code, body)
			}
		}
	})
	t.Run("fallback", func(t *testing.T) {
		c.failing.Store(true)
		code, body := get(t, shopPort)
		if code != http.StatusOK || body != `{"status":"degraded"}` {
			t.Errorf("every server failing: %d %q, want the default response", code, body)
		}
	})
	t.Run("hostile default response", func(t *testing.T) {
		code, body := get(t, evilPort)
		var got map[string]string
		if err := json.Unmarshal([]byte(body), &got); err != nil || code != http.StatusOK || got["body"] != hostileBody {
			t.Errorf("got %d %q (%v), want 200 and the body string back unchanged", code, body, err)
		}
	})
	t.Run("rate limit", func(t *testing.T) {
		// rate 1r/s with burst 5: the first 6 requests pass, the 7th,
		// sent well within the second, is rejected.
		var codes []int
		for i := 0; i < 7; i++ {
			code, _ := get(t, limitedPort)
			codes = append(codes, code)
		}
		want := []int{200, 200, 200, 200, 200, 200, 429}
		if fmt.Sprint(codes) != fmt.Sprint(want) {
			t.Errorf("statuses %v, want %v", codes, want)
		}
	})
}
