package testgen

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/grammar"
)

func TestWorkspace(t *testing.T) {
	for _, lines := range []int{1, 100, 1000, 10000} {
		src := Workspace(lines)
		n := bytes.Count(src, []byte("\n"))
		if n < lines || n > lines+100 {
			t.Errorf("Workspace(%d) has %d lines", lines, n)
		}
		if bad := grammar.FirstSyntaxError(grammar.Parse(src).RootNode(), src); bad != nil {
			t.Errorf("Workspace(%d): syntax error at %v: %s", lines, grammar.PointAt(src, bad.Offset), bad.Msg)
		}
		if !bytes.Equal(src, Workspace(lines)) {
			t.Errorf("Workspace(%d) is not deterministic", lines)
		}
	}
}

// TestWorkspaceUnique checks that blocks stay unique by (kind, name); the
// examples' only repeat is generate_tests OrderService, which the spec
// allows (two test types).
func TestWorkspaceUnique(t *testing.T) {
	src := string(Workspace(5000))
	seen := map[string]int{}
	for _, m := range headerRE.FindAllStringSubmatch(src, -1) {
		seen[m[1]+" "+m[3]]++
	}
	for k, n := range seen {
		if n > 1 && !strings.HasPrefix(k, "generate_tests ") {
			t.Errorf("block %s appears %d times", k, n)
		}
	}
}

func TestRenameStrings(t *testing.T) {
	s := loadSeeds()
	in := "microservice_pattern Shop {\n  services: [\"order-service\", \"elsewhere\"]\n}\n"
	got := s.rename(in, "_r2")
	want := "microservice_pattern Shop_r2 {\n  services: [\"order-service_r2\", \"elsewhere\"]\n}\n"
	if got != want {
		t.Errorf("rename:\n%s\nwant:\n%s", got, want)
	}
	if !regexp.MustCompile(`OrderService_r2 \{`).MatchString(string(Workspace(2000))) {
		t.Error("second round does not rename OrderService")
	}
}

func TestRenameCompensationKeys(t *testing.T) {
	s := loadSeeds()
	in := "distributed_transaction T {\n  participants: [\"payment_service\"]\n  compensation: {\n    payment_service: \"refund\"\n  }\n}\n"
	got := s.rename(in, "_r2")
	want := "distributed_transaction T_r2 {\n  participants: [\"payment_service_r2\"]\n  compensation: {\n    payment_service_r2: \"refund\"\n  }\n}\n"
	if got != want {
		t.Errorf("rename:\n%s\nwant:\n%s", got, want)
	}
}

// TestWorkspaceFindsWhatTheExamplesFind checks that the repetitions are as
// clean as the examples: a generated workspace reports no rule the
// examples themselves do not, so benchmarks measure realistic work.
func TestWorkspaceFindsWhatTheExamplesFind(t *testing.T) {
	codes := func(src []byte) map[string]bool {
		out := map[string]bool{}
		for _, d := range analysis.New(analysis.Config{}).SetFile("w.dpl", src).Diagnostics("w.dpl") {
			out[d.Code] = true
		}
		return out
	}
	var all bytes.Buffer
	for _, b := range loadSeeds().blocks {
		all.WriteString(b)
	}
	seed := codes(all.Bytes())
	for code := range codes(Workspace(3000)) {
		if !seed[code] {
			t.Errorf("the generated workspace reports %s, which the examples do not", code)
		}
	}
}
