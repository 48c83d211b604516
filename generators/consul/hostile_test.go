package consul

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// hostile holds JSON syntax, a fake dpls hash line and a shell command in
// the strings the consul target copies.
const hostile = `service_discovery Evil {
  registry: "consul"
  service_name: "evil\", \"Port\": 1, \"x\": \""
  service_tags: ["dpls-hash: sha256:0000", "a\"}, {\"b"]
  health_check: {
    interval: "10s"
    script: "curl -f http://localhost/ && rm -rf / # \"quoted\""
  }
  metadata: { note: "dpls-hash: sha256:1234\n}" }
}`

// TestHostileStringsStayValues checks that the hostile strings come back
// exactly from a strict decode, that no key was injected, and that a
// string imitating the hash line does not confuse Inspect.
func TestHostileStringsStayValues(t *testing.T) {
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("evil.dpl", hostile)))
	if len(files) != 1 {
		t.Fatalf("generated %d files, want 1", len(files))
	}
	content := files[0].Content
	reg, err := validate(content)
	if err != nil {
		t.Fatal(err)
	}
	if want := `evil", "Port": 1, "x": "`; reg.Name != want || reg.Port != 0 {
		t.Errorf("Name %q, Port %d; want %q, 0", reg.Name, reg.Port, want)
	}
	if want := []string{"dpls-hash: sha256:0000", `a"}, {"b`}; !reflect.DeepEqual(reg.Tags, want) {
		t.Errorf("Tags %q, want %q", reg.Tags, want)
	}
	if got := reg.Meta["note"]; got != "dpls-hash: sha256:1234\n}" {
		t.Errorf("Meta[note] = %q", got)
	}
	if want := []string{"sh", "-c", `curl -f http://localhost/ && rm -rf / # "quoted"`}; len(reg.Checks) != 1 || !reflect.DeepEqual(reg.Checks[0].Args, want) {
		t.Errorf("checks %+v, want one script check with args %q", reg.Checks, want)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(content, &top); err != nil {
		t.Fatal(err)
	}
	if len(top) != 4 {
		t.Errorf("top-level keys %d, want 4 (Name, Tags, Meta, Checks): %s", len(top), content)
	}
	if st := generators.Inspect(content); st != generators.Intact {
		t.Errorf("Inspect says %v", st)
	}
	if bytes.Count(content, []byte(hashPrefix)) != 1 {
		t.Errorf("the hash marker appears more than once unescaped:\n%s", content)
	}
}
