package schema

import (
	"math"
	"strings"
)

// Range is a hard range: values outside it are rejected by the target named
// in Rejects (GEN002). Bounds are in the base unit of the type that owns the
// range: nanoseconds for durations, bytes for sizes, percent points for
// percents, the plain value otherwise. Open bounds exclude the limit.
type Range struct {
	Min, Max         float64
	HasMin, HasMax   bool
	MinOpen, MaxOpen bool
	Rejects          string // e.g. "Resilience4j"; empty when DPL itself forbids it
}

// AtLeast is [min, ∞).
func AtLeast(min float64, rejects string) *Range {
	return &Range{Min: min, HasMin: true, Rejects: rejects}
}

// Above is (min, ∞).
func Above(min float64, rejects string) *Range {
	return &Range{Min: min, HasMin: true, MinOpen: true, Rejects: rejects}
}

// Between is [min, max].
func Between(min, max float64, rejects string) *Range {
	return &Range{Min: min, Max: max, HasMin: true, HasMax: true, Rejects: rejects}
}

// AboveUpTo is (min, max].
func AboveUpTo(min, max float64, rejects string) *Range {
	return &Range{Min: min, Max: max, HasMin: true, HasMax: true, MinOpen: true, Rejects: rejects}
}

// Contains reports whether v is inside the range; a nil range contains all.
func (r *Range) Contains(v float64) bool {
	if r == nil || math.IsNaN(v) {
		return r == nil
	}
	if r.HasMin && (v < r.Min || (r.MinOpen && v == r.Min)) {
		return false
	}
	return !r.HasMax || (v <= r.Max && !(r.MaxOpen && v == r.Max))
}

// Describe renders the range with a value formatter: "(0%, 100%]", "≥ 1",
// "> 0s".
func (r *Range) Describe(format func(float64) string) string {
	switch {
	case r.HasMin && r.HasMax:
		lo, hi := "[", "]"
		if r.MinOpen {
			lo = "("
		}
		if r.MaxOpen {
			hi = ")"
		}
		return "in " + lo + format(r.Min) + ", " + format(r.Max) + hi
	case r.HasMin && r.MinOpen:
		return "> " + format(r.Min)
	case r.HasMin:
		return "≥ " + format(r.Min)
	case r.HasMax && r.MaxOpen:
		return "< " + format(r.Max)
	default:
		return "≤ " + format(r.Max)
	}
}

// clamp returns the nearest valid value, stepping inside open bounds by
// step (1 for counts, 1ms for durations, …). ok is false when no valid
// value can be offered.
func (r *Range) clamp(v, step float64) (float64, bool) {
	if r.HasMin && (v < r.Min || (r.MinOpen && v == r.Min)) {
		v = r.Min
		if r.MinOpen {
			v += step
		}
	} else if r.HasMax && (v > r.Max || (r.MaxOpen && v == r.Max)) {
		v = r.Max
		if r.MaxOpen {
			v -= step
		}
	}
	return v, r.Contains(v)
}

// rangeCheck is what a scalar type tells the range checker about itself.
type rangeCheck struct {
	subject string
	value   float64
	format  func(float64) string // renders a value in messages
	step    float64              // nudge inside an open bound for the clamp fix
	literal func(float64) Literal
}

// check returns the GEN002 problem for c.value, or nil. The message follows
// rules.md: "failure_threshold must be in (0%, 100%]; Resilience4j rejects
// 150%".
func (r *Range) check(c rangeCheck) []Problem {
	if r.Contains(c.value) {
		return nil
	}
	var msg strings.Builder
	msg.WriteString(c.subject + " must be " + r.Describe(c.format))
	if r.Rejects != "" {
		msg.WriteString("; " + r.Rejects + " rejects " + c.format(c.value))
	}
	p := Problem{Code: CodeOutOfRange, Severity: SeverityError, Message: msg.String()}
	if v, ok := r.clamp(c.value, c.step); ok {
		fix := c.literal(v)
		p.Replacement = &fix
		p.Suggestion = "use " + fix.Source()
	}
	return []Problem{p}
}
