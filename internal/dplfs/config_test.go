package dplfs

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// TestLoadConfigNearest: the nearest .dpls.yaml at or above a directory or
// a file's directory; none at all means the zero Config and no path.
func TestLoadConfigNearest(t *testing.T) {
	root := tree(t, map[string]string{
		".dpls.yaml":     "rules:\n  SYN001: info\n",
		"svc/.dpls.yaml": "disabled: [SYN001]\n",
		"svc/deep/a.dpl": "",
		"other/b.dpl":    "",
	})
	for _, c := range []struct {
		start, file string
		disabled    bool
	}{
		{"svc/deep", "svc/.dpls.yaml", true},
		{"svc/deep/a.dpl", "svc/.dpls.yaml", true},
		{"svc", "svc/.dpls.yaml", true},
		{"other", ".dpls.yaml", false},
		{"other/b.dpl", ".dpls.yaml", false},
		{".", ".dpls.yaml", false},
	} {
		cfg, path, err := LoadConfig(filepath.Join(root, filepath.FromSlash(c.start)))
		if err != nil || path != filepath.Join(root, filepath.FromSlash(c.file)) || cfg.Disabled["SYN001"] != c.disabled {
			t.Errorf("LoadConfig(%s) = %v, %s, %v; want %s, disabled %v", c.start, cfg, path, err, c.file, c.disabled)
		}
	}
	cfg, _, _ := LoadConfig(filepath.Join(root, "other"))
	if !reflect.DeepEqual(cfg.Severity, map[string]rule.Severity{"SYN001": rule.Info}) {
		t.Errorf("other's severities = %v", cfg.Severity)
	}

	t.Chdir(filepath.Join(root, "svc", "deep"))
	if _, path, err := LoadConfig("."); err != nil || path != filepath.Join(root, "svc", ".dpls.yaml") {
		t.Errorf("LoadConfig(.) = %s, %v", path, err)
	}
}

func TestLoadConfigNone(t *testing.T) {
	// A temporary directory's ancestors (/tmp, /) hold no .dpls.yaml.
	dir := t.TempDir()
	cfg, path, err := LoadConfig(dir)
	if err != nil || path != "" || !reflect.DeepEqual(cfg, analysis.Config{}) {
		t.Errorf("LoadConfig(empty) = %v, %q, %v", cfg, path, err)
	}
}

// TestLoadConfigErrors: an invalid file is named by its path, with no
// settings; so is one that cannot be read.
func TestLoadConfigErrors(t *testing.T) {
	root := tree(t, map[string]string{"bad/.dpls.yaml": "rules:\n  XX999: error\n", "bad/sub/a.dpl": ""})
	bad := filepath.Join(root, "bad", ".dpls.yaml")
	cfg, path, err := LoadConfig(filepath.Join(root, "bad", "sub"))
	if err == nil || err.Error() != bad+`: unknown rule "XX999"` || path != bad || cfg.Severity != nil {
		t.Errorf("invalid file: %v, %q, %v", cfg, path, err)
	}
	// A .dpls.yaml that cannot be read (here a directory, which even root
	// cannot read as a file) stops the search with an error naming it.
	odd := tree(t, map[string]string{".dpls.yaml/x": "", "sub/a.dpl": ""})
	if _, _, err := LoadConfig(filepath.Join(odd, "sub")); err == nil || err.Error() != "read "+filepath.Join(odd, ".dpls.yaml")+": is a directory" {
		t.Errorf("unreadable file: %v", err)
	}
}
