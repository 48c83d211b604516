package schema

import (
	"strconv"
	"strings"
	"time"

	"github.com/dpls-dev/dpls/analysis/units"
)

// ValueKind says which field of a Normalized value holds the result.
type ValueKind int

// One kind per concrete Type family.
const (
	ValNone ValueKind = iota
	ValDuration
	ValSize
	ValPercent
	ValRatio
	ValCount
	ValNumber
	ValQuantity
	ValRate
	ValEnum
	ValString
	ValBool
	ValHostPort
	ValObject
	ValList
)

// Normalized is a checked value. Only the fields of its Kind are set:
// Duration for ValDuration; Bytes for ValSize; Number for percents (50 for
// "50%"), ratios, numbers and rates (requests per second); Int (and Number)
// for counts; Quantity for ValQuantity; Text for enums (canonical member),
// strings, templates, expressions and references; Text and Int (port, 0 when
// absent) for host:port; Bool for booleans.
//
// Type is the concrete type that accepted the literal, which for a OneOf is
// the matching alternative: the analyzer type-switches on it to learn
// whether failure_threshold was a count or a percent.
type Normalized struct {
	Kind         ValueKind
	Type         Type
	Source       string
	Duration     time.Duration
	Bytes        int64
	Number       float64
	Int          int64
	Quantity     units.Quantity
	Text         string
	Bool         bool
	FromString   bool     // a count/ratio/number written as a numeric string
	Placeholders []string // template placeholders, in order of appearance
}

// Display renders the value for hover. When the normalized form differs
// from what was written, both are shown: "90s (1m30s)", "2gb (2147483648
// bytes)", "500m (0.5)".
func (n Normalized) Display() string {
	switch n.Kind {
	case ValDuration:
		return withNormal(n.Source, units.FormatDuration(n.Duration))
	case ValSize:
		return withNormal(n.Source, strconv.FormatInt(n.Bytes, 10)+" bytes")
	case ValPercent:
		return withNormal(n.Source, units.FormatPercent(n.Number))
	case ValRatio, ValNumber:
		return withNormal(n.Source, formatFloat(n.Number))
	case ValCount:
		return withNormal(n.Source, strconv.FormatInt(n.Int, 10))
	case ValQuantity:
		return withNormal(n.Source, n.Quantity.Value.FloatString(3))
	case ValRate:
		return withNormal(n.Source, units.FormatRate(n.Number))
	case ValBool:
		return strconv.FormatBool(n.Bool)
	case ValEnum, ValString, ValHostPort:
		return strconv.Quote(n.Source)
	}
	return n.Source
}

// withNormal shows "src (normal)" unless both read the same; trailing
// fraction zeros of normal ("2.000") are dropped first.
func withNormal(src, normal string) string {
	if strings.Contains(normal, ".") && !strings.ContainsAny(normal, " abcdefghijklmnopqrstuvwxyz%") {
		normal = strings.TrimRight(strings.TrimRight(normal, "0"), ".")
	}
	if src == "" || src == normal {
		return normal
	}
	return src + " (" + normal + ")"
}

// formatFloat writes f in the shortest form that reads back exactly.
func formatFloat(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
