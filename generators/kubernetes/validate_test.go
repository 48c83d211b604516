package kubernetes

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	apimachineryval "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/api/validation/path"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	"k8s.io/kubernetes/pkg/apis/apps"
	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	appsval "k8s.io/kubernetes/pkg/apis/apps/validation"
	"k8s.io/kubernetes/pkg/apis/autoscaling"
	_ "k8s.io/kubernetes/pkg/apis/autoscaling/install"
	autoval "k8s.io/kubernetes/pkg/apis/autoscaling/validation"
	"k8s.io/kubernetes/pkg/apis/core"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
	corevalidation "k8s.io/kubernetes/pkg/apis/core/validation"
	"k8s.io/kubernetes/pkg/apis/policy"
	_ "k8s.io/kubernetes/pkg/apis/policy/install"
	policyval "k8s.io/kubernetes/pkg/apis/policy/validation"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// validate runs one generated manifest through what the API server does
// with a create request: a strict decode (unknown fields and wrong types
// are errors), defaulting, conversion to the internal types, and the
// kind's validation from k8s.io/kubernetes. An object without a namespace
// gets "default", as the server takes it from the request path.
func validate(doc []byte) error {
	s := legacyscheme.Scheme
	ser := json.NewSerializerWithOptions(json.DefaultMetaFactory, s, s, json.SerializerOptions{Yaml: true, Strict: true})
	obj, _, err := ser.Decode(doc, nil, nil)
	if err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	s.Default(obj)
	in, err := s.ConvertToVersion(obj, runtime.InternalGroupVersioner)
	if err != nil {
		return fmt.Errorf("convert: %w", err)
	}
	var errs field.ErrorList
	switch o := in.(type) {
	case *apps.Deployment:
		defaultNamespace(&o.ObjectMeta.Namespace)
		errs = appsval.ValidateDeployment(o, corevalidation.PodValidationOptions{})
	case *core.Service:
		defaultNamespace(&o.ObjectMeta.Namespace)
		errs = corevalidation.ValidateServiceCreate(o)
	case *core.ConfigMap:
		defaultNamespace(&o.ObjectMeta.Namespace)
		errs = corevalidation.ValidateConfigMap(o)
	case *autoscaling.HorizontalPodAutoscaler:
		defaultNamespace(&o.ObjectMeta.Namespace)
		errs = autoval.ValidateHorizontalPodAutoscaler(o, autoval.HorizontalPodAutoscalerSpecValidationOptions{MinReplicasLowerBound: 1})
	case *policy.PodDisruptionBudget:
		defaultNamespace(&o.ObjectMeta.Namespace)
		// The PDB strategy validates only the spec; the generic registry
		// checks the metadata of every object before create.
		errs = apimachineryval.ValidateObjectMeta(&o.ObjectMeta, true, path.ValidatePathSegmentName, field.NewPath("metadata"))
		errs = append(errs, policyval.ValidatePodDisruptionBudget(o, policyval.PodDisruptionBudgetValidationOptions{})...)
	default:
		return fmt.Errorf("no validation for %T", in)
	}
	return errs.ToAggregate()
}

func defaultNamespace(ns *string) {
	if *ns == "" {
		*ns = "default"
	}
}

// validateAll validates every generated manifest and returns the errors
// by file, in file order.
func validateAll(files []generators.File) []string {
	var out []string
	for _, f := range gentest.Generated(files) {
		if err := validate(f.Content); err != nil {
			out = append(out, f.Path+": "+err.Error())
		}
	}
	return out
}

// TestAPIServerAcceptsSeedAndCases validates everything the goldens hold.
func TestAPIServerAcceptsSeedAndCases(t *testing.T) {
	for _, c := range append([]string{"seed"}, gentest.Cases(t)...) {
		pattern := "testdata/seed/*.dpl"
		if c != "seed" {
			pattern = "testdata/generate/cases/" + c + ".dpl"
		}
		files := gentest.Run(t, Target, gentest.Load(t, pattern))
		n := len(gentest.Generated(files))
		if errs := validateAll(files); len(errs) > 0 {
			t.Errorf("%s: the API server rejects:\n%s", c, strings.Join(errs, "\n"))
		}
		t.Logf("%s: %d manifests accepted", c, n)
	}
}

// badNamespace is the API server's message for an invalid namespace.
const badNamespace = `metadata.namespace: Invalid value: "Not_A_Label": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`

// TestAPIServerRejects proves the validator is real: objects the server
// refuses are refused here, with the server's own messages.
func TestAPIServerRejects(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"requests above limits", `deploy_kubernetes Api {
  image: "example/api:1.0.0"
  resources: { requests: { cpu: "2" }, limits: { cpu: "1" } }
}`, `kubernetes/api/deployment.yaml: spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1`},
		{"hpa min above max", `deploy_kubernetes Api {
  image: "example/api:1.0.0"
  horizontal_pod_autoscaler: { min_replicas: 5, max_replicas: 2 }
}`, `kubernetes/api/hpa.yaml: spec.maxReplicas: Invalid value: 2: must be greater than or equal to ` + "`minReplicas`"},
		{"bad namespace", `deploy_kubernetes Api {
  image: "example/api:1.0.0"
  namespace: "Not_A_Label"
}`, "kubernetes/api/deployment.yaml: " + badNamespace + "\nkubernetes/api/pdb.yaml: " + badNamespace + "\nkubernetes/api/service.yaml: " + badNamespace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := gentest.Run(t, Target, gentest.Source("case.dpl", tt.src))
			errs := strings.Join(validateAll(files), "\n")
			if errs != tt.want {
				t.Errorf("the API server's errors:\n%s\nwant:\n%s", errs, tt.want)
			}
		})
	}
}

// TestStrictDecodeRejectsUnknownFields checks the decode half on its own.
func TestStrictDecodeRejectsUnknownFields(t *testing.T) {
	doc := []byte("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {}\nextra: 1\n")
	err := validate(doc)
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte(`unknown field "extra"`)) {
		t.Fatalf("want unknown field error, got %v", err)
	}
}
