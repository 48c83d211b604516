package rules

import (
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     schema.CodeOutOfRange,
		Severity: rule.Error,
		Title:    "Value outside the range a target accepts",
		Doc: `A value parses but lies outside the hard range of its field: ` + "`failure_threshold: \"0%\"`" + ` or
` + "`\"150%\"`" + `, ` + "`half_open_max_calls: 0`" + `, ` + "`port: 70000`" + `, ` + "`period_seconds: 0`" + `,
` + "`min_availability: 99`" + `. The message names the target that rejects the value:
` + "`failure_threshold must be in (0%, 100%]; Resilience4j rejects 150%`" + `.

**Why.** The generated configuration would fail at start-up: Resilience4j's config builders throw
` + "`IllegalArgumentException`" + ` for these values, Kafka refuses to create the topic, the Kubernetes API
server rejects the object. The ranges are data in the schema, one per field, taken from the
"Defaults and units per block" tables of the rule catalog.

**How to fix.** The quick fix clamps the value to the nearest valid one; for a ratio written as
a percent number (` + "`99`" + ` for availability) it offers ` + "`0.99`" + `.

**Sources.** Resilience4j ` + "`CircuitBreakerConfig`" + `, ` + "`RetryConfig`" + `, ` + "`BulkheadConfig`" + `,
` + "`RateLimiterConfig`" + ` (github.com/resilience4j/resilience4j); Apache Kafka ` + "`ProducerConfig`" + ` and
` + "`TopicConfig`" + ` (github.com/apache/kafka); Kubernetes probe and HPA validation
(https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/,
` + "`pkg/apis/autoscaling/validation`" + `); nginx upstream module
(https://nginx.org/en/docs/http/ngx_http_upstream_module.html); hashicorp/raft ` + "`ValidateConfig`" + `.`,
		Block: func(p *rule.BlockPass) { reportLangValueProblems(p, schema.CodeOutOfRange) },
	})
}
