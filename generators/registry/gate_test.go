package registry

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/kubernetes"
)

// gateSrc has an error in Api's deploy_kubernetes (port), an error in
// Api's fault_tolerance (a signed duration) and one in Web's block; Ok
// has none.
const gateSrc = `deploy_kubernetes Api {
  image: "example/api:1.0.0"
  port: 70000
}

fault_tolerance Api {
  timeout: "-1s"
}

deploy_kubernetes Web {
  image: "example/web:1.0.0"
  port: 0
}

deploy_kubernetes Ok {
  image: "example/ok:1.0.0"
  port: 8080
}
`

// describe renders findings as the command line prints them.
func describe(ws *analysis.Workspace, ds []rule.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		line, col := ws.Position(d.Location)
		fmt.Fprintf(&b, "%s:%d:%d: %s [%s]\n", d.File, line, col, d.Message, d.Code)
	}
	return b.String()
}

// TestInputErrors: every error in any block of a generated service blocks,
// also in blocks the target does not read (Api's fault_tolerance: the
// service is one unit); other services' errors do not; a rule the
// settings lower to a warning no longer blocks.
func TestInputErrors(t *testing.T) {
	ws := analysis.New(analysis.Config{}).SetFile("a.dpl", []byte(gateSrc))
	k8s := []generators.Target{kubernetes.Target}
	for _, c := range []struct {
		service, want string
	}{
		{"Api", "a.dpl:3:9: port must be in [1, 65535]; Kubernetes rejects 70000 [GEN002]\n" +
			"a.dpl:7:12: \"-1s\" is not a duration: durations cannot be signed [GEN001]\n"},
		{"Web", "a.dpl:12:9: port must be in [1, 65535]; Kubernetes rejects 0 [GEN002]\n"},
		{"Ok", ""},
	} {
		outs, err := GenerateFor(ws.Index(), c.service, k8s)
		if err != nil {
			t.Fatal(err)
		}
		if got := describe(ws, InputErrors(ws, outs)); got != c.want {
			t.Errorf("%s: InputErrors =\n%s\nwant:\n%s", c.service, got, c.want)
		}
	}

	// The whole workspace: each service once, in output order.
	outs, err := Generate(ws.Index(), k8s)
	if err != nil {
		t.Fatal(err)
	}
	if got := describe(ws, InputErrors(ws, outs)); strings.Count(got, "\n") != 3 || !strings.HasPrefix(got, "a.dpl:3:9:") || !strings.HasSuffix(got, "Kubernetes rejects 0 [GEN002]\n") {
		t.Errorf("workspace InputErrors =\n%s", got)
	}

	lowered := analysis.New(analysis.Config{Severity: map[string]rule.Severity{"GEN002": rule.Warning}}).SetFile("a.dpl", []byte(gateSrc))
	outs, err = GenerateFor(lowered.Index(), "Web", k8s)
	if err != nil {
		t.Fatal(err)
	}
	if got := InputErrors(lowered, outs); len(got) != 0 {
		t.Errorf("GEN002 lowered to a warning still blocks: %s", describe(lowered, got))
	}
	if got := InputErrors(ws, nil); got != nil {
		t.Errorf("no outputs, yet blocked: %v", got)
	}
}
