package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestSARIFSchema validates the fixture's log against the SARIF 2.1.0 JSON
// schema (testdata/sarif-schema-2.1.0.json: the OASIS schema as schemastore
// publishes it, sarif-2.1.0-rtm.5.json, shipped in npm's
// @microsoft/jest-sarif 1.0.0-beta.0), formats asserted.
func TestSARIFSchema(t *testing.T) {
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]Report{"fixture": fixture(), "empty": {}} {
		log, err := jsonschema.UnmarshalJSON(bytes.NewReader(render(t, "sarif", r, fixtureOptions())))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(log); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The validator must see a broken log: a level SARIF does not have.
	bad := strings.Replace(string(render(t, "sarif", fixture(), fixtureOptions())), `"level": "note"`, `"level": "info"`, 1)
	log, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(log) == nil {
		t.Error("a result with level \"info\" passed the schema")
	}
}

// TestSARIFGitHubRequirements checks what GitHub code scanning reads beyond
// the schema: a driver name and rules, every result's ruleId matching the
// rule at its ruleIndex, and relative URIs with a base id.
func TestSARIFGitHubRequirements(t *testing.T) {
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(render(t, "sarif", fixture(), fixtureOptions()), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "dpls" || len(run.Tool.Driver.Rules) != 5 || len(run.Results) != 5 {
		t.Fatalf("driver %q with %d rules, %d results", run.Tool.Driver.Name, len(run.Tool.Driver.Rules), len(run.Results))
	}
	for _, res := range run.Results {
		if got := run.Tool.Driver.Rules[res.RuleIndex].ID; got != res.RuleID {
			t.Errorf("result %s points at rule %s", res.RuleID, got)
		}
		a := res.Locations[0].PhysicalLocation.ArtifactLocation
		if a.URIBaseID != "%SRCROOT%" || strings.HasPrefix(a.URI, "/") {
			t.Errorf("%s: uri %q base %q", res.RuleID, a.URI, a.URIBaseID)
		}
	}
}

func TestFileURI(t *testing.T) {
	for _, c := range []struct {
		file, dir, root, uri, base string
	}{
		{"svc/a.dpl", "", "", "svc/a.dpl", "%SRCROOT%"},
		{"svc/a.dpl", "/repo/deploy", "/repo", "deploy/svc/a.dpl", "%SRCROOT%"},
		{"../svc/a.dpl", "/repo/deploy", "/repo", "svc/a.dpl", "%SRCROOT%"},
		{"/repo/my dir/a#1.dpl", "/elsewhere", "/repo", "my%20dir/a%231.dpl", "%SRCROOT%"},
		{"/tmp/a.dpl", "/repo", "/repo", "file:///tmp/a.dpl", ""},
		{"../../a.dpl", "/repo/x", "/repo", "file:///a.dpl", ""},
		{"<stdin>", "/repo", "/repo", "%3Cstdin%3E", "%SRCROOT%"},
	} {
		o := Options{Dir: c.dir, Root: c.root}
		if uri, base := o.fileURI(c.file); uri != c.uri || base != c.base {
			t.Errorf("fileURI(%q) in %s under %s = %q, %q; want %q, %q", c.file, c.dir, c.root, uri, base, c.uri, c.base)
		}
	}
}
