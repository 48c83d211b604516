package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/internal/dplfs"
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
			out = append(out, checkInput{stdinName, src})
			continue
		}
		names, err := dplfs.Files(p)
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

// checkConfig reads the .dpls.yaml of the workspace root: the nearest one
// at or above the first path (its directory, for a file; the working
// directory, for standard input), found by dplfs.LoadConfig as the server
// finds it for a workspace folder. Without one, every rule has its default
// severity; an invalid one is an error.
func checkConfig(first string) (analysis.Config, error) {
	if first == "-" {
		first = "."
	}
	cfg, _, err := dplfs.LoadConfig(first)
	return cfg, err
}
