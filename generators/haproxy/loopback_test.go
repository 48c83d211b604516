package haproxy

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
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

// awaitBody requests the site until it answers 200 with body ("" for any
// JSON object): health checks change what the proxy does asynchronously.
// It fails after 10 seconds, far beyond the checks' 100ms interval.
func awaitBody(t *testing.T, port int, body string) {
	t.Helper()
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(50 * time.Millisecond) {
		code, got := get(t, port)
		if code == http.StatusOK && (got == body || body == "" && len(got) > 0 && got[0] == '{') {
			return
		}
	}
	t.Fatalf("port %d never answered 200 %q", port, body)
}

// hostileBody would end the quoted return string and add keywords if it
// were pasted into the configuration.
const hostileBody = `' if TRUE }` + "\n" + `server x 1.2.3.4:80 # "${HOME}" \'`

// TestHAProxyLoopback starts HAProxy with the generated backends in front
// of Go servers and checks the DPL's promises: traffic split by weight, a
// failing server's 503s retried on another and the server marked down
// after failure_threshold errors, the backup taking over, the default
// response when no server is up, a hostile default response served
// unchanged, and 429s above the rate.
func TestHAProxyLoopback(t *testing.T) {
	a, b, c := newBackend(t, "a"), newBackend(t, "b"), newBackend(t, "c")
	limited, broken := newBackend(t, "limited"), newBackend(t, "broken")
	broken.failing.Store(true)
	src := fmt.Sprintf(`load_balancer Shop {
  health_check: { path: "/", interval: "100ms", timeout: "1s", unhealthy_threshold: 2, healthy_threshold: 1 }
  servers: [
    { host: "127.0.0.1", port: %d, weight: 3 },
    { host: "127.0.0.1", port: %d, weight: 1 },
    { host: "127.0.0.1", port: %d, backup: true }
  ]
}
fault_tolerance Shop {
  retry: { max_attempts: 3, retry_on: ["503"] }
  timeout: "5s"
  circuit_breaker: { failure_threshold: 2 }
  fallback: { strategy: "returnDefault", default_response: { status: "degraded" } }
}
load_balancer Limited {
  servers: ["127.0.0.1:%d"]
  rate_limiting: { requests_per_second: 5 }
}
load_balancer Evil {
  servers: ["127.0.0.1:%d"]
  health_check: { path: "/", interval: "100ms", unhealthy_threshold: 1 }
}
fault_tolerance Evil {
  circuit_breaker: { failure_threshold: 1 }
  fallback: { strategy: "returnDefault", default_response: { body: %q } }
}`, a.port(), b.port(), c.port(), limited.port(), broken.port(), hostileBody)
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("loop.dpl", src)))
	free := freePorts(t, 3)
	ports := map[string]int{"shop": free[0], "limited": free[1], "evil": free[2]}
	args, hosts, dir := writeConfig(t, files, ports)
	cmd := command(t, dir, hosts, append([]string{"-db"}, args...)...)
	logFile, err := os.Create(filepath.Join(dir, "haproxy.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_, _ = cmd.Process.Wait()
	})
	for _, p := range ports {
		for i := 0; ; i++ {
			conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", p))
			if err == nil {
				conn.Close()
				break
			}
			if i == 200 {
				log, _ := os.ReadFile(filepath.Join(dir, "haproxy.log"))
				t.Fatalf("haproxy does not listen on %d: %v\n%s", p, err, log)
			}
			time.Sleep(25 * time.Millisecond)
		}
	}

	t.Run("weights", func(t *testing.T) {
		seen := map[string]int{}
		for i := 0; i < 40; i++ {
			code, body := get(t, ports["shop"])
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
		for i := 0; i < 40; i++ {
			if code, body := get(t, ports["shop"]); code != http.StatusOK || body != "a" {
				t.Fatalf("request %d: %d %q, want 200 from a (b's 503 retried on a)", i, code, body)
			}
		}
	})
	t.Run("backup", func(t *testing.T) {
		a.failing.Store(true)
		// The health checks (every 100ms, down after 2 failures) take
		// a and b out; from then on the backup serves every request.
		awaitBody(t, ports["shop"], "c")
		for i := 0; i < 10; i++ {
			if code, body := get(t, ports["shop"]); code != http.StatusOK || body != "c" {
				t.Fatalf("request %d: %d %q, want 200 from the backup c", i, code, body)
			}
		}
	})
	t.Run("fallback", func(t *testing.T) {
		c.failing.Store(true)
		awaitBody(t, ports["shop"], `{"status":"degraded"}`)
		if code, body := get(t, ports["shop"]); code != http.StatusOK || body != `{"status":"degraded"}` {
			t.Errorf("no server up: %d %q, want the default response", code, body)
		}
	})
	t.Run("hostile default response", func(t *testing.T) {
		awaitBody(t, ports["evil"], "")
		code, body := get(t, ports["evil"])
		var got map[string]string
		if err := json.Unmarshal([]byte(body), &got); err != nil || code != http.StatusOK || got["body"] != hostileBody {
			t.Errorf("got %d %q (%v), want 200 and the body string back unchanged", code, body, err)
		}
	})
	t.Run("rate limit", func(t *testing.T) {
		var codes []int
		for i := 0; i < 6; i++ {
			code, _ := get(t, ports["limited"])
			codes = append(codes, code)
		}
		want := []int{200, 200, 200, 200, 200, 429}
		if fmt.Sprint(codes) != fmt.Sprint(want) {
			t.Errorf("statuses %v, want %v (5 requests per second)", codes, want)
		}
	})
}
