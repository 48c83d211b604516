package rules

import (
	"fmt"
	"time"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/analysis/units"
)

func init() {
	rule.Register(&rule.Rule{
		Code:     "SD002",
		Severity: rule.Warning,
		Title:    "Registry check timeout not below its interval",
		Doc: `Warns when a ` + "`service_discovery`" + `'s ` + "`health_check.timeout`" + ` is at least its
` + "`health_check.interval`" + `. On Consul (the default registry) an unwritten timeout is Consul's
default: 10s for HTTP, TCP and gRPC checks, 30s when the only probe is a script.

A check that may run as long as the interval is still in flight when the next one is due: the
registry cannot see it fail before starting another, so a hung instance stays "passing" for
longer than the interval suggests. Consul's defaults already exceed short intervals, which is
why a short interval needs an explicit timeout.

Fix: keep the timeout below the interval; the quick fix sets (or adds) half the interval.

Sources: Consul checks configuration reference (hashicorp/consul
` + "`website/content/docs/services/configuration/checks-configuration-reference.mdx`" + `: timeouts
default to 10s, 30s for script checks); AWS Elastic Load Balancing ` + "`CreateTargetGroup`" + `
(timeout must be below the interval).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraSD)
			if !ok {
				return
			}
			interval, intervalSpan, ok := v.Duration("health_check", "interval")
			if !ok {
				return
			}
			half := interval / 2
			title := "Set timeout to " + units.FormatDuration(half) + " (half the interval)"
			timeout, span, written := v.Duration("health_check", "timeout")
			switch {
			case written:
				if timeout >= interval {
					p.Report(span, sdTimeoutMessage(timeout, interval), rule.Replace(title, span, infraDuration(half)))
				}
			case !v.Has("health_check", "timeout"):
				// An invalid timeout is its own finding; an absent one is Consul's default.
				if def, ok := sdConsulDefaultTimeout(p, v); ok && def >= interval {
					p.Report(intervalSpan, sdTimeoutMessage(def, interval), rule.BlockFix{Title: title, Edits: []rule.BlockEdit{
						infraInsertMember(p.Block.Text, infraObject(v, "health_check"), "timeout: "+infraDuration(half)),
					}})
				}
			}
		},
	})
}

// sdTimeoutMessage is SD002's message with the values filled in.
func sdTimeoutMessage(timeout, interval time.Duration) string {
	return fmt.Sprintf("check timeout %s ≥ interval %s: the next check starts before this one can fail",
		units.FormatDuration(timeout), units.FormatDuration(interval))
}

// sdConsulDefaultTimeout is the timeout Consul gives a check that does not
// set one: 10s, or 30s when the only probe is a script. It reports false
// off Consul or without a probe.
func sdConsulDefaultTimeout(p *rule.BlockPass, v typed.View) (time.Duration, bool) {
	if registry, _ := infraEnum(p, v, "consul", "registry"); registry != "consul" {
		return 0, false
	}
	for _, k := range []string{"http", "tcp", "grpc"} {
		if v.Has("health_check", k) {
			return 10 * time.Second, true
		}
	}
	if v.Has("health_check", "script") {
		return 30 * time.Second, true
	}
	return 0, false
}
