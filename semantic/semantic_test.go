package semantic

import (
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
)

func TestTokens(t *testing.T) {
	src := "// c\nfault_tolerance A {\n  retry: { backoff: \"exponential\", initial_delay: \"100ms\" }\n  fallback: \"x\"\n  circuit_breaker: { half_open_state: true }\n}\n"
	w := analysis.New(analysis.Config{}).SetFile("a.dpl", []byte(src))
	var got []string
	for _, tok := range Tokens(w, "a.dpl", nil) {
		got = append(got, src[tok.Span.Start:tok.Span.End]+":"+Types[tok.Type])
	}
	want := "// c:comment fault_tolerance:keyword A:type retry:property backoff:property \"exponential\":enumMember " +
		"initial_delay:property \"100ms\":number fallback:property \"x\":string circuit_breaker:property half_open_state:property true:keyword"
	if strings.Join(got, " ") != want {
		t.Errorf("tokens:\n%s\nwant:\n%s", strings.Join(got, " "), want)
	}
}
