// Package haproxy generates an HAProxy backend section from a service's
// load_balancer and fault_tolerance blocks: balance algorithm, servers
// with weights, backup and maxconn (the bulkhead), retries = max_attempts −
// 1 with retry-on and option redispatch, connect/server/queue timeouts,
// active HTTP health checks, passive mark-down after failure_threshold
// consecutive errors, cookie affinity, a stick-table request-rate limit
// that answers 429, and a static fallback answer when no server is up.
//
// Addresses and cookie names are validated (package upstream) and the
// fallback body is single-quoted with every quote escaped inside the JSON,
// so a DPL string cannot add a keyword or a line; the tests run
// `haproxy -c` on every output and start HAProxy on loopback.
package haproxy
