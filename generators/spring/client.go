package spring

import (
	"sort"
	"strconv"
	"strings"
)

// sortedImports sorts imports as Java style guides do (plain order).
func sortedImports(in []string) []string {
	out := append([]string(nil), in...)
	sort.Strings(out)
	return out
}

// client is <Name>Client.java.
func (s *gen) client() string {
	var w strings.Builder
	p := s.pol
	has := func(b bool) bool { return s.hasPol && b }
	breaker, retry := has(p.Breaker != nil), has(p.Retry != nil)
	bulk, rate, tl := has(p.Bulkhead != nil), has(p.RateLimiter != nil), has(p.Timeout > 0)
	fb := s.fallbackStrategy() != ""
	imports := []string{"org.springframework.stereotype.Service", "org.springframework.web.client.RestClient"}
	if s.hystrix {
		imports = append(imports, "com.netflix.hystrix.contrib.javanica.annotation.HystrixCommand")
	} else {
		if breaker {
			imports = append(imports, "io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker")
		}
		if retry {
			imports = append(imports, "io.github.resilience4j.retry.annotation.Retry")
		}
		if bulk {
			imports = append(imports, "io.github.resilience4j.bulkhead.annotation.Bulkhead")
		}
		if rate {
			imports = append(imports, "io.github.resilience4j.ratelimiter.annotation.RateLimiter")
		}
		if tl {
			imports = append(imports, "io.github.resilience4j.timelimiter.annotation.TimeLimiter",
				"java.util.concurrent.CompletableFuture", "java.time.Duration",
				"org.springframework.http.client.SimpleClientHttpRequestFactory")
		}
	}
	s.header(&w, sortedImports(imports))
	w.WriteString("/**\n * Calls the upstream of " + s.class + " through the policies declared in DPL (instance\n")
	w.WriteString(" * " + s.class + " in application.yml). Configure the RestClient.Builder's base URL.\n */\n")
	if len(s.comments) > 0 {
		w.WriteString(javaComment("", "Notes on the DPL settings:"))
		for _, c := range s.comments {
			w.WriteString(javaComment("", "  - "+c))
		}
	}
	w.WriteString("@Service\npublic class " + s.class + "Client {\n")
	w.WriteString("    /** The Resilience4j instance (or Hystrix command key) of every annotation. */\n")
	w.WriteString("    static final String INSTANCE = " + javaString(s.svc.Name) + ";\n\n")
	w.WriteString("    private final RestClient rest;\n")
	if fb {
		w.WriteString("    private final " + s.class + "Fallback fallback = new " + s.class + "Fallback();\n")
	}
	w.WriteString("\n    public " + s.class + "Client(RestClient.Builder builder) {\n")
	if tl && !s.hystrix {
		w.WriteString("        // DPL's timeout bounds one attempt: the read timeout of a blocking call,\n")
		w.WriteString("        // the TimeLimiter of the asynchronous one.\n")
		w.WriteString("        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();\n")
		w.WriteString("        factory.setReadTimeout(Duration.ofMillis(" + itoa(p.Timeout.Milliseconds()) + "L));\n")
		w.WriteString("        this.rest = builder.requestFactory(factory).build();\n")
	} else {
		w.WriteString("        this.rest = builder.build();\n")
	}
	w.WriteString("    }\n\n")

	// The fallback sits on the outermost aspect (Retry, then CircuitBreaker,
	// RateLimiter, Bulkhead), so it answers only once every attempt failed.
	outer := ""
	switch {
	case retry:
		outer = "Retry"
	case breaker:
		outer = "CircuitBreaker"
	case rate:
		outer = "RateLimiter"
	case bulk:
		outer = "Bulkhead"
	}
	ann := func(kind, fbMethod string) string {
		a := "    @" + kind + "(name = INSTANCE"
		if fb && kind == outer && fbMethod != "" {
			a += ", fallbackMethod = " + javaString(fbMethod)
		}
		return a + ")\n"
	}
	annotations := func(fbMethod string) string {
		var a strings.Builder
		if s.hystrix {
			a.WriteString("    @HystrixCommand(commandKey = INSTANCE")
			if fb {
				a.WriteString(", fallbackMethod = " + javaString(fbMethod))
			}
			a.WriteString(")\n")
			return a.String()
		}
		for _, k := range []struct {
			on   bool
			name string
		}{{retry, "Retry"}, {breaker, "CircuitBreaker"}, {rate, "RateLimiter"}, {bulk, "Bulkhead"}} {
			if k.on {
				a.WriteString(ann(k.name, fbMethod))
			}
		}
		return a.String()
	}
	w.WriteString("    /** GETs path from the upstream and returns the body. */\n")
	w.WriteString(annotations("fallback"))
	w.WriteString("    public String call(String path) {\n")
	w.WriteString("        String body = rest.get().uri(path).retrieve().body(String.class);\n")
	if s.fallbackStrategy() == "useCache" {
		w.WriteString("        fallback.remember(path, body);\n")
	}
	w.WriteString("        return body;\n    }\n")
	if tl && !s.hystrix {
		w.WriteString("\n    /** The asynchronous call, which the TimeLimiter bounds. */\n")
		w.WriteString("    @TimeLimiter(name = INSTANCE")
		if fb && outer == "" {
			w.WriteString(", fallbackMethod = \"fallbackAsync\"")
		}
		w.WriteString(")\n")
		w.WriteString(annotations("fallbackAsync"))
		w.WriteString("    public CompletableFuture<String> callAsync(String path) {\n")
		w.WriteString("        return CompletableFuture.supplyAsync(() -> call(path));\n    }\n")
	}
	if fb {
		w.WriteString("\n    /** Resilience4j's fallback signature: call's parameters plus the failure. */\n")
		w.WriteString("    String fallback(String path, Throwable cause) {\n        return fallback.answer(path, cause);\n    }\n")
		if tl && !s.hystrix {
			w.WriteString("\n    /** The fallback of callAsync, with its return type. */\n")
			w.WriteString("    CompletableFuture<String> fallbackAsync(String path, Throwable cause) {\n")
			w.WriteString("        return CompletableFuture.completedFuture(fallback.answer(path, cause));\n    }\n")
		}
	}
	w.WriteString("}\n")
	return w.String()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
