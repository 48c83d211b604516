// Package testgen generates realistic DPL workspaces for benchmarks and
// stress tests: the parser's, the analyzer's and the language server's
// benchmarks all measure the same text.
//
// The text is the draft's examples (testdata/seed/*.dpl) repeated, block by
// block, until it is long enough. Every repetition after the first renames
// its blocks (OrderService becomes OrderService_r2, …) so that (kind, name)
// stays unique across the workspace, and renames the strings that refer to
// those blocks the same way ("order-service" becomes "order-service_r2",
// which still normalizes to the renamed block), so cross-references resolve
// as they do in the examples. The output is deterministic and free of syntax
// errors.
package testgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Workspace returns DPL text of at least lines lines, ending at a block
// boundary (so at most one block longer). It reads the examples from the
// source tree and panics when they are missing, which only a broken checkout
// can cause.
func Workspace(lines int) []byte {
	s := loadSeeds()
	var b bytes.Buffer
	n := 0
	for round := 1; n < lines; round++ {
		for _, blk := range s.blocks {
			if n >= lines {
				break
			}
			text := blk
			if round > 1 {
				text = s.rename(blk, fmt.Sprintf("_r%d", round))
			}
			b.WriteString(text)
			n += strings.Count(text, "\n")
		}
	}
	return b.Bytes()
}

// SeedDir is the directory of the draft's examples, found from this source
// file so that tests of any package can use it.
func SeedDir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testgen: cannot locate its own source file")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "seed")
}

type seeds struct {
	blocks []string        // each block's text, with a blank line after it
	names  map[string]bool // normalized block names
}

var (
	seedsOnce sync.Once
	loaded    *seeds
)

var (
	headerRE = regexp.MustCompile(`(?m)^([A-Za-z_][A-Za-z0-9_-]*)(\s+)([A-Za-z_][A-Za-z0-9_-]*)(\s*\{)`)
	stringRE = regexp.MustCompile(`"([^"\\\n]*)"`)
	keyRE    = regexp.MustCompile(`(?m)^(\s+)([A-Za-z_][A-Za-z0-9_-]*)(\s*:)`)
)

func loadSeeds() *seeds {
	seedsOnce.Do(func() {
		files, err := filepath.Glob(filepath.Join(SeedDir(), "*.dpl"))
		if err != nil || len(files) == 0 {
			panic(fmt.Sprintf("testgen: no examples in %s (%v)", SeedDir(), err))
		}
		sort.Strings(files)
		s := &seeds{names: map[string]bool{}}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				panic(fmt.Sprintf("testgen: %v", err))
			}
			s.addFile(string(src))
		}
		loaded = s
	})
	return loaded
}

// addFile splits an example into its blocks: everything from one header to
// the next. The examples hold nothing but blocks at the top level.
func (s *seeds) addFile(src string) {
	heads := headerRE.FindAllStringSubmatchIndex(src, -1)
	for i, h := range heads {
		end := len(src)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		s.blocks = append(s.blocks, strings.TrimSpace(src[h[0]:end])+"\n\n")
		s.names[normalize(src[h[6]:h[7]])] = true
	}
}

// rename appends suffix to the block's name, to every string that refers
// to a block name, and to member keys that repeat such a string (a
// transaction's compensation keys name its participants), so the renamed
// copy is as free of findings as the example.
func (s *seeds) rename(blk, suffix string) string {
	blk = headerRE.ReplaceAllString(blk, "${1}${2}${3}"+suffix+"${4}")
	renamed := map[string]bool{}
	blk = stringRE.ReplaceAllStringFunc(blk, func(q string) string {
		if s.names[normalize(q[1:len(q)-1])] {
			renamed[q[1:len(q)-1]] = true
			return q[:len(q)-1] + suffix + `"`
		}
		return q
	})
	return keyRE.ReplaceAllStringFunc(blk, func(m string) string {
		sub := keyRE.FindStringSubmatch(m)
		if renamed[sub[2]] {
			return sub[1] + sub[2] + suffix + sub[3]
		}
		return m
	})
}

// normalize is the spec's service-name matching form: case-insensitive,
// ignoring `-` and `_`.
func normalize(name string) string {
	name = strings.ToLower(name)
	return strings.NewReplacer("-", "", "_", "").Replace(name)
}
