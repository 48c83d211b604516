package analysis

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// ConfigFileName is the workspace settings file, read from the workspace
// root by `dpls check` and the server alike.
const ConfigFileName = ".dpls.yaml"

// Config is the user's settings: rule severities, disabled rules and
// generator preferences. `.dpls.yaml` and the editor's
// workspace/configuration carry the same settings.
type Config struct {
	// Severity overrides a rule's default severity, by code.
	Severity map[string]rule.Severity
	// Disabled rules report nothing.
	Disabled map[string]bool
	// Generate holds generator preferences.
	Generate GenerateConfig
}

// GenerateConfig is what `dpls generate` and the generator code actions use
// when the command line or the request does not say.
type GenerateConfig struct {
	Targets   []string          `yaml:"targets" json:"targets"`
	OutputDir string            `yaml:"output" json:"outputDirectory"`
	Options   map[string]string `yaml:"options" json:"options"`
}

// severity returns the effective severity of a finding and whether it is
// reported at all.
func (c Config) severity(code string, def rule.Severity) (rule.Severity, bool) {
	if c.Disabled[code] {
		return 0, false
	}
	if s, ok := c.Severity[code]; ok {
		return s, s != rule.Off
	}
	return def, true
}

// RawConfig is the settings document as written in `.dpls.yaml` or sent by
// an editor: rule codes map to severity names.
type RawConfig struct {
	Rules    map[string]string `yaml:"rules" json:"rules"`
	Disabled []string          `yaml:"disabled" json:"disabled"`
	Generate GenerateConfig    `yaml:"generate" json:"generate"`
}

// ParseConfig reads `.dpls.yaml`. Unknown keys, severities and rule codes
// are errors, so a typo does not silently leave a rule on.
func ParseConfig(data []byte) (Config, error) {
	var raw RawConfig
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil && err.Error() != "EOF" {
		return Config{}, fmt.Errorf("%s: %w", ConfigFileName, err)
	}
	return raw.Config()
}

// Config validates raw settings and converts them.
func (raw RawConfig) Config() (Config, error) {
	cfg := Config{Severity: map[string]rule.Severity{}, Disabled: map[string]bool{}, Generate: raw.Generate}
	var problems []string
	for code, name := range raw.Rules {
		if _, ok := rule.Lookup(code); !ok {
			problems = append(problems, fmt.Sprintf("unknown rule %q", code))
			continue
		}
		sev, err := rule.ParseSeverity(strings.ToLower(name))
		if err != nil {
			problems = append(problems, fmt.Sprintf("rule %s: %v", code, err))
			continue
		}
		cfg.Severity[code] = sev
	}
	for _, code := range raw.Disabled {
		if _, ok := rule.Lookup(code); !ok {
			problems = append(problems, fmt.Sprintf("unknown rule %q in disabled", code))
			continue
		}
		cfg.Disabled[code] = true
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return cfg, fmt.Errorf("%s: %s", ConfigFileName, strings.Join(problems, "; "))
	}
	return cfg, nil
}
