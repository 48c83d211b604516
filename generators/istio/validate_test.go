package istio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/golang/protobuf/jsonpb" //nolint:staticcheck // the decoder Istio's own types use
	"github.com/golang/protobuf/proto"  //nolint:staticcheck // jsonpb takes the v1 message interface
	yamlv3 "gopkg.in/yaml.v3"
	networking "istio.io/api/networking/v1alpha3"
	"istio.io/istio/pkg/config"
	"istio.io/istio/pkg/config/validation"
	"sigs.k8s.io/yaml"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// object is the envelope of a generated manifest.
type object struct {
	APIVersion string          `json:"apiVersion"`
	Kind       string          `json:"kind"`
	Metadata   json.RawMessage `json:"metadata"`
	Spec       json.RawMessage `json:"spec"`
}

// validate checks one manifest as Istio's admission webhook does: a strict
// protobuf decode of the spec (typed client-go objects would silently drop
// unknown fields) and then ValidateDestinationRule / ValidateVirtualService.
// Warnings count as failures: dpls should not generate what Istio warns of.
func validate(doc []byte) error {
	js, err := yaml.YAMLToJSON(doc)
	if err != nil {
		return fmt.Errorf("yaml: %w", err)
	}
	var obj object
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&obj); err != nil {
		return fmt.Errorf("envelope: %w", err)
	}
	if obj.APIVersion != apiVersion {
		return fmt.Errorf("apiVersion %q, want %q", obj.APIVersion, apiVersion)
	}
	var meta struct {
		Name      string            `json:"name"`
		Namespace string            `json:"namespace"`
		Labels    map[string]string `json:"labels"`
	}
	if err := json.Unmarshal(obj.Metadata, &meta); err != nil {
		return fmt.Errorf("metadata: %w", err)
	}
	var spec proto.Message
	var check validation.ValidateFunc
	switch obj.Kind {
	case "DestinationRule":
		spec, check = &networking.DestinationRule{}, validation.ValidateDestinationRule
	case "VirtualService":
		spec, check = &networking.VirtualService{}, validation.ValidateVirtualService
	default:
		return fmt.Errorf("unexpected kind %q", obj.Kind)
	}
	um := jsonpb.Unmarshaler{AllowUnknownFields: false}
	if err := um.Unmarshal(bytes.NewReader(obj.Spec), spec); err != nil {
		return fmt.Errorf("%s spec: %w", obj.Kind, err)
	}
	ns := meta.Namespace
	if ns == "" {
		ns = "default"
	}
	warn, err := check(config.Config{Meta: config.Meta{Name: meta.Name, Namespace: ns}, Spec: spec})
	if err != nil {
		return fmt.Errorf("%s: %w", obj.Kind, err)
	}
	if warn != nil {
		return fmt.Errorf("%s: warning: %v", obj.Kind, warn)
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

// TestIstioAcceptsGeneratedObjects validates every object generated from
// the seeds and the cases.
func TestIstioAcceptsGeneratedObjects(t *testing.T) {
	n := 0
	for name, files := range inputs(t) {
		for _, f := range files {
			dec := yamlDocs(t, f.Content)
			for _, doc := range dec {
				n++
				if err := validate(doc); err != nil {
					t.Errorf("%s %s: %v", name, f.Path, err)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no Istio object was generated from the seeds and cases")
	}
}

// TestValidatorRejects proves the validator is not a rubber stamp: each
// broken object is one a careless generator could write.
func TestValidatorRejects(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"unknown field", `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: a}
spec: {host: a, trafficPolicy: {outlierDetection: {consecutiveErrorz: 5}}}`, "unknown field"},
		{"negative attempts", `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec: {hosts: [a], http: [{route: [{destination: {host: a}}], retries: {attempts: -1}}]}`, "attempts cannot be negative"},
		{"per-try timeout without retries", `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec: {hosts: [a], http: [{route: [{destination: {host: a}}], retries: {attempts: 0, perTryTimeout: 1s}}]}`, "attempts are set to 0"},
		{"bad retryOn", `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec: {hosts: [a], http: [{route: [{destination: {host: a}}], retries: {attempts: 2, retryOn: UNAVAILABLE}}]}`, `"UNAVAILABLE" is not a valid retryOn policy`},
		{"sub-millisecond", `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a}
spec: {hosts: [a], http: [{route: [{destination: {host: a}}], timeout: 1500us}]}`, "ms precision"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := validate([]byte(c.doc))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// yamlDocs splits a YAML stream into its documents.
func yamlDocs(t *testing.T, content []byte) [][]byte {
	t.Helper()
	var out [][]byte
	dec := yamlv3.NewDecoder(bytes.NewReader(content))
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := yaml.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
}
