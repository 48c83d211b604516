// Package gocode generates Go client and handler code for a service's
// `generate_go` block (the draft's go_micro maps here: go-micro is not
// even served by the module proxy) from its `fault_tolerance` block, with
// github.com/failsafe-go/failsafe-go v0.9.8:
//
//   - resilience.go: Config with DefaultConfig holding the DPL values,
//     the retry policy (backoff, jitter, retry_on), circuit breaker,
//     bulkhead, rate limiter, per-attempt and total timeouts, fallback, and
//     a net/http Client whose transport runs them;
//   - handler.go: an http.Handler serving requests through that client;
//   - registry.go: Consul agent registration when service_discovery
//     declares consul;
//   - resilience_test.go / integration_test.go, as generate_tests asks:
//     the breaker driven open and closed, retries counted, the timeout,
//     bulkhead, rate limiter and fallback observed against httptest servers.
//
// Only the DefaultConfig values and the set of tests depend on DPL; the
// policy code is the same for every service. Every DPL string is written as
// a Go literal with strconv.Quote and every note becomes a line comment, so
// nothing from DPL can become code. The tests build the output in a
// temporary module and run go vet and the generated tests.
package gocode
