package spring

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/rule"
	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/upstream"
)

// balancer is a load_balancer block as Spring Cloud LoadBalancer takes it.
type balancer struct {
	ref       rule.Ref
	serviceID string
	strategy  string
	instances []string // http://host:port URIs for SimpleDiscoveryClient
	hcPath    string
	hcEvery   string
	cookie    string
}

// readBalancer reads load_balancer through generators/upstream, the reader
// the proxy targets use, so a server, health check or cookie name means
// here what it means there and a value upstream refuses (a host that is
// not a host, a path that is not a path) is dropped with its note here too.
// Strategies Spring Cloud LoadBalancer does not have get a note and its
// default round robin.
func (s *gen) readBalancer() *balancer {
	lb, ok := upstream.Read(s.target, s.svc)
	if !ok {
		return nil
	}
	s.sources = append(s.sources, lb.Ref)
	for _, n := range lb.Notes {
		s.notes = append(s.notes, n)
		s.comments = append(s.comments, n.Message)
	}
	id, err := g.KubeName(s.svc.Name)
	if err != nil {
		id = strings.ToLower(s.class)
	}
	b := &balancer{ref: lb.Ref, serviceID: id, strategy: "round_robin"}
	switch lb.Strategy {
	case "round_robin", "random", "weighted_round_robin":
		b.strategy = lb.Strategy
	default:
		s.note(lb.Ref, lb.StrategySpan, "load_balancer.strategy "+lb.Strategy+" has no Spring Cloud LoadBalancer implementation; round robin generated")
	}
	for _, srv := range lb.Servers {
		b.instances = append(b.instances, "http://"+srv.Address())
		if srv.Backup || srv.MaxFails >= 0 || srv.FailTimeout > 0 {
			s.note(lb.Ref, srv.Span, "load_balancer.servers max_fails, fail_timeout and backup have no Spring Cloud LoadBalancer equivalent; not generated")
		}
	}
	if h := lb.Health; h != nil {
		b.hcPath = h.Path
		if h.Interval > 0 {
			b.hcEvery = g.SingleUnit(h.Interval)
		}
	}
	if a := lb.Affinity; a != nil {
		b.cookie = a.Cookie
	}
	if r := lb.RateLimit; r != nil {
		s.note(lb.Ref, r.Span, "load_balancer.rate_limiting has no Spring Cloud LoadBalancer equivalent; not generated")
	}
	return b
}

// yaml is the spring.cloud.* part of application.yml.
func (b *balancer) yaml() *yaml.Node {
	var lb []g.Pair
	var configs []string
	if b.hcPath != "" || b.hcEvery != "" {
		configs = append(configs, "health-check")
		var hc []g.Pair
		if b.hcEvery != "" {
			hc = append(hc, g.KV("interval", g.Str(b.hcEvery)))
		}
		if b.hcPath != "" {
			hc = append(hc, g.KV("path", g.Map(g.KV(b.serviceID, g.Str(b.hcPath)))))
		}
		lb = append(lb, g.KV("health-check", g.Map(hc...)))
	}
	if b.strategy == "weighted_round_robin" {
		configs = append(configs, "weighted")
	}
	if b.cookie != "" {
		configs = append(configs, "request-based-sticky-session")
		lb = append(lb, g.KV("sticky-session", g.Map(g.KV("instance-id-cookie-name", g.Str(b.cookie)), g.KV("add-service-instance-cookie", g.Bool(true)))))
	}
	if len(configs) > 0 {
		lb = append([]g.Pair{g.KV("configurations", g.Str(strings.Join(configs, ",")))}, lb...)
	}
	cloud := []g.Pair{}
	if len(lb) > 0 {
		cloud = append(cloud, g.KV("loadbalancer", g.Map(lb...)))
	}
	if len(b.instances) > 0 {
		items := make([]*yaml.Node, len(b.instances))
		for i, u := range b.instances {
			items[i] = g.Map(g.KV("uri", g.Str(u)))
		}
		cloud = append(cloud, g.KV("discovery", g.Map(g.KV("client", g.Map(g.KV("simple", g.Map(g.KV("instances", g.Map(g.KV(b.serviceID, g.Seq(items...)))))))))))
	}
	return g.Map(g.KV("cloud", g.Map(cloud...)))
}

// source is <Name>LoadBalancerConfig.java: a load-balanced RestClient
// builder for the service id and, for random, the RandomLoadBalancer bean.
func (b *balancer) source(s *gen) string {
	var w strings.Builder
	imports := []string{
		"org.springframework.cloud.client.loadbalancer.LoadBalanced",
		"org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient",
		"org.springframework.context.annotation.Bean",
		"org.springframework.context.annotation.Configuration",
		"org.springframework.web.client.RestClient",
	}
	if b.strategy == "random" {
		imports = append(imports,
			"org.springframework.cloud.client.ServiceInstance",
			"org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancer",
			"org.springframework.cloud.loadbalancer.core.RandomLoadBalancer",
			"org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier",
			"org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory",
			"org.springframework.core.env.Environment")
	}
	s.header(&w, sortedImports(imports))
	cls := s.class + "LoadBalancerConfig"
	w.WriteString("/** Spring Cloud LoadBalancer for " + strconv.Quote(b.serviceID) + " (" + b.strategy + "). */\n")
	w.WriteString("@Configuration\n")
	if b.strategy == "random" {
		w.WriteString("@LoadBalancerClient(name = " + javaString(b.serviceID) + ", configuration = " + cls + ".Strategy.class)\n")
	} else {
		w.WriteString("@LoadBalancerClient(name = " + javaString(b.serviceID) + ")\n")
	}
	w.WriteString("public class " + cls + " {\n")
	w.WriteString("    /** The service id instances are looked up by. */\n")
	w.WriteString("    public static final String SERVICE_ID = " + javaString(b.serviceID) + ";\n\n")
	w.WriteString("    /** A RestClient builder whose calls to http://" + b.serviceID + " are load-balanced. */\n")
	w.WriteString("    @Bean\n    @LoadBalanced\n    RestClient.Builder loadBalancedRestClientBuilder() {\n")
	w.WriteString("        return RestClient.builder().baseUrl(\"http://\" + SERVICE_ID);\n    }\n")
	if b.strategy == "random" {
		w.WriteString(`
    /** Picks instances at random instead of round robin. */
    static class Strategy {
        @Bean
        ReactorLoadBalancer<ServiceInstance> randomLoadBalancer(Environment environment, LoadBalancerClientFactory factory) {
            String name = environment.getProperty(LoadBalancerClientFactory.PROPERTY_NAME);
            return new RandomLoadBalancer(factory.getLazyProvider(name, ServiceInstanceListSupplier.class), name);
        }
    }
`)
	}
	w.WriteString("}\n")
	return w.String()
}
