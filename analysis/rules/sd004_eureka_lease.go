package rules

import (
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// Eureka's lease defaults: an instance renews every 30s and expires 90s
// after its last renewal.
const (
	sdEurekaRenewal    = 30 * time.Second
	sdEurekaExpiration = 90 * time.Second
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "SD004",
		Severity: rule.Error,
		Title:    "Eureka lease expires before its renewal",
		Doc: `Reports a ` + "`service_discovery`" + ` on Eureka whose lease expiration
(` + "`health_check.deregister_critical_service_after`" + `, Eureka's
` + "`lease-expiration-duration-in-seconds`" + `) is not longer than the renewal period
(` + "`health_check.interval`" + `, ` + "`lease-renewal-interval-in-seconds`" + `). An unwritten side takes
Eureka's default: renew every 30s, expire after 90s.

A lease that expires before the next renewal arrives lets the server evict a healthy instance
between two heartbeats, so instances flap in and out of the registry.

Fix: expiration = 3 × the renewal interval, Eureka's own ratio (the quick fix).

Sources: spring-cloud/spring-cloud-netflix ` + "`EurekaInstanceConfigBean`" + ` (lease renewal 30s,
lease expiration 90s); Netflix/eureka ` + "`EurekaInstanceConfig`" + `.`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraSD)
			if !ok {
				return
			}
			if registry, _ := infraEnum(p, v, "consul", "registry"); registry != "eureka" {
				return
			}
			interval, intervalSpan, hasInterval := v.Duration("health_check", "interval")
			expire, expireSpan, hasExpire := v.Duration("health_check", "deregister_critical_service_after")
			if !hasInterval && !hasExpire {
				return
			}
			if !hasInterval {
				interval = sdEurekaRenewal
			}
			if !hasExpire {
				expire = sdEurekaExpiration
			}
			if expire > interval {
				return
			}
			const msg = "the lease expires before the next renewal (Eureka defaults: renew 30s, expire 90s)"
			want := 3 * interval
			title := "Set deregister_critical_service_after to " + infraDuration(want) + " (3 × interval)"
			if hasExpire {
				p.Report(expireSpan, msg, rule.Replace(title, expireSpan, infraDuration(want)))
				return
			}
			hc := infraObject(v, "health_check")
			p.Report(intervalSpan, msg, rule.BlockFix{Title: title, Edits: []rule.BlockEdit{
				infraInsertMember(p.Block.Text, hc, "deregister_critical_service_after: "+infraDuration(want)),
			}})
		},
	})
}
