package istio

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	apiext "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	structuralschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning"
	apivalidation "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	"k8s.io/apimachinery/pkg/runtime"
	utiljson "k8s.io/apimachinery/pkg/util/json"
	"k8s.io/apimachinery/pkg/util/validation/field"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
	"sigs.k8s.io/yaml"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// crdFile holds Istio's CRDs in the istio.io/istio module the tests build
// with.
const crdFile = "manifests/charts/base/files/crd-all.gen.yaml"

// crdSchema is one kind's v1 schema as the API server runs it.
type crdSchema struct {
	structural *structuralschema.Structural
	openapi    apivalidation.SchemaValidator
	cel        *cel.Validator
}

// loadCRDs reads the v1 schemas of DestinationRule and VirtualService.
func loadCRDs(t *testing.T) map[string]*crdSchema {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(moduleDir(t, "istio.io/istio"), crdFile))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*crdSchema{}
	dec := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(raw)))
	for {
		doc, err := dec.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		var crd apiextv1.CustomResourceDefinition
		if err := yaml.Unmarshal(doc, &crd); err != nil {
			t.Fatal(err)
		}
		kind := crd.Spec.Names.Kind
		if crd.Spec.Group != "networking.istio.io" || (kind != "DestinationRule" && kind != "VirtualService") {
			continue
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
			sv, _, err := apivalidation.NewSchemaValidator(&internal)
			if err != nil {
				t.Fatal(err)
			}
			out[kind] = &crdSchema{structural: ss, openapi: sv, cel: cel.NewValidator(ss, true, celconfig.PerCallLimit)}
		}
	}
	if len(out) != 2 {
		t.Fatalf("%s: found v1 schemas for %d of DestinationRule, VirtualService", crdFile, len(out))
	}
	return out
}

// validateCRD checks one object as the API server does on create:
// unknown fields, defaults, the OpenAPI schema and the CEL rules.
func validateCRD(schemas map[string]*crdSchema, doc []byte) error {
	js, err := yaml.YAMLToJSON(doc)
	if err != nil {
		return fmt.Errorf("yaml: %w", err)
	}
	var obj map[string]any
	if err := utiljson.Unmarshal(js, &obj); err != nil {
		return fmt.Errorf("json: %w", err)
	}
	kind, _ := obj["kind"].(string)
	s := schemas[kind]
	if s == nil {
		return fmt.Errorf("no CRD for kind %q", kind)
	}
	pruned := runtime.DeepCopyJSON(obj)
	unknown := pruning.PruneWithOptions(pruned, s.structural, true, structuralschema.UnknownFieldPathOptions{TrackUnknownFieldPaths: true})
	var errs field.ErrorList
	for _, p := range unknown {
		if !strings.HasPrefix(p, "metadata.") {
			errs = append(errs, field.Invalid(field.NewPath(p), nil, "unknown field"))
		}
	}
	defaulting.Default(pruned, s.structural)
	errs = append(errs, apivalidation.ValidateCustomResource(nil, pruned, s.openapi)...)
	celErrs, _ := s.cel.Validate(context.Background(), nil, s.structural, pruned, nil, celconfig.RuntimeCELCostBudget)
	errs = append(errs, celErrs...)
	return errs.ToAggregate()
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
		if f := strings.Fields(line); len(f) >= 2 && f[0] == module {
			version = f[1]
		}
	}
	if version == "" {
		t.Fatalf("go.mod does not require %s", module)
	}
	out, err := goEnv("GOMODCACHE")
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(out, module+"@"+version)
}

// TestCRDAcceptsGeneratedObjects runs every generated object through the
// CRD schemas and CEL rules Istio installs in a cluster.
func TestCRDAcceptsGeneratedObjects(t *testing.T) {
	schemas := loadCRDs(t)
	n := 0
	for name, files := range inputs(t) {
		for _, f := range files {
			for _, doc := range yamlDocs(t, f.Content) {
				n++
				if err := validateCRD(schemas, doc); err != nil {
					t.Errorf("%s %s: %v", name, f.Path, err)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no Istio object was generated")
	}
}

// TestCRDRejects proves the CRD check catches what the CEL rules guard.
func TestCRDRejects(t *testing.T) {
	schemas := loadCRDs(t)
	for _, c := range []struct{ name, doc, want string }{
		{"per-try below 1ms", `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec: {hosts: [a], http: [{route: [{destination: {host: a}}], retries: {attempts: 2, perTryTimeout: 500us}}]}`, "must be a valid duration greater than 1ms"},
		{"unknown field", `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: a}
spec: {host: a, trafficPolicy: {connectionPool: {http: {maxConcurrentCalls: 3}}}}`, "maxConcurrentCalls"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := validateCRD(schemas, []byte(c.doc))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// goEnv reads one variable of `go env`.
func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	return strings.TrimSpace(string(out)), err
}
