package codeactions

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// placeholderCode is a rule only this test registers, so that the tests do
// not depend on which real rules attach fixes: it flags a block named
// FixMe and offers two renames.
const placeholderCode = "TST901"

func init() {
	rule.Register(&rule.Rule{
		Code: placeholderCode, Severity: rule.Warning, Title: "placeholder name",
		Doc: "Test rule: flags blocks named FixMe.",
		Block: func(p *rule.BlockPass) {
			if p.Block.Name.Text == "FixMe" {
				span := p.Block.Name.Span
				p.Report(span, "FixMe is a placeholder",
					rule.Replace("Rename to Fixed", span, "Fixed"),
					rule.Replace("Rename to Done", span, "Done"))
			}
		},
	})
}

const src = "fault_tolerance Good {\n  timeout: \"2s\"\n}\n\nfault_tolerance FixMe {\n  timeout: \"2s\"\n}\n"

// check runs For over a span of src and renders the actions one a line:
// kind, preferred mark, title, the finding's code and each edit.
func check(t *testing.T, r Request, want string) {
	t.Helper()
	r.Workspace = analysis.New(analysis.Config{}).SetFile("a.dpl", []byte(src))
	r.File = "a.dpl"
	var b strings.Builder
	for _, a := range For(r) {
		fmt.Fprintf(&b, "%s pref=%v %q", a.Kind, a.Preferred, a.Title)
		if a.Fixes != nil {
			fmt.Fprintf(&b, " fixes=%s", a.Fixes.Code)
		}
		for _, e := range a.Edits {
			fmt.Fprintf(&b, " %s[%d:%d]=%q", e.File, e.Span.Start, e.Span.End, e.NewText)
		}
		b.WriteString("\n")
	}
	if got := b.String(); got != want {
		t.Errorf("actions:\n%s\nwant:\n%s", got, want)
	}
}

func TestQuickFixesAtTheFinding(t *testing.T) {
	at := strings.Index(src, "FixMe")
	want := "quickfix pref=true \"Rename to Fixed\" fixes=TST901 a.dpl[58:63]=\"Fixed\"\n" +
		"quickfix pref=false \"Rename to Done\" fixes=TST901 a.dpl[58:63]=\"Done\"\n"
	if at != 58 {
		t.Fatalf("FixMe at %d, the expectation assumes 58", at)
	}
	check(t, Request{Span: model.Span{Start: at + 2, End: at + 2}}, want)
	check(t, Request{Span: model.Span{Start: at + 5, End: at + 5}}, want) // just after the name
	check(t, Request{Span: model.Span{Start: 0, End: len(src)}}, want)    // a range covering it
}

func TestNoQuickFixesElsewhere(t *testing.T) {
	check(t, Request{Span: model.Span{Start: 3, End: 3}}, "")
}

func TestNamedFindingIsOfferedAnywhere(t *testing.T) {
	named := []Finding{{Code: placeholderCode, Span: model.Span{Start: 58, End: 63}}}
	check(t, Request{Span: model.Span{Start: 3, End: 3}, Findings: named},
		"quickfix pref=true \"Rename to Fixed\" fixes=TST901 a.dpl[58:63]=\"Fixed\"\n"+
			"quickfix pref=false \"Rename to Done\" fixes=TST901 a.dpl[58:63]=\"Done\"\n")
}

func TestOnlyFiltersKinds(t *testing.T) {
	span := model.Span{Start: 59, End: 59}
	check(t, Request{Span: span, Only: []Kind{"refactor"}}, "")
	check(t, Request{Span: span, Only: []Kind{"quickfix"}},
		"quickfix pref=true \"Rename to Fixed\" fixes=TST901 a.dpl[58:63]=\"Fixed\"\n"+
			"quickfix pref=false \"Rename to Done\" fixes=TST901 a.dpl[58:63]=\"Done\"\n")
}

func TestWantsCoversSubKinds(t *testing.T) {
	r := Request{Only: []Kind{"refactor", "source.fixAll"}}
	for kind, want := range map[Kind]bool{"refactor": true, "refactor.rewrite": true, "refactoring": false, "source": false, "source.fixAll": true, "quickfix": false} {
		if got := r.Wants(kind); got != want {
			t.Errorf("Wants(%q) = %v, want %v", kind, got, want)
		}
	}
}

func TestRegisterRefusesDuplicates(t *testing.T) {
	defer func() {
		if v := recover(); v != "codeactions: duplicate source quickfix" {
			t.Errorf("recovered %v", v)
		}
	}()
	Register(Source{Name: "quickfix"})
}
