// Package etcd generates etcd service registration for a `service_discovery`
// block whose registry is etcd. etcd has no service schema, so dpls writes
// the convention targets.md describes as a small Go program
// (go.etcd.io/etcd/client/v3): it grants a lease, puts the instance under
// /services/<name>/<id> bound to that lease with a JSON value, and keeps
// the lease alive until it is stopped, when it revokes it. If the process
// dies, the key vanishes once the lease TTL runs out, which is what a
// registry health check is for.
//
// The lease TTL comes from deregister_critical_service_after (the time a
// dead instance stays listed), else three check intervals. Check targets
// (http, tcp, grpc, script) have no etcd equivalent: the keep-alive of the
// registering process is the health signal. Every such setting is noted in
// a comment at the top of the program and as a note.
//
// Every DPL string enters the program as a Go string literal written by
// strconv.Quote, and the program is formatted by go/format, which also
// proves it parses. The tests build it in a temporary module and run it
// against Debian's etcd server on loopback.
package etcd
