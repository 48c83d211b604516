package registry

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
)

// TestDefaultTargetsNeverWriteOnePathTwice generates every default target
// for every seed service: "all" must not make two targets write one file.
func TestDefaultTargetsNeverWriteOnePathTwice(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/seed/*.dpl")
	ws := analysis.New(analysis.Config{})
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		ws = ws.SetFile(filepath.Base(p), src)
	}
	seen := map[string]string{}
	for _, name := range ws.Index().Names() {
		outs, err := GenerateFor(ws.Index(), name, Default())
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range outs {
			for _, f := range o.Files {
				if prev, dup := seen[f.Path]; dup && prev != o.Target.Name+" "+name {
					t.Errorf("%s is written by %s and by %s %s", f.Path, prev, o.Target.Name, name)
				}
				seen[f.Path] = o.Target.Name + " " + name
			}
		}
	}
	for _, tg := range Default() {
		if tg.OptIn {
			t.Errorf("%s is opt-in but in Default", tg.Name)
		}
	}
}
