package analysis

import (
	"bytes"
	"fmt"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/internal/testgen"
)

// analyzeSizes are the workspace sizes of issue 3's benchmarks, in lines.
var analyzeSizes = []int{1_000, 10_000, 50_000}

// TestBenchWorkspaceHasEveryKind checks that the smallest benchmark
// workspace holds a block of every kind, so every rule family's checks run
// in the benchmarks, and that it analyzes without syntax errors.
func TestBenchWorkspaceHasEveryKind(t *testing.T) {
	w := New(Config{}).SetFile("workspace.dpl", testgen.Workspace(analyzeSizes[0]))
	have := map[string]bool{}
	for _, b := range w.File("workspace.dpl").Blocks {
		have[b.Kind.Text] = true
	}
	for _, k := range schema.Kinds() {
		if !have[k] {
			t.Errorf("testgen.Workspace(%d) has no %s block", analyzeSizes[0], k)
		}
	}
	for _, d := range w.Diagnostics("workspace.dpl") {
		if d.Code == "SYN001" {
			t.Errorf("syntax error at %d: %s", d.Span.Start, d.Message)
		}
	}
}

// BenchmarkAnalyze analyzes a generated workspace from scratch: parse,
// model, every block, group and workspace rule, configuration and
// suppressions. The text is one file, as testgen writes it.
func BenchmarkAnalyze(b *testing.B) {
	for _, lines := range analyzeSizes {
		src := testgen.Workspace(lines)
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				New(Config{}).SetFile("workspace.dpl", src).AllDiagnostics()
			}
			cpu.report(b)
		})
	}
}

// benchTimeoutRE finds per-attempt timeouts of fault_tolerance blocks, the
// value a user tunes most.
var benchTimeoutRE = regexp.MustCompile(`(?m)^  timeout: "(1|2)s"`)

// BenchmarkReanalyze50k edits one value of the 50k-line workspace (a
// fault_tolerance timeout near the start, in the middle, near the end) and
// asks for the file's diagnostics, as the server does after each
// keystroke: EditFile with the grammar edit, then Diagnostics. Iterations
// alternate between two values, so each is one edit of the snapshot the
// previous one produced and the diagnostics change (XB001 and the other
// rules reading the timeout re-run). In the "-grow" cases the values differ
// in length ("1s" and "15s"), so every block after the edit moves.
func BenchmarkReanalyze50k(b *testing.B) {
	src := testgen.Workspace(50_000)
	for _, where := range []struct {
		name string
		frac float64
		grow bool
	}{{"start", 0.01, false}, {"middle", 0.5, false}, {"end", 0.95, false}, {"start-grow", 0.01, true}, {"middle-grow", 0.5, true}} {
		b.Run(where.name, func(b *testing.B) { benchReanalyze(b, src, where.frac, where.grow) })
	}
}

// BenchmarkReanalyzeBySize is BenchmarkReanalyze50k's middle case at every
// workspace size: the cost of an edit should not follow the size.
func BenchmarkReanalyzeBySize(b *testing.B) {
	for _, lines := range analyzeSizes {
		src := testgen.Workspace(lines)
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) { benchReanalyze(b, src, 0.5, false) })
	}
}

func benchReanalyze(b *testing.B, src []byte, frac float64, grow bool) {
	pos := benchValueAfter(b, src, int(float64(len(src))*frac))
	w := New(Config{}).SetFile("workspace.dpl", src)
	w.Diagnostics("workspace.dpl")
	values := [][]byte{[]byte("9"), src[pos : pos+1]}
	if grow {
		values[0] = []byte("15")
	}
	b.ReportAllocs()
	cpu := startCPU()
	i, curLen := 0, 1
	var edit, diags, total minTime
	for b.Loop() {
		cur := w.File("workspace.dpl").Src
		v := values[i%2]
		t0 := time.Now()
		e, next := grammar.EditFor(cur, pos, pos+curLen, v)
		w = w.EditFile("workspace.dpl", next, []grammar.Edit{e})
		t1 := time.Now()
		w.Diagnostics("workspace.dpl")
		t2 := time.Now()
		edit.add(t1.Sub(t0))
		diags.add(t2.Sub(t1))
		total.add(t2.Sub(t0))
		i, curLen = i+1, len(v)
	}
	cpu.report(b)
	// The fastest iteration, whole and in halves (EditFor, incremental
	// reparse and model rebuild; then index, rules and diagnostics): on a
	// shared machine the mean also counts waiting for a core, the minimum
	// much less.
	total.report(b, "min-ns/op")
	edit.report(b, "min-edit-ns/op")
	diags.report(b, "min-diags-ns/op")
}

// benchValueAfter returns the offset of the digit of the first timeout value
// after off.
func benchValueAfter(b *testing.B, src []byte, off int) int {
	loc := benchTimeoutRE.FindIndex(src[off:])
	if loc == nil {
		b.Fatalf("no fault_tolerance timeout after byte %d", off)
	}
	return off + loc[0] + bytes.IndexByte(src[off+loc[0]:], '"') + 1
}

// cpuClock reads the process's CPU time (user and system, every thread,
// the garbage collector's included), so a benchmark can report CPU per
// operation next to wall time: on a shared machine wall time also counts
// waiting for a core.
type cpuClock time.Duration

func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func startCPU() cpuClock { return cpuClock(cpuNow()) }

// report adds the metric cpu-ns/op.
func (c cpuClock) report(b *testing.B) {
	b.ReportMetric(float64(cpuNow()-time.Duration(c))/float64(b.N), "cpu-ns/op")
}

// minTime keeps the shortest of a benchmark's iteration times.
type minTime time.Duration

func (m *minTime) add(d time.Duration) {
	if *m == 0 || minTime(d) < *m {
		*m = minTime(d)
	}
}

func (m minTime) report(b *testing.B, unit string) { b.ReportMetric(float64(m), unit) }
