package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/internal/testgen"
)

// BenchmarkCheck runs `dpls check` in-process, reading the file and writing
// the text report, over generated workspaces of 1k, 10k and 50k lines. The
// bytes per op are the workspace's, so MB/s is checking throughput.
func BenchmarkCheck(b *testing.B) {
	for _, lines := range []int{1_000, 10_000, 50_000} {
		src := testgen.Workspace(lines)
		path := filepath.Join(b.TempDir(), "workspace.dpl")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				var errOut strings.Builder
				code := run(env{args: []string{"check", path}, stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errOut})
				if code == 2 {
					b.Fatalf("exit 2: %s", errOut.String())
				}
			}
		})
	}
}
