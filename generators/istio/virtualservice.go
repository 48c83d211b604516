package istio

import (
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/schema"
	g "github.com/dpls-dev/dpls/generators"
)

// retryOnPolicies are the retryOn values Istio's validation accepts
// besides HTTP status codes: Envoy's x-envoy-retry-on and
// x-envoy-retry-grpc-on policies.
var retryOnPolicies = map[string]bool{
	"5xx": true, "gateway-error": true, "reset": true, "reset-before-request": true,
	"connect-failure": true, "retriable-4xx": true, "refused-stream": true,
	"retriable-status-codes": true, "retriable-headers": true, "envoy-ratelimited": true,
	"http3-post-connect-failure": true, "cancelled": true, "deadline-exceeded": true,
	"internal": true, "resource-exhausted": true, "unavailable": true,
}

// virtualService builds the VirtualService carrying retries and timeouts,
// or nil when the fault_tolerance block declares neither.
func (s *service) virtualService() *yaml.Node {
	b := s.ft
	comments := b.noteUnmapped([]unmapped{
		{[]string{"fallback"}, "a mesh cannot run fallback code or serve a cached answer"},
		{[]string{"rate_limiter"}, "client-side rate limiting belongs in the application; Istio would need an EnvoyFilter"},
		{[]string{"retry", "max_delay"}, "Istio sets only the base interval (retries.backoff); Envoy caps the wait at 10 × base itself"},
		{[]string{"retry", "multiplier"}, "Istio sets only the base interval (retries.backoff); Envoy's growth factor is fixed"},
	})
	if kind, _, ok := b.view.String("retry", "backoff"); ok && kind != string(schema.BackoffFixed) {
		comments = append(comments, b.note("fault_tolerance.retry.backoff "+kind+" has no Istio equivalent: Istio sets only the base interval "+
			"(retry.initial_delay); Envoy always backs off exponentially with full jitter", "retry", "backoff"))
	}
	var route []g.Pair
	route = append(route, g.KV("route", g.Seq(g.Map(g.KV("destination", g.Map(g.KV("host", g.Str(s.host))))))))
	timeout, timeoutComment := s.routeTimeout()
	route = append(route, g.Pair{Key: "timeout", Value: timeout, Comment: timeoutComment})
	retries, c := s.retries()
	if retries == nil && timeout == nil {
		return nil
	}
	route = append(route, g.Pair{Key: "retries", Value: retries, Comment: c})
	spec := g.Map(
		g.KV("hosts", g.Seq(g.Str(s.host))),
		g.KV("http", g.Seq(g.Map(route...))),
	)
	return s.object("VirtualService", spec, comments)
}

// routeTimeout is http[].timeout, the deadline of the whole call:
// total_timeout when set, else the worst case W of the retry policy, else
// the one attempt's timeout when there is no retry.
func (s *service) routeTimeout() (*yaml.Node, string) {
	b := s.ft
	if d, _, ok := b.view.Duration("total_timeout"); ok {
		return durationNode(b, d, "total_timeout")
	}
	if w, ok := facts.WorstCase(b.view); ok {
		msg := "no total_timeout: the worst case of the retry policy, W = " + w.String()
		total := w.Total
		if r := total % time.Millisecond; r != 0 {
			// W is computed, not written: round it up without a note.
			total += time.Millisecond - r
			msg += ", rounded up to whole milliseconds"
		}
		if total < time.Millisecond {
			return nil, ""
		}
		return g.Str(g.SingleUnit(total)), msg
	}
	if d, _, ok := b.view.Duration("timeout"); ok && !b.view.Has("retry") {
		return durationNode(b, d, "timeout")
	}
	return nil, ""
}

// retries is http[].retries: attempts counts retries only.
func (s *service) retries() (*yaml.Node, string) {
	b := s.ft
	p, ok := facts.RetryPolicy(b.view)
	if !ok {
		return nil, ""
	}
	attempts := p.MaxAttempts - 1
	if attempts <= 0 {
		// Istio rejects per-try settings when retries are disabled.
		return g.Map(g.KV("attempts", g.Int(0))), "max_attempts 1: one call, no retry"
	}
	pairs := []g.Pair{{Key: "attempts", Value: g.Int(int64(attempts)),
		Comment: "max_attempts " + strconv.Itoa(p.MaxAttempts) + " counts the first call; Istio counts retries only"}}
	if d, _, ok := b.view.Duration("timeout"); ok {
		node, c := durationNode(b, d, "timeout")
		pairs = append(pairs, g.Pair{Key: "perTryTimeout", Value: node, Comment: c})
	}
	if on, c := s.retryOn(); on != "" || c != "" {
		var node *yaml.Node
		if on != "" {
			node = g.Str(on)
		}
		pairs = append(pairs, g.Pair{Key: "retryOn", Value: node, Comment: c})
	}
	if d, _, ok := b.view.Duration("retry", "initial_delay"); ok {
		node, c := durationNode(b, d, "retry", "initial_delay")
		pairs = append(pairs, g.Pair{Key: "backoff", Value: node, Comment: c})
	}
	return g.Map(pairs...), ""
}

// retryOn joins retry.retry_on in Istio's spelling: gRPC status names in
// lower case with dashes (UNAVAILABLE → unavailable), HTTP codes as they
// are. Names Istio does not know are left out with a note, returned as
// the comment.
func (s *service) retryOn() (string, string) {
	b := s.ft
	names, _, ok := b.view.Strings("retry", "retry_on")
	if !ok {
		return "", ""
	}
	var out, comments []string
	for _, n := range names {
		p := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(n)), "_", "-")
		if code, err := strconv.Atoi(p); err == nil && knownStatus(code) || retryOnPolicies[p] {
			out = append(out, p)
			continue
		}
		comments = append(comments, b.note("fault_tolerance.retry.retry_on "+strconv.Quote(n)+" is not an Istio retryOn policy or HTTP status; left out", "retry", "retry_on"))
	}
	if len(out) == 0 && len(comments) > 0 {
		comments = append(comments, "retryOn left out: Istio's default conditions apply")
	}
	return strings.Join(out, ","), strings.Join(comments, "\n")
}

// durationNode writes d in Go duration syntax. Istio accepts only whole
// milliseconds of at least 1ms: a finer value is rounded up (a deadline
// must not get shorter), a shorter one is not generated.
func durationNode(b *block, d time.Duration, path ...string) (*yaml.Node, string) {
	if d < time.Millisecond {
		return nil, b.note(b.label(path)+" below 1ms not generated: Istio's minimum duration is 1ms", path...)
	}
	if r := d % time.Millisecond; r != 0 {
		up := d - r + time.Millisecond
		return g.Str(g.SingleUnit(up)), b.note(b.label(path)+" rounded up to "+g.SingleUnit(up)+": Istio takes whole milliseconds", path...)
	}
	return g.Str(g.SingleUnit(d)), ""
}

// knownStatus reports whether code is a status Go's net/http names, which
// is the test Istio's validation applies to numeric retryOn entries.
func knownStatus(code int) bool {
	switch {
	case code >= 100 && code <= 103, code >= 200 && code <= 208, code == 226,
		code >= 300 && code <= 305, code == 307, code == 308,
		code >= 400 && code <= 418, code >= 421 && code <= 426, code == 428, code == 429, code == 431, code == 451,
		code >= 500 && code <= 508, code == 510, code == 511:
		return true
	}
	return false
}
