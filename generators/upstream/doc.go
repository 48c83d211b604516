// Package upstream reads what the proxy targets (nginx, HAProxy, Envoy,
// and the Spring Cloud LoadBalancer config) share from one service: its
// load_balancer block as plain Go values — strategy, servers, active health
// check, session affinity, rate limit — read through analysis/typed, so
// shorthands (`"web1:8080"` is a server of weight 1) mean here what they
// mean in hover and the rules. Duration writes times in the syntax nginx
// and HAProxy share.
//
// It also decides which DPL strings may reach a proxy configuration at
// all. A server address is kept only when it is a host name, an IPv4
// address or a bracketed IPv6 address, and a cookie name only when it is an
// RFC 6265 token: a value holding `;`, `{`, a quote or a newline never gets
// as far as a generator, so it cannot inject a directive in any of the
// three syntaxes. A dropped value becomes a Note at its DPL span.
package upstream
