package grpc

import (
	"encoding/json"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/policy"
	"github.com/dpls-dev/dpls/generators/upstream"
)

// name is the target's name on the command line and in headers.
const name = "grpc"

// configFile is the one file per service.
const configFile = "service_config.json"

// MaxAttempts is grpc-go's cap on retryPolicy.maxAttempts (its default
// WithMaxCallAttempts): larger values are silently lowered to it.
const MaxAttempts = 5

// Target generates gRPC service configs.
var Target = g.Target{
	Name:     name,
	Title:    "gRPC service config",
	Kinds:    []string{"fault_tolerance", "load_balancer"},
	Generate: Generate,
}

// The service config members dpls writes, in the order of grpc's
// service_config.proto.
type (
	serviceConfig struct {
		LoadBalancingConfig []map[string]struct{} `json:"loadBalancingConfig,omitempty"`
		MethodConfig        []methodConfig        `json:"methodConfig,omitempty"`
		HealthCheckConfig   *healthCheckConfig    `json:"healthCheckConfig,omitempty"`
	}
	methodConfig struct {
		Name        []struct{}   `json:"name"`
		Timeout     string       `json:"timeout,omitempty"`
		RetryPolicy *retryPolicy `json:"retryPolicy,omitempty"`
	}
	retryPolicy struct {
		MaxAttempts          int      `json:"maxAttempts"`
		InitialBackoff       string   `json:"initialBackoff"`
		MaxBackoff           string   `json:"maxBackoff"`
		BackoffMultiplier    float64  `json:"backoffMultiplier"`
		RetryableStatusCodes []string `json:"retryableStatusCodes"`
	}
	healthCheckConfig struct {
		ServiceName string `json:"serviceName"`
	}
)

type gen struct {
	svc   g.Service
	lb    upstream.Balancer
	hasLB bool
	ft    policy.Policy
	hasFT bool
	notes []g.Note
	words []string
}

// Generate writes grpc/<service>/service_config.json.
func Generate(svc g.Service) (g.Result, error) {
	kname, err := g.KubeName(svc.Name)
	if err != nil {
		return g.Result{}, fmt.Errorf("naming the config: %w", err)
	}
	s := &gen{svc: svc}
	s.lb, s.hasLB = upstream.Read(name, svc)
	s.ft, s.hasFT = policy.Read(svc)
	var cfg serviceConfig
	var sources []rule.Ref
	if s.hasLB {
		sources = append(sources, s.lb.Ref)
		s.balancer(&cfg)
	}
	if s.hasFT {
		sources = append(sources, s.ft.Ref)
		if mc, ok := s.method(); ok {
			cfg.MethodConfig = []methodConfig{mc}
		}
		s.unsupported()
	}
	if cfg.LoadBalancingConfig == nil && cfg.MethodConfig == nil && cfg.HealthCheckConfig == nil {
		return g.Result{Notes: s.notes}, nil
	}
	body, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return g.Result{}, fmt.Errorf("encoding the service config: %w", err)
	}
	content, err := sealJSON(sources, s.words, body)
	if err != nil {
		return g.Result{}, err
	}
	return g.Result{Files: []g.File{{Path: path.Join(name, kname, configFile), Content: content}}, Notes: s.notes}, nil
}

// policies maps strategies onto the LB policies grpc-go 1.85 registers.
var policies = map[string]string{
	"round_robin": "round_robin", "weighted_round_robin": "weighted_round_robin",
	"least_conn": "least_request_experimental", "least_connections": "least_request_experimental",
	"ip_hash": "ring_hash_experimental", "consistent_hash": "ring_hash_experimental",
	"least_response_time": "least_request_experimental",
}

// policyPackages are the grpc-go packages a client imports to register a
// policy that is not built in.
var policyPackages = map[string]string{
	"least_request_experimental": "google.golang.org/grpc/balancer/leastrequest",
	"ring_hash_experimental":     "google.golang.org/grpc/balancer/ringhash",
	"weighted_round_robin":       "google.golang.org/grpc/balancer/weightedroundrobin",
}

func (s *gen) balancer(cfg *serviceConfig) {
	lb := s.lb
	for _, n := range lb.Notes {
		s.note(n)
	}
	p, ok := policies[lb.Strategy]
	if !ok {
		s.lbNote("strategy "+lb.Strategy+" has no gRPC load-balancing policy; round_robin is used", lb.StrategySpan)
		p = "round_robin"
	}
	switch lb.Strategy {
	case "weighted_round_robin":
		s.lbNote("weighted_round_robin takes weights from the backends' ORCA load reports; the declared weights are not carried", lb.StrategySpan)
	case "ip_hash", "consistent_hash":
		s.lbNote("strategy "+lb.Strategy+": ring_hash_experimental hashes a key set per request (xDS or the request hash attribute), not the client address", lb.StrategySpan)
	case "least_response_time":
		s.lbNote("strategy least_response_time has no gRPC policy; least_request_experimental is used", lb.StrategySpan)
	}
	if pkg, ok := policyPackages[p]; ok {
		s.lbNote("loadBalancingConfig "+p+": the client must import "+pkg+" to register it", lb.StrategySpan)
	}
	cfg.LoadBalancingConfig = []map[string]struct{}{{p: {}}}
	if len(lb.Servers) > 0 {
		s.lbNote("servers: a service config names no backends; the name resolver (DNS, xDS) supplies them", s.lb.Ref.Block.Name.Span)
	}
	if h := lb.Health; h != nil {
		cfg.HealthCheckConfig = &healthCheckConfig{}
		s.lbNote("health_check: clients use the standard grpc.health.v1 service (import google.golang.org/grpc/health); interval, timeout, path and thresholds are the server's to set", h.Span)
	}
	if lb.Affinity != nil {
		s.lbNote("session_affinity has no gRPC service config equivalent; not generated", lb.Affinity.Span)
	}
	if lb.RateLimit != nil {
		s.lbNote("rate_limiting has no gRPC service config equivalent; not generated", lb.RateLimit.Span)
	}
}

// method builds the methodConfig for every method of the channel.
func (s *gen) method() (methodConfig, bool) {
	mc := methodConfig{Name: []struct{}{{}}}
	r := s.ft.Retry
	if s.ft.TotalTimeout > 0 {
		mc.Timeout = g.ProtoDuration(s.ft.TotalTimeout)
		if s.ft.Timeout > 0 {
			s.ftNote("timeout (per attempt) has no service config equivalent: methodConfig.timeout bounds the whole call and is total_timeout", "timeout")
		}
	} else if r != nil && r.Timeout > 0 {
		w := schema.WorstCase(*r)
		mc.Timeout = g.ProtoDuration(w.Total)
		s.ftNote("no total_timeout: methodConfig.timeout (which bounds the whole call) is the retry policy's worst case "+g.ProtoDuration(w.Total), "timeout")
	} else if s.ft.Timeout > 0 {
		mc.Timeout = g.ProtoDuration(s.ft.Timeout)
	}
	if r != nil {
		mc.RetryPolicy = s.retry(*r)
	}
	return mc, mc.Timeout != "" || mc.RetryPolicy != nil
}

// statusCodes are the gRPC status names retryableStatusCodes accepts.
var statusCodes = map[string]bool{
	"CANCELLED": true, "UNKNOWN": true, "INVALID_ARGUMENT": true, "DEADLINE_EXCEEDED": true,
	"NOT_FOUND": true, "ALREADY_EXISTS": true, "PERMISSION_DENIED": true, "RESOURCE_EXHAUSTED": true,
	"FAILED_PRECONDITION": true, "ABORTED": true, "OUT_OF_RANGE": true, "UNIMPLEMENTED": true,
	"INTERNAL": true, "UNAVAILABLE": true, "DATA_LOSS": true, "UNAUTHENTICATED": true,
}

// httpStatus maps HTTP statuses onto the gRPC code a gRPC client sees for
// them (grpc's HTTP-to-gRPC status mapping).
var httpStatus = map[string]string{
	"502": "UNAVAILABLE", "503": "UNAVAILABLE", "504": "UNAVAILABLE", "429": "UNAVAILABLE",
	"unavailable": "UNAVAILABLE",
}

func (s *gen) retry(r schema.RetryPolicy) *retryPolicy {
	if r.MaxAttempts < 2 {
		s.ftNote("retry.max_attempts 1 means no retry: no retryPolicy generated", "retry")
		return nil
	}
	p := &retryPolicy{MaxAttempts: r.MaxAttempts}
	if p.MaxAttempts > MaxAttempts {
		p.MaxAttempts = MaxAttempts
		s.ftNote("retry.max_attempts "+strconv.Itoa(r.MaxAttempts)+" is above the 5 attempts gRPC clients allow; maxAttempts is 5", "retry")
	}
	initial := r.InitialDelay
	if initial <= 0 {
		initial = time.Millisecond
		s.ftNote("retry.initial_delay 0: gRPC needs initialBackoff > 0; 0.001s is used", "retry", "initial_delay")
	}
	p.InitialBackoff = g.ProtoDuration(initial)
	switch r.Backoff {
	case schema.BackoffExponential, schema.BackoffExponentialJitter:
		p.BackoffMultiplier = r.Multiplier
	case schema.BackoffLinear:
		p.BackoffMultiplier = 1
		s.ftNote("retry.backoff linear has no gRPC equivalent (waits grow by a multiplier); backoffMultiplier 1 is used", "retry", "backoff")
	default:
		p.BackoffMultiplier = 1
	}
	maxB := r.MaxDelay
	if maxB <= 0 {
		w := schema.WorstCase(r)
		for _, d := range w.Waits {
			maxB = max(maxB, d)
		}
		maxB = max(maxB, initial)
		s.ftNote("no retry.max_delay: gRPC needs maxBackoff; the policy's longest wait "+g.ProtoDuration(maxB)+" is used", "retry")
	}
	p.MaxBackoff = g.ProtoDuration(maxB)
	if r.Backoff != schema.BackoffExponentialJitter {
		s.ftNote("gRPC always randomizes backoff (a wait is drawn from [0, the current backoff])", "retry", "backoff")
	}
	p.RetryableStatusCodes = s.codes()
	return p
}

// codes are retry_on as gRPC status names; UNAVAILABLE when it is absent
// (gRPC requires a non-empty list).
func (s *gen) codes() []string {
	var out []string
	seen := map[string]bool{}
	for _, st := range s.ft.RetryOn {
		c := strings.ToUpper(st)
		if !statusCodes[c] {
			mapped, ok := httpStatus[strings.ToLower(st)]
			if !ok {
				s.ftNote("retry.retry_on "+strconv.Quote(st)+" is not a gRPC status; not generated", "retry", "retry_on")
				continue
			}
			c = mapped
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		out = []string{"UNAVAILABLE"}
	}
	return out
}

func (s *gen) unsupported() {
	for _, k := range []string{"circuit_breaker", "fallback", "bulkhead", "rate_limiter"} {
		if typed.Of(s.ft.Ref.Block).Has(k) {
			s.ftNote(k+" has no gRPC service config equivalent (use an interceptor, e.g. failsafe-go's failsafegrpc); not generated", k)
		}
	}
}

func (s *gen) note(n g.Note) {
	s.notes = append(s.notes, n)
	s.words = append(s.words, n.Message)
}

func (s *gen) lbNote(msg string, span g.Span) {
	s.note(g.NoteAt(name, s.lb.Ref, span, msg))
}

func (s *gen) ftNote(msg string, path ...string) { s.note(s.ft.Note(name, msg, path...)) }
