package spring

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
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

// readBalancer reads load_balancer; strategies Spring Cloud LoadBalancer
// does not have get a note and its default round robin.
func (s *gen) readBalancer() *balancer {
	ref, ok := s.svc.Block("load_balancer")
	if !ok {
		return nil
	}
	s.sources = append(s.sources, ref)
	v := typed.Of(ref.Block)
	id, err := g.KubeName(s.svc.Name)
	if err != nil {
		id = strings.ToLower(s.class)
	}
	b := &balancer{ref: ref, serviceID: id, strategy: "round_robin"}
	if st, span, ok := v.String("strategy"); ok {
		switch st {
		case "round_robin", "random":
			b.strategy = st
		case "weighted_round_robin":
			b.strategy = st
		default:
			s.note(ref, span, "load_balancer.strategy "+st+" has no Spring Cloud LoadBalancer implementation; round robin generated")
		}
	}
	if elems, _, ok := v.List("servers"); ok {
		for _, e := range elems {
			switch n := e.(type) {
			case *model.String:
				host := n.Value
				if !strings.Contains(host, ":") {
					host += ":80"
				}
				b.instances = append(b.instances, "http://"+host)
			case *model.Object:
				h, _ := n.Value("host").(*model.String)
				port, _ := n.Value("port").(*model.Number)
				if h == nil {
					continue
				}
				uri := "http://" + h.Value
				if port != nil {
					uri += ":" + port.Text
				}
				b.instances = append(b.instances, uri)
				if n.Get("weight") != nil && b.strategy != "weighted_round_robin" {
					continue
				}
				if n.Get("backup") != nil || n.Get("max_fails") != nil || n.Get("fail_timeout") != nil {
					s.note(ref, n.Span, "load_balancer.servers max_fails, fail_timeout and backup have no Spring Cloud LoadBalancer equivalent; not generated")
				}
			}
		}
	}
	if p, _, ok := v.String("health_check", "path"); ok {
		b.hcPath = p
	}
	if d, _, ok := v.Duration("health_check", "interval"); ok {
		b.hcEvery = g.SingleUnit(d)
	}
	if on, _, ok := v.Bool("session_affinity", "enabled"); !ok || on {
		if c, _, ok := v.String("session_affinity", "cookie_name"); ok {
			b.cookie = c
		}
	}
	if _, ok := v.Sub("rate_limiting"); ok {
		s.note(ref, v.KeySpan("rate_limiting"), "load_balancer.rate_limiting has no Spring Cloud LoadBalancer equivalent; not generated")
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
