package format

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestRandomLayouts formats generated files that are valid DPL with
// comments, commas and whitespace in random places: byte-level fuzzing
// rarely gets past the parser, this reaches every layout rule.
func TestRandomLayouts(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	for seed := range n {
		g := &generator{r: rand.New(rand.NewPCG(uint64(seed), 7))}
		src := []byte(g.file())
		got, err := Source(src, Options{})
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, src)
		}
		checkFormatted(t, src, got, Options{})
		checkRange(t, src, g.r.IntN(len(src)+1), g.r.IntN(len(src)+1), Options{})
	}
}

// generator writes a random valid file token by token; gap puts random
// whitespace and comments between tokens.
type generator struct {
	r     *rand.Rand
	b     strings.Builder
	depth int
}

func (g *generator) file() string {
	g.gap()
	for range g.r.IntN(4) {
		g.tok(g.ident())
		g.tok(g.ident())
		g.object()
	}
	return g.b.String()
}

func (g *generator) object() {
	g.tok("{")
	for range g.count() {
		g.tok(g.ident())
		g.tok(":")
		g.value()
		g.comma()
	}
	g.tok("}")
}

func (g *generator) array() {
	g.tok("[")
	for range g.count() {
		g.value()
		g.comma()
	}
	g.tok("]")
}

func (g *generator) value() {
	g.depth++
	defer func() { g.depth-- }()
	switch k := g.r.IntN(8); {
	case k == 0 && g.depth < 5:
		g.object()
	case k == 1 && g.depth < 5:
		g.array()
	case k == 2:
		g.tok([]string{"1", "-2.5", "0", "true", "false"}[g.r.IntN(5)])
	default:
		g.tok([]string{`"a"`, `"x\"y"`, `"ünï"`, `"` + strings.Repeat("w", g.r.IntN(60)) + `"`, `""`, `"\u00e9\\"`}[g.r.IntN(6)])
	}
}

func (g *generator) count() int { return []int{0, 1, 2, 3, 5}[g.r.IntN(5)] }

func (g *generator) comma() {
	if g.r.IntN(2) == 0 {
		g.tok(",")
	}
}

func (g *generator) ident() string {
	return []string{"a", "retry", "max_attempts", "x-y", "true", "Order_Service2"}[g.r.IntN(6)]
}

func (g *generator) tok(s string) {
	if str := g.b.String(); str != "" && isWordByte(str[len(str)-1]) && isWordByte(s[0]) {
		g.b.WriteByte(' ')
	}
	g.b.WriteString(s)
	g.gap()
}

// gap writes the text between two tokens: some whitespace, and sometimes
// comments, a line comment always followed by a line break.
func (g *generator) gap() {
	ws := []string{"", " ", "\n", "\n\n", "  \n\t", " \n \n\n  ", "\r\n", "\t"}
	g.b.WriteString(ws[g.r.IntN(len(ws))])
	for g.r.IntN(4) == 0 {
		switch g.r.IntN(4) {
		case 0:
			g.b.WriteString("// line  \n")
		case 1:
			g.b.WriteString("# hash\r\n")
		case 2:
			g.b.WriteString("/* block */")
		default:
			g.b.WriteString("/* multi\n   line */")
		}
		g.b.WriteString(ws[g.r.IntN(len(ws))])
	}
	if g.b.Len() > 0 && g.r.IntN(2) == 0 {
		g.b.WriteString(" ")
	}
}

func isWordByte(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
