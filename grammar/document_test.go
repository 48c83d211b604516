package grammar_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/grammar"
	"github.com/dpls-dev/dpls/internal/testgen"
)

// parseDocument splits src and parses every part, keeping a copy of each
// part's tree.
func parseDocument(src []byte) (*grammar.Document, []*grammar.Flat) {
	doc := grammar.Split(src)
	return doc, parseParts(doc, src, 0, doc.Parts())
}

// parseParts parses parts [from, to) of doc and returns copies of their
// trees (Parse reuses a tree's memory for the next part).
func parseParts(doc *grammar.Document, src []byte, from, to int) []*grammar.Flat {
	flats := make([]*grammar.Flat, to-from)
	doc.Parse(src, from, to, func(k int, fl *grammar.Flat) {
		flats[k-from] = &grammar.Flat{Nodes: slices.Clone(fl.Nodes)}
	})
	return flats
}

// docKeys describes every node below the roots of a document's parts, in
// order, with positions in the whole text: what a parse of the whole text
// must list below its one root when the two agree.
func docKeys(src []byte, doc *grammar.Document, flats []*grammar.Flat) []string {
	var keys []string
	for k, fl := range flats {
		start, _ := doc.Part(k)
		row := uint32(bytes.Count(src[:start], []byte{'\n'}))
		keys = append(keys, nodeKeys(fl, uint32(start), row)...)
	}
	return keys
}

// nodeKeys describes the nodes of fl below its root, moved by base bytes
// and rows lines.
func nodeKeys(fl *grammar.Flat, base, rows uint32) []string {
	var keys []string
	for i := 1; i < len(fl.Nodes); i++ {
		n := fl.Nodes[i]
		parent := "root"
		if n.Parent > 0 {
			p := fl.Nodes[n.Parent]
			parent = fmt.Sprintf("%s at %d", p.Type(), p.StartByte+base)
		}
		keys = append(keys, fmt.Sprintf("%s %q [%d, %d) (%d, %d) flags %b size %d in %s",
			n.Type(), grammar.FieldNameOf(n.Field), n.StartByte+base, n.EndByte+base,
			n.StartPoint.Row+rows, n.StartPoint.Column, n.Flags, int(n.Next)-i, parent))
	}
	return keys
}

// TestDocumentMatchesTree checks the split's promise: on text without
// syntax errors, the parts parsed one by one give exactly the nodes of the
// whole text parsed at once. Texts with errors may differ (that is the
// point of the split: damage stays in its block), but every part's tree
// must still cover its part.
func TestDocumentMatchesTree(t *testing.T) {
	valid := 0
	for name, src := range flatInputs(t) {
		doc, flats := parseDocument(src)
		checkParts(t, name, src, doc, flats)
		tree := grammar.Parse(src)
		if grammar.FirstSyntaxError(tree.RootNode(), src) != nil {
			continue
		}
		valid++
		got := docKeys(src, doc, flats)
		want := nodeKeys(grammar.Flatten(tree.RootNode()), 0, 0)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the parts' nodes differ from the whole tree's\nparts:\n%s\nwhole:\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	if valid < 20 {
		t.Fatalf("only %d valid inputs", valid)
	}
}

// checkParts checks what holds for any text: the parts tile the text,
// each after the first starts a line with a block header, and each part's
// tree spans its part.
func checkParts(t *testing.T, name string, src []byte, doc *grammar.Document, flats []*grammar.Flat) {
	t.Helper()
	if len(flats) != doc.Parts() {
		t.Fatalf("%s: %d flats for %d parts", name, len(flats), doc.Parts())
	}
	end := 0
	for k := range doc.Parts() {
		s, e := doc.Part(k)
		if s != end || e < s {
			t.Fatalf("%s: part %d is [%d, %d) after one ending at %d", name, k, s, e, end)
		}
		if k > 0 && src[s-1] != '\n' {
			t.Fatalf("%s: part %d starts mid-line at %d", name, k, s)
		}
		root := flats[k].Nodes[0]
		if int(root.EndByte) != e-s && !(root.EndByte == 0 && strings.TrimSpace(string(src[s:e])) == "") {
			t.Fatalf("%s: part %d [%d, %d) has a tree ending at %d", name, k, s, e, root.EndByte)
		}
		end = e
	}
	if end != len(src) {
		t.Fatalf("%s: parts end at %d of %d bytes", name, end, len(src))
	}
}

// TestDocumentSplit pins where parts start.
func TestDocumentSplit(t *testing.T) {
	for _, c := range []struct {
		name, src string
		starts    []int
	}{
		{"empty", "", []int{0}},
		{"one block", "service a {\n}\n", []int{0}},
		{"two blocks", "service a {}\nservice b {}\n", []int{0, 13}},
		{"leading comment", "// x\nservice a {}\n", []int{0, 5}},
		{"indented header", "a b {}\n  c d {}\n\tc d\t{}\n", []int{0, 7, 16}},
		{"header without space before brace", "a b {}\nc d{}\n", []int{0, 7}},
		{"not a header: one word", "a b {}\nc {}\n", []int{0}},
		{"not a header: no brace", "a b {}\nc d\n{}\n", []int{0}},
		{"not a header: member", "a b {\nc: d {}\n}\n", []int{0}},
		{"not a header: booleans", "a b {\nx: [\ntrue false {}\nfalse x {}\nx true {}\n]}\n", []int{0}},
		{"keyword-like names are names", "a b {}\ntrue_x false_y {}\n", []int{0, 7}},
		{"inside a block comment", "a b {}\n/*\nc d {}\n*/\ne f {}\n", []int{0, 20}},
		{"a header after a comment on its line does not start a part", "a b {}\n/* x */ c d {}\ne f {}\n", []int{0, 22}},
		{"a comment ends on the header's line", "a b {}\n/*\n*/c d {}\ne f {}\n", []int{0, 19}},
		{"unclosed block comment is no comment", "a b {}\n/*\nc d {}\n", []int{0, 10}},
		{"/*/ does not close", "a b {}\n/*/\nc d {}\n", []int{0, 11}},
		{"block comment opener in a string", "a b { x: \"/*\" }\nc d {}\n*/\n", []int{0, 16}},
		{"block comment opener in a line comment", "a b {} // /*\nc d {}\n# /*\ne f {}\n*/\n", []int{0, 13, 25}},
		{"escaped quote", "a b { x: \"\\\" /*\" }\nc d {}\n*/\n", []int{0, 19}},
		{"unclosed string ends at the line end", "a b { x: \"/*\nc d {}\n*/\n", []int{0, 13}},
		{"crlf", "a b {}\r\nc d {}\r\n", []int{0, 8}},
		{"identifier with dash and digits", "a b {}\norder-svc v2 {}\n", []int{0, 7}},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := grammar.Split([]byte(c.src))
			var got []int
			for k := range doc.Parts() {
				s, _ := doc.Part(k)
				got = append(got, s)
			}
			if !reflect.DeepEqual(got, c.starts) {
				t.Errorf("parts start at %v, want %v", got, c.starts)
			}
		})
	}
}

// editPalette is what random edits type: plain characters, and the
// characters and words that change the split.
var editPalette = []string{"x", " ", "\n", "{", "}", ":", "\"", "\\", "/", "*", "/*", "*/", "#", "//",
	"service a {", "\nservice b {\n", "true", "[", "]", "1", "\r\n"}

// randomEdit picks an edit of src: delete up to a few bytes, insert a
// palette entry, or both.
func randomEdit(r *rand.Rand, src []byte) (start, oldEnd int, text []byte) {
	start = r.IntN(len(src) + 1)
	oldEnd = min(len(src), start+r.IntN(4))
	if r.IntN(4) == 0 {
		return start, oldEnd, nil
	}
	return start, oldEnd, []byte(editPalette[r.IntN(len(editPalette))])
}

// TestDocumentEditEqualsFresh applies chains of random edits and checks
// that each edited document, with its change applied to the parts kept,
// is exactly the document of the new text parsed from scratch.
func TestDocumentEditEqualsFresh(t *testing.T) {
	inputs := flatInputs(t)
	names := make([]string, 0, len(inputs))
	for name := range inputs {
		names = append(names, name)
	}
	sort.Strings(names)
	r := rand.New(rand.NewPCG(1, 2))
	for i, name := range names {
		if i%7 != 0 && !strings.HasSuffix(name, ".dpl") && name != "testgen" {
			continue
		}
		src := inputs[name]
		doc, flats := parseDocument(src)
		for range 40 {
			start, oldEnd, text := randomEdit(r, src)
			doc, flats, src = checkEdit(t, name, doc, flats, src, start, oldEnd, text)
		}
	}
	// A file of hundreds of parts, so edits land in and across the chunks
	// the document keeps its part starts in.
	src := testgen.Workspace(10000)
	doc, flats := parseDocument(src)
	if doc.Parts() < 3*128 {
		t.Fatalf("only %d parts", doc.Parts())
	}
	for range 60 {
		start, oldEnd, text := randomEdit(r, src)
		doc, flats, src = checkEdit(t, "testgen 10k", doc, flats, src, start, oldEnd, text)
	}
}

// checkEdit applies one edit to doc and compares it with a fresh parse;
// it returns the edited document, its flats and text.
func checkEdit(t *testing.T, name string, doc *grammar.Document, flats []*grammar.Flat, src []byte, start, oldEnd int, text []byte) (*grammar.Document, []*grammar.Flat, []byte) {
	t.Helper()
	next := append(append(append([]byte(nil), src[:start]...), text...), src[oldEnd:]...)
	nd, ch := doc.Edit(next, start, oldEnd, start+len(text))
	newFlats := parseParts(nd, next, ch.From, ch.NewTo)
	edited := append(append(append([]*grammar.Flat(nil), flats[:ch.From]...), newFlats...), flats[ch.To:]...)
	fresh, freshFlats := parseDocument(next)
	if !reflect.DeepEqual(partStarts(nd), partStarts(fresh)) || !reflect.DeepEqual(edited, freshFlats) {
		t.Fatalf("%s: replacing [%d:%d] of %q by %q: edited document differs from a fresh one\nedited parts %v (change %+v)\nfresh parts  %v",
			name, start, oldEnd, src, text, partStarts(nd), ch, partStarts(fresh))
	}
	if ch.Delta != len(text)-(oldEnd-start) || ch.From > ch.To || ch.From > ch.NewTo {
		t.Fatalf("%s: change %+v for replacing [%d:%d] by %d bytes", name, ch, start, oldEnd, len(text))
	}
	return nd, edited, next
}

func partStarts(d *grammar.Document) []int {
	var s []int
	for k := range d.Parts() {
		start, _ := d.Part(k)
		s = append(s, start)
	}
	return s
}

// TestDocumentEditParsesOnlyItsBlock checks the point of the split: a
// keystroke inside one block of a large file parses that block's part
// alone.
func TestDocumentEditParsesOnlyItsBlock(t *testing.T) {
	src := []byte(strings.Repeat("service a {\n  timeout: 1s\n}\n", 1000))
	doc := grammar.Split(src)
	if doc.Parts() != 1000 {
		t.Fatalf("%d parts, want 1000", doc.Parts())
	}
	pos := bytes.Index(src[len(src)/2:], []byte("1s")) + len(src)/2
	next := append(append(append([]byte(nil), src[:pos]...), '2'), src[pos:]...)
	_, ch := doc.Edit(next, pos, pos, pos+1)
	if ch.To-ch.From != 1 || ch.NewTo-ch.From != 1 {
		t.Fatalf("change %+v, want one part replaced by one", ch)
	}
}

// FuzzDocumentEdit: any text, any edit — the edited document equals a
// fresh one, and on valid text the parts agree with the whole tree.
//
//	go test ./grammar -run '^$' -fuzz FuzzDocumentEdit -fuzztime 120s
func FuzzDocumentEdit(f *testing.F) {
	for _, path := range seedFiles(f) {
		f.Add(mustRead(f, path), uint16(0), uint8(0), []byte("/*"))
		f.Add(mustRead(f, path), uint16(100), uint8(2), []byte("*/\nservice x {"))
	}
	f.Add([]byte("a b {}\n/*\nc d {}\n"), uint16(17), uint8(0), []byte("*/"))
	f.Add([]byte("/* x */\na b {}\n/*\nc d {}\n"), uint16(25), uint8(0), []byte("*/"))
	f.Fuzz(func(t *testing.T, src []byte, start uint16, del uint8, text []byte) {
		doc, flats := parseDocument(src)
		checkParts(t, "input", src, doc, flats)
		s := int(start) % (len(src) + 1)
		e := min(s+int(del), len(src))
		checkEdit(t, "input", doc, flats, src, s, e, text)
		if tree := grammar.Parse(src); grammar.FirstSyntaxError(tree.RootNode(), src) == nil {
			if got, want := docKeys(src, doc, flats), nodeKeys(grammar.Flatten(tree.RootNode()), 0, 0); !reflect.DeepEqual(got, want) {
				t.Fatalf("valid %q: the parts' nodes differ from the whole tree's\nparts:\n%s\nwhole:\n%s", src, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	})
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// TestCover checks the covering edit of random edit sequences: outside
// it, the original and the final text are the same bytes.
func TestCover(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		orig := []byte(strings.Repeat("abcdefghij\n", 1+r.IntN(5)))
		text := orig
		var edits []grammar.Edit
		for range 1 + r.IntN(4) {
			start, oldEnd, ins := randomEdit(r, text)
			var e grammar.Edit
			e, text = grammar.EditFor(text, start, oldEnd, ins)
			edits = append(edits, e)
		}
		r := grammar.Cover(edits)
		start, oldEnd, newEnd := r.Start, r.OldEnd, r.NewEnd
		ok := 0 <= start && start <= oldEnd && oldEnd <= len(orig) && start <= newEnd && newEnd <= len(text) &&
			newEnd-oldEnd == len(text)-len(orig) &&
			bytes.Equal(orig[:start], text[:start]) && bytes.Equal(orig[oldEnd:], text[newEnd:])
		if !ok {
			t.Fatalf("Cover(%+v) = %+v for %q → %q", edits, r, orig, text)
		}
	}
}
