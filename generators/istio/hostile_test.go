package istio

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// hostile puts YAML and comment syntax into every DPL string the istio
// target copies: the cookie name, a retry condition and the namespace.
const hostile = `fault_tolerance Evil {
  retry: { max_attempts: 3, retry_on: ["5xx", "a: b\n---\nkind: Secret"] }
  timeout: "1s"
}
load_balancer Evil {
  session_affinity: { enabled: true, cookie_name: "sid\n---\nkind: Secret # x" }
}
deploy_kubernetes Evil {
  image: "evil:1"
  namespace: "ns: x\n# y"
}`

// TestHostileStringsStayValues checks that every file is one YAML document
// whose hostile strings come back whole and never as keys, and that the
// objects still validate.
func TestHostileStringsStayValues(t *testing.T) {
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("evil.dpl", hostile)))
	if len(files) != 2 {
		t.Fatalf("generated %d files, want 2", len(files))
	}
	scalars, keys := map[string]bool{}, map[string]bool{}
	for _, f := range files {
		dec := yaml.NewDecoder(bytes.NewReader(f.Content))
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		var extra yaml.Node
		if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
			t.Errorf("%s holds more than one YAML document", f.Path)
		}
		collect(&doc, scalars, keys)
	}
	for _, want := range []string{"sid\n---\nkind: Secret # x", "ns: x\n# y"} {
		if !scalars[want] {
			t.Errorf("%q is not a whole value of any file", want)
		}
	}
	for _, bad := range []string{"ns", "a", "# y"} {
		if keys[bad] {
			t.Errorf("a hostile fragment became the key %q", bad)
		}
	}
	if scalars["Secret"] || scalars["Secret # x"] {
		t.Error("a hostile fragment became a value of its own")
	}
	if !scalars["5xx"] {
		t.Error(`retryOn should be "5xx" alone: the hostile condition is not an Istio policy`)
	}
	for _, f := range files {
		for _, doc := range yamlDocs(t, f.Content) {
			if err := validate(doc); err != nil {
				t.Errorf("%s: %v", f.Path, err)
			}
		}
	}
}

func collect(n *yaml.Node, scalars, keys map[string]bool) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i < len(n.Content); i += 2 {
			keys[n.Content[i].Value] = true
			collect(n.Content[i+1], scalars, keys)
		}
		return
	}
	if n.Kind == yaml.ScalarNode {
		scalars[n.Value] = true
	}
	for _, c := range n.Content {
		collect(c, scalars, keys)
	}
}
