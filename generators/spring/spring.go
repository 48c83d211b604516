package spring

import (
	"fmt"
	"strings"

	"github.com/dpls-dev/dpls/analysis/rule"
	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/policy"
)

// Target generates Spring Boot + Resilience4j code.
var Target = g.Target{
	Name:     "spring",
	Title:    "Spring Boot + Resilience4j client and configuration",
	Kinds:    []string{"generate_java"},
	Generate: func(svc g.Service) (g.Result, error) { return generate(svc, false) },
}

// HystrixTarget generates the legacy Hystrix form.
var HystrixTarget = g.Target{
	Name:     "hystrix",
	Title:    "Spring Cloud Netflix Hystrix (legacy, maintenance mode)",
	Kinds:    []string{"generate_java"},
	Generate: func(svc g.Service) (g.Result, error) { return generate(svc, true) },
	OptIn:    true,
}

// gen carries one service's generation.
type gen struct {
	target  string
	hystrix bool
	svc     g.Service
	out     policy.Output
	pol     policy.Policy
	hasPol  bool
	pkg     string
	class   string
	notes   []g.Note
	// comments repeat the notes in the Java client's header.
	comments []string
	sources  []rule.Ref
	lb       *balancer
}

func generate(svc g.Service, hystrix bool) (g.Result, error) {
	target := "spring"
	if hystrix {
		target = "hystrix"
	}
	out, ok := policy.ReadOutput(svc, "generate_java", "package")
	if !ok {
		return g.Result{}, nil
	}
	s := &gen{target: target, hystrix: hystrix, svc: svc, out: out, class: className(svc.Name), sources: []rule.Ref{out.Ref}}
	if out.Directory == "" {
		// One project per service, so two services never write the same
		// application.yml.
		dir, err := g.KubeName(svc.Name)
		if err != nil {
			return g.Result{}, fmt.Errorf("naming the output directory: %w", err)
		}
		s.out.Directory = "java/" + dir + "/src/main/java"
	}
	s.pkg = out.Package
	if !validPackage(s.pkg) {
		s.pkg = defaultPackage(svc.Name)
		if out.Package != "" {
			s.note(out.Ref, out.PackageSpan, "output.package is not a valid Java package name; using "+s.pkg)
		}
	}
	if out.Framework == "quarkus" {
		s.note(out.Ref, out.Ref.Block.Name.Span, "framework quarkus is generated as Spring Boot")
	}
	if hystrix {
		s.note(out.Ref, out.Ref.Block.Name.Span, "Hystrix has been in maintenance mode since 2018 and left Spring Cloud in 2020.0; target spring generates Resilience4j")
	}
	if out.Wants("fault_tolerance") {
		s.pol, s.hasPol = policy.Read(svc)
	}
	if s.hasPol {
		s.sources = append(s.sources, s.pol.Ref)
	} else {
		s.note(out.Ref, out.Ref.Block.Name.Span, svc.Name+" declares no fault_tolerance block: the client has no policies")
	}
	if out.Wants("load_balancer") && !hystrix {
		s.lb = s.readBalancer()
	}
	var files []g.File
	yml, err := s.applicationYAML()
	if err != nil {
		return g.Result{}, err
	}
	files = append(files, yml)
	files = append(files, s.javaFile(s.class+"Client", s.client()))
	fb := s.fallback()
	if fb != nil {
		files = append(files, s.javaFile(s.class+"Fallback", fb.source(s)))
	}
	if s.lb != nil && !hystrix {
		files = append(files, s.javaFile(s.class+"LoadBalancerConfig", s.lb.source(s)))
	}
	tests, tnotes := policy.SelectTests(s.target, svc, policy.Java)
	s.notes = append(s.notes, tnotes...)
	if tests.Unit {
		if fb != nil {
			files = append(files, g.File{Path: s.testPath(s.class + "FallbackTest.java"), Content: g.Seal("//", s.target, s.sources, fb.test(s))})
		} else {
			s.note(out.Ref, out.Ref.Block.Name.Span, "no JUnit test generated: without a fallback nothing of the client runs without Spring")
		}
	}
	if tests.Integration {
		s.note(out.Ref, out.Ref.Block.Name.Span, "integration tests need a Spring context (Maven/Gradle dependencies); not generated for Java")
	}
	supported := []string{"fault_tolerance", "load_balancer"}
	if hystrix {
		supported = supported[:1]
	}
	s.notes = append(s.notes, s.out.Unsupported(s.target, svc, supported...)...)
	return g.Result{Files: files, Notes: s.notes}, nil
}

func (s *gen) note(r rule.Ref, span g.Span, msg string) {
	s.notes = append(s.notes, g.NoteAt(s.target, r, span, msg))
	s.comments = append(s.comments, msg)
}

// polNote notes a fault_tolerance member.
func (s *gen) polNote(msg string, path ...string) {
	s.notes = append(s.notes, s.pol.Note(s.target, msg, path...))
	s.comments = append(s.comments, msg)
}

// pkgDir is the package as a path.
func (s *gen) pkgDir() string { return strings.ReplaceAll(s.pkg, ".", "/") }

// javaFile seals a main source file.
func (s *gen) javaFile(class, body string) g.File {
	return g.File{Path: s.out.Join(s.pkgDir(), class+".java"), Content: g.Seal("//", s.target, s.sources, []byte(body))}
}

// testPath puts a test next to the sources: src/test/java when the
// sources are in src/main/java, else the same directory.
func (s *gen) testPath(file string) string {
	dir := s.out.Directory
	if strings.HasSuffix(dir, "src/main/java") {
		dir = strings.TrimSuffix(dir, "src/main/java") + "src/test/java"
	}
	return strings.TrimPrefix(dir+"/", "/") + s.pkgDir() + "/" + file
}

// resourcePath puts application.yml in src/main/resources when the
// sources are in src/main/java, else beside them.
func (s *gen) resourcePath(file string) string {
	dir := s.out.Directory
	if strings.HasSuffix(dir, "src/main/java") {
		return strings.TrimSuffix(dir, "src/main/java") + "src/main/resources/" + file
	}
	return s.out.Join(file)
}

// header starts every Java source: package and a doc line.
func (s *gen) header(b *strings.Builder, imports []string) {
	b.WriteString("\npackage " + s.pkg + ";\n\n")
	for _, im := range imports {
		fmt.Fprintf(b, "import %s;\n", im)
	}
	if len(imports) > 0 {
		b.WriteString("\n")
	}
}
