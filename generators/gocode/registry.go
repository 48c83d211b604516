package gocode

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// consulReg is a service_discovery block with registry consul, as the
// agent's /v1/agent/service/register body takes it.
type consulReg struct {
	Name     string
	Tags     []string
	MetaKeys []string
	Meta     map[string]string
	HTTPPath string
	TCP      string
	GRPC     string
	Script   string
	Interval string
	Timeout  string
	Dereg    string
}

// registration reads service_discovery when it names consul; other
// registries get a note (etcd needs its client module, kubernetes
// registers through the Service object, the rest have no Go API here).
func (s *gen) registration() (consulReg, bool) {
	ref, ok := s.svc.Block("service_discovery")
	if !ok || !s.out.Wants("service_discovery") {
		return consulReg{}, false
	}
	v := typed.Of(ref.Block)
	reg, span, _ := v.String("registry")
	if reg != "consul" {
		if reg == "" {
			span = ref.Block.Name.Span
		}
		s.note(ref, span, "service_discovery registry "+strconv.Quote(reg)+": the Go target registers with consul only; not generated")
		return consulReg{}, false
	}
	s.sources = append(s.sources, ref)
	r := consulReg{Name: s.svc.Name, Meta: map[string]string{}}
	if n, _, ok := v.String("service_name"); ok {
		r.Name = n
	}
	r.Tags, _, _ = v.Strings("service_tags")
	if meta, ok := v.Sub("metadata"); ok {
		for _, m := range meta.Obj.Members {
			if str, isStr := m.Value.(*model.String); isStr {
				if _, dup := r.Meta[m.Key.Text]; !dup {
					r.MetaKeys = append(r.MetaKeys, m.Key.Text)
				}
				r.Meta[m.Key.Text] = str.Value
			} else {
				s.note(ref, m.Key.Span, "service_discovery.metadata."+m.Key.Text+" is not a string; Consul metadata values are strings; not generated")
			}
		}
	}
	r.HTTPPath, _, _ = v.String("health_check", "http")
	r.TCP, _, _ = v.String("health_check", "tcp")
	r.GRPC, _, _ = v.String("health_check", "grpc")
	r.Script, _, _ = v.String("health_check", "script")
	if d, _, ok := v.Duration("health_check", "interval"); ok {
		r.Interval = g.SingleUnit(d)
	}
	if d, _, ok := v.Duration("health_check", "timeout"); ok {
		r.Timeout = g.SingleUnit(d)
	}
	if d, _, ok := v.Duration("health_check", "deregister_critical_service_after"); ok {
		r.Dereg = g.SingleUnit(d)
	}
	if r.Script != "" {
		s.note(ref, v.KeySpan("health_check", "script"), "service_discovery.health_check.script runs only when the Consul agent sets enable_script_checks")
	}
	if _, ok := v.Sub("discovery"); ok {
		s.note(ref, v.KeySpan("discovery"), "service_discovery.discovery is client-side lookup; the Go target generates registration only; not generated")
	}
	return r, true
}

// checks are the registration's health checks as Go composite literals.
func (r consulReg) checks() []string {
	var out []string
	common := ""
	if r.Interval != "" {
		common += ", Interval: " + strconv.Quote(r.Interval)
	}
	if r.Timeout != "" {
		common += ", Timeout: " + strconv.Quote(r.Timeout)
	}
	if r.Dereg != "" {
		common += ", DeregisterCriticalServiceAfter: " + strconv.Quote(r.Dereg)
	}
	if r.HTTPPath != "" {
		out = append(out, "{HTTP: base + "+strconv.Quote(r.HTTPPath)+common+"}")
	}
	if r.TCP != "" {
		out = append(out, "{TCP: "+strconv.Quote(r.TCP)+common+"}")
	}
	if r.GRPC != "" {
		out = append(out, "{GRPC: "+strconv.Quote(r.GRPC)+common+"}")
	}
	if r.Script != "" {
		out = append(out, "{Args: []string{\"sh\", \"-c\", "+strconv.Quote(r.Script)+"}"+common+"}")
	}
	return out
}

// source is registry.go.
func (r consulReg) source(pkg string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\n", pkg)
	strconvImport := ""
	if r.HTTPPath != "" {
		strconvImport = "\t\"strconv\"\n"
	}
	b.WriteString(`import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
` + strconvImport + `)

// Check is one Consul agent check.
type Check struct {
	HTTP                           string   ` + "`json:\",omitempty\"`" + `
	TCP                            string   ` + "`json:\",omitempty\"`" + `
	GRPC                           string   ` + "`json:\",omitempty\"`" + `
	Args                           []string ` + "`json:\",omitempty\"`" + `
	Interval                       string   ` + "`json:\",omitempty\"`" + `
	Timeout                        string   ` + "`json:\",omitempty\"`" + `
	DeregisterCriticalServiceAfter string   ` + "`json:\",omitempty\"`" + `
}

// Registration is the body of Consul's PUT /v1/agent/service/register.
type Registration struct {
	ID      string
	Name    string
	Tags    []string          ` + "`json:\",omitempty\"`" + `
	Address string
	Port    int
	Meta    map[string]string ` + "`json:\",omitempty\"`" + `
	Checks  []Check           ` + "`json:\",omitempty\"`" + `
}

`)
	b.WriteString(g.SlashComment("NewRegistration is the service_discovery block of DPL for the instance id listening on address:port; an HTTP check's path is resolved against that address."))
	b.WriteString("func NewRegistration(id, address string, port int) Registration {\n")
	if r.HTTPPath != "" {
		b.WriteString("\tbase := \"http://\" + address + \":\" + strconv.Itoa(port)\n")
	}
	b.WriteString("\treturn Registration{\n\t\tID: id,\n")
	fmt.Fprintf(&b, "\t\tName: %s,\n", strconv.Quote(r.Name))
	if len(r.Tags) > 0 {
		q := make([]string, len(r.Tags))
		for i, t := range r.Tags {
			q[i] = strconv.Quote(t)
		}
		fmt.Fprintf(&b, "\t\tTags: []string{%s},\n", strings.Join(q, ", "))
	}
	b.WriteString("\t\tAddress: address,\n\t\tPort: port,\n")
	if len(r.MetaKeys) > 0 {
		b.WriteString("\t\tMeta: map[string]string{\n")
		for _, k := range r.MetaKeys {
			fmt.Fprintf(&b, "\t\t\t%s: %s,\n", strconv.Quote(k), strconv.Quote(r.Meta[k]))
		}
		b.WriteString("\t\t},\n")
	}
	if cs := r.checks(); len(cs) > 0 {
		b.WriteString("\t\tChecks: []Check{\n")
		for _, c := range cs {
			fmt.Fprintf(&b, "\t\t\t%s,\n", c)
		}
		b.WriteString("\t\t},\n")
	}
	b.WriteString("\t}\n}\n")
	b.WriteString(`
// Register registers reg with the Consul agent at agent (a base URL such
// as "http://127.0.0.1:8500").
func Register(ctx context.Context, client *http.Client, agent string, reg Registration) error {
	body, err := json.Marshal(reg)
	if err != nil {
		return fmt.Errorf("encoding the registration of %s: %w", reg.ID, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, agent+"/v1/agent/service/register", bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("registering %s: %w", reg.ID, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("registering %s with %s: %w", reg.ID, agent, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("registering %s with %s: %s", reg.ID, agent, resp.Status)
	}
	return nil
}

// Deregister removes the instance id from the Consul agent at agent.
func Deregister(ctx context.Context, client *http.Client, agent, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, agent+"/v1/agent/service/deregister/"+url.PathEscape(id), nil)
	if err != nil {
		return fmt.Errorf("deregistering %s: %w", id, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("deregistering %s from %s: %w", id, agent, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("deregistering %s from %s: %s", id, agent, resp.Status)
	}
	return nil
}
`)
	return b.Bytes()
}
