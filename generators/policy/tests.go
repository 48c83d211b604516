package policy

import (
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
)

// Language is a generated language, as generate_tests frameworks name them.
type Language string

// The languages the code targets generate.
const (
	Java Language = "java"
	Go   Language = "go"
	Node Language = "node"
)

// frameworkLanguage says which language a generate_tests framework is
// for; testcontainers exists for all three.
var frameworkLanguage = map[string]Language{
	"junit": Java, "go_test": Go, "jest": Node, "mocha": Node,
}

// Tests says which tests to generate for one language.
type Tests struct {
	Unit, Integration bool
	// Scenarios are the scenarios the unit block lists (empty: all).
	Scenarios []string
	// Testcontainers is set when an integration block asks for them.
	Testcontainers bool
}

// SelectTests reads svc's generate_tests blocks for lang. Without any
// block, unit tests are generated (the target's own proof that the code
// works). A block applies to lang when its framework is for lang, or
// names none, or is testcontainers; a block for another language is left
// to that language's target. Types the target cannot generate (contract,
// load) and frameworks it replaces become notes.
func SelectTests(target string, svc g.Service, lang Language) (Tests, []g.Note) {
	var t Tests
	var notes []g.Note
	found := false
	for _, r := range svc.Blocks {
		if r.Block.Kind.Text != "generate_tests" {
			continue
		}
		v := typed.Of(r.Block)
		fw, fwSpan, hasFW := v.String("framework")
		if hasFW && fw != "testcontainers" {
			if l, known := frameworkLanguage[fw]; known && l != lang {
				continue
			}
		}
		found = true
		kind, kindSpan, _ := v.String("type")
		switch kind {
		case "unit":
			t.Unit = true
			t.Scenarios, _, _ = v.Strings("scenarios")
			if lang == Node && (fw == "jest" || fw == "mocha") {
				notes = append(notes, g.NoteAt(target, r, fwSpan, "generate_tests framework "+fw+" is generated as node:test (built into Node, no "+fw+" dependency)"))
			}
		case "integration":
			t.Integration = true
			if fw == "testcontainers" && lang != Java {
				t.Testcontainers = true
				notes = append(notes, g.NoteAt(target, r, fwSpan, "generate_tests framework testcontainers: the integration test starts the service and a stand-in upstream on loopback instead of containers"))
			}
		default:
			notes = append(notes, g.NoteAt(target, r, kindSpan, "generate_tests type "+kind+" has no "+target+" equivalent; not generated"))
		}
	}
	if !found {
		t.Unit = true
	}
	return t, notes
}

// Wants reports whether scenario s is asked for (all when none are listed).
func (t Tests) Wants(s string) bool {
	if len(t.Scenarios) == 0 {
		return true
	}
	for _, x := range t.Scenarios {
		if x == s {
			return true
		}
	}
	return false
}
