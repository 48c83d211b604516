package consul

import (
	"strconv"
	"strings"

	g "github.com/dpls-dev/dpls/generators"
)

// checks builds one check per check kind the block declares, in the order
// http, tcp, grpc, script. All share interval, timeout and the
// deregistration delay.
func (s *gen) checks(service string, port int64) []check {
	if !s.view.Has("health_check") {
		return nil
	}
	base := check{}
	if d, _, ok := s.view.Duration("health_check", "interval"); ok {
		base.Interval = g.SingleUnit(d)
	}
	if d, _, ok := s.view.Duration("health_check", "timeout"); ok {
		base.Timeout = g.SingleUnit(d)
	}
	if d, _, ok := s.view.Duration("health_check", "deregister_critical_service_after"); ok {
		base.DeregisterCriticalServiceAfter = g.SingleUnit(d)
		if d < minDeregister {
			s.note("service_discovery.health_check.deregister_critical_service_after "+g.SingleUnit(d)+
				" is below Consul's minimum: Consul deregisters after 1m at the earliest", "health_check", "deregister_critical_service_after")
		}
	}
	var out []check
	add := func(kind string, c check) {
		c.CheckID = service + "-" + kind
		c.Name = service + " " + kind + " check"
		c.Interval, c.Timeout, c.DeregisterCriticalServiceAfter = base.Interval, base.Timeout, base.DeregisterCriticalServiceAfter
		out = append(out, c)
	}
	if v, _, ok := s.view.String("health_check", "http"); ok {
		add("http", check{HTTP: s.httpURL(v, port)})
	}
	if v, _, ok := s.view.String("health_check", "tcp"); ok {
		add("tcp", check{TCP: v})
	}
	if v, _, ok := s.view.String("health_check", "grpc"); ok {
		add("grpc", check{GRPC: v})
	}
	if v, _, ok := s.view.String("health_check", "script"); ok {
		add("script", check{Args: []string{"sh", "-c", v},
			Notes: "Runs only when the agent sets enable_script_checks (HTTP API) or enable_local_script_checks (config files)."})
		s.note("service_discovery.health_check.script runs only on agents that enable script checks "+
			"(enable_script_checks, or enable_local_script_checks for config files)", "health_check", "script")
	}
	if len(out) == 0 {
		s.note("service_discovery.health_check declares no http, tcp, grpc or script target: no check generated", "health_check")
		return nil
	}
	if base.Interval == "" {
		s.note("service_discovery.health_check.interval missing: Consul requires one, "+g.SingleUnit(defaultInterval)+" generated", "health_check")
		for i := range out {
			out[i].Interval = g.SingleUnit(defaultInterval)
		}
	}
	return out
}

// httpURL makes a full URL of a path ("/health"), as Consul requires: the
// agent checks the service on localhost at its port.
func (s *gen) httpURL(v string, port int64) string {
	if !strings.HasPrefix(v, "/") {
		return v
	}
	host := "localhost"
	if port > 0 {
		host += ":" + strconv.FormatInt(port, 10)
	}
	u := "http://" + host + v
	s.note("service_discovery.health_check.http "+strconv.Quote(v)+" is a path; Consul needs a URL: "+u+" generated", "health_check", "http")
	return u
}
