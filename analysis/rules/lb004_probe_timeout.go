package rules

import (
	"fmt"
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/units"
)

// lbDefaultProbeInterval is the health-check interval of AWS target
// groups, the reference default (nginx OSS has no active checks).
const lbDefaultProbeInterval = 30 * time.Second

func init() {
	rule.Register(&rule.Rule{
		Code:     "LB004",
		Severity: rule.Warning,
		Title:    "Health-check timeout not below its interval",
		Doc: `Warns when a ` + "`load_balancer`" + `'s ` + "`health_check.timeout`" + ` is at least its
` + "`health_check.interval`" + ` (30s, the AWS target-group default, when only the timeout is
written). An unwritten timeout is not checked: its default differs by target (AWS 6s for HTTP
and 10s for TCP, HAProxy the interval, Envoy none).

A probe that may take as long as the interval is still running when the next one starts, so
probes overlap and a slow server is never seen failing one probe at a time. AWS target groups
reject such a health check outright (the timeout must be smaller than the interval).

Fix: keep the timeout well below the interval; the quick fix sets half the interval.

Sources: AWS Elastic Load Balancing ` + "`CreateTargetGroup`" + ` API reference
(HealthCheckTimeoutSeconds must be less than HealthCheckIntervalSeconds); hashicorp/waypoint#4767.`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraLB)
			if !ok {
				return
			}
			timeout, span, ok := v.Duration("health_check", "timeout")
			if !ok {
				return
			}
			interval, _, ok := v.Duration("health_check", "interval")
			if !ok {
				if v.Has("health_check", "interval") {
					return
				}
				interval = lbDefaultProbeInterval
			}
			if timeout < interval {
				return
			}
			half := interval / 2
			p.Report(span, fmt.Sprintf("probe timeout %s ≥ interval %s: probes overlap (AWS target groups reject this)",
				units.FormatDuration(timeout), units.FormatDuration(interval)),
				rule.Replace("Set timeout to "+units.FormatDuration(half)+" (half the interval)", span, infraDuration(half)))
		},
	})
}
