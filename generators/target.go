package generators

import (
	"fmt"
	"path"
	"sort"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// Target is one generator: Kinds are the block kinds it consumes (a name
// with none of them has nothing to generate), and Generate turns
// everything declared for one name into files. Generate is pure and
// deterministic: the same model gives the same bytes.
type Target struct {
	// Name is the --target value: "kubernetes".
	Name string
	// Title names the output for people: "Kubernetes manifests".
	Title string
	// Kinds are the block kinds that trigger the target, in the order the
	// code lens lists them.
	Kinds []string
	// Generate builds the files for one service.
	Generate func(Service) (Result, error)
	// OptIn targets are alternatives to another target that writes the
	// same files (hystrix for spring): they run only when named, never as
	// part of "all", so "all" cannot write one path twice.
	OptIn bool
}

// Consumes reports whether the target reads blocks of kind.
func (t Target) Consumes(kind string) bool {
	for _, k := range t.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// Applies reports whether svc declares a block the target consumes.
func (t Target) Applies(svc Service) bool {
	for _, r := range svc.Blocks {
		if t.Consumes(r.Block.Kind.Text) {
			return true
		}
	}
	return false
}

// File is one generated file. Path is slash-separated and relative to the
// output directory; Content starts with dpls's header (see Seal).
type File struct {
	Path    string
	Content []byte
}

// Note says what a target could not carry over, or what it assumed: a DPL
// setting with no equivalent, a value that was defaulted. The output file
// says the same in a comment; `dpls generate` prints notes to stderr.
type Note struct {
	rule.Location
	Target  string
	Message string
}

// String renders a note without positions (the CLI adds them).
func (n Note) String() string { return n.Target + ": " + n.Message }

// Result is what a target made for one service.
type Result struct {
	Files []File
	Notes []Note
}

// Run generates svc with t and checks the result: every path is local
// (no "..", not absolute) and appears once. Files come back sorted by path.
func Run(t Target, svc Service) (Result, error) {
	res, err := t.Generate(svc)
	if err != nil {
		return Result{}, fmt.Errorf("%s for %s: %w", t.Name, svc.Name, err)
	}
	seen := map[string]bool{}
	for _, f := range res.Files {
		if err := CheckPath(f.Path); err != nil {
			return Result{}, fmt.Errorf("%s for %s: %w", t.Name, svc.Name, err)
		}
		if seen[path.Clean(f.Path)] {
			return Result{}, fmt.Errorf("%s for %s: file %s generated twice", t.Name, svc.Name, f.Path)
		}
		seen[path.Clean(f.Path)] = true
	}
	sort.Slice(res.Files, func(i, j int) bool { return res.Files[i].Path < res.Files[j].Path })
	return res, nil
}
