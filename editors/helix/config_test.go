// Package helix holds DPL's Helix configuration (languages.toml, the
// Helix-named queries under queries/dpl and install.sh) and the tests that
// stand in for Helix, which cannot run in CI: no Debian package, and crates
// are out of reach. The tests decode languages.toml as strictly as Helix
// does and compile and run the queries against the grammar Helix would load.
package helix

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

// The types below mirror the structs Helix deserializes languages.toml into:
// helix-core/src/syntax/config.rs (Configuration, LanguageConfiguration with
// serde's deny_unknown_fields, LanguageServerConfiguration, ...) and
// helix-loader/src/grammar.rs (use-grammars, GrammarConfiguration, also
// deny_unknown_fields). Helix rejects the whole file for one unknown key in
// [[language]] or [[grammar]] ("Bad language config: unknown field ..."), so
// the test decodes with unknown keys disallowed everywhere. That is stricter
// than Helix in [language-server.*], where a typo would be ignored silently,
// which is a mistake worth failing on too. Keys that take several shapes
// (a string or a table) are `any` and checked by validateLanguage.

type helixConfig struct {
	UseGrammars    *grammarSelection               `toml:"use-grammars"`
	Language       []languageConfig                `toml:"language"`
	LanguageServer map[string]languageServerConfig `toml:"language-server"`
	Grammar        []grammarConfig                 `toml:"grammar"`
}

type grammarSelection struct {
	Only   []string `toml:"only"`
	Except []string `toml:"except"`
}

type languageConfig struct {
	Name                        string           `toml:"name"`
	LanguageID                  string           `toml:"language-id"`
	Scope                       string           `toml:"scope"`
	FileTypes                   []any            `toml:"file-types"`
	Shebangs                    []string         `toml:"shebangs"`
	Roots                       []string         `toml:"roots"`
	CommentTokens               any              `toml:"comment-tokens"`
	CommentToken                any              `toml:"comment-token"` // serde alias of comment-tokens
	BlockCommentTokens          any              `toml:"block-comment-tokens"`
	TextWidth                   *int             `toml:"text-width"`
	SoftWrap                    *softWrap        `toml:"soft-wrap"`
	AutoFormat                  bool             `toml:"auto-format"`
	Formatter                   *formatterConfig `toml:"formatter"`
	PathCompletion              *bool            `toml:"path-completion"`
	WordCompletion              *wordCompletion  `toml:"word-completion"`
	DiagnosticSeverity          string           `toml:"diagnostic-severity"`
	Grammar                     string           `toml:"grammar"`
	InjectionRegex              string           `toml:"injection-regex"`
	LanguageServers             []any            `toml:"language-servers"`
	Indent                      *indentConfig    `toml:"indent"`
	Debugger                    any              `toml:"debugger"`
	AutoPairs                   any              `toml:"auto-pairs"`
	Rulers                      []int            `toml:"rulers"`
	WorkspaceLSPRoots           []string         `toml:"workspace-lsp-roots"`
	PersistentDiagnosticSources []string         `toml:"persistent-diagnostic-sources"`
	RainbowBrackets             *bool            `toml:"rainbow-brackets"`
}

type softWrap struct {
	Enable          *bool   `toml:"enable"`
	MaxWrap         *int    `toml:"max-wrap"`
	MaxIndentRetain *int    `toml:"max-indent-retain"`
	WrapIndicator   *string `toml:"wrap-indicator"`
	WrapAtTextWidth *bool   `toml:"wrap-at-text-width"`
}

type wordCompletion struct {
	Enable        *bool `toml:"enable"`
	TriggerLength *int  `toml:"trigger-length"`
}

type formatterConfig struct {
	Command string   `toml:"command"`
	Args    []string `toml:"args"`
}

type indentConfig struct {
	TabWidth int    `toml:"tab-width"`
	Unit     string `toml:"unit"`
}

type languageServerConfig struct {
	Command              string            `toml:"command"`
	Args                 []string          `toml:"args"`
	Environment          map[string]string `toml:"environment"`
	Config               any               `toml:"config"`
	Timeout              *int              `toml:"timeout"`
	RequiredRootPatterns []string          `toml:"required-root-patterns"`
}

type grammarConfig struct {
	Name   string        `toml:"name"`
	Source grammarSource `toml:"source"`
}

// grammarSource is Helix's untagged enum: { path } or { git, rev, subpath }.
type grammarSource struct {
	Path    string `toml:"path"`
	Git     string `toml:"git"`
	Rev     string `toml:"rev"`
	Subpath string `toml:"subpath"`
}

// languageServerFeatures are the names only-features and except-features
// accept (LanguageServerFeature, kebab-case).
var languageServerFeatures = []string{
	"format", "goto-declaration", "goto-definition", "goto-type-definition", "goto-reference",
	"goto-implementation", "signature-help", "hover", "document-highlight", "completion",
	"code-action", "workspace-command", "document-symbols", "workspace-symbols", "diagnostics",
	"pull-diagnostics", "rename-symbol", "inlay-hints", "document-colors",
}

// decodeStrict decodes a languages.toml the way Helix would accept it, and
// turns go-toml's strict-mode error into one that quotes the offending keys.
func decodeStrict(data []byte) (helixConfig, error) {
	var cfg helixConfig
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		var strict *toml.StrictMissingError
		if errors.As(err, &strict) {
			return cfg, fmt.Errorf("keys Helix does not accept:\n%s", strict.String())
		}
		return cfg, fmt.Errorf("languages.toml: %w", err)
	}
	for i := range cfg.Language {
		if err := validateLanguage(&cfg.Language[i]); err != nil {
			return cfg, fmt.Errorf("[[language]] %q: %w", cfg.Language[i].Name, err)
		}
	}
	for _, g := range cfg.Grammar {
		if err := validateGrammar(g); err != nil {
			return cfg, fmt.Errorf("[[grammar]] %q: %w", g.Name, err)
		}
	}
	return cfg, nil
}

// validateLanguage checks what serde checks beyond key names: required
// keys, and the shapes of the keys that accept several.
func validateLanguage(l *languageConfig) error {
	if l.Name == "" || l.Scope == "" || l.FileTypes == nil {
		return errors.New("name, scope and file-types are required")
	}
	for _, ft := range l.FileTypes {
		switch v := ft.(type) {
		case string:
		case map[string]any:
			if _, ok := v["glob"].(string); !ok || len(v) != 1 {
				return fmt.Errorf("file-types entry %v: want a string or { glob = \"...\" }", v)
			}
		default:
			return fmt.Errorf("file-types entry %v: want a string or { glob = \"...\" }", v)
		}
	}
	if l.CommentTokens != nil && l.CommentToken != nil {
		return errors.New("both comment-tokens and its alias comment-token are set")
	}
	if _, err := stringOrList(l.CommentTokens); err != nil {
		return fmt.Errorf("comment-tokens: %w", err)
	}
	if _, err := stringOrList(l.CommentToken); err != nil {
		return fmt.Errorf("comment-token: %w", err)
	}
	if _, err := blockComments(l.BlockCommentTokens); err != nil {
		return fmt.Errorf("block-comment-tokens: %w", err)
	}
	if l.Indent != nil && (l.Indent.TabWidth < 1 || l.Indent.TabWidth > 16) {
		return fmt.Errorf("indent.tab-width %d: tab width must be a value from 1 to 16 inclusive", l.Indent.TabWidth)
	}
	if l.DiagnosticSeverity != "" && !slices.Contains([]string{"hint", "info", "warning", "error"}, l.DiagnosticSeverity) {
		return fmt.Errorf("diagnostic-severity %q", l.DiagnosticSeverity)
	}
	if _, err := serverNames(l.LanguageServers); err != nil {
		return fmt.Errorf("language-servers: %w", err)
	}
	return nil
}

func stringOrList(v any) ([]string, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{v}, nil
	case []any:
		var out []string
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("%v is not a string", x)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("%v: want a string or a list of strings", v)
}

// blockComments reads { start, end } or a list of them as "start end" pairs.
func blockComments(v any) ([]string, error) {
	one := func(x any) (string, error) {
		m, ok := x.(map[string]any)
		start, sok := m["start"].(string)
		end, eok := m["end"].(string)
		if !ok || !sok || !eok || len(m) != 2 {
			return "", fmt.Errorf("%v: want { start = \"...\", end = \"...\" }", x)
		}
		return start + " " + end, nil
	}
	switch v := v.(type) {
	case nil:
		return nil, nil
	case []any:
		var out []string
		for _, x := range v {
			s, err := one(x)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, nil
	}
	s, err := one(v)
	return []string{s}, err
}

// serverNames reads language-servers: names, or tables with a name and
// only-features or except-features (deny_unknown_fields in Helix).
func serverNames(list []any) ([]string, error) {
	var names []string
	for _, x := range list {
		switch v := x.(type) {
		case string:
			names = append(names, v)
		case map[string]any:
			name, ok := v["name"].(string)
			if !ok {
				return nil, fmt.Errorf("%v: a table needs a name", v)
			}
			for k, val := range v {
				switch k {
				case "name":
				case "only-features", "except-features":
					fs, err := stringOrList(val)
					if err != nil {
						return nil, fmt.Errorf("%s: %w", k, err)
					}
					for _, f := range fs {
						if !slices.Contains(languageServerFeatures, f) {
							return nil, fmt.Errorf("%s: unknown feature %q", k, f)
						}
					}
				default:
					return nil, fmt.Errorf("unknown field %q in %v", k, v)
				}
			}
			names = append(names, name)
		default:
			return nil, fmt.Errorf("%v: want a name or a table", v)
		}
	}
	return names, nil
}

func validateGrammar(g grammarConfig) error {
	s := g.Source
	switch {
	case g.Name == "":
		return errors.New("name is required")
	case s.Path != "" && (s.Git != "" || s.Rev != "" || s.Subpath != ""):
		return errors.New("source mixes path with git keys")
	case s.Path == "" && (s.Git == "" || s.Rev == ""):
		return errors.New("source needs path, or git and rev")
	}
	return nil
}

func readConfig(t *testing.T) helixConfig {
	t.Helper()
	data, err := os.ReadFile("languages.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := decodeStrict(data)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestLanguagesTOML checks that Helix would accept languages.toml and that
// it says what DPL is: the comment forms the grammar knows, the indentation
// dpls fmt writes, the server started as `dpls --stdio`, and a local grammar.
func TestLanguagesTOML(t *testing.T) {
	cfg := readConfig(t)
	if len(cfg.Language) != 1 {
		t.Fatalf("want one [[language]], got %d", len(cfg.Language))
	}
	l := cfg.Language[0]
	check := func(what string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("name", l.Name, "dpl")
	check("scope", l.Scope, "source.dpl")
	check("file-types", l.FileTypes, []any{"dpl"})
	check("roots", l.Roots, []string{".dpls.yaml", ".git"})
	comments, _ := stringOrList(l.CommentTokens)
	check("comment-tokens", comments, []string{"//", "#"})
	blocks, _ := blockComments(l.BlockCommentTokens)
	check("block-comment-tokens", blocks, []string{"/* */"})
	check("indent", *l.Indent, indentConfig{TabWidth: 2, Unit: "  "})

	servers, _ := serverNames(l.LanguageServers)
	check("language-servers", servers, []string{"dpls"})
	for _, name := range servers {
		ls, ok := cfg.LanguageServer[name]
		if !ok {
			t.Errorf("language-servers names %q but there is no [language-server.%s]", name, name)
			continue
		}
		check("language-server command", ls.Command, "dpls")
		check("language-server args", ls.Args, []string{"--stdio"})
	}

	grammarName := l.Grammar
	if grammarName == "" {
		grammarName = l.Name // Helix's default
	}
	i := slices.IndexFunc(cfg.Grammar, func(g grammarConfig) bool { return g.Name == grammarName })
	if i < 0 {
		t.Fatalf("no [[grammar]] named %q", grammarName)
	}
	if src := cfg.Grammar[i].Source; src.Path == "" || !strings.HasSuffix(src.Path, "/grammar") {
		t.Errorf("grammar source %+v: want a local path to the repository's grammar directory", src)
	}
}

// TestStrictDecoding makes sure the mirror rejects what Helix rejects, so
// TestLanguagesTOML passing means something.
func TestStrictDecoding(t *testing.T) {
	valid, err := os.ReadFile("languages.toml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, from, to, want string
	}{
		{"misspelled language key", "file-types =", "file-type =", "file-type"},
		{"unknown grammar key", `name = "dpl"` + "\nsource", `name = "dpl"` + "\nbranch = \"main\"\nsource", "branch"},
		{"tab width out of range", "tab-width = 2", "tab-width = 0", "tab width must be a value from 1 to 16"},
		{"unknown feature", `language-servers = ["dpls"]`, `language-servers = [{ name = "dpls", only-features = ["hovering"] }]`, `unknown feature "hovering"`},
		{"git source without rev", `source = { path = "/usr/local/src/dpls/grammar" }`, `source = { git = "https://example.invalid/dpls" }`, "source needs path, or git and rev"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			broken := strings.Replace(string(valid), c.from, c.to, 1)
			if broken == string(valid) {
				t.Fatalf("languages.toml has no %q to replace", c.from)
			}
			_, err := decodeStrict([]byte(broken))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one mentioning %q", err, c.want)
			}
		})
	}
}
