package completion

import (
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
)

// complete analyzes files (one of which holds the cursor mark "|") and
// returns the labels proposed at the mark.
func complete(t *testing.T, files map[string]string) ([]Item, []string) {
	t.Helper()
	w := analysis.New(analysis.Config{})
	var file string
	offset := -1
	for name, src := range files {
		if i := strings.Index(src, "|"); i >= 0 {
			file, offset = name, i
			src = src[:i] + src[i+1:]
		}
		w = w.SetFile(name, []byte(src))
	}
	if offset < 0 {
		t.Fatal("no cursor mark")
	}
	items := At(w, file, offset)
	labels := make([]string, len(items))
	for i, it := range items {
		labels[i] = it.Label
	}
	return items, labels
}

func has(labels []string, want ...string) bool {
	set := map[string]bool{}
	for _, l := range labels {
		set[l] = true
	}
	for _, w := range want {
		if !set[w] {
			return false
		}
	}
	return true
}

func TestCompletion(t *testing.T) {
	cases := []struct {
		name    string
		files   map[string]string
		want    []string
		notWant []string
	}{
		{"kinds at top level", map[string]string{"a.dpl": "fault_|"}, []string{"fault_tolerance", "consistency", "alerts"}, nil},
		{"kinds above a block", map[string]string{"a.dpl": "|\nconsistency A {\n  nodes: 3\n}\n"}, []string{"load_balancer"}, nil},
		{"names of other blocks", map[string]string{"a.dpl": "fault_tolerance OrderService {}\nmetrics Ord|"}, []string{"OrderService"}, nil},
		{"keys not yet written", map[string]string{"a.dpl": "fault_tolerance A {\n  timeout: \"1s\"\n  |\n}\n"}, []string{"retry", "circuit_breaker", "bulkhead"}, []string{"timeout"}},
		{"keys in a nested object", map[string]string{"a.dpl": "fault_tolerance A {\n  retry: {\n    max_attempts: 3\n    ba|\n  }\n}\n"}, []string{"backoff", "initial_delay"}, []string{"max_attempts", "retry"}},
		{"keys in a broken block", map[string]string{"a.dpl": "fault_tolerance A {\n  retry: {\n    max_attempts: 3\n    |\n\nconsistency B {\n  nodes: 3\n}\n"}, []string{"backoff"}, nil},
		{"enum values", map[string]string{"a.dpl": "fault_tolerance A {\n  retry: {\n    backoff: |\n  }\n}\n"}, []string{`"exponential"`, `"fixed"`, `"exponential_jitter"`}, nil},
		{"enum values in an open string", map[string]string{"a.dpl": "consistency A {\n  type: \"ra|\"\n}\n"}, []string{`"raft"`, `"paxos"`}, nil},
		{"booleans", map[string]string{"a.dpl": "fault_tolerance A {\n  circuit_breaker: {\n    half_open_state: |\n  }\n}\n"}, []string{"true", "false"}, nil},
		{"durations", map[string]string{"a.dpl": "fault_tolerance A {\n  timeout: |\n}\n"}, []string{`"1s"`, `"100ms"`}, nil},
		{"kinds in patterns", map[string]string{"a.dpl": "generate_java A {\n  patterns: [\"fault_tolerance\", |]\n}\n"}, []string{`"consistency"`, `"load_balancer"`}, nil},
		{"no deprecated keys", map[string]string{"a.dpl": "deploy_docker_compose A {\n  |\n}\n"}, []string{"services"}, []string{"version"}},
		{"metrics in alert conditions", map[string]string{
			"m.dpl": "metrics S {\n  fault_tolerance: {\n    error_rate: \"gauge\"\n    retry_count: \"counter\"\n  }\n}\n",
			"a.dpl": "alerts S {\n  high: {\n    condition: \"err|\"\n  }\n}\n",
		}, []string{"error_rate", "retry_count"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, labels := complete(t, c.files)
			if !has(labels, c.want...) {
				t.Errorf("got %v, want at least %v", labels, c.want)
			}
			for _, nw := range c.notWant {
				if has(labels, nw) {
					t.Errorf("got %q, which should not be offered", nw)
				}
			}
		})
	}
}

func TestReplaceSpans(t *testing.T) {
	items, _ := complete(t, map[string]string{"a.dpl": "consistency A {\n  type: \"ra|\"\n}\n"})
	src := "consistency A {\n  type: \"ra\"\n}\n"
	for _, it := range items {
		if it.Label == `"raft"` {
			got := src[:it.Replace.Start] + it.Insert + src[it.Replace.End:]
			if got != "consistency A {\n  type: \"raft\"\n}\n" {
				t.Errorf("applying the item gives %q", got)
			}
			return
		}
	}
	t.Fatal("no raft item")
}

func TestBlockSnippetsHaveFields(t *testing.T) {
	items, _ := complete(t, map[string]string{"a.dpl": "|"})
	for _, it := range items {
		if it.Label == "fault_tolerance" && !strings.Contains(it.Insert, "fault_tolerance ${1:Name} {\n\tretry: ") {
			t.Errorf("fault_tolerance snippet: %q", it.Insert)
		}
	}
}

// TestReplaceWholeString: choosing a value with the cursor inside an
// existing string replaces the whole string, closing quote included; a
// string not closed on its line keeps the text after the cursor.
func TestReplaceWholeString(t *testing.T) {
	for _, tc := range []struct{ src, label, want string }{
		{"fault_tolerance A {\n  retry: {\n    backoff: \"|exponential\"\n  }\n}\n", `"fixed"`,
			"fault_tolerance A {\n  retry: {\n    backoff: \"fixed\"\n  }\n}\n"},
		{"fault_tolerance A {\n  retry: {\n    backoff: \"exp|onential\" // was linear\n  }\n}\n", `"exponential_jitter"`,
			"fault_tolerance A {\n  retry: {\n    backoff: \"exponential_jitter\" // was linear\n  }\n}\n"},
		{"consistency A {\n  type: \"ra|\n}\n", `"raft"`, "consistency A {\n  type: \"raft\"\n}\n"},
	} {
		items, _ := complete(t, map[string]string{"a.dpl": tc.src})
		src := strings.Replace(tc.src, "|", "", 1)
		found := false
		for _, it := range items {
			if it.Label != tc.label {
				continue
			}
			found = true
			if got := src[:it.Replace.Start] + it.Insert + src[it.Replace.End:]; got != tc.want {
				t.Errorf("%q: applying %s gives %q, want %q", tc.src, tc.label, got, tc.want)
			}
		}
		if !found {
			t.Errorf("%q: no item %s", tc.src, tc.label)
		}
	}
}
