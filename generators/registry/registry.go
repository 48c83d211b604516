// Package registry lists every generator target. The CLI, the editor's code
// actions and the tests all read this one list, so a target added here is
// offered everywhere at once.
package registry

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/compose"
	"github.com/dpls-dev/dpls/generators/consul"
	"github.com/dpls-dev/dpls/generators/envoy"
	"github.com/dpls-dev/dpls/generators/etcd"
	"github.com/dpls-dev/dpls/generators/gatewayapi"
	"github.com/dpls-dev/dpls/generators/gocode"
	"github.com/dpls-dev/dpls/generators/grpc"
	"github.com/dpls-dev/dpls/generators/haproxy"
	"github.com/dpls-dev/dpls/generators/istio"
	"github.com/dpls-dev/dpls/generators/kubernetes"
	"github.com/dpls-dev/dpls/generators/nginx"
	"github.com/dpls-dev/dpls/generators/node"
	"github.com/dpls-dev/dpls/generators/prometheus"
	"github.com/dpls-dev/dpls/generators/spring"
)

// targets in the order `dpls generate --list` prints them.
var targets = []generators.Target{
	kubernetes.Target,
	prometheus.Target,
	compose.Target,
	istio.Target,
	gatewayapi.Target,
	consul.Target,
	etcd.Target,
	spring.Target,
	spring.HystrixTarget,
	gocode.Target,
	node.Target,
	grpc.Target,
	nginx.Target,
	haproxy.Target,
	envoy.Target,
}

// All returns every target.
func All() []generators.Target { return append([]generators.Target(nil), targets...) }

// Lookup finds a target by name.
func Lookup(name string) (generators.Target, error) {
	for _, t := range targets {
		if t.Name == name {
			return t, nil
		}
	}
	names := make([]string, len(targets))
	for i, t := range targets {
		names[i] = t.Name
	}
	sort.Strings(names)
	return generators.Target{}, fmt.Errorf("unknown target %q (known: %s, all)", name, strings.Join(names, ", "))
}

// ForKind returns the targets that consume blocks of kind: the generators
// a code lens lists above such a block.
func ForKind(kind string) []generators.Target {
	var out []generators.Target
	for _, t := range targets {
		if t.Consumes(kind) {
			out = append(out, t)
		}
	}
	return out
}

// Output is one target's result for one service.
type Output struct {
	Target  generators.Target
	Service string
	generators.Result
}

// Generate runs the given targets for every service of the workspace they
// apply to, by target then service name. It stops at the first error.
func Generate(idx *rule.Index, ts []generators.Target) ([]Output, error) {
	var out []Output
	for _, t := range ts {
		for _, svc := range generators.Services(idx) {
			if !t.Applies(svc) {
				continue
			}
			res, err := generators.Run(t, svc)
			if err != nil {
				return nil, err
			}
			out = append(out, Output{Target: t, Service: svc.Name, Result: res})
		}
	}
	return out, nil
}

// GenerateFor runs the given targets for one service name (a code action's
// "Generate Kubernetes manifests for OrderService"); targets that do not
// apply are skipped.
func GenerateFor(idx *rule.Index, serviceName string, ts []generators.Target) ([]Output, error) {
	svc := generators.ServiceNamed(idx, serviceName)
	var out []Output
	for _, t := range ts {
		if !t.Applies(svc) {
			continue
		}
		res, err := generators.Run(t, svc)
		if err != nil {
			return nil, err
		}
		out = append(out, Output{Target: t, Service: svc.Name, Result: res})
	}
	return out, nil
}
