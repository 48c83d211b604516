package spring

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// junitJars are Debian junit5's jars (apt junit5) the tests compile and
// run against.
const (
	junitAPI      = "/usr/share/java/junit-jupiter-api.jar"
	junitConsole  = "/usr/share/java/junit-platform-console-standalone.jar"
	opentest4j    = "/usr/share/java/opentest4j.jar"
	apiguardian   = "/usr/share/java/apiguardian-api.jar"
	platformComms = "/usr/share/java/junit-platform-commons.jar"
)

// requireTools fails (never skips) when the JDK or junit5 is missing:
// scripts/apt-packages.txt installs them.
func requireTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"java", "javac"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is required (apt openjdk-17-jdk-headless): %v", tool, err)
		}
	}
	for _, jar := range []string{junitAPI, junitConsole, opentest4j, apiguardian} {
		if _, err := os.Stat(jar); err != nil {
			t.Fatalf("%s is required (apt junit5): %v", jar, err)
		}
	}
}

func run(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// inputs are the seed and the code cases.
func inputs() map[string]string {
	in := map[string]string{"seed": "testdata/seed/*.dpl"}
	for _, c := range codeCases {
		in[c] = "testdata/generate/code/" + c + ".dpl"
	}
	return in
}

// TestJavaParsesCompilesAndRuns checks every generated Java file three
// ways: the JDK's own parser (testdata/ParseOnly.java), javac -proc:none
// against the annotation and type stubs in testdata/stubs, and the
// generated JUnit 5 tests run with Debian's console launcher.
func TestJavaParsesCompilesAndRuns(t *testing.T) {
	requireTools(t)
	stubs, err := filepath.Abs("testdata/stubs")
	if err != nil {
		t.Fatal(err)
	}
	launcher, err := filepath.Abs("testdata/ParseOnly.java")
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range []g.Target{Target, HystrixTarget} {
		for name, pattern := range inputs() {
			t.Run(tg.Name+"/"+name, func(t *testing.T) {
				files := gentest.Generated(gentest.Run(t, tg, gentest.Load(t, pattern)))
				dir := gentest.WriteTemp(t, files)
				var mains, tests, testClasses []string
				for _, f := range files {
					if !strings.HasSuffix(f.Path, ".java") {
						continue
					}
					p := filepath.Join(dir, filepath.FromSlash(f.Path))
					if strings.HasSuffix(f.Path, "Test.java") {
						tests = append(tests, p)
						body := string(f.Content)
						pkg := body[strings.Index(body, "package ")+8:]
						pkg = pkg[:strings.Index(pkg, ";")]
						testClasses = append(testClasses, pkg+"."+strings.TrimSuffix(filepath.Base(p), ".java"))
					} else {
						mains = append(mains, p)
					}
				}
				if len(mains) == 0 {
					t.Fatal("no Java generated")
				}
				run(t, dir, "java", append([]string{launcher}, append(mains, tests...)...)...)
				out := filepath.Join(dir, "classes")
				cp := strings.Join([]string{junitAPI, opentest4j, apiguardian, platformComms}, ":")
				run(t, dir, "javac", append([]string{"-proc:none", "-encoding", "UTF-8", "-Xlint:all", "-Werror", "-d", out, "-sourcepath", stubs, "-cp", cp}, append(mains, tests...)...)...)
				for _, c := range testClasses {
					res := run(t, dir, "java", "-jar", junitConsole, "-cp", out, "--select-class", c, "--details=summary", "--disable-banner")
					if !strings.Contains(res, "tests successful") || strings.Contains(res, " 0 tests successful") {
						t.Errorf("%s:\n%s", c, res)
					}
				}
			})
		}
	}
}

// r4jKeys are the instance properties of Resilience4j's Spring Boot
// modules that the generator may write (from targets.md §2.1, read from
// Resilience4j's *ConfigurationProperties).
var r4jKeys = map[string]map[string]bool{
	"circuitbreaker": set("slidingWindowType", "slidingWindowSize", "minimumNumberOfCalls", "failureRateThreshold",
		"waitDurationInOpenState", "permittedNumberOfCallsInHalfOpenState", "automaticTransitionFromOpenToHalfOpenEnabled"),
	"retry": set("maxAttempts", "waitDuration", "enableExponentialBackoff", "exponentialBackoffMultiplier",
		"exponentialMaxWaitDuration", "enableRandomizedWait", "randomizedWaitFactor"),
	"bulkhead":    set("maxConcurrentCalls", "maxWaitDuration"),
	"timelimiter": set("timeoutDuration", "cancelRunningFuture"),
	"ratelimiter": set("limitForPeriod", "limitRefreshPeriod", "timeoutDuration"),
}

func set(keys ...string) map[string]bool {
	m := map[string]bool{}
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// TestResilience4jKeysAndRanges decodes every application.yml and checks
// each Resilience4j key against the property lists and the ranges
// Resilience4j's setters enforce (failureRateThreshold 1–100, sizes ≥ 1).
func TestResilience4jKeysAndRanges(t *testing.T) {
	for name, pattern := range inputs() {
		for _, f := range gentest.Generated(gentest.Run(t, Target, gentest.Load(t, pattern))) {
			if !strings.HasSuffix(f.Path, "application.yml") {
				continue
			}
			var doc struct {
				Resilience4j map[string]struct {
					Instances map[string]map[string]any
				}
			}
			if err := yaml.Unmarshal(f.Content, &doc); err != nil {
				t.Fatalf("%s: %s: %v", name, f.Path, err)
			}
			for module, m := range doc.Resilience4j {
				known, ok := r4jKeys[module]
				if !ok {
					t.Errorf("%s: unknown module resilience4j.%s", f.Path, module)
					continue
				}
				for inst, props := range m.Instances {
					for k, v := range props {
						if !known[k] {
							t.Errorf("%s: unknown key resilience4j.%s.instances.%s.%s", f.Path, module, inst, k)
						}
						if n, isNum := v.(int); isNum && k != "failureRateThreshold" && n < 1 {
							t.Errorf("%s: %s.%s = %d, want ≥ 1", f.Path, module, k, n)
						}
						if k == "failureRateThreshold" {
							if r, ok := toFloat(v); !ok || r < 1 || r > 100 {
								t.Errorf("%s: failureRateThreshold %v outside 1–100", f.Path, v)
							}
						}
					}
				}
			}
		}
	}
}

func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// TestCountThresholdIsExact pins the count mapping: failure_threshold 3
// is COUNT_BASED 3 calls, minimum 3, 100%; Hystrix never puts the count
// in requestVolumeThreshold alone.
func TestCountThresholdIsExact(t *testing.T) {
	idx := gentest.Source("x.dpl", `fault_tolerance A { circuit_breaker: { failure_threshold: 3 } }
generate_java A {}`)
	for _, tc := range []struct {
		target g.Target
		want   string
	}{
		{Target, "  circuitbreaker:\n    instances:\n      A:\n        slidingWindowType: COUNT_BASED\n        slidingWindowSize: 3\n        minimumNumberOfCalls: 3\n        failureRateThreshold: 100\n"},
		{HystrixTarget, "    A:\n      circuitBreaker:\n        errorThresholdPercentage: 100\n        requestVolumeThreshold: 3\n"},
	} {
		files := gentest.Generated(gentest.Run(t, tc.target, idx))
		var yml string
		for _, f := range files {
			if strings.HasSuffix(f.Path, "application.yml") {
				yml = string(f.Content)
			}
		}
		if !strings.Contains(yml, tc.want) {
			t.Errorf("%s application.yml:\n%s\nwant it to contain:\n%s", tc.target.Name, yml, tc.want)
		}
	}
}
