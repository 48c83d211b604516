package prometheus

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	monv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// inputs are the workspaces the goldens come from, by golden name.
func inputs(t *testing.T) map[string][]generators.File {
	out := map[string][]generators.File{"seed": gentest.Generated(gentest.Run(t, Target, gentest.Load(t, "testdata/seed/*.dpl")))}
	for _, c := range gentest.Cases(t) {
		out[c] = gentest.Generated(gentest.Run(t, Target, gentest.Load(t, "testdata/generate/cases/"+c+".dpl")))
	}
	return out
}

// promtool finds Debian's promtool. CI installs it (scripts/apt-packages.txt),
// so there a missing promtool fails the test; elsewhere it skips.
func promtool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("promtool")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("promtool is not on PATH; scripts/setup.sh installs it (apt package prometheus)")
		}
		t.Skip("promtool is not on PATH (apt-get install prometheus)")
	}
	return p
}

func run(t *testing.T, dir string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestPromtoolAcceptsRulesAndTheirTests runs `promtool check rules` on
// every generated rules file and `promtool test rules` on its test file:
// each alert is silent before its `for` can have elapsed and fires after.
func TestPromtoolAcceptsRulesAndTheirTests(t *testing.T) {
	bin := promtool(t)
	for name, files := range inputs(t) {
		dir := gentest.WriteTemp(t, files)
		for _, f := range files {
			if path.Base(f.Path) != rulesFile {
				continue
			}
			fdir := filepath.Join(dir, filepath.FromSlash(path.Dir(f.Path)))
			if out, err := run(t, fdir, bin, "check", "rules", rulesFile); err != nil {
				t.Errorf("%s: promtool check rules %s: %v\n%s", name, f.Path, err, out)
			}
			if out, err := run(t, fdir, bin, "test", "rules", "rules.test.yaml"); err != nil {
				t.Errorf("%s: promtool test rules: %v\n%s", name, err, out)
			}
		}
	}
}

// TestPromtoolRejects proves promtool is the judge: a rules file with a
// broken expression fails the check.
func TestPromtoolRejects(t *testing.T) {
	bin := promtool(t)
	dir := t.TempDir()
	bad := "groups:\n  - name: x\n    rules:\n      - alert: X\n        expr: rate(x[5m] > 1\n"
	if err := os.WriteFile(filepath.Join(dir, rulesFile), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, dir, bin, "check", "rules", rulesFile)
	if err == nil || !strings.Contains(out, "FAILED") {
		t.Fatalf("promtool accepted a broken rule: %v\n%s", err, out)
	}
}

// strictDecode decodes a manifest into prometheus-operator's types through
// apimachinery's strict serializer: unknown fields and wrong types fail.
func strictDecode(doc []byte) (runtime.Object, error) {
	s := runtime.NewScheme()
	if err := monv1.AddToScheme(s); err != nil {
		return nil, err
	}
	ser := json.NewSerializerWithOptions(json.DefaultMetaFactory, s, s, json.SerializerOptions{Yaml: true, Strict: true})
	obj, _, err := ser.Decode(doc, nil, nil)
	return obj, err
}

// TestOperatorObjectsDecodeStrictly decodes PrometheusRule and
// ServiceMonitor into prometheus-operator's own types, unknown fields
// being errors, and checks the groups match the rules file.
func TestOperatorObjectsDecodeStrictly(t *testing.T) {
	for name, files := range inputs(t) {
		for _, f := range files {
			base := path.Base(f.Path)
			if base != "prometheusrule.yaml" && base != "servicemonitor.yaml" {
				continue
			}
			obj, err := strictDecode(f.Content)
			if err != nil {
				t.Errorf("%s: %s: %v", name, f.Path, err)
				continue
			}
			switch o := obj.(type) {
			case *monv1.PrometheusRule:
				if len(o.Spec.Groups) != 1 || o.Spec.Groups[0].Name == "" {
					t.Errorf("%s: %s: groups %+v", name, f.Path, o.Spec.Groups)
				}
			case *monv1.ServiceMonitor:
				if len(o.Spec.Endpoints) != 1 || o.Spec.Endpoints[0].Port != "http" {
					t.Errorf("%s: %s: endpoints %+v", name, f.Path, o.Spec.Endpoints)
				}
			default:
				t.Errorf("%s: %s: decoded a %T", name, f.Path, obj)
			}
		}
	}
	_, err := strictDecode([]byte("apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: x\nspec:\n  endpoints:\n    - port: http\n      scrapeTimeOut: 5s\n"))
	if err == nil || !strings.Contains(err.Error(), `unknown field "spec.endpoints[0].scrapeTimeOut"`) {
		t.Errorf("strict decode accepted an unknown field: %v", err)
	}
}
