package format

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestDiff(t *testing.T) {
	src := []byte("a A {\n    x:1\n  y: 2\n  z: 3\n  w: 4\n  v: 5\n  u: 6\n  t: 7\n  s: 8\n  r: [1,2]\n}")
	edits, err := Edits(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `--- f.dpl.orig
+++ f.dpl
@@ -1,5 +1,5 @@
 a A {
-    x:1
+  x: 1
   y: 2
   z: 3
   w: 4
@@ -7,5 +7,5 @@
   u: 6
   t: 7
   s: 8
-  r: [1,2]
-}
\ No newline at end of file
+  r: [1, 2]
+}
`
	if got := string(Diff("f.dpl", src, edits)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if Diff("f.dpl", src, nil) != nil {
		t.Error("a diff without edits is not empty")
	}
}

// TestDiffApplies feeds every golden case's diff to patch(1), when it is
// installed, and checks that it gives the formatted text.
func TestDiffApplies(t *testing.T) {
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch(1) not installed")
	}
	files, _ := filepath.Glob("testdata/*.dpl")
	for seed := range 40 {
		files = append(files, fmt.Sprintf("random seed %d", seed))
	}
	for _, in := range files {
		src := diffInput(t, in)
		edits, err := Edits(src, goldenOptions(in))
		if err != nil || len(edits) == 0 {
			continue
		}
		dir := t.TempDir()
		target := filepath.Join(dir, "f.dpl")
		if err := os.WriteFile(target, src, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("patch", "-s", "--binary", target)
		cmd.Stdin = bytes.NewReader(Diff("f.dpl", src, edits))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: patch: %v\n%s\n%s", in, err, out, Diff("f.dpl", src, edits))
			continue
		}
		want, _ := Source(src, goldenOptions(in))
		if got := readFile(t, target); string(got) != string(want) {
			t.Errorf("%s: patched file differs:\n%q\n%q", in, got, want)
		}
	}
}

// diffInput reads a golden case, or generates the random file named.
func diffInput(t *testing.T, name string) []byte {
	var seed uint64
	if _, err := fmt.Sscanf(name, "random seed %d", &seed); err == nil {
		g := &generator{r: rand.New(rand.NewPCG(seed, 7))}
		return []byte(g.file())
	}
	return readFile(t, name)
}
