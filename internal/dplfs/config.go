package dplfs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dpls-dev/dpls/analysis"
)

// LoadConfig reads the settings that govern start, a directory or a file:
// the nearest .dpls.yaml in start's directory or above it, the file a
// project keeps at its root and that subprojects may override with their
// own. It returns the settings and the file's path, or the zero Config and
// "" when there is none (every rule at its default severity).
//
// `dpls check` starts from its first path, the server from its first
// workspace folder: both find the same file for the same directory.
// An unreadable or invalid file is an error naming it; the caller decides
// whether that stops it (the command line) or means defaults (the editor).
func LoadConfig(start string) (analysis.Config, string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return analysis.Config{}, "", fmt.Errorf("settings for %s: %w", start, err)
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		path := filepath.Join(dir, analysis.ConfigFileName)
		data, err := os.ReadFile(path)
		switch {
		case err == nil:
			cfg, err := analysis.ParseConfig(data)
			if err != nil {
				// ParseConfig names the file by its base name; name it
				// by its path, which says which of several it is.
				msg := strings.TrimPrefix(err.Error(), analysis.ConfigFileName+": ")
				return analysis.Config{}, path, fmt.Errorf("%s: %s", path, msg)
			}
			return cfg, path, nil
		case !errors.Is(err, fs.ErrNotExist):
			return analysis.Config{}, path, err // a *fs.PathError: "open PATH: permission denied"
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return analysis.Config{}, "", nil
		}
		dir = parent
	}
}
