// Package gatewayapi generates a Gateway API HTTPRoute
// (gateway.networking.k8s.io/v1) from a service's `fault_tolerance` block:
// the vendor-neutral form of the timeouts and retries the istio target
// writes as a VirtualService.
//
// The route attaches to the service's own Kubernetes Service (a GAMMA mesh
// route, parentRefs kind Service) and sends traffic back to it.
// timeouts.backendRequest bounds one attempt (the DSL `timeout`) and
// timeouts.request the whole call (`total_timeout`, else the retry
// policy's worst case W). retry.attempts counts retries only, so it is
// max_attempts − 1; retry.codes takes the HTTP status codes of
// retry.retry_on. HTTPRoute retries are in Gateway API's experimental
// channel in v1.6, which the output says.
//
// Durations are written in the GEP-2257 form the CRD's pattern requires
// (at most four parts of h, m, s, ms, each up to five digits). The tests
// validate every route with the CRD's OpenAPI schema and its CEL rules
// through k8s.io/apiextensions-apiserver, and by a strict decode into the
// Go types of sigs.k8s.io/gateway-api.
package gatewayapi
