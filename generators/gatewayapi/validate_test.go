package gatewayapi

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	apiext "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	structuralschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	"k8s.io/apimachinery/pkg/runtime"
	utiljson "k8s.io/apimachinery/pkg/util/json"
	"k8s.io/apimachinery/pkg/util/validation/field"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
	gatewayv1 "sigs.k8s.io/gateway-api/apis/v1"
	"sigs.k8s.io/yaml"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// crdPath is the HTTPRoute CRD of the experimental channel (HTTPRoute
// retry lives there in v1.6), read from the module the tests build with.
const crdPath = "config/crd/experimental/gateway.networking.k8s.io_httproutes.yaml"

// schemaValidator is the v1 version of the HTTPRoute CRD, ready to run as
// the API server runs it for a create request.
type schemaValidator struct {
	structural *structuralschema.Structural
	openapi    validation.SchemaValidator
	cel        *cel.Validator
}

func loadCRD(t *testing.T) *schemaValidator {
	t.Helper()
	dir := moduleDir(t, "sigs.k8s.io/gateway-api")
	raw, err := os.ReadFile(filepath.Join(dir, crdPath))
	if err != nil {
		t.Fatal(err)
	}
	var crd apiextv1.CustomResourceDefinition
	if err := yaml.UnmarshalStrict(raw, &crd); err != nil {
		t.Fatalf("%s: %v", crdPath, err)
	}
	for _, v := range crd.Spec.Versions {
		if v.Name != "v1" {
			continue
		}
		var internal apiext.JSONSchemaProps
		if err := apiextv1.Convert_v1_JSONSchemaProps_To_apiextensions_JSONSchemaProps(v.Schema.OpenAPIV3Schema, &internal, nil); err != nil {
			t.Fatal(err)
		}
		ss, err := structuralschema.NewStructural(&internal)
		if err != nil {
			t.Fatal(err)
		}
		sv, _, err := validation.NewSchemaValidator(&internal)
		if err != nil {
			t.Fatal(err)
		}
		return &schemaValidator{structural: ss, openapi: sv, cel: cel.NewValidator(ss, true, celconfig.PerCallLimit)}
	}
	t.Fatalf("%s has no v1 version", crdPath)
	return nil
}

// moduleDir finds a module's directory in the module cache at the version
// go.mod requires.
func moduleDir(t *testing.T, module string) string {
	t.Helper()
	gomod, err := os.ReadFile(filepath.Join(gentest.Root(t), "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	version := ""
	for _, line := range strings.Split(string(gomod), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == module {
			version = f[1]
		}
	}
	if version == "" {
		t.Fatalf("go.mod does not require %s", module)
	}
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	cache := strings.TrimSpace(string(out))
	return filepath.Join(cache, module+"@"+version)
}

// validate runs one HTTPRoute as the API server handles a create: unknown
// fields (which the server would prune) are errors, then the schema's
// defaults apply, then the OpenAPI schema and the CEL rules check it;
// finally a strict decode into the Go type.
func (v *schemaValidator) validate(doc []byte) error {
	js, err := yaml.YAMLToJSON(doc)
	if err != nil {
		return fmt.Errorf("yaml: %w", err)
	}
	// The API server's decoder: whole numbers become int64, as CEL expects.
	var obj map[string]any
	if err := utiljson.Unmarshal(js, &obj); err != nil {
		return fmt.Errorf("json: %w", err)
	}
	if md, ok := obj["metadata"].(map[string]any); ok && md["namespace"] == nil {
		md["namespace"] = "default"
	}
	pruned := runtime.DeepCopyJSON(obj)
	unknown := pruning.PruneWithOptions(pruned, v.structural, true, structuralschema.UnknownFieldPathOptions{TrackUnknownFieldPaths: true})
	var errs field.ErrorList
	for _, p := range unknown {
		if !strings.HasPrefix(p, "metadata.") {
			errs = append(errs, field.Invalid(field.NewPath(p), nil, "unknown field"))
		}
	}
	obj = pruned
	defaulting.Default(obj, v.structural)
	errs = append(errs, validation.ValidateCustomResource(nil, obj, v.openapi)...)
	celErrs, _ := v.cel.Validate(context.Background(), nil, v.structural, obj, nil, celconfig.RuntimeCELCostBudget)
	errs = append(errs, celErrs...)
	if len(errs) > 0 {
		return errs.ToAggregate()
	}
	var typed gatewayv1.HTTPRoute
	if err := yaml.UnmarshalStrict(doc, &typed); err != nil {
		return fmt.Errorf("strict decode: %w", err)
	}
	return nil
}

func inputs(t *testing.T) map[string][]generators.File {
	out := map[string][]generators.File{"seed": gentest.Generated(gentest.Run(t, Target, gentest.Load(t, "testdata/seed/*.dpl")))}
	for _, c := range gentest.Cases(t) {
		out[c] = gentest.Generated(gentest.Run(t, Target, gentest.Load(t, "testdata/generate/cases/"+c+".dpl")))
	}
	return out
}

// TestCRDAcceptsGeneratedRoutes validates every route generated from the
// seeds and the cases.
func TestCRDAcceptsGeneratedRoutes(t *testing.T) {
	v := loadCRD(t)
	n := 0
	for name, files := range inputs(t) {
		for _, f := range files {
			n++
			if err := v.validate(f.Content); err != nil {
				t.Errorf("%s %s: %v", name, f.Path, err)
			}
		}
	}
	if n == 0 {
		t.Fatal("no HTTPRoute was generated from the seeds and cases")
	}
}

// TestValidatorRejects proves the schema, its CEL rules and the pruning
// each catch what a careless generator could write.
func TestValidatorRejects(t *testing.T) {
	v := loadCRD(t)
	head := "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: a}\nspec:\n  rules:\n  - backendRefs: [{name: a, port: 80}]\n"
	for _, c := range []struct{ name, rule, want string }{
		{"Go duration", "    timeouts: {request: 1.5s}", "spec.rules[0].timeouts.request"},
		{"backend longer than request", "    timeouts: {request: 1s, backendRequest: 2s}", "backendRequest timeout cannot be longer than request timeout"},
		{"zero attempts", "    retry: {attempts: 0}", "spec.rules[0].retry.attempts"},
		{"unknown field", "    retry: {attempts: 2, perTryTimeout: 1s}", "spec.rules[0].retry.perTryTimeout"},
		{"code out of range", "    retry: {attempts: 2, codes: [302]}", "spec.rules[0].retry.codes[0]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := v.validate([]byte(head + c.rule + "\n"))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// TestDurationForm pins the GEP-2257 form.
func TestDurationForm(t *testing.T) {
	for _, c := range []struct {
		in      string
		want    string
		rounded bool
	}{
		{"3550ms", "3s550ms", false}, {"90s", "1m30s", false}, {"1500us", "2ms", true},
		{"0s", "0s", false}, {"100000s", "27h46m40s", false},
	} {
		d, err := time.ParseDuration(c.in)
		if err != nil {
			t.Fatal(err)
		}
		got, rounded, err := gepDuration(d)
		if err != nil || got != c.want || rounded != c.rounded {
			t.Errorf("gepDuration(%s) = %q, %v, %v; want %q, %v", c.in, got, rounded, err, c.want, c.rounded)
		}
	}
	if _, _, err := gepDuration(100000 * 3600 * 1e9); err == nil || !strings.Contains(err.Error(), "100000h exceeds") {
		t.Errorf("100000h: got %v", err)
	}
}
