// Package istio generates Istio traffic policy for a service from its
// `fault_tolerance` and `load_balancer` blocks: a DestinationRule
// (networking.istio.io/v1) and a VirtualService.
//
// The mapping follows the semantics targets.md pins, because Istio counts
// and bounds differently from the DSL:
//
//   - retries.attempts counts retries only, so it is max_attempts − 1;
//     perTryTimeout is the DSL `timeout` (one attempt) and the route
//     timeout is `total_timeout`, or the policy's computed worst case W
//     when none is given, so Istio never cuts a retry the DSL allows.
//   - Istio has no service-wide circuit breaker. A count failure_threshold
//     becomes outlierDetection.consecutive5xxErrors, which ejects single
//     endpoints; the output says so. A percent threshold, windows and the
//     half-open settings have no equivalent and are noted, not guessed.
//   - The bulkhead is connectionPool.http.http2MaxRequests (a concurrency
//     cap); session affinity is a consistent hash on the cookie.
//
// Every DPL setting without an Istio equivalent gets a comment in the file
// and a note. The tests validate the output with Istio's own validation
// package and a strict protobuf decode of each spec.
package istio
