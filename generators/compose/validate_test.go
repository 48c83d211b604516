package compose

import (
	"context"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// load loads a Compose file with compose-go, the library `docker compose`
// uses: schema validation, interpolation and the semantic checks.
func load(t *testing.T, file string) error {
	t.Helper()
	opts, err := cli.NewProjectOptions([]string{file}, cli.WithWorkingDirectory(filepath.Dir(file)), cli.WithInterpolation(true))
	if err != nil {
		return err
	}
	_, err = opts.LoadProject(context.Background())
	return err
}

// TestComposeGoLoadsEveryProject loads the seed's and every case's project.
func TestComposeGoLoadsEveryProject(t *testing.T) {
	names := append([]string{"seed"}, gentest.Cases(t)...)
	for _, name := range names {
		pattern := "testdata/generate/cases/" + name + ".dpl"
		if name == "seed" {
			pattern = "testdata/seed/*.dpl"
		}
		files := gentest.Generated(gentest.Run(t, Target, gentest.Load(t, pattern)))
		dir := gentest.WriteTemp(t, files)
		for _, f := range files {
			if err := load(t, filepath.Join(dir, filepath.FromSlash(f.Path))); err != nil {
				t.Errorf("%s: %s: %v", name, f.Path, err)
			}
		}
	}
}

// TestComposeGoInterpolationIsEscaped checks that `$` from DPL survives
// Compose's interpolation as itself, and "on" stays a string.
func TestComposeGoInterpolationIsEscaped(t *testing.T) {
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("x.dpl", `deploy_docker_compose App {
  services: ["app"]
  environment: { HOME_DIR: "${HOME}/x", PRICE: "$5", FLAG: "on" }
}`)))
	dir := gentest.WriteTemp(t, files)
	opts, err := cli.NewProjectOptions([]string{filepath.Join(dir, "compose", "app", "compose.yaml")}, cli.WithEnv([]string{"HOME=/root"}))
	if err != nil {
		t.Fatal(err)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	env := p.Services["app"].Environment
	if got := *env["HOME_DIR"]; got != "${HOME}/x" {
		t.Errorf("HOME_DIR = %q, want ${HOME}/x", got)
	}
	if got := *env["PRICE"]; got != "$5" {
		t.Errorf("PRICE = %q, want $5", got)
	}
	if got := *env["FLAG"]; got != "on" {
		t.Errorf("FLAG = %q, want on (YAML 1.1 reads a bare on as true)", got)
	}
}

// TestComposeGoRejects proves compose-go is the judge: an undefined
// volume fails to load.
func TestComposeGoRejects(t *testing.T) {
	dir := t.TempDir()
	f := path.Join("compose", "x", "compose.yaml")
	files := gentest.Generated(gentest.Run(t, Target, gentest.Source("x.dpl", `deploy_docker_compose X { services: ["x"] }`)))
	files[0].Content = append(files[0].Content, []byte("    volumes:\n      - missing:/data\n")...)
	dir = gentest.WriteTemp(t, files)
	err := load(t, filepath.Join(dir, filepath.FromSlash(f)))
	if err == nil || !strings.Contains(err.Error(), "undefined volume") {
		t.Fatalf("want an undefined volume error, got %v", err)
	}
}
