package gatewayapi

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// TestHostileStringsStayValues checks that a hostile namespace stays one
// value and a hostile retry condition stays inside its comment.
func TestHostileStringsStayValues(t *testing.T) {
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("evil.dpl", `fault_tolerance Evil {
  retry: { max_attempts: 2, retry_on: ["503", "x\n---\nkind: Secret\nspec: {}"] }
  timeout: "1s"
}
deploy_kubernetes Evil {
  image: "evil:1"
  namespace: "ns\n---\nkind: Secret"
}`)))
	if len(files) != 1 {
		t.Fatalf("generated %d files, want 1", len(files))
	}
	dec := yaml.NewDecoder(bytes.NewReader(files[0].Content))
	var route struct {
		Kind     string
		Metadata struct{ Namespace string }
		Spec     struct {
			Rules []struct {
				Retry struct{ Codes []int }
			}
		}
	}
	if err := dec.Decode(&route); err != nil {
		t.Fatal(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		t.Error("the file holds more than one YAML document")
	}
	if route.Kind != "HTTPRoute" || route.Metadata.Namespace != "ns\n---\nkind: Secret" {
		t.Errorf("kind %q, namespace %q", route.Kind, route.Metadata.Namespace)
	}
	if len(route.Spec.Rules) != 1 || len(route.Spec.Rules[0].Retry.Codes) != 1 || route.Spec.Rules[0].Retry.Codes[0] != 503 {
		t.Errorf("rules %+v, want one rule retrying on 503", route.Spec.Rules)
	}
	if !strings.Contains(string(files[0].Content), `# fault_tolerance.retry.retry_on "x\n---\nkind: Secret\nspec: {}" is not an HTTP status`) {
		t.Errorf("the hostile condition is not quoted in a comment:\n%s", files[0].Content)
	}
}
