package registry

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"text/template"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// TestHostileStringsStayValues generates every target from
// testdata/generate/cases/hostile.dpl, whose strings hold newlines, ": ",
// "#", "---", quotes, "{{" and "$": every YAML file must still be one
// document, the strings must come back as whole values, and no fragment
// of them may have become a key.
func TestHostileStringsStayValues(t *testing.T) {
	idx := gentest.Load(t, "testdata/generate/cases/hostile.dpl")
	outs, err := Generate(idx, All())
	if err != nil {
		t.Fatal(err)
	}
	scalars := map[string]bool{}
	keys := map[string]bool{}
	files := map[string]int{}
	for _, o := range outs {
		for _, f := range o.Files {
			if !strings.HasSuffix(f.Path, ".yaml") {
				continue
			}
			files[o.Target.Name]++
			dec := yaml.NewDecoder(bytes.NewReader(f.Content))
			var doc yaml.Node
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			var extra yaml.Node
			if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
				t.Errorf("%s: holds more than one YAML document", f.Path)
			}
			collect(&doc, scalars, keys)
		}
	}
	for target, want := range map[string]int{"kubernetes": 4, "prometheus": 4, "compose": 1} {
		if files[target] != want {
			t.Errorf("%s generated %d YAML files, want %d", target, files[target], want)
		}
	}
	for _, want := range []string{
		"img\n---\napiVersion: v1\nkind: Secret",
		"a: b\n---\nkind: Secret\n# c",
		"$${HOME} $$(id)\nkey: value", // Compose reads $$ as $
		`it's "quoted" # not a comment`,
		`hits_total{path="{{ .Evil }}: #\n---"} > 1`,
		"{{ .Evil }}: #\n---",
	} {
		if !scalars[want] {
			t.Errorf("value %q is not a whole scalar of any file", want)
		}
	}
	for _, bad := range []string{"key", "# c", "Secret", "---", ".Evil"} {
		if keys[bad] {
			t.Errorf("a hostile fragment became the key %q", bad)
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

// TestAnnotationsRenderAsWritten executes the generated annotations as Go
// templates, as Prometheus does: the "{{" of the DPL condition prints as
// itself instead of running.
func TestAnnotationsRenderAsWritten(t *testing.T) {
	idx := gentest.Load(t, "testdata/generate/cases/hostile.dpl")
	prom, err := Lookup("prometheus")
	if err != nil {
		t.Fatal(err)
	}
	outs, err := Generate(idx, append(All()[:0:0], prom))
	if err != nil {
		t.Fatal(err)
	}
	var rules struct {
		Groups []struct {
			Rules []struct {
				Annotations map[string]string
			}
		}
	}
	for _, f := range outs[0].Files {
		if strings.HasSuffix(f.Path, "/rules.yaml") {
			if err := yaml.Unmarshal(f.Content, &rules); err != nil {
				t.Fatal(err)
			}
		}
	}
	desc := rules.Groups[0].Rules[0].Annotations["description"]
	tmpl, err := template.New("d").Parse(desc)
	if err != nil {
		t.Fatalf("annotation is not a valid template: %v", err)
	}
	var out strings.Builder
	if err := tmpl.Execute(&out, nil); err != nil {
		t.Fatal(err)
	}
	want := `Condition hits_total{path="{{ .Evil }}: #\n---"} > 1 is true.`
	if out.String() != want {
		t.Errorf("rendered %q, want %q", out.String(), want)
	}
}
