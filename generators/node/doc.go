// Package node generates an express 5 service protected by opossum 9 (the
// release that runs on Node 20) from a service's `generate_nodejs` and
// `fault_tolerance` blocks: server.js, whose handler calls the breaker
// inside the request handler (the draft's `app.get(path, breaker.fire)`
// throws a TypeError at request time), and server.test.js for `node:test`.
//
// opossum wraps the whole retried call: retries with the DPL backoff and a
// per-attempt timeout run inside the breaker's action, the breaker's own
// timeout bounds the call (total_timeout, or the computed worst case), and
// the breaker counts calls after their retries. opossum has only a failure
// percentage, so a count threshold N becomes volumeThreshold N at 100%.
//
// Every DPL value enters the JavaScript as JSON from encoding/json, which
// is a valid JS literal, and notes become line comments with control
// characters removed, so no DPL string can become code. The tests install
// express and opossum from npm, run the generated tests and drive the
// breaker open and closed against a loopback upstream.
package node
