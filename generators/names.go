package generators

import (
	"fmt"
	"strings"
	"unicode"
)

// KubeName converts a DPL name into an RFC 1123 label as Kubernetes,
// Compose and DNS want it: OrderService → order-service, order_service →
// order-service, HTTPGateway → http-gateway. It fails when nothing of the
// name survives or the result is longer than 63 characters.
func KubeName(name string) (string, error) {
	var b strings.Builder
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case unicode.IsUpper(r) && r < unicode.MaxASCII:
			if i > 0 && wordBoundary(rs, i) {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(r))
		case (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'):
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	out := strings.Trim(collapseDashes(b.String()), "-")
	if out == "" {
		return "", fmt.Errorf("%q has no letters or digits to name a resource with", name)
	}
	if len(out) > 63 {
		return "", fmt.Errorf("%q gives %q, longer than the 63 characters an RFC 1123 label allows", name, out)
	}
	return out, nil
}

// wordBoundary reports whether the capital at i starts a word: after a
// lower-case letter or digit, or as the last capital of an acronym
// followed by a lower-case letter (HTTPGateway → http-gateway).
func wordBoundary(rs []rune, i int) bool {
	prev := rs[i-1]
	if unicode.IsLower(prev) || unicode.IsDigit(prev) {
		return true
	}
	return unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
}

func collapseDashes(s string) string {
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return s
}

// CamelCase joins the words of DPL identifiers in upper camel case:
// ("OrderService", "circuit_breaker_open") → OrderServiceCircuitBreakerOpen.
func CamelCase(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		for _, w := range strings.FieldsFunc(p, func(r rune) bool { return r == '_' || r == '-' || r == ' ' }) {
			rs := []rune(w)
			b.WriteRune(unicode.ToUpper(rs[0]))
			b.WriteString(string(rs[1:]))
		}
	}
	return b.String()
}
