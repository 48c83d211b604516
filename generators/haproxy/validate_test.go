package haproxy

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// haproxyBin finds Debian's haproxy. scripts/setup.sh installs it
// (scripts/apt-packages.txt), so a missing binary fails the test; set
// DPLS_SKIP_MISSING_TOOLS=1 to skip instead on a machine without it.
func haproxyBin(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("haproxy")
	if err != nil {
		if os.Getenv("DPLS_SKIP_MISSING_TOOLS") != "" {
			t.Skip("haproxy is not on PATH (apt-get install haproxy)")
		}
		t.Fatal("haproxy is not on PATH; scripts/setup.sh installs it (apt package haproxy)")
	}
	return p
}

// backendName reads the section name of a generated backend file.
var backendName = regexp.MustCompile(`(?m)^backend (\S+)$`)

// serverHost matches the address of a `server` line.
var serverHost = regexp.MustCompile(`(?m)^\s+server \S+ ([^\s:]+):\d+`)

// writeConfig writes files and a main configuration (global, defaults and
// one loopback frontend per backend) under a new directory; it returns the
// -f arguments and the host names the servers use.
func writeConfig(t *testing.T, files []generators.File, ports map[string]int) (args []string, hosts []string, dir string) {
	t.Helper()
	dir = gentest.WriteTemp(t, files)
	var b strings.Builder
	b.WriteString("global\n    maxconn 256\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n")
	port := 21000
	seen := map[string]bool{}
	var backends []string
	for _, f := range files {
		if path.Base(f.Path) != backendFile {
			continue
		}
		m := backendName.FindStringSubmatch(string(f.Content))
		if m == nil {
			t.Fatalf("%s: no backend section", f.Path)
		}
		p, ok := ports[m[1]]
		if !ok {
			port++
			p = port
		}
		fmt.Fprintf(&b, "frontend f_%s\n    bind 127.0.0.1:%d\n    default_backend %s\n\n", m[1], p, m[1])
		backends = append(backends, filepath.Join(dir, filepath.FromSlash(f.Path)))
		for _, h := range serverHost.FindAllStringSubmatch(string(f.Content), -1) {
			if net.ParseIP(h[1]) == nil && !seen[h[1]] {
				seen[h[1]] = true
				hosts = append(hosts, h[1])
			}
		}
	}
	main := filepath.Join(dir, "main.cfg")
	if err := os.WriteFile(main, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	args = []string{"-f", main}
	for _, be := range backends {
		args = append(args, "-f", be)
	}
	sort.Strings(hosts)
	return args, hosts, dir
}

// command runs haproxy with args; host names the servers use resolve to
// 127.0.0.1 through a private /etc/hosts (a mount namespace), so the check
// does not depend on the machine's DNS.
func command(t *testing.T, dir string, hosts []string, args ...string) *exec.Cmd {
	t.Helper()
	bin := haproxyBin(t)
	if len(hosts) == 0 {
		return exec.Command(bin, args...)
	}
	hostsFile := filepath.Join(dir, "hosts")
	if err := os.WriteFile(hostsFile, []byte("127.0.0.1 localhost "+strings.Join(hosts, " ")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `mount --bind "$0" /etc/hosts && exec "$@"`
	return exec.Command("unshare", append([]string{"-m", "sh", "-c", script, hostsFile, bin}, args...)...)
}

// TestHAProxyAcceptsEveryOutput runs `haproxy -c` on the seed's, every
// case's and every proxy case's backends, each input in one configuration.
func TestHAProxyAcceptsEveryOutput(t *testing.T) {
	inputs := cases(t)
	inputs["seed"] = "testdata/seed/*.dpl"
	for name, pattern := range inputs {
		files := gentest.Generated(gentest.Run(t, Target, gentest.Load(t, pattern)))
		if len(files) == 0 {
			continue
		}
		args, hosts, dir := writeConfig(t, files, nil)
		out, err := command(t, dir, hosts, append([]string{"-c"}, args...)...).CombinedOutput()
		if err != nil || strings.Contains(string(out), "[WARNING]") {
			t.Errorf("%s: haproxy -c: %v\n%s", name, err, out)
		}
	}
}

// TestHAProxyRejects proves haproxy -c is the judge: an unknown balance
// algorithm fails the check.
func TestHAProxyRejects(t *testing.T) {
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("x.dpl", `load_balancer X { servers: ["127.0.0.1:9"] }`)))
	files[0].Content = []byte(strings.Replace(string(files[0].Content), "balance roundrobin", "balance least_conn", 1))
	args, hosts, dir := writeConfig(t, files, nil)
	out, err := command(t, dir, hosts, append([]string{"-c"}, args...)...).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "balance only supports") {
		t.Fatalf("want an unknown algorithm error, got %v\n%s", err, out)
	}
}
