package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dpls-dev/dpls/analysis"
)

// checkInput is one file of the workspace: its name in findings and text.
type checkInput struct {
	name string
	src  []byte
}

// readCheckInputs reads standard input, files, and every *.dpl file below
// directories, in argument order; a file named twice is read once. Any
// missing path or unreadable file is an error: a check that silently
// skipped a file would pass for the wrong reason.
func readCheckInputs(e env, paths []string) ([]checkInput, error) {
	var out []checkInput
	seen := map[string]bool{}
	for _, p := range paths {
		if p == "-" {
			src, err := io.ReadAll(e.stdin)
			if err != nil {
				return nil, fmt.Errorf("reading standard input: %w", err)
			}
			out = append(out, checkInput{checkStdinName, src})
			continue
		}
		names, err := dplFiles(p)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			name = filepath.Clean(name)
			if seen[name] {
				continue
			}
			seen[name] = true
			src, err := os.ReadFile(name)
			if err != nil {
				return nil, err
			}
			out = append(out, checkInput{name, src})
		}
	}
	return out, nil
}

// loadWorkspace reads the inputs named by paths (see readCheckInputs) and
// the configuration of their workspace root (see checkConfig), in that
// order, and returns the workspace holding them with the inputs read.
func loadWorkspace(e env, paths []string) (*analysis.Workspace, []checkInput, error) {
	files, err := readCheckInputs(e, paths)
	if err != nil {
		return nil, nil, err
	}
	cfg, err := checkConfig(paths[0])
	if err != nil {
		return nil, nil, err
	}
	ws := analysis.New(cfg)
	for _, f := range files {
		ws = ws.SetFile(f.name, f.src)
	}
	return ws, files, nil
}

// checkConfig reads the .dpls.yaml of the workspace root: the nearest
// directory holding one, from the first path (its directory, for a file;
// the working directory, for standard input) upward. Without one, every
// rule has its default severity.
func checkConfig(first string) (analysis.Config, error) {
	start := first
	if first == "-" {
		start = "."
	} else if info, err := os.Stat(first); err == nil && !info.IsDir() {
		start = filepath.Dir(first)
	}
	dir, err := filepath.Abs(start)
	if err != nil {
		return analysis.Config{}, err
	}
	for {
		path := filepath.Join(dir, analysis.ConfigFileName)
		data, err := os.ReadFile(path)
		switch {
		case err == nil:
			cfg, err := analysis.ParseConfig(data)
			if err != nil {
				// ParseConfig names the file; name it with its directory.
				msg := strings.TrimPrefix(err.Error(), analysis.ConfigFileName+": ")
				return analysis.Config{}, fmt.Errorf("%s: %s", path, msg)
			}
			return cfg, nil
		case !errors.Is(err, fs.ErrNotExist):
			return analysis.Config{}, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return analysis.Config{}, nil
		}
		dir = parent
	}
}
