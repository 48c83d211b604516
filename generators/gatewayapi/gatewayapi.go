package gatewayapi

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// name is the target's name on the command line and in headers.
const name = "gatewayapi"

// Target generates Gateway API HTTPRoutes.
var Target = g.Target{
	Name:     name,
	Title:    "Gateway API HTTPRoute",
	Kinds:    []string{"fault_tolerance"},
	Generate: Generate,
}

// defaultPort is the Service port when no deploy_kubernetes block gives
// one; it is the kubernetes target's default too.
const defaultPort = 8080

// route is one HTTPRoute being built, with its notes.
type route struct {
	ref       rule.Ref
	view      typed.View
	host      string
	namespace string
	port      int64
	notes     []g.Note
}

// Generate writes the HTTPRoute for svc's fault_tolerance block, when it
// declares a timeout or a retry.
func Generate(svc g.Service) (g.Result, error) {
	ref, ok := svc.Block("fault_tolerance")
	if !ok {
		return g.Result{}, nil
	}
	host, err := g.KubeName(svc.Name)
	if err != nil {
		return g.Result{}, fmt.Errorf("naming the route: %w", err)
	}
	r := &route{ref: ref, view: typed.Of(ref.Block), host: host, port: defaultPort}
	portSet := false
	if dk, ok := svc.Block("deploy_kubernetes"); ok {
		v := typed.Of(dk.Block)
		if ns, _, ok := v.String("namespace"); ok {
			r.namespace = ns
		}
		if p, _, ok := v.Count("port"); ok {
			r.port, portSet = p, true
		}
	}
	doc, err := r.httpRoute(portSet)
	if err != nil || doc == nil {
		return g.Result{Notes: r.notes}, err
	}
	f, err := g.YAMLFile(path.Join(name, host, "httproute.yaml"), name, []rule.Ref{ref}, doc)
	if err != nil {
		return g.Result{}, err
	}
	return g.Result{Files: []g.File{f}, Notes: r.notes}, nil
}

// note records msg at the key of path (the block name when absent) and
// returns it for the output's comment.
func (r *route) note(msg string, path ...string) string {
	span := r.ref.Block.Name.Span
	if m, ok := r.view.Member(path...); ok {
		span = m.Key.Span
	}
	r.notes = append(r.notes, g.NoteAt(name, r.ref, span, msg))
	return msg
}

// unmapped are the fault_tolerance settings an HTTPRoute cannot express.
var unmapped = []struct {
	path []string
	why  string
}{
	{[]string{"circuit_breaker"}, "HTTPRoute has no circuit breaking or outlier detection"},
	{[]string{"bulkhead"}, "HTTPRoute has no concurrency limit"},
	{[]string{"fallback"}, "HTTPRoute cannot return a fallback answer"},
	{[]string{"rate_limiter"}, "HTTPRoute has no rate limiting"},
	{[]string{"retry", "max_delay"}, "retry.backoff is a minimum wait; the implementation picks any growth and cap"},
	{[]string{"retry", "multiplier"}, "retry.backoff is a minimum wait; the implementation picks any growth and cap"},
}

func (r *route) httpRoute(portSet bool) (*yaml.Node, error) {
	var comments []string
	for _, u := range unmapped {
		if r.view.Has(u.path...) {
			comments = append(comments, r.note("fault_tolerance."+strings.Join(u.path, ".")+" has no Gateway API equivalent: "+u.why, u.path...))
		}
	}
	timeouts, tc, err := r.timeouts()
	if err != nil {
		return nil, err
	}
	retry, rc, err := r.retry()
	if err != nil {
		return nil, err
	}
	if timeouts == nil && retry == nil {
		return nil, nil
	}
	if !portSet {
		comments = append(comments, r.note("no deploy_kubernetes port: the route sends to Service port "+strconv.Itoa(defaultPort)+", the kubernetes target's default"))
	}
	backend := g.Map(g.KV("name", g.Str(r.host)), g.KV("port", g.Int(r.port)))
	rule := g.Map(
		g.KV("backendRefs", g.Seq(backend)),
		g.Pair{Key: "timeouts", Value: timeouts, Comment: tc},
		g.Pair{Key: "retry", Value: retry, Comment: rc},
	)
	var ns *yaml.Node
	if r.namespace != "" {
		ns = g.Str(r.namespace)
	}
	spec := g.Map(
		g.Pair{Key: "parentRefs", Value: g.Seq(g.Map(
			g.KV("group", g.Str("")),
			g.KV("kind", g.Str("Service")),
			g.KV("name", g.Str(r.host)),
		)), Comment: "attached to the Service itself: a mesh (GAMMA) route for calls to " + r.host},
		g.KV("rules", g.Seq(rule)),
	)
	return g.Map(
		g.KV("apiVersion", g.Str("gateway.networking.k8s.io/v1")),
		g.KV("kind", g.Str("HTTPRoute")),
		g.KV("metadata", g.Map(
			g.KV("name", g.Str(r.host)),
			g.KV("namespace", ns),
			g.KV("labels", g.Map(
				g.KV("app.kubernetes.io/name", g.Str(r.host)),
				g.KV("app.kubernetes.io/managed-by", g.Str("dpls")),
			)),
		)),
		g.Pair{Key: "spec", Value: spec, Comment: strings.Join(comments, "\n")},
	), nil
}

// timeouts is rules[].timeouts: request bounds the whole call,
// backendRequest one attempt.
func (r *route) timeouts() (*yaml.Node, string, error) {
	var pairs []g.Pair
	var comments []string
	total, totalWhy := time.Duration(0), ""
	if d, _, ok := r.view.Duration("total_timeout"); ok {
		total = d
	} else if w, ok := facts.WorstCase(r.view); ok {
		total, totalWhy = w.Total, "no total_timeout: the worst case of the retry policy, W = "+w.String()
	} else if d, _, ok := r.view.Duration("timeout"); ok && !r.view.Has("retry") {
		total = d
	}
	if total > 0 {
		s, err := r.duration(total, "total_timeout")
		if err != nil {
			return nil, "", err
		}
		pairs = append(pairs, g.Pair{Key: "request", Value: g.Str(s), Comment: totalWhy})
	}
	if d, _, ok := r.view.Duration("timeout"); ok && r.view.Has("retry") {
		if total > 0 && d > total {
			comments = append(comments, r.note("fault_tolerance.timeout "+g.SingleUnit(d)+" exceeds total_timeout: backendRequest not generated, "+
				"Gateway API requires it to be no more than the request timeout", "timeout"))
		} else {
			s, err := r.duration(d, "timeout")
			if err != nil {
				return nil, "", err
			}
			pairs = append(pairs, g.KV("backendRequest", g.Str(s)))
		}
	}
	if len(pairs) == 0 {
		return nil, strings.Join(comments, "\n"), nil
	}
	return g.Map(pairs...), strings.Join(comments, "\n"), nil
}

// retry is rules[].retry: attempts counts retries only.
func (r *route) retry() (*yaml.Node, string, error) {
	p, ok := facts.RetryPolicy(r.view)
	if !ok {
		return nil, "", nil
	}
	comments := []string{"HTTPRoute retry is in Gateway API's experimental channel (v1.6): install the experimental CRDs"}
	if kind, _, ok := r.view.String("retry", "backoff"); ok && kind != "fixed" {
		comments = append(comments, r.note("fault_tolerance.retry.backoff "+kind+" has no Gateway API equivalent: retry.backoff is only the minimum wait", "retry", "backoff"))
	}
	if p.MaxAttempts <= 1 {
		r.note("fault_tolerance.retry.max_attempts 1 has no Gateway API equivalent: retry.attempts is at least 1, and an unset retry is implementation-specific", "retry")
		return nil, "", nil
	}
	pairs := []g.Pair{{Key: "attempts", Value: g.Int(int64(p.MaxAttempts - 1)),
		Comment: "max_attempts " + strconv.Itoa(p.MaxAttempts) + " counts the first call; Gateway API counts retries only"}}
	if codes, c := r.codes(); codes != nil || c != "" {
		pairs = append(pairs, g.Pair{Key: "codes", Value: codes, Comment: c})
	}
	if d, _, ok := r.view.Duration("retry", "initial_delay"); ok {
		s, err := r.duration(d, "retry", "initial_delay")
		if err != nil {
			return nil, "", err
		}
		pairs = append(pairs, g.KV("backoff", g.Str(s)))
	}
	return g.Map(pairs...), strings.Join(comments, "\n"), nil
}

// codes takes the HTTP status codes (400–599) of retry.retry_on; other
// conditions are noted.
func (r *route) codes() (*yaml.Node, string) {
	names, _, ok := r.view.Strings("retry", "retry_on")
	if !ok {
		return nil, ""
	}
	var items []*yaml.Node
	var comments []string
	seen := map[int]bool{}
	for _, n := range names {
		c, err := strconv.Atoi(strings.TrimSpace(n))
		if err != nil || c < 400 || c > 599 {
			comments = append(comments, r.note("fault_tolerance.retry.retry_on "+strconv.Quote(n)+" is not an HTTP status 400–599; "+
				"Gateway API retries only on codes (and connection errors)", "retry", "retry_on"))
			continue
		}
		if !seen[c] {
			seen[c] = true
			items = append(items, g.Int(int64(c)))
		}
	}
	if len(items) == 0 {
		return nil, strings.Join(comments, "\n")
	}
	return g.Seq(items...), strings.Join(comments, "\n")
}

// duration writes d in GEP-2257 form, noting a rounding.
func (r *route) duration(d time.Duration, path ...string) (string, error) {
	s, rounded, err := gepDuration(d)
	if err != nil {
		return "", fmt.Errorf("fault_tolerance.%s: %w", strings.Join(path, "."), err)
	}
	if rounded {
		r.note("fault_tolerance."+strings.Join(path, ".")+" rounded up to "+s+": Gateway API durations are whole milliseconds", path...)
	}
	return s, nil
}
