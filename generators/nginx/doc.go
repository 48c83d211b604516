// Package nginx generates nginx (open-source) configuration from a
// service's load_balancer and fault_tolerance blocks: upstream.conf for the
// http context (the upstream with its balancing method, weights,
// max_fails/fail_timeout from the circuit breaker, backup servers,
// max_conns from the bulkhead, keepalive; the limit_req zone; the cache
// for a useCache fallback) and server.conf for a server block (the proxied
// location with proxy_next_upstream_tries = max_attempts, the per-operation
// timeouts, proxy_next_upstream_timeout = total_timeout or the worst case,
// limit_req with 429, and the fallback location).
//
// nginx OSS has no active health checks, no least_time and, before 1.29.6,
// no sticky cookie: those settings become notes and comments, and session
// affinity hashes the cookie instead. Every value that reaches a directive
// is validated (addresses, cookie names) or quoted with nginx's own
// escapes, so a DPL string cannot add a directive; the tests run `nginx -t`
// on every output and start nginx on loopback in front of Go backends.
package nginx
