package gocode

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/generators/policy"
)

// imports writes an import block.
func imports(b *bytes.Buffer, pkgs ...string) {
	b.WriteString("import (\n")
	for _, p := range pkgs {
		fmt.Fprintf(b, "\t%q\n", p)
	}
	b.WriteString(")\n")
}

// helpers is helpers_test.go, shared by the unit and integration tests.
func (s *gen) helpers() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\n", s.pkg)
	imports(&b, "fmt", "io", "net/http", "net/http/httptest", "sync/atomic", "testing")
	b.WriteString(testHelpersSrc)
	return b.Bytes()
}

// unitTests is resilience_test.go: one test per declared pattern, with the
// expected numbers computed here from DPL so the test pins them.
func (s *gen) unitTests(c config, reg consulReg, hasReg bool) []byte {
	var body bytes.Buffer
	pkgs := map[string]bool{"net/http": true, "net/http/httptest": true, "testing": true, "io": true}
	if c.MaxAttempts >= 2 {
		waits := make([]string, 0, c.MaxAttempts-1)
		for k := 1; k < c.MaxAttempts; k++ {
			waits = append(waits, goDuration(wait(c, k)))
		}
		fmt.Fprintf(&body, testRetrySrc, strings.Join(waits, ", "))
		pkgs["fmt"], pkgs["time"] = true, true
	}
	if c.hasBreaker() {
		n := c.opensAfter()
		fmt.Fprintf(&body, testBreakerSrc, n, n)
		pkgs["errors"], pkgs["time"] = true, true
		pkgs["github.com/failsafe-go/failsafe-go/circuitbreaker"] = true
	}
	if c.Timeout > 0 {
		d := goDuration(c.Timeout)
		fmt.Fprintf(&body, testTimeoutSrc, d, c.Timeout)
		pkgs["errors"], pkgs["sync/atomic"], pkgs["time"] = true, true, true
		pkgs["github.com/failsafe-go/failsafe-go/timeout"] = true
	}
	if c.MaxConcurrent > 0 {
		fmt.Fprintf(&body, testBulkheadSrc, c.MaxConcurrent, c.MaxConcurrent)
		pkgs["errors"], pkgs["sync"] = true, true
		pkgs["github.com/failsafe-go/failsafe-go/bulkhead"] = true
	}
	if c.RateLimit > 0 {
		fmt.Fprintf(&body, testRateLimiterSrc, c.RateLimit, c.RateLimit)
		pkgs["errors"], pkgs["time"] = true, true
		pkgs["github.com/failsafe-go/failsafe-go/ratelimiter"] = true
	}
	switch c.Fallback {
	case "returnDefault":
		q := strconv.Quote(c.FallbackBody)
		fmt.Fprintf(&body, testFallbackStaticSrc, 200, q, 200, q)
	case "returnEmpty":
		fmt.Fprintf(&body, testFallbackStaticSrc, 204, `""`, 204, `""`)
	case "useCache":
		fmt.Fprintf(&body, testFallbackCacheSrc, goDuration(c.CacheTTL), c.CacheTTL)
		pkgs["time"] = true
	}
	body.WriteString(testHandlerSrc)
	if hasReg {
		q := strconv.Quote(reg.Name)
		fmt.Fprintf(&body, testRegistrySrc, q, q)
		pkgs["context"], pkgs["encoding/json"], pkgs["reflect"] = true, true, true
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\n", s.pkg)
	imports(&b, sorted(pkgs)...)
	b.Write(body.Bytes())
	return b.Bytes()
}

// integrationTest is integration_test.go.
func (s *gen) integrationTest() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\n", s.pkg)
	imports(&b, "net", "net/http", "testing", "time")
	b.WriteString(testIntegrationSrc)
	return b.Bytes()
}

// wait is the wait before retry k as DPL defines it (policy.Wait), from
// the generated config, so the test pins the value.
func wait(c config, k int) time.Duration {
	return policy.Wait(schema.RetryPolicy{Backoff: schema.Backoff(c.Backoff), InitialDelay: c.InitialDelay,
		Multiplier: c.Multiplier, MaxDelay: c.MaxDelay}, k)
}

// sorted lists the import paths: standard library first, then modules,
// as gofmt's grouping expects.
func sorted(set map[string]bool) []string {
	var std, mods []string
	for p := range set {
		if strings.Contains(strings.SplitN(p, "/", 2)[0], ".") {
			mods = append(mods, p)
		} else {
			std = append(std, p)
		}
	}
	sort.Strings(std)
	sort.Strings(mods)
	return append(std, mods...)
}
