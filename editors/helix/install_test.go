package helix

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestInstallScript runs install.sh twice into an existing Helix
// configuration and checks what Helix would load: a languages.toml it
// accepts, with the user's own settings kept, one dpl language and the
// grammar path pointing at this checkout; a grammar library exporting the
// symbol Helix looks up (tree_sitter_<grammar name>); the queries.
func TestInstallScript(t *testing.T) {
	if _, err := exec.LookPath("cc"); err != nil && os.Getenv("CC") == "" {
		t.Skip("no C compiler (cc or $CC): install.sh compiles the grammar")
	}
	dir := t.TempDir()
	const userConfig = "[language-server.rust-analyzer.config]\ncheck.command = \"clippy\"\n"
	if err := os.WriteFile(filepath.Join(dir, "languages.toml"), []byte(userConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		cmd := exec.Command("./install.sh")
		cmd.Env = append(os.Environ(), "HELIX_CONFIG_DIR="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("install.sh: %v\n%s", err, out)
		}
	}

	data, err := os.ReadFile(filepath.Join(dir, "languages.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), userConfig) {
		t.Errorf("the user's settings were not kept:\n%s", data)
	}
	cfg, err := decodeStrict(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Language) != 1 || cfg.Language[0].Name != "dpl" {
		t.Fatalf("want exactly one dpl language after two installs, got %+v", cfg.Language)
	}
	wantGrammar, err := filepath.Abs(filepath.Join("..", "..", "grammar"))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Grammar[0].Source.Path; got != wantGrammar {
		t.Errorf("grammar path %q, want %q", got, wantGrammar)
	}
	if _, err := os.Stat(filepath.Join(wantGrammar, "src", "parser.c")); err != nil {
		t.Errorf("the grammar path has no src/parser.c for hx --grammar build: %v", err)
	}
	if _, ok := cfg.LanguageServer["rust-analyzer"]; !ok {
		t.Error("[language-server.rust-analyzer] lost")
	}

	lib, err := elf.Open(filepath.Join(dir, "runtime", "grammars", "dpl.so"))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	syms, err := lib.DynamicSymbols()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(syms, func(s elf.Symbol) bool { return s.Name == "tree_sitter_dpl" }) {
		t.Error("dpl.so does not export tree_sitter_dpl")
	}

	want, err := filepath.Glob(filepath.Join("queries", "dpl", "*.scm"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range want {
		src, _ := os.ReadFile(q)
		got, err := os.ReadFile(filepath.Join(dir, "runtime", "queries", "dpl", filepath.Base(q)))
		if err != nil || string(got) != string(src) {
			t.Errorf("runtime/queries/dpl/%s not installed as in the repository (%v)", filepath.Base(q), err)
		}
	}
}
