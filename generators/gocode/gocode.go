package gocode

import (
	"bytes"
	"fmt"
	"go/format"
	"path"
	"strings"
	"unicode"

	"github.com/dpls-dev/dpls/analysis/rule"
	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/policy"
)

// name is the target's name on the command line and in headers.
const name = "go"

// FailsafeVersion is the failsafe-go release the code is written against.
const FailsafeVersion = "v0.9.8"

// Target generates Go code with failsafe-go.
var Target = g.Target{
	Name:     name,
	Title:    "Go client and handler (net/http + failsafe-go)",
	Kinds:    []string{"generate_go"},
	Generate: Generate,
}

// gen carries one service's generation.
type gen struct {
	svc     g.Service
	out     policy.Output
	pol     policy.Policy
	hasPol  bool
	pkg     string
	notes   []g.Note
	sources []rule.Ref
}

// Generate writes the Go package for svc's generate_go block.
func Generate(svc g.Service) (g.Result, error) {
	out, ok := policy.ReadOutput(svc, "generate_go", "module")
	if !ok {
		return g.Result{}, nil
	}
	s := &gen{svc: svc, out: out, sources: []rule.Ref{out.Ref}}
	if out.Directory == "" {
		dir, err := g.KubeName(svc.Name)
		if err != nil {
			return g.Result{}, fmt.Errorf("naming the output directory: %w", err)
		}
		s.out.Directory = "go/" + dir
	}
	s.pkg = packageName(out.Package, svc.Name)
	if out.Framework != "" && out.Framework != "net_http" && out.Framework != "go_micro" {
		s.note(out.Ref, out.Ref.Block.Name.Span, "framework "+out.Framework+" is generated as net/http + failsafe-go")
	}
	if out.Framework == "go_micro" {
		s.note(out.Ref, out.Ref.Block.Name.Span, "framework go_micro is generated as net/http + failsafe-go (go-micro is not available from the module proxy)")
	}
	if out.Wants("fault_tolerance") {
		s.pol, s.hasPol = policy.Read(svc)
	}
	if s.hasPol {
		s.sources = append(s.sources, s.pol.Ref)
	} else {
		s.note(out.Ref, out.Ref.Block.Name.Span, svc.Name+" declares no fault_tolerance block: the client runs without policies")
	}
	cfg := s.config()

	var files []g.File
	add := func(file string, body []byte) error {
		f, err := s.goFile(file, body)
		if err != nil {
			return err
		}
		files = append(files, f)
		return nil
	}
	if err := add("resilience.go", s.resilience(cfg)); err != nil {
		return g.Result{}, err
	}
	if err := add("handler.go", s.handler()); err != nil {
		return g.Result{}, err
	}
	reg, hasReg := s.registration()
	if hasReg {
		if err := add("registry.go", reg.source(s.pkg)); err != nil {
			return g.Result{}, err
		}
	}
	tests, tnotes := policy.SelectTests(name, svc, policy.Go)
	s.notes = append(s.notes, tnotes...)
	if tests.Unit || tests.Integration {
		if err := add("helpers_test.go", s.helpers()); err != nil {
			return g.Result{}, err
		}
	}
	if tests.Unit {
		if err := add("resilience_test.go", s.unitTests(cfg, reg, hasReg)); err != nil {
			return g.Result{}, err
		}
	}
	if tests.Integration {
		if err := add("integration_test.go", s.integrationTest()); err != nil {
			return g.Result{}, err
		}
	}
	if mod, ok := s.goMod(); ok {
		files = append(files, mod)
	}
	s.notes = append(s.notes, s.out.Unsupported(name, svc, "fault_tolerance", "service_discovery")...)
	return g.Result{Files: files, Notes: s.notes}, nil
}

func (s *gen) note(r rule.Ref, span g.Span, msg string) {
	s.notes = append(s.notes, g.NoteAt(name, r, span, msg))
}

// goFile gofmts body (a syntax error here is a bug in this package) and
// seals it with dpls's header.
func (s *gen) goFile(file string, body []byte) (g.File, error) {
	src, err := format.Source(body)
	if err != nil {
		return g.File{}, fmt.Errorf("formatting %s: %w\n%s", file, err, body)
	}
	return g.File{Path: s.out.Join(file), Content: g.Seal("//", name, s.sources, append([]byte("\n"), src...))}, nil
}

// goMod writes go.mod when generate_go names the module.
func (s *gen) goMod() (g.File, bool) {
	if s.out.Package == "" {
		return g.File{}, false
	}
	if !validModulePath(s.out.Package) {
		s.note(s.out.Ref, s.out.PackageSpan, "output.module "+strconvQuote(s.out.Package)+" is not a valid Go module path; go.mod not generated")
		return g.File{}, false
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "\nmodule %s\n\ngo 1.22\n\nrequire github.com/failsafe-go/failsafe-go %s\n", s.out.Package, FailsafeVersion)
	return g.File{Path: s.out.Join("go.mod"), Content: g.Seal("//", name, s.sources, b.Bytes())}, true
}

// validModulePath accepts the characters Go module paths allow, with at
// least one dot in the first element as the go command requires.
func validModulePath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") || strings.Contains(p, "//") || strings.Contains(p, "..") {
		return false
	}
	for _, r := range p {
		if !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-._~/", r))) {
			return false
		}
	}
	first, _, _ := strings.Cut(p, "/")
	return strings.Contains(first, ".")
}

// packageName derives a Go package name from the module path's last
// element, or from the service name: lower-case letters and digits,
// starting with a letter, never a keyword.
func packageName(module, service string) string {
	base := service
	if module != "" {
		base = path.Base(module)
	}
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if out == "" || out[0] >= '0' && out[0] <= '9' {
		out = "svc" + out
	}
	if goKeywords[out] {
		out += "pkg"
	}
	return out
}

var goKeywords = map[string]bool{
	"break": true, "case": true, "chan": true, "const": true, "continue": true, "default": true,
	"defer": true, "else": true, "fallthrough": true, "for": true, "func": true, "go": true, "goto": true,
	"if": true, "import": true, "interface": true, "map": true, "package": true, "range": true,
	"return": true, "select": true, "struct": true, "switch": true, "type": true, "var": true,
	// names the generated code imports or declares at package level
	"http": true, "time": true, "main": true,
}
