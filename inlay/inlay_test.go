package inlay

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/model"
)

func TestHints(t *testing.T) {
	src := "consistency C {\n  nodes: 4\n  election_timeout: \"1500ms\"\n  heartbeat_interval: \"100ms\"\n}\n" +
		"fault_tolerance F {\n  retry: { max_attempts: 3, backoff: \"exponential\", initial_delay: \"100ms\", max_delay: \"1s\", multiplier: 2.0 }\n  timeout: \"2s\"\n}\n"
	w := analysis.New(analysis.Config{}).SetFile("a.dpl", []byte(src))
	hints := Hints(w, "a.dpl", model.Span{Start: 0, End: len(src)})
	var got []string
	for _, h := range hints {
		got = append(got, src[h.Offset-3:h.Offset]+" → "+h.Label)
	}
	want := []string{`: 4 → quorum 3 · tolerates 1`, `ms" → = 1.5s`, `0 } → worst case 6.3s`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("hints:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(Hints(w, "a.dpl", model.Span{Start: 0, End: 10})) != 0 {
		t.Error("hints outside the requested range")
	}
}

// TestHintsInOffsetOrder: a duration inside a retry policy comes before the
// policy's worst case, which follows the policy's closing brace.
func TestHintsInOffsetOrder(t *testing.T) {
	src := "fault_tolerance F {\n  retry: {\n    max_attempts: 3\n    initial_delay: \"90s\"\n  }\n  timeout: \"2s\"\n}\n"
	w := analysis.New(analysis.Config{}).SetFile("a.dpl", []byte(src))
	var got []string
	for _, h := range Hints(w, "a.dpl", model.Span{Start: 0, End: len(src)}) {
		got = append(got, fmt.Sprintf("%d %s", h.Offset, h.Label))
	}
	want := []string{`75 = 1m30s`, `79 worst case 3m6s`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("hints:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
