package rules

import (
	"sync"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// GEN001–GEN003 are the schema's own value checks (schema.Field.Check)
// surfaced as diagnostics: the schema decides what is wrong and what the
// quick fix writes, these rules only place the findings. The problems of a
// block are computed once (langBlockProblems) and each rule keeps those of
// its own code.

// langValueProblems checks one value against the type its position expects.
// Values the parser could not read (syntax errors, unterminated strings)
// are SYN001's; checking them would report one mistake twice.
func langValueProblems(site langValueSite) []schema.Problem {
	if s, ok := site.Node.(*model.String); ok && s.Unterminated {
		return nil
	}
	lit, ok := typed.Literal(site.Node)
	if !ok {
		return nil
	}
	f := schema.Field{Name: site.Subject(), Type: site.Type}
	_, problems := f.Check(lit)
	return problems
}

// langDeferred says whether a catalog rule reports the value's problem
// with a more specific message, so the GEN rules stay quiet on it: one
// mistake, one diagnostic. FT006 owns a failure_threshold written as a
// ratio (0.5), which the schema rejects as "not a count".
func langDeferred(site langValueSite) bool {
	n, isNum := site.Node.(*model.Number)
	if !isNum || site.Name != "failure_threshold" || n.Value <= 0 || n.Value >= 1 {
		return false
	}
	alts, isUnion := site.Type.(*schema.OneOf)
	if !isUnion {
		return false
	}
	for _, t := range alts.Types {
		if _, isPercent := t.(schema.Percent); isPercent {
			return true
		}
	}
	return false
}

// langProblem is one schema problem placed at its value.
type langProblem struct {
	span model.Span
	prob schema.Problem
}

// langLastProblems caches the problems of the block checked last. The
// three GEN rules run one after the other on each block and would
// otherwise type-check every value three times; keying by the block's
// pointer is exact, because a block's model never changes.
var langLastProblems struct {
	sync.Mutex
	block *model.Block
	found []langProblem
}

// langBlockProblems returns every value problem of b, computing it once
// for the GEN rules that run on b in turn.
func langBlockProblems(b *model.Block) []langProblem {
	langLastProblems.Lock()
	defer langLastProblems.Unlock()
	if langLastProblems.block == b {
		return langLastProblems.found
	}
	var found []langProblem
	langWalk{value: func(site langValueSite) {
		if langDeferred(site) {
			return
		}
		for _, prob := range langValueProblems(site) {
			found = append(found, langProblem{span: site.Node.ValueSpan(), prob: prob})
		}
	}}.block(b)
	langLastProblems.block, langLastProblems.found = b, found
	return found
}

// reportLangValueProblems reports every problem of code in the pass's block
// at the offending value, with the schema's replacement as the quick fix.
func reportLangValueProblems(p *rule.BlockPass, code string) {
	for _, lp := range langBlockProblems(p.Block) {
		if lp.prob.Code != code {
			continue
		}
		f := p.Report(lp.span, lp.prob.Message)
		if r := lp.prob.Replacement; r != nil {
			src := r.Source()
			f.Fixes = append(f.Fixes, rule.Replace("Replace with "+src, lp.span, src))
		}
	}
}
