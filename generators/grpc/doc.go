// Package grpc generates a gRPC service config (JSON) from a service's
// fault_tolerance and load_balancer blocks: a methodConfig for every method
// of the channel with retryPolicy (maxAttempts = max_attempts, capped at 5
// as gRPC clients cap it; initialBackoff, maxBackoff, backoffMultiplier;
// retryableStatusCodes) and timeout (total_timeout, or the retry policy's
// worst case: the service config's timeout bounds the whole call), a
// loadBalancingConfig from the strategy and healthCheckConfig when health
// checks are declared. Durations are in protobuf JSON form ("0.100s");
// "100ms" would be rejected.
//
// JSON has no comments, so the dpls header, the content hash and the notes
// are members whose keys start with "//", which gRPC ignores. The tests
// parse every output with grpc-go itself, check every key against the
// service config schema (grpc-go ignores unknown keys silently), and drive
// a real loopback server that fails twice with UNAVAILABLE.
//
// gRPC's service config has no circuit breaker, fallback, bulkhead or
// static server list; those settings become notes.
package grpc
