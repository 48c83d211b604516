package consul

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/consul/api"

	"github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/internal/gentest"
)

// validate decodes a generated registration strictly into Consul's own API
// type and applies the rules the agent enforces when it registers a
// service (agent/structs: ValidateServiceMetadata, CheckType.Validate, and
// the duration parsing of the check definition).
func validate(content []byte) (*api.AgentServiceRegistration, error) {
	var reg api.AgentServiceRegistration
	dec := json.NewDecoder(bytes.NewReader(content))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&reg); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if dec.More() {
		return nil, errors.New("more than one JSON value")
	}
	var errs []error
	if reg.Name == "" {
		errs = append(errs, errors.New("missing service name"))
	}
	errs = append(errs, validateMeta(reg.Meta)...)
	for _, c := range reg.Checks {
		if err := validateCheck(c); err != nil {
			errs = append(errs, fmt.Errorf("check %q: %w", c.CheckID, err))
		}
	}
	return &reg, errors.Join(errs...)
}

var consulMetaKey = regexp.MustCompile(`^[a-zA-Z0-9_-]+$`)

// validateMeta mirrors structs.ValidateServiceMetadata.
func validateMeta(meta map[string]string) []error {
	var errs []error
	if len(meta) > 64 {
		errs = append(errs, fmt.Errorf("node metadata cannot contain more than 64 key/value pairs"))
	}
	for k, v := range meta {
		switch {
		case k == "":
			errs = append(errs, errors.New("key cannot be blank"))
		case !consulMetaKey.MatchString(k):
			errs = append(errs, fmt.Errorf("key %q contains invalid characters", k))
		case len(k) > 128:
			errs = append(errs, fmt.Errorf("key %q is too long (limit: 128 characters)", k))
		case strings.HasPrefix(k, "consul-"):
			errs = append(errs, fmt.Errorf("key %q uses the reserved prefix consul-", k))
		case len(v) > 512:
			errs = append(errs, fmt.Errorf("value for key %q is too long (limit: 512 characters)", k))
		}
	}
	return errs
}

// validateCheck mirrors CheckType.Validate and the agent's parsing of the
// check's durations and targets.
func validateCheck(c *api.AgentServiceCheck) error {
	kinds := 0
	for _, set := range []bool{c.HTTP != "", c.TCP != "", c.GRPC != "", len(c.Args) > 0, c.TTL != ""} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		return fmt.Errorf("%d check kinds, want exactly one", kinds)
	}
	dur := func(field, v string) (time.Duration, error) {
		if v == "" {
			return 0, nil
		}
		d, err := time.ParseDuration(v)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", field, err)
		}
		return d, nil
	}
	interval, err := dur("Interval", c.Interval)
	if err != nil {
		return err
	}
	if interval <= 0 {
		return errors.New("Interval must be > 0 for Script, HTTP, H2PING, TCP, UDP or GRPC checks")
	}
	if _, err := dur("Timeout", c.Timeout); err != nil {
		return err
	}
	if _, err := dur("DeregisterCriticalServiceAfter", c.DeregisterCriticalServiceAfter); err != nil {
		return err
	}
	switch {
	case c.HTTP != "":
		u, err := url.Parse(c.HTTP)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("HTTP %q is not an http(s) URL", c.HTTP)
		}
	case c.TCP != "":
		if _, _, err := net.SplitHostPort(c.TCP); err != nil {
			return fmt.Errorf("TCP: %w", err)
		}
	case c.GRPC != "":
		hp, _, _ := strings.Cut(c.GRPC, "/")
		if _, _, err := net.SplitHostPort(hp); err != nil {
			return fmt.Errorf("GRPC: %w", err)
		}
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

// TestConsulAcceptsRegistrations validates every registration generated
// from the seeds and the cases, and checks that dpls recognizes each file
// as its own despite JSON having no comment for the header.
func TestConsulAcceptsRegistrations(t *testing.T) {
	n := 0
	for name, files := range inputs(t) {
		for _, f := range files {
			n++
			if _, err := validate(f.Content); err != nil {
				t.Errorf("%s %s: %v", name, f.Path, err)
			}
			if st := generators.Inspect(f.Content); st != generators.Intact {
				t.Errorf("%s %s: Inspect says %v", name, f.Path, st)
			}
			edited := bytes.Replace(f.Content, []byte(`"Name"`), []byte(`"Name" `), 1)
			if st := generators.Inspect(edited); st != generators.Edited {
				t.Errorf("%s %s: an edit reads as %v", name, f.Path, st)
			}
		}
	}
	if n == 0 {
		t.Fatal("no registration was generated from the seeds and cases")
	}
}

// TestValidatorRejects proves the validator catches what Consul would.
func TestValidatorRejects(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"unknown field", `{"Name":"a","Checks":[{"HTTP":"http://x/","Interval":"10s","Script":"true"}]}`, `unknown field "Script"`},
		{"config-file spelling", `{"name":"a","checks":[{"http":"http://x/","interval":"10s","deregister_critical_service_after":"1m"}]}`, `unknown field "deregister_critical_service_after"`},
		{"no interval", `{"Name":"a","Checks":[{"TCP":"localhost:1"}]}`, "Interval must be > 0"},
		{"spaced duration", `{"Name":"a","Checks":[{"TCP":"localhost:1","Interval":"10 s"}]}`, `Interval: time: unknown unit " s"`},
		{"path for http", `{"Name":"a","Checks":[{"HTTP":"/health","Interval":"10s"}]}`, "not an http(s) URL"},
		{"bad meta key", `{"Name":"a","Meta":{"a.b":"c"}}`, "invalid characters"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := validate([]byte(c.doc))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}
