package analysis

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/internal/testgen"
)

// The incremental analysis is proven with two probe rules that count their
// runs: a block rule (one run per block the analysis checks) and a group
// rule that reads its group and the services its blocks list, as the
// cross-block rules do. They report what they read, so a stale cached
// result would also show up as a diagnostic that differs from a
// from-scratch analysis. They only act while probesOn is set, so other
// tests of this package (the seed findings) never see them.
const (
	probeBlockCode = "PROBE1"
	probeGroupCode = "PROBE2"
)

var (
	probesOn atomic.Bool
	probes   probeCounts
)

// probeCounts records which blocks and groups the probes ran on.
type probeCounts struct {
	mu     sync.Mutex
	blocks map[*model.Memo]int
	groups map[string]int
}

func (c *probeCounts) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.blocks, c.groups = map[*model.Memo]int{}, map[string]int{}
}

func (c *probeCounts) snapshot() (blocks int, groups []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range c.blocks {
		blocks += n
	}
	for g, n := range c.groups {
		for range n {
			groups = append(groups, g)
		}
	}
	sort.Strings(groups)
	return blocks, groups
}

func init() {
	probes.reset()
	rule.Register(&rule.Rule{
		Code: probeBlockCode, Severity: rule.Hint, Title: "test probe: block runs",
		Doc: "Counts block-rule runs for analysis/incremental_test.go.",
		Block: func(p *rule.BlockPass) {
			if !probesOn.Load() {
				return
			}
			probes.mu.Lock()
			probes.blocks[p.Block.Memo]++
			probes.mu.Unlock()
		},
	})
	rule.Register(&rule.Rule{
		Code: probeGroupCode, Severity: rule.Hint, Title: "test probe: group runs",
		Doc:   "Counts group-rule runs and reports what the pass read, for analysis/incremental_test.go.",
		Group: probeGroup,
	})
}

// probeGroup reads the group and every service its blocks list, and
// reports at each block how many blocks and bytes that was.
func probeGroup(p *rule.GroupPass) {
	if !probesOn.Load() {
		return
	}
	probes.mu.Lock()
	probes.groups[p.Name]++
	probes.mu.Unlock()
	n, size := 0, 0
	for _, name := range probeReads(p.Blocks)[1:] {
		for _, r := range p.Lookup(name) {
			n, size = n+1, size+len(r.Block.Text)
		}
	}
	for _, b := range p.Blocks {
		p.Reportf(b, b.Block.Name.Span, "group %s: %d own blocks, reads %d blocks of %d bytes", p.Name, len(p.Blocks), n, size)
	}
}

// probeReads is the normalized names a probe pass over blocks reads: its
// own name first, then the services its blocks list.
func probeReads(blocks []rule.Ref) []string {
	var names []string
	if len(blocks) > 0 {
		names = append(names, model.NormalizeName(blocks[0].Block.Name.Text))
	}
	for _, b := range blocks {
		v := typed.Of(b.Block)
		for _, key := range []string{"services", "participants"} {
			list, _, _ := v.Strings(key)
			for _, s := range list {
				names = append(names, model.NormalizeName(s))
			}
		}
	}
	return names
}

func withProbes(t *testing.T) {
	probesOn.Store(true)
	probes.reset()
	t.Cleanup(func() { probesOn.Store(false) })
	PanicHook = func(code string, v any, stack []byte) { t.Errorf("rule %s panicked: %v\n%s", code, v, stack) }
	t.Cleanup(func() { PanicHook = nil })
}

// incrSeedFiles reads the design draft's examples.
func incrSeedFiles(t testing.TB) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(testgen.SeedDir(), "*.dpl"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed examples: %v", err)
	}
	files := map[string][]byte{}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = src
	}
	return files
}

func incrWorkspace(files map[string][]byte) *Workspace {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	w := New(Config{})
	for _, n := range names {
		w = w.SetFile(n, files[n])
	}
	return w
}

// incrRender writes every diagnostic of w with its related locations and fixes,
// one line each, for comparing two snapshots.
func incrRender(w *Workspace) string {
	var b strings.Builder
	all := w.AllDiagnostics()
	for _, file := range w.Files() {
		for _, d := range all[file] {
			fmt.Fprintf(&b, "%s:%d-%d %s %s %s\n", d.File, d.Span.Start, d.Span.End, d.Severity, d.Code, d.Message)
			for _, r := range d.Related {
				fmt.Fprintf(&b, "\trelated %s:%d-%d %s\n", r.File, r.Span.Start, r.Span.End, r.Message)
			}
			for _, f := range d.Fixes {
				fmt.Fprintf(&b, "\tfix %q\n", f.Title)
				for _, e := range f.Edits {
					fmt.Fprintf(&b, "\t\tedit %s:%d-%d %q\n", e.File, e.Span.Start, e.Span.End, e.NewText)
				}
			}
		}
	}
	return b.String()
}

// incrEdit replaces the first occurrence of old after anchor in file name.
func incrEdit(t *testing.T, w *Workspace, name, anchor, old, repl string) *Workspace {
	t.Helper()
	src := w.File(name).Src
	a := strings.Index(string(src), anchor)
	if a < 0 {
		t.Fatalf("%s: no %q", name, anchor)
	}
	i := strings.Index(string(src[a:]), old)
	if i < 0 {
		t.Fatalf("%s: no %q after %q", name, old, anchor)
	}
	start := a + i
	e, next := grammar.EditFor(src, start, start+len(old), []byte(repl))
	return w.EditFile(name, next, []grammar.Edit{e})
}

func incrMemos(w *Workspace) map[*model.Memo]string {
	out := map[*model.Memo]string{}
	for _, name := range w.Files() {
		for _, b := range w.File(name).Blocks {
			out[b.Memo] = name + " " + b.Label()
		}
	}
	return out
}

// TestIncrementalEditReusesAndRerunsOnlyDependents edits one value of the
// seed workspace: InventoryService's timeout in s4-examples.dpl. Only that
// block is rebuilt and re-checked, and only the group passes that read it
// run again: its own group and OrderTransaction's, which lists
// inventory_service as a participant.
func TestIncrementalEditReusesAndRerunsOnlyDependents(t *testing.T) {
	withProbes(t)
	w := incrWorkspace(incrSeedFiles(t))
	w.AllDiagnostics()
	before := incrMemos(w)

	probes.reset()
	next := incrEdit(t, w, "s4-examples.dpl", "fault_tolerance InventoryService", `"1s"`, `"3s"`)
	after := incrMemos(next)
	var rebuilt []string
	for m, label := range after {
		if _, kept := before[m]; !kept {
			rebuilt = append(rebuilt, label)
		}
	}
	if len(before) != len(after) || strings.Join(rebuilt, ",") != "s4-examples.dpl fault_tolerance InventoryService" {
		t.Errorf("rebuilt blocks %v of %d (was %d), want only fault_tolerance InventoryService", rebuilt, len(after), len(before))
	}

	got := incrRender(next)
	blocks, groups := probes.snapshot()
	if blocks != 1 {
		t.Errorf("block rules ran on %d blocks, want 1 (the edited one)", blocks)
	}
	if want := "inventoryservice,ordertransaction"; strings.Join(groups, ",") != want {
		t.Errorf("group passes re-ran for %v, want %s", groups, want)
	}
	if scratch := incrRender(incrWorkspace(incrFiles(next))); got != scratch {
		t.Errorf("incremental diagnostics differ from a fresh analysis:\n%s", incrDiff(got, scratch))
	}

	// The previous snapshot still answers with its own text's findings.
	if old, scratch := incrRender(w), incrRender(incrWorkspace(incrFiles(w))); old != scratch {
		t.Errorf("older snapshot changed after the edit:\n%s", incrDiff(old, scratch))
	}
}

// TestIncrementalCrossBlockFindingFollowsEdits moves OrderService's
// timeout under and back over its 3s budget: the cached XB001 finding goes
// and comes back, and its related location follows the verify block.
func TestIncrementalCrossBlockFindingFollowsEdits(t *testing.T) {
	withProbes(t)
	w := incrWorkspace(incrSeedFiles(t))
	xb001 := func(w *Workspace) []string {
		var out []string
		for _, d := range w.Diagnostics("s2_1-fault_tolerance.dpl") {
			if d.Code == "XB001" {
				out = append(out, d.Message)
			}
		}
		return out
	}
	want := "3 attempts × 2s + 300ms backoff = 6.3s worst case exceeds max_response_time 3s"
	if got := xb001(w); len(got) != 1 || got[0] != want {
		t.Fatalf("seed XB001 = %q, want %q", got, want)
	}
	w = incrEdit(t, w, "s2_1-fault_tolerance.dpl", "timeout:", `"2s"`, `"900ms"`)
	if got := xb001(w); len(got) != 0 {
		t.Fatalf("XB001 at 3 × 900ms + 300ms = 3s: %q, want none", got)
	}
	w = incrEdit(t, w, "s7_1-verify_fault_tolerance.dpl", "max_response_time", `"3s"`, `"2s"`)
	if got := xb001(w); len(got) != 1 || got[0] != "3 attempts × 900ms + 300ms backoff = 3s worst case exceeds max_response_time 2s" {
		t.Fatalf("XB001 after lowering the bound: %q", got)
	}
	if got, scratch := incrRender(w), incrRender(incrWorkspace(incrFiles(w))); got != scratch {
		t.Errorf("incremental diagnostics differ from a fresh analysis:\n%s", incrDiff(got, scratch))
	}
}

func incrFiles(w *Workspace) map[string][]byte {
	out := map[string][]byte{}
	for _, n := range w.Files() {
		out[n] = w.File(n).Src
	}
	return out
}

// incrDiff lists the lines only one side has.
func incrDiff(got, want string) string {
	count := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		count[l]++
	}
	var b strings.Builder
	for _, l := range strings.Split(got, "\n") {
		if count[l] > 0 {
			count[l]--
			continue
		}
		fmt.Fprintf(&b, "+ %s\n", l)
	}
	var missing []string
	for l, n := range count {
		for range n {
			missing = append(missing, l)
		}
	}
	sort.Strings(missing)
	for _, l := range missing {
		fmt.Fprintf(&b, "- %s\n", l)
	}
	return b.String()
}

var (
	incrNumberRE   = regexp.MustCompile(`\b[0-9]+(\.[0-9]+)?\b`)
	incrDurationRE = regexp.MustCompile(`"[0-9]+(ms|s|m|h)"`)
	incrHeaderRE   = regexp.MustCompile(`(?m)^[a-z_]+ ([A-Za-z_][A-Za-z0-9_-]*) \{`)
	incrListRE     = regexp.MustCompile(`"[a-z]+[-_]service"`)
)

// incrRandomEdit makes one incrEdit of a random kind to one file: a number, a
// duration, a block name or a listed service replaced, a block duplicated
// or deleted, or a few bytes inserted or removed (which may break the
// syntax).
func incrRandomEdit(rng *rand.Rand, src []byte) (start, end int, text string) {
	s := string(src)
	pick := func(re *regexp.Regexp, group int) (int, int, bool) {
		ms := re.FindAllStringSubmatchIndex(s, -1)
		if len(ms) == 0 {
			return 0, 0, false
		}
		m := ms[rng.Intn(len(ms))]
		return m[2*group], m[2*group+1], true
	}
	names := []string{"OrderService", "PaymentService", "InventoryService", "UserDB", "order-service", "payment_service", "inventory_service", "Other"}
	switch rng.Intn(8) {
	case 0, 1:
		if a, b, ok := pick(incrNumberRE, 0); ok {
			return a, b, fmt.Sprint(rng.Intn(12))
		}
	case 2, 3:
		if a, b, ok := pick(incrDurationRE, 0); ok {
			units := []string{"ms", "s", "m"}
			return a, b, fmt.Sprintf(`"%d%s"`, 1+rng.Intn(900), units[rng.Intn(len(units))])
		}
	case 4:
		if a, b, ok := pick(incrHeaderRE, 1); ok {
			return a, b, names[rng.Intn(len(names))]
		}
	case 5:
		if a, b, ok := pick(incrListRE, 0); ok {
			return a, b, `"` + names[rng.Intn(len(names))] + `"`
		}
	case 6:
		heads := incrHeaderRE.FindAllStringIndex(s, -1)
		if len(heads) > 0 {
			i := rng.Intn(len(heads))
			end := len(s)
			if i+1 < len(heads) {
				end = heads[i+1][0]
			}
			if rng.Intn(2) == 0 {
				return heads[i][0], end, ""
			}
			return end, end, "\n" + s[heads[i][0]:end]
		}
	}
	at := rng.Intn(len(s) + 1)
	if rng.Intn(2) == 0 && at < len(s) {
		return at, min(len(s), at+1+rng.Intn(3)), ""
	}
	junk := []string{"{", "}", ":", `"`, "x", " ", "\n", "3", "[", ","}
	return at, at, junk[rng.Intn(len(junk))]
}

// TestIncrementalRandomEdits applies random incrEdit sequences to the seed
// workspace. After every incrEdit the incremental snapshot's diagnostics equal
// a from-scratch analysis of the same text, block rules ran exactly on the
// blocks whose text is new, and the probe group passes ran exactly for the
// groups whose reads changed: a name whose blocks (by identity) differ from
// the previous snapshot's, or a group that is new.
func TestIncrementalRandomEdits(t *testing.T) {
	withProbes(t)
	seeds := []int64{1, 2, 3, 4, 5, 6, 7, 8}
	steps := 40
	if testing.Short() {
		seeds, steps = seeds[:2], 15
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			w := incrWorkspace(incrSeedFiles(t))
			w.AllDiagnostics()
			for step := range steps {
				names := w.Files()
				file := names[rng.Intn(len(names))]
				src := w.File(file).Src
				start, end, text := incrRandomEdit(rng, src)
				e, next := grammar.EditFor(src, start, end, []byte(text))

				probes.reset()
				nw := w.EditFile(file, next, []grammar.Edit{e})
				got := incrRender(nw)
				blocks, groups := probes.snapshot()

				desc := fmt.Sprintf("step %d: %s[%d:%d] %q → %q", step, file, start, end, src[start:end], text)
				if want := incrNewBlocks(w, nw); blocks != want {
					t.Fatalf("%s: block rules ran %d times, want %d (blocks with new text)", desc, blocks, want)
				}
				if want := incrChangedGroups(w, nw); strings.Join(groups, ",") != strings.Join(want, ",") {
					t.Fatalf("%s: group passes ran for %v, want %v", desc, groups, want)
				}
				fresh := incrWorkspace(incrFiles(nw))
				if a, b := incrShape(nw.File(file)), incrShape(fresh.File(file)); a != b {
					t.Fatalf("%s: rebuilt model differs from a fresh one:\n%s", desc, incrDiff(a, b))
				}
				if scratch := incrRender(fresh); got != scratch {
					t.Fatalf("%s: incremental diagnostics differ from a fresh analysis:\n%s", desc, incrDiff(got, scratch))
				}
				w = nw
			}
		})
	}
}

// incrNewBlocks counts the blocks of next whose model is not reused from prev.
func incrNewBlocks(prev, next *Workspace) int {
	old := incrMemos(prev)
	n := 0
	for m := range incrMemos(next) {
		if _, ok := old[m]; !ok {
			n++
		}
	}
	return n
}

// incrChangedGroups is, from the outside, which probe passes must run in next:
// groups that are new, and groups one of whose reads (taken in prev) now
// finds other blocks.
func incrChangedGroups(prev, next *Workspace) []string {
	pi, ni := prev.Index(), next.Index()
	same := func(name string) bool {
		a, b := pi.Service(name), ni.Service(name)
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if a[i].Block.Memo != b[i].Block.Memo {
				return false
			}
		}
		return true
	}
	var out []string
	for _, g := range ni.Groups() {
		reads := probeReads(pi.Service(g))
		if len(reads) == 0 {
			out = append(out, g)
			continue
		}
		for _, r := range reads {
			if !same(r) {
				out = append(out, g)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// incrShape writes a file model's top-level items with their positions,
// each block's text and syntax errors, one per line.
func incrShape(f *model.File) string {
	var b strings.Builder
	for _, blk := range f.Blocks {
		fmt.Fprintf(&b, "block %d+%d %s %q syntax=%v\n", blk.Start, blk.Len, blk.Label(), blk.Text, blk.Syntax)
		if blk.Text != string(f.Src[blk.Start:blk.Start+blk.Len]) {
			fmt.Fprintf(&b, "block %s text does not match the source\n", blk.Label())
		}
	}
	for _, c := range f.Comments {
		fmt.Fprintf(&b, "comment %v\n", c)
	}
	for _, e := range f.Stray {
		fmt.Fprintf(&b, "stray %v %s\n", e.Span, e.Msg)
	}
	return b.String()
}

// TestIncrementalIndexPatch makes a long run of value edits, each one
// patching the previous snapshot's index (past the point where the patch
// overlay is folded into fresh maps), and checks every lookup against an
// index built from scratch.
func TestIncrementalIndexPatch(t *testing.T) {
	withProbes(t)
	w := incrWorkspace(incrSeedFiles(t))
	w.AllDiagnostics()
	rng := rand.New(rand.NewSource(42))
	for step := range 120 {
		names := w.Files()
		file := names[rng.Intn(len(names))]
		src := w.File(file).Src
		ms := incrNumberRE.FindAllIndex(src, -1)
		if len(ms) == 0 {
			continue
		}
		m := ms[rng.Intn(len(ms))]
		e, next := grammar.EditFor(src, m[0], m[1], []byte(fmt.Sprint(rng.Intn(9))))
		w = w.EditFile(file, next, []grammar.Edit{e})
		got, fresh := w.Index(), rule.NewIndex(incrModels(w))
		show := func(refs []rule.Ref) string {
			var b strings.Builder
			for _, r := range refs {
				fmt.Fprintf(&b, "%s@%d:%p ", r.File, r.Block.Start, r.Block)
			}
			return b.String()
		}
		for _, r := range fresh.All() {
			b := r.Block
			checks := [][2]string{
				{show(got.Kind(b.Kind.Text)), show(fresh.Kind(b.Kind.Text))},
				{show(got.Named(b.Name.Text)), show(fresh.Named(b.Name.Text))},
				{show(got.Service(b.Name.Text)), show(fresh.Service(b.Name.Text))},
			}
			loc, ok := got.Locate(b.Memo)
			if !ok || loc.Block != b {
				t.Fatalf("step %d: Locate(%s) = %v, %v", step, b.Label(), loc.Block, ok)
			}
			for _, c := range checks {
				if c[0] != c[1] {
					t.Fatalf("step %d: %s: patched index has %s, fresh %s", step, b.Label(), c[0], c[1])
				}
			}
		}
		if show(got.All()) != show(fresh.All()) || strings.Join(got.Groups(), ",") != strings.Join(fresh.Groups(), ",") {
			t.Fatalf("step %d: patched index lists differ from a fresh one", step)
		}
	}
}

func incrModels(w *Workspace) []*model.File {
	var out []*model.File
	for _, n := range w.Files() {
		out = append(out, w.File(n))
	}
	return out
}

// TestIncrementalConcurrentSnapshots analyzes a chain of snapshots while
// the next ones are being derived and analyzed, as the server does when
// edits arrive during an analysis; run with -race. Every snapshot must
// end up with its own text's diagnostics.
func TestIncrementalConcurrentSnapshots(t *testing.T) {
	withProbes(t)
	w := incrWorkspace(incrSeedFiles(t))
	rng := rand.New(rand.NewSource(7))
	var snaps []*Workspace
	for range 12 {
		names := w.Files()
		file := names[rng.Intn(len(names))]
		src := w.File(file).Src
		start, end, text := incrRandomEdit(rng, src)
		e, next := grammar.EditFor(src, start, end, []byte(text))
		w = w.EditFile(file, next, []grammar.Edit{e})
		snaps = append(snaps, w)
	}
	got := make([]string, len(snaps))
	var wg sync.WaitGroup
	for i, s := range snaps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = incrRender(s)
		}()
	}
	wg.Wait()
	for i, s := range snaps {
		if scratch := incrRender(incrWorkspace(incrFiles(s))); got[i] != scratch {
			t.Errorf("snapshot %d: diagnostics differ from a fresh analysis:\n%s", i, incrDiff(got[i], scratch))
		}
	}
}

// TestIncrementalSeveralEditsAtOnce sends several edits in one change, as
// a client's didChange may (multi-cursor typing, a refactoring): the
// snapshot equals a fresh analysis of the final text.
func TestIncrementalSeveralEditsAtOnce(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	w := incrWorkspace(incrSeedFiles(t))
	w.AllDiagnostics()
	for step := range 30 {
		names := w.Files()
		file := names[rng.Intn(len(names))]
		src := w.File(file).Src
		var edits []grammar.Edit
		next := src
		for range 2 + rng.Intn(3) {
			start, end, text := incrRandomEdit(rng, next)
			var e grammar.Edit
			e, next = grammar.EditFor(next, start, end, []byte(text))
			edits = append(edits, e)
		}
		nw := w.EditFile(file, next, edits)
		fresh := incrWorkspace(incrFiles(nw))
		if a, b := incrShape(nw.File(file)), incrShape(fresh.File(file)); a != b {
			t.Fatalf("step %d: %d edits of %s: rebuilt model differs from a fresh one:\n%s", step, len(edits), file, incrDiff(a, b))
		}
		if got, want := incrRender(nw), incrRender(fresh); got != want {
			t.Fatalf("step %d: %d edits of %s: diagnostics differ from a fresh analysis:\n%s", step, len(edits), file, incrDiff(got, want))
		}
		w = nw
	}
}
