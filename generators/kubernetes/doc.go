// Package kubernetes generates the Kubernetes objects of a service from its
// `deploy_kubernetes` block: a Deployment (apps/v1) with probes, resources
// and a named `http` port, a Service (v1), a HorizontalPodAutoscaler
// (autoscaling/v2) when the block declares one, a PodDisruptionBudget
// (policy/v1), and a ConfigMap carrying the settings of the service's
// pattern blocks (fault_tolerance, load_balancer, …) as environment
// variables the Deployment loads with envFrom.
//
// Names follow RFC 1123 (OrderService → order-service) and every object
// carries the app.kubernetes.io/name label its selectors use. When an HPA
// owns the replica count, the Deployment leaves `replicas` out (GitOps tools
// would otherwise fight the autoscaler) and says so in a comment.
//
// The tests validate every object with the API server's own validation code
// (k8s.io/kubernetes, after defaulting and conversion to the internal
// types), so what this package writes is what a cluster accepts.
package kubernetes
