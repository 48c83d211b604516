package spring

import (
	"strconv"
	"strings"
)

// fallbackStrategy is the strategy the Java code implements, or "".
func (s *gen) fallbackStrategy() string {
	if !s.hasPol || s.pol.Fallback == nil {
		return ""
	}
	switch f := s.pol.Fallback; f.Strategy {
	case "returnDefault", "returnEmpty":
		return f.Strategy
	case "useCache":
		if f.CacheTTL > 0 {
			return f.Strategy
		}
	}
	return ""
}

// fallbackGen is <Name>Fallback.java and its test.
type fallbackGen struct {
	strategy string
	body     string // returnDefault's JSON
	ttlMs    int64
}

// fallback reads the strategy, noting the ones Java cannot run.
func (s *gen) fallback() *fallbackGen {
	if !s.hasPol || s.pol.Fallback == nil {
		return nil
	}
	f := s.pol.Fallback
	st := s.fallbackStrategy()
	switch {
	case st != "":
	case f.Strategy == "useCache":
		s.polNote("fault_tolerance.fallback useCache needs cache_ttl; no fallback generated", "fallback")
	case f.Strategy == "failFast":
		// The failure propagates at once: no fallback method.
	default:
		s.polNote("fault_tolerance.fallback strategy "+strconv.Quote(f.Strategy)+" is custom code; no fallback generated", "fallback")
	}
	if st == "" {
		return nil
	}
	if st != "returnDefault" && f.DefaultSpan.Len() > 0 {
		s.polNote("fault_tolerance.fallback.default_response is only used by returnDefault; not generated", "fallback", "default_response")
	}
	return &fallbackGen{strategy: st, body: string(f.Default), ttlMs: f.CacheTTL.Milliseconds()}
}

// source is <Name>Fallback.java: plain Java, so it runs in JUnit alone.
func (f *fallbackGen) source(s *gen) string {
	var w strings.Builder
	s.header(&w, []string{"java.time.Duration", "java.time.Instant", "java.util.Map",
		"java.util.concurrent.ConcurrentHashMap", "java.util.function.Supplier"})
	cls := s.class + "Fallback"
	w.WriteString("/** What " + s.class + "Client answers when every attempt failed: " + f.strategy + ". */\n")
	w.WriteString("public final class " + cls + " {\n")
	w.WriteString("    /** The fallback strategy declared in DPL. */\n")
	w.WriteString("    public static final String STRATEGY = " + javaString(f.strategy) + ";\n")
	w.WriteString("    /** The default_response declared in DPL, as JSON. */\n")
	body := f.body
	if f.strategy != "returnDefault" {
		body = ""
	}
	w.WriteString("    public static final String DEFAULT_RESPONSE = " + javaString(body) + ";\n")
	w.WriteString("    /** How long useCache may serve a remembered response. */\n")
	w.WriteString("    public static final Duration CACHE_TTL = Duration.ofMillis(" + strconv.FormatInt(f.ttlMs, 10) + "L);\n\n")
	w.WriteString(`    private record Entry(String body, Instant at) {
    }

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Supplier<Instant> clock;

    public ` + cls + `() {
        this(Instant::now);
    }

    /** Uses clock for the cache's age, so tests need not wait. */
    public ` + cls + `(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** Remembers a successful response for useCache. */
    public void remember(String path, String body) {
        if ("useCache".equals(STRATEGY) && body != null) {
            cache.put(path, new Entry(body, clock.get()));
        }
    }

    /**
     * The answer in place of a failed call: the default response, an empty
     * body, or the remembered response while it is younger than CACHE_TTL;
     * otherwise the failure is rethrown.
     */
    public String answer(String path, Throwable cause) {
        switch (STRATEGY) {
            case "returnDefault":
                return DEFAULT_RESPONSE;
            case "returnEmpty":
                return "";
            default:
                Entry e = cache.get(path);
                if (e != null && !clock.get().isAfter(e.at().plus(CACHE_TTL))) {
                    return e.body();
                }
                throw new IllegalStateException("no fresh cached response for " + path, cause);
        }
    }
}
`)
	return w.String()
}

// test is <Name>FallbackTest.java (JUnit 5): the strategy's answer with
// the exact values DPL declared.
func (f *fallbackGen) test(s *gen) []byte {
	var w strings.Builder
	s.header(&w, []string{"static org.junit.jupiter.api.Assertions.assertEquals",
		"static org.junit.jupiter.api.Assertions.assertThrows", "java.time.Duration", "java.time.Instant",
		"java.util.concurrent.atomic.AtomicReference", "org.junit.jupiter.api.Test"})
	cls := s.class + "Fallback"
	w.WriteString("/** Tests of " + cls + " with the values declared in DPL. */\n")
	w.WriteString("class " + cls + "Test {\n")
	switch f.strategy {
	case "returnDefault":
		w.WriteString(`    @Test
    void answersTheDefaultResponse() {
        assertEquals(` + javaString(f.body) + `, new ` + cls + `().answer("/x", new RuntimeException("down")));
    }
`)
	case "returnEmpty":
		w.WriteString(`    @Test
    void answersAnEmptyBody() {
        assertEquals("", new ` + cls + `().answer("/x", new RuntimeException("down")));
    }
`)
	case "useCache":
		w.WriteString(`    @Test
    void servesTheCacheForCacheTtl() {
        assertEquals(Duration.ofMillis(` + strconv.FormatInt(f.ttlMs, 10) + `L), ` + cls + `.CACHE_TTL);
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        ` + cls + ` fallback = new ` + cls + `(now::get);
        RuntimeException down = new RuntimeException("down");
        assertThrows(IllegalStateException.class, () -> fallback.answer("/items", down));
        fallback.remember("/items", "cached");
        now.set(now.get().plus(` + cls + `.CACHE_TTL));
        assertEquals("cached", fallback.answer("/items", down));
        now.set(now.get().plusMillis(1));
        IllegalStateException stale = assertThrows(IllegalStateException.class, () -> fallback.answer("/items", down));
        assertEquals(down, stale.getCause());
    }
`)
	}
	w.WriteString("}\n")
	return []byte(w.String())
}
