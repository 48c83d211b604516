package format

import (
	"bytes"
	"fmt"
	"regexp"
	"testing"
)

// blockHeader matches a top-level block header of the seed files.
var blockHeader = regexp.MustCompile(`(?m)^(\w+) (\w+) \{`)

// largeWorkspace concatenates the seed files copies times into one file,
// renaming the blocks of each copy so that the result is a plausible file.
func largeWorkspace(b *testing.B, copies int) []byte {
	var all bytes.Buffer
	for i := range copies {
		for _, path := range seedFiles(b) {
			renamed := blockHeader.ReplaceAll(readFile(b, path), fmt.Appendf(nil, "$1 ${2}_%d {", i))
			all.Write(renamed)
			all.WriteString("\n")
		}
	}
	return all.Bytes()
}

// BenchmarkFormat formats every seed example once (a large hand-written
// file, about 11 kB) and a hundred times (about 1 MB, a generated one):
// what `dpls fmt` and a whole-document formatting request cost.
func BenchmarkFormat(b *testing.B) {
	for _, copies := range []int{1, 100} {
		src := largeWorkspace(b, copies)
		b.Run(fmt.Sprintf("%dkB", len(src)/1000), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Source(src, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEdits measures the document formatting request, edits included.
func BenchmarkEdits(b *testing.B) {
	src := largeWorkspace(b, 100)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Edits(src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
