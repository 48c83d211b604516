package schema

import "testing"

// FuzzFieldCheck feeds arbitrary text, as every literal kind, to every
// field of every block: checks must never panic; a GEN001 fix must parse
// (it may still be out of range, "0" → "0s" for a positive timeout), and a
// GEN002 fix must check without errors.
func FuzzFieldCheck(f *testing.F) {
	for _, s := range []string{"10", "1m30s", "50%", "150%", "2gb", "500m", "1000 req/s", "order:{id}", "web:70000", "0.5", "true"} {
		f.Add(s, uint8(0))
	}
	var fields []*Field
	for _, b := range Blocks() {
		walkFields(b.Body, b.Kind, map[*Field]bool{}, func(_ string, fd *Field) { fields = append(fields, fd) })
	}
	f.Fuzz(func(t *testing.T, text string, kind uint8) {
		lit := Literal{Kind: LiteralKind(kind%5) + LitString, Text: text}
		for _, fd := range fields {
			_, probs := fd.Check(lit)
			for _, p := range probs {
				if p.Message == "" {
					t.Fatalf("%s: empty message for %+v", fd.Name, lit)
				}
				if p.Replacement == nil || p.Code == CodeNumberString {
					continue
				}
				if _, again := fd.Check(*p.Replacement); fixFails(p.Code, again) {
					t.Fatalf("%s: fix %s for %+v still fails: %+v", fd.Name, p.Replacement.Source(), lit, again)
				}
			}
		}
	})
}

// fixFails reports whether the problems left after applying a fix for
// code break the invariant above.
func fixFails(code string, after []Problem) bool {
	for _, p := range after {
		if p.Severity == SeverityError && (code == CodeOutOfRange || p.Code == CodeMalformed) {
			return true
		}
	}
	return false
}
