package schema

import (
	"errors"
	"strconv"
	"time"

	"github.com/dpls-dev/dpls/analysis/units"
)

// Duration is a string such as "100ms" or "1m30s". Unit is the unit the
// quick fix appends to a bare number ("s" when empty).
type Duration struct {
	Range *Range
	Unit  string
}

// Size is a 1024-based size string such as "16kb".
type Size struct{ Range *Range }

// Percent is a string such as "50%"; Normalized.Number holds 50.
type Percent struct{ Range *Range }

// Ratio is a number in [0, 1] unless Range says otherwise (availability,
// error rates). A value above 1 is offered as value/100.
type Ratio struct{ Range *Range }

// Count is a whole number. A numeric string is accepted with a GEN003 hint.
type Count struct{ Range *Range }

// Number is any number (multiplier, requests_per_second).
type Number struct{ Range *Range }

func (Duration) String() string { return "duration" }
func (Size) String() string     { return "size" }
func (Percent) String() string  { return "percent" }
func (Ratio) String() string    { return "ratio" }
func (Count) String() string    { return "count" }
func (Number) String() string   { return "number" }

func (Duration) accepts(k LiteralKind) bool { return k == LitString }
func (Size) accepts(k LiteralKind) bool     { return k == LitString }
func (Percent) accepts(k LiteralKind) bool  { return k == LitString }
func (Ratio) accepts(k LiteralKind) bool    { return k == LitNumber }
func (Count) accepts(k LiteralKind) bool    { return k == LitNumber }
func (Number) accepts(k LiteralKind) bool   { return k == LitNumber }

// Check implements Type.
func (t Duration) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t Size) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t Percent) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t Ratio) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t Count) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// Check implements Type.
func (t Number) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

func (t Duration) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValDuration, Type: t, Source: lit.Text}
	unit := t.Unit
	if unit == "" {
		unit = "s"
	}
	switch lit.Kind {
	case LitNumber:
		return n, []Problem{bareDuration(lit.Text, lit.Text, unit)}
	case LitString:
	default:
		return n, wrongKind(subject, lit, t)
	}
	if countDigitsOnly(lit.Text) && unit != "s" {
		return n, []Problem{bareDuration(strconv.Quote(lit.Text), lit.Text, unit)}
	}
	d, err := units.ParseDuration(lit.Text)
	if err != nil {
		return n, unitsProblem(err)
	}
	n.Duration = d
	return n, t.Range.check(rangeCheck{
		subject: subject, value: float64(d), step: float64(time.Millisecond),
		format:  func(v float64) string { return units.FormatDuration(time.Duration(v)) },
		literal: func(v float64) Literal { return Str(units.FormatDuration(time.Duration(v))) },
	})
}

func (t Size) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValSize, Type: t, Source: lit.Text}
	if lit.Kind != LitString && lit.Kind != LitNumber {
		return n, wrongKind(subject, lit, t)
	}
	b, err := units.ParseSize(lit.Text)
	if err != nil {
		return n, unitsProblem(err)
	}
	n.Bytes = b
	return n, t.Range.check(rangeCheck{
		subject: subject, value: float64(b), step: 1,
		format:  func(v float64) string { return units.FormatSize(int64(v)) },
		literal: func(v float64) Literal { return Str(units.FormatSize(int64(v))) },
	})
}

func (t Percent) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValPercent, Type: t, Source: lit.Text}
	switch lit.Kind {
	case LitNumber:
		return n, []Problem{percentFromNumber(lit.Text)}
	case LitString:
	default:
		return n, wrongKind(subject, lit, t)
	}
	p, err := units.ParsePercent(lit.Text)
	if err != nil {
		return n, unitsProblem(err)
	}
	n.Number = p
	return n, t.Range.check(rangeCheck{
		subject: subject, value: p, step: 1, format: units.FormatPercent,
		literal: func(v float64) Literal { return Str(units.FormatPercent(v)) },
	})
}

// bareDuration is GEN001 for a number without a unit; the fix appends the
// field's usual unit when that yields a valid duration.
func bareDuration(shown, text, unit string) Problem {
	fix := Str(text + unit)
	if _, err := units.ParseDuration(fix.Text); err != nil {
		return malformed(shown+` is not a duration: write a number and a unit such as "10s"`, nil)
	}
	return malformed(shown+` is not a duration: add a unit such as "`+fix.Text+`"`, &fix)
}

// percentFromNumber explains 50 or 0.5 where "50%" is meant; a fraction
// below 1 is read as a ratio and converted.
func percentFromNumber(text string) Problem {
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return malformed(text+` is not a percent: write it with "%" such as "50%"`, nil)
	}
	if v > 0 && v < 1 {
		v *= 100
	}
	fix := Str(units.FormatPercent(v))
	return malformed(text+" is not a percent: write "+fix.Source(), &fix)
}

func (t Ratio) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValRatio, Type: t, Source: lit.Text}
	v, probs, ok := numberOf(lit, subject, t, &n)
	if !ok {
		return n, probs
	}
	n.Number = v
	r := t.Range
	if r == nil {
		r = Between(0, 1, "")
	}
	out := r.check(rangeCheck{
		subject: subject, value: v, step: 0.01, format: formatFloat,
		literal: func(x float64) Literal { return Num(formatFloat(x)) },
	})
	if len(out) > 0 && v > 1 && r.Contains(v/100) {
		fix := Num(formatFloat(v / 100))
		out[0].Replacement = &fix
		out[0].Suggestion = "a ratio is written as a fraction: use " + fix.Text
	}
	return n, append(probs, out...)
}

func (t Count) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValCount, Type: t, Source: lit.Text}
	var probs []Problem
	switch lit.Kind {
	case LitString:
		if _, err := units.ParseCount(lit.Text); err != nil {
			return n, []Problem{malformed(strconv.Quote(lit.Text)+" is not a count: write a whole number such as 3", nil)}
		}
		n.FromString = true
		probs = append(probs, numberStringHint(subject, lit.Text))
	case LitNumber:
	default:
		return n, wrongKind(subject, lit, t)
	}
	c, err := units.ParseCount(lit.Text)
	if err != nil {
		probs := unitsProblem(err)
		if fix := probs[0].Replacement; fix != nil {
			fix.Kind = LitNumber
			probs[0].Suggestion = "write " + fix.Text
		}
		return n, probs
	}
	n.Int, n.Number = c, float64(c)
	return n, append(probs, t.Range.check(rangeCheck{
		subject: subject, value: float64(c), step: 1,
		format:  func(v float64) string { return strconv.FormatInt(int64(v), 10) },
		literal: func(v float64) Literal { return Num(strconv.FormatInt(int64(v), 10)) },
	})...)
}

func (t Number) check(lit Literal, subject string) (Normalized, []Problem) {
	n := Normalized{Kind: ValNumber, Type: t, Source: lit.Text}
	v, probs, ok := numberOf(lit, subject, t, &n)
	if !ok {
		return n, probs
	}
	n.Number = v
	return n, append(probs, t.Range.check(rangeCheck{
		subject: subject, value: v, step: 0.1, format: formatFloat,
		literal: func(x float64) Literal { return Num(formatFloat(x)) },
	})...)
}

// numberOf reads a number literal, or a numeric string with a GEN003 hint
// (the draft writes max_error_rate: "0.001").
func numberOf(lit Literal, subject string, t Type, n *Normalized) (float64, []Problem, bool) {
	var probs []Problem
	switch lit.Kind {
	case LitNumber:
	case LitString:
		if !isDPLNumber(lit.Text) {
			return 0, []Problem{malformed(strconv.Quote(lit.Text)+" is not a "+t.String()+": write a number such as 0.5", nil)}, false
		}
		n.FromString = true
		probs = append(probs, numberStringHint(subject, lit.Text))
	default:
		return 0, wrongKind(subject, lit, t), false
	}
	v, err := strconv.ParseFloat(lit.Text, 64)
	if err != nil {
		return 0, []Problem{malformed(lit.Text+" is not a number", nil)}, false
	}
	return v, probs, true
}

// isDPLNumber matches the number token: -?[0-9]+(\.[0-9]+)?.
func isDPLNumber(s string) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	if i == len(s) {
		return true
	}
	return s[i] == '.' && i+1 < len(s) && countDigitsOnly(s[i+1:])
}

// countDigitsOnly reports a non-empty all-digit string.
func countDigitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// unitsProblem turns a units parse error into GEN001 with its suggestion.
func unitsProblem(err error) []Problem {
	var ue *units.Error
	if !errors.As(err, &ue) {
		return []Problem{malformed(err.Error(), nil)}
	}
	var fix *Literal
	if ue.Suggestion != "" {
		fix = litPtr(Str(ue.Suggestion))
	}
	return []Problem{malformed(ue.Msg, fix)}
}
