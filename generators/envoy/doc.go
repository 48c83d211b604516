// Package envoy generates an Envoy v3 configuration (static resources of
// a bootstrap, YAML) from a service's load_balancer and fault_tolerance
// blocks: a listener whose route carries the retry policy (num_retries =
// max_attempts − 1, per_try_timeout = timeout, retry_back_off) and the
// total timeout (total_timeout, or the retry policy's worst case), the
// local rate limit filter (429 above the rate), and a cluster with the
// endpoints (backups at priority 1), lb_policy, outlier_detection for the
// circuit breaker (per host), circuit_breakers thresholds for the bulkhead
// and active health checks. Durations are protobuf JSON ("0.100s").
//
// No Envoy binary is obtainable here, so the tests decode every output into
// go-control-plane's Bootstrap, run its PGV rules (ValidateAll) and unpack
// every typed_config Any to validate it too.
package envoy
