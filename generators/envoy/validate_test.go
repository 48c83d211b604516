package envoy

import (
	"strings"
	"testing"

	bootstrapv3 "github.com/envoyproxy/go-control-plane/envoy/config/bootstrap/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/local_ratelimit/v3"            // typed_config of the rate limit
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/router/v3"                     // typed_config of the router
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/http_connection_manager/v3" // typed_config of the listener
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/known/anypb"
	"sigs.k8s.io/yaml"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// validator is what go-control-plane's generated PGV code gives every
// message.
type validator interface{ ValidateAll() error }

// validate decodes an Envoy YAML file into a Bootstrap the way Envoy
// reads it (unknown fields are errors), runs the PGV rules and walks every
// Any: PGV does not descend into typed_config, so each one is unpacked and
// validated on its own.
func validate(content []byte) error {
	js, err := yaml.YAMLToJSON(content)
	if err != nil {
		return err
	}
	var b bootstrapv3.Bootstrap
	if err := protojson.Unmarshal(js, &b); err != nil {
		return err
	}
	if err := b.ValidateAll(); err != nil {
		return err
	}
	return walk(b.ProtoReflect())
}

func walk(m protoreflect.Message) error {
	var err error
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.IsList() && fd.Message() != nil:
			l := v.List()
			for i := 0; i < l.Len() && err == nil; i++ {
				err = visit(l.Get(i).Message())
			}
		case fd.IsMap() && fd.MapValue().Message() != nil:
			v.Map().Range(func(_ protoreflect.MapKey, mv protoreflect.Value) bool {
				err = visit(mv.Message())
				return err == nil
			})
		case fd.Message() != nil && !fd.IsMap():
			err = visit(v.Message())
		}
		return err == nil
	})
	return err
}

func visit(m protoreflect.Message) error {
	if a, ok := m.Interface().(*anypb.Any); ok {
		inner, err := a.UnmarshalNew()
		if err != nil {
			return err
		}
		if v, ok := inner.(validator); ok {
			if err := v.ValidateAll(); err != nil {
				return err
			}
		}
		return walk(proto.Message(inner).ProtoReflect())
	}
	return walk(m)
}

// TestGoControlPlaneAcceptsEveryOutput validates the seed's, every case's
// and every proxy case's output.
func TestGoControlPlaneAcceptsEveryOutput(t *testing.T) {
	all := cases(t)
	all["seed"] = "testdata/seed/*.dpl"
	for name, pattern := range all {
		for _, f := range gentest.Generated(gentest.Run(t, Target, gentest.Load(t, pattern))) {
			if err := validate(f.Content); err != nil {
				t.Errorf("%s: %s: %v", name, f.Path, err)
			}
		}
	}
}

// TestGoControlPlaneRejects proves the validator is the judge, down inside
// a typed_config: an empty stat_prefix in the connection manager and a
// Go-style duration are both refused.
func TestGoControlPlaneRejects(t *testing.T) {
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("x.dpl", `load_balancer X { servers: ["127.0.0.1:9"] }
fault_tolerance X { retry: 2, timeout: "100ms" }`)))
	src := string(files[0].Content)
	for bad, want := range map[string]string{
		strings.Replace(src, "stat_prefix: x", "stat_prefix: \"\"", 1):               "StatPrefix",
		strings.Replace(src, "per_try_timeout: 0.100s", "per_try_timeout: 100ms", 1): `invalid google.protobuf.Duration value "100ms"`,
	} {
		if bad == src {
			t.Fatalf("replacement did not apply for %s", want)
		}
		if err := validate([]byte(bad)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want an error naming %s, got %v", want, err)
		}
	}
}
