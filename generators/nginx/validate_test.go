package nginx

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

// nginxBin finds Debian's nginx. scripts/setup.sh installs it
// (scripts/apt-packages.txt), so a missing binary fails the test; set
// DPLS_SKIP_MISSING_TOOLS=1 to skip instead on a machine without it.
func nginxBin(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("nginx")
	if err != nil {
		if os.Getenv("DPLS_SKIP_MISSING_TOOLS") != "" {
			t.Skip("nginx is not on PATH (apt-get install nginx)")
		}
		t.Fatal("nginx is not on PATH; scripts/setup.sh installs it (apt package nginx)")
	}
	return p
}

// site is one generated service wrapped in a server block.
type site struct {
	dir  string // nginx/<service>
	port int
}

// fullConfig wraps generated files in a complete nginx.conf under prefix:
// one server block per service, listening on loopback.
func fullConfig(prefix string, sites []site, daemon bool) string {
	var b strings.Builder
	if os.Geteuid() == 0 {
		b.WriteString("user root root;\n")
	}
	if !daemon {
		b.WriteString("daemon off;\n")
	}
	fmt.Fprintf(&b, "worker_processes 1;\npid %s/nginx.pid;\nerror_log %s/error.log;\n", prefix, prefix)
	b.WriteString("events { worker_connections 256; }\nhttp {\n    access_log off;\n")
	for _, d := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		fmt.Fprintf(&b, "    %s_temp_path %s/tmp/%s;\n", d, prefix, d)
	}
	for _, s := range sites {
		fmt.Fprintf(&b, "    include %s;\n", filepath.Join(prefix, s.dir, upstreamFile))
	}
	for _, s := range sites {
		fmt.Fprintf(&b, "    server {\n        listen 127.0.0.1:%d;\n        include %s;\n    }\n", s.port, filepath.Join(prefix, s.dir, serverFile))
	}
	b.WriteString("}\n")
	return b.String()
}

// serverHost matches the host of an upstream `server` line.
var serverHost = regexp.MustCompile(`(?m)^\s+server ([^\s:;]+):\d+`)

// hostNames are the non-IP hosts the upstreams name: nginx resolves them
// when it loads the configuration.
func hostNames(files []generators.File) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		for _, m := range serverHost.FindAllStringSubmatch(string(f.Content), -1) {
			if net.ParseIP(m[1]) == nil && !seen[m[1]] {
				seen[m[1]] = true
				out = append(out, m[1])
			}
		}
	}
	sort.Strings(out)
	return out
}

// command runs nginx with args. When the configuration names host names,
// it runs in a private mount namespace whose /etc/hosts maps them to
// 127.0.0.1, so the check does not depend on the machine's DNS.
func command(t *testing.T, bin, prefix string, hosts []string, args ...string) *exec.Cmd {
	t.Helper()
	if len(hosts) == 0 {
		return exec.Command(bin, args...)
	}
	hostsFile := filepath.Join(prefix, "hosts")
	content := "127.0.0.1 localhost " + strings.Join(hosts, " ") + "\n"
	if err := os.WriteFile(hostsFile, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `mount --bind "$0" /etc/hosts && exec "$@"`
	return exec.Command("unshare", append([]string{"-m", "sh", "-c", script, hostsFile, bin}, args...)...)
}

// writeConfig writes files and the wrapping nginx.conf under a new prefix.
func writeConfig(t *testing.T, files []generators.File, ports map[string]int, daemon bool) (prefix string, sites []site) {
	t.Helper()
	prefix = gentest.WriteTemp(t, files)
	if err := os.MkdirAll(filepath.Join(prefix, "tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	port := 20000
	for _, f := range files {
		if path.Base(f.Path) != upstreamFile {
			continue
		}
		dir := path.Dir(f.Path)
		p, ok := ports[dir]
		if !ok {
			port++
			p = port
		}
		sites = append(sites, site{dir: dir, port: p})
	}
	conf := fullConfig(prefix, sites, daemon)
	if err := os.WriteFile(filepath.Join(prefix, "nginx.conf"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	return prefix, sites
}

// TestNginxAcceptsEveryOutput runs `nginx -t` on the seed's, every
// case's and every proxy case's output, all services of one input in one
// configuration.
func TestNginxAcceptsEveryOutput(t *testing.T) {
	bin := nginxBin(t)
	inputs := cases(t)
	inputs["seed"] = "testdata/seed/*.dpl"
	for name, pattern := range inputs {
		files := gentest.Generated(gentest.Run(t, Target, gentest.Load(t, pattern)))
		if len(files) == 0 {
			continue
		}
		prefix, _ := writeConfig(t, files, nil, true)
		cmd := command(t, bin, prefix, hostNames(files), "-t", "-p", prefix, "-c", filepath.Join(prefix, "nginx.conf"), "-e", filepath.Join(prefix, "error.log"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: nginx -t: %v\n%s", name, err, out)
		}
	}
}

// TestNginxRejects proves nginx -t is the judge: an unknown directive (the
// NGINX Plus health_check) fails the check.
func TestNginxRejects(t *testing.T) {
	bin := nginxBin(t)
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("x.dpl", `load_balancer X { servers: ["127.0.0.1:9"] }`)))
	for i, f := range files {
		if path.Base(f.Path) == serverFile {
			files[i].Content = []byte(strings.Replace(string(f.Content), "proxy_pass", "health_check;\n    proxy_pass", 1))
		}
	}
	prefix, _ := writeConfig(t, files, nil, true)
	out, err := exec.Command(bin, "-t", "-p", prefix, "-c", filepath.Join(prefix, "nginx.conf"), "-e", filepath.Join(prefix, "error.log")).CombinedOutput()
	if err == nil || !strings.Contains(string(out), `unknown directive "health_check"`) {
		t.Fatalf("want an unknown directive error, got %v\n%s", err, out)
	}
}
