package grpc

import (
	"context"
	"encoding/json"
	"net"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	grpclib "google.golang.org/grpc"
	_ "google.golang.org/grpc/balancer/leastrequest"       // registers least_request_experimental, as an application must
	_ "google.golang.org/grpc/balancer/ringhash"           // registers ring_hash_experimental
	_ "google.golang.org/grpc/balancer/weightedroundrobin" // registers weighted_round_robin
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	_ "google.golang.org/grpc/health" // registers the client health checker healthCheckConfig uses
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// parse hands a config to grpc-go the way an application does; grpc-go
// parses the default service config when the client is created.
func parse(cfg string) error {
	cc, err := grpclib.NewClient("passthrough:///x", grpclib.WithTransportCredentials(insecure.NewCredentials()), grpclib.WithDefaultServiceConfig(cfg))
	if err != nil {
		return err
	}
	return cc.Close()
}

// schemaKeys are the keys of grpc's service_config.proto that dpls may
// write, by JSON path ("" is the top level); "//" keys are dpls's header.
var schemaKeys = map[string][]string{
	"":                                {"loadBalancingConfig", "methodConfig", "healthCheckConfig", "retryThrottling"},
	"methodConfig":                    {"name", "timeout", "retryPolicy", "waitForReady", "maxRequestMessageBytes", "maxResponseMessageBytes"},
	"methodConfig.name":               {"service", "method"},
	"methodConfig.retryPolicy":        {"maxAttempts", "initialBackoff", "maxBackoff", "backoffMultiplier", "retryableStatusCodes"},
	"healthCheckConfig":               {"serviceName"},
	"loadBalancingConfig":             {"pick_first", "round_robin", "weighted_round_robin", "least_request_experimental", "ring_hash_experimental"},
	"loadBalancingConfig.round_robin": {},
	"loadBalancingConfig.pick_first":  {"shuffleAddressList"},
	"loadBalancingConfig.ring_hash_experimental":     {"minRingSize", "maxRingSize"},
	"loadBalancingConfig.least_request_experimental": {"choiceCount"},
	"loadBalancingConfig.weighted_round_robin":       {"enableOobLoadReport", "oobReportingPeriod", "blackoutPeriod", "weightExpirationPeriod", "weightUpdatePeriod", "errorUtilizationPenalty"},
}

// unknownKeys walks a decoded config and returns the keys the schema does
// not have, as paths.
func unknownKeys(v any, at string) []string {
	var out []string
	switch n := v.(type) {
	case map[string]any:
		allowed, known := schemaKeys[at]
		for k, child := range n {
			if at == "" && strings.HasPrefix(k, "//") {
				continue
			}
			ok := false
			for _, a := range allowed {
				ok = ok || a == k
			}
			if !known || !ok {
				out = append(out, strings.TrimPrefix(at+"."+k, "."))
				continue
			}
			out = append(out, unknownKeys(child, strings.TrimPrefix(at+"."+k, "."))...)
		}
	case []any:
		for _, e := range n {
			out = append(out, unknownKeys(e, at)...)
		}
	}
	sort.Strings(out)
	return out
}

func inputs(t *testing.T) map[string][]generators.File {
	out := map[string][]generators.File{}
	all := cases(t)
	all["seed"] = "testdata/seed/*.dpl"
	for name, pattern := range all {
		out[name] = gentest.Generated(gentest.Run(t, Target, gentest.Load(t, pattern)))
	}
	return out
}

// TestGrpcGoAcceptsEveryConfig parses every generated config with grpc-go
// and checks its keys against the service config schema.
func TestGrpcGoAcceptsEveryConfig(t *testing.T) {
	for name, files := range inputs(t) {
		for _, f := range files {
			if err := parse(string(f.Content)); err != nil {
				t.Errorf("%s: %s: %v", name, f.Path, err)
			}
			var v any
			if err := json.Unmarshal(f.Content, &v); err != nil {
				t.Fatalf("%s: %s: %v", name, f.Path, err)
			}
			if bad := unknownKeys(v, ""); len(bad) > 0 {
				t.Errorf("%s: %s: keys outside the service config schema: %v", name, f.Path, bad)
			}
			if got := generators.Inspect(f.Content); got != generators.Intact {
				t.Errorf("%s: %s: header inspects as %v", name, f.Path, got)
			}
		}
	}
}

// TestGrpcGoRejects proves grpc-go is the judge: a Go-style duration is
// refused.
func TestGrpcGoRejects(t *testing.T) {
	err := parse(`{"methodConfig":[{"name":[{}],"timeout":"100ms"}]}`)
	if err == nil || !strings.Contains(err.Error(), "invalid") {
		t.Fatalf("want an invalid config error, got %v", err)
	}
}

// flaky is a health service that fails with UNAVAILABLE until it has
// been called fails times.
type flaky struct {
	healthpb.UnimplementedHealthServer
	fails int64
	calls atomic.Int64
}

func (f *flaky) Check(context.Context, *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	if f.calls.Add(1) <= f.fails {
		return nil, status.Error(codes.Unavailable, "not yet")
	}
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
}

// TestGrpcGoRetries runs a real loopback server that fails twice with
// UNAVAILABLE: a client configured with the generated service config
// (max_attempts 3) succeeds on the third attempt; with max_attempts 2 it
// gives up after two.
func TestGrpcGoRetries(t *testing.T) {
	for _, tc := range []struct {
		attempts string
		code     codes.Code
		calls    int64
	}{{"3", codes.OK, 3}, {"2", codes.Unavailable, 2}} {
		src := `fault_tolerance Api {
  retry: { max_attempts: ` + tc.attempts + `, backoff: "exponential", initial_delay: "10ms", max_delay: "50ms", multiplier: 2.0, retry_on: ["UNAVAILABLE"] }
  timeout: "2s"
}`
		files := gentest.Generated(gentest.Run(t, Target, gentest.Source("api.dpl", src)))
		lis, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		srv := grpclib.NewServer()
		svc := &flaky{fails: 2}
		healthpb.RegisterHealthServer(srv, svc)
		go func() { _ = srv.Serve(lis) }()
		cc, err := grpclib.NewClient("passthrough:///"+lis.Addr().String(),
			grpclib.WithTransportCredentials(insecure.NewCredentials()),
			grpclib.WithDefaultServiceConfig(string(files[0].Content)))
		if err != nil {
			t.Fatal(err)
		}
		_, err = healthpb.NewHealthClient(cc).Check(context.Background(), &healthpb.HealthCheckRequest{})
		if status.Code(err) != tc.code || svc.calls.Load() != tc.calls {
			t.Errorf("max_attempts %s: got %v after %d calls, want %v after %d", tc.attempts, err, svc.calls.Load(), tc.code, tc.calls)
		}
		cc.Close()
		srv.Stop()
	}
}

// TestHeaderDetectsEdits checks that the JSON header works like every
// other dpls header: an edit anywhere, header included, shows.
func TestHeaderDetectsEdits(t *testing.T) {
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("a.dpl", `fault_tolerance A { retry: 3, timeout: "1s" }`)))
	content := string(files[0].Content)
	for _, edit := range []struct{ from, to string }{
		{`"maxAttempts": 3`, `"maxAttempts": 4`},
		{"target: grpc", "target: other"},
	} {
		edited := strings.Replace(content, edit.from, edit.to, 1)
		if edited == content {
			t.Fatalf("%q not found in\n%s", edit.from, content)
		}
		if got := generators.Inspect([]byte(edited)); got != generators.Edited {
			t.Errorf("after replacing %q: %v, want edited", edit.from, got)
		}
	}
}
