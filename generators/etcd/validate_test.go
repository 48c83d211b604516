package etcd

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// etcdBinary finds Debian's etcd server. CI installs it
// (scripts/apt-packages.txt: etcd-server), so there a missing etcd fails
// the test; elsewhere it skips.
func etcdBinary(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("etcd")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("etcd is not on PATH; scripts/setup.sh installs it (apt package etcd-server)")
		}
		t.Skip("etcd is not on PATH (apt-get install etcd-server)")
	}
	return p
}

// freePort asks the kernel for a free loopback port.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startEtcd runs a one-member etcd on loopback with a temporary data
// directory and returns its client endpoint once it answers.
func startEtcd(t *testing.T) string {
	t.Helper()
	bin := etcdBinary(t)
	client := fmt.Sprintf("http://127.0.0.1:%d", freePort(t))
	peer := fmt.Sprintf("http://127.0.0.1:%d", freePort(t))
	cmd := exec.Command(bin,
		"--name", "dpls-test", "--data-dir", t.TempDir(),
		"--listen-client-urls", client, "--advertise-client-urls", client,
		"--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
		"--initial-cluster", "dpls-test="+peer, "--log-level", "error")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting etcd: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	cli := newClient(t, client)
	eventually(t, 30*time.Second, "etcd to answer", func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, err := cli.Get(ctx, "health")
		return err == nil
	})
	return client
}

func newClient(t *testing.T, endpoint string) *clientv3.Client {
	t.Helper()
	cli, err := clientv3.New(clientv3.Config{Endpoints: []string{endpoint}, DialTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cli.Close() })
	return cli
}

// eventually polls cond until it holds or the generous limit passes; the
// limit only stops a broken test, it asserts nothing about speed.
func eventually(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// buildProgram vets and builds a generated register.go in a temporary
// module. The module takes dpls's own requirements (go.mod and go.sum,
// which pin go.etcd.io/etcd/client/v3 v3.7.3, the version the program
// documents), so the build resolves from the local module cache alone.
func buildProgram(t *testing.T, src []byte) string {
	t.Helper()
	dir := t.TempDir()
	root := gentest.Root(t)
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(gomod), "\n")
	if !strings.HasPrefix(first, "module ") {
		t.Fatalf("go.mod starts with %q", first)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string][]byte{"go.mod": []byte("module example.com/register\n" + rest), "go.sum": sum, "register.go": src} {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "register")
	for _, args := range [][]string{{"vet", "."}, {"build", "-o", bin, "."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return bin
}

// generate runs the target on src and returns its one register.go.
func generate(t *testing.T, src string) []byte {
	t.Helper()
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("reg.dpl", src)))
	if len(files) != 1 {
		t.Fatalf("generated %d files, want 1", len(files))
	}
	return files[0].Content
}

// TestRegistrationLivesAndExpiresWithItsLease builds the generated
// program, runs it against a real etcd, reads the registration back with
// its lease TTL, and then: after SIGTERM the key is revoked; after SIGKILL
// it vanishes when the lease expires.
func TestRegistrationLivesAndExpiresWithItsLease(t *testing.T) {
	endpoint := startEtcd(t)
	bin := buildProgram(t, generate(t, `service_discovery Orders {
  registry: "etcd"
  service_name: "orders"
  service_tags: ["v1", "it's \"quoted\""]
  health_check: { deregister_critical_service_after: "3s" }
  metadata: { zone: "a\nb", x: "`+"`"+`); os.Exit(1) //" }
}`))
	cli := newClient(t, endpoint)

	start := func(id string) *exec.Cmd {
		cmd := exec.Command(bin, "-endpoints", endpoint, "-addr", "127.0.0.1:7000", "-id", id)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
		return cmd
	}
	get := func(key string) (*clientv3.GetResponse, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		return cli.Get(ctx, key)
	}
	registered := func(key string) bool {
		resp, err := get(key)
		return err == nil && len(resp.Kvs) == 1
	}

	// Graceful stop: the program revokes its lease.
	cmd := start("i1")
	eventually(t, 20*time.Second, "the registration", func() bool { return registered("/services/orders/i1") })
	resp, err := get("/services/orders/i1")
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(resp.Kvs[0].Value, &got); err != nil {
		t.Fatal(err)
	}
	want := `{"address":"127.0.0.1:7000","id":"i1","metadata":{"x":"` + "`" + `); os.Exit(1) //","zone":"a\nb"},"name":"orders","tags":["v1","it's \"quoted\""]}`
	if b, _ := json.Marshal(got); string(b) != want {
		t.Errorf("value %s, want %s", b, want)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	ttl, err := cli.TimeToLive(ctx, clientv3.LeaseID(resp.Kvs[0].Lease))
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	if ttl.GrantedTTL != 3 {
		t.Errorf("granted TTL %d s, want 3", ttl.GrantedTTL)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("register after SIGTERM: %v", err)
	}
	if registered("/services/orders/i1") {
		t.Error("the key outlived the revoked lease")
	}

	// Crash: nobody revokes, the lease expires.
	cmd = start("i2")
	eventually(t, 20*time.Second, "the second registration", func() bool { return registered("/services/orders/i2") })
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	eventually(t, 30*time.Second, "the lease to expire", func() bool { return !registered("/services/orders/i2") })
}
