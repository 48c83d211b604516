package nginx

import (
	"strings"

	g "github.com/dpls-dev/dpls/generators"
)

// conf writes nginx configuration text. Directive arguments come from
// validated values (addresses, numbers, durations) or through quote, so no
// DPL string can end a directive or open a block; comments go through
// comment, which keeps them on one line.
type conf struct {
	b     strings.Builder
	depth int
}

func (c *conf) indent() { c.b.WriteString(strings.Repeat("    ", c.depth)) }

// comment writes text as comment lines, one per line of text; control
// characters become spaces so a quoted DPL value cannot end the comment.
func (c *conf) comment(text string) {
	for _, l := range strings.Split(text, "\n") {
		c.indent()
		c.b.WriteString("# " + g.LineSafe(l) + "\n")
	}
}

// directive writes `name args…;`.
func (c *conf) directive(name string, args ...string) {
	c.indent()
	c.b.WriteString(strings.Join(append([]string{name}, args...), " ") + ";\n")
}

// open starts a block `name args… {`.
func (c *conf) open(name string, args ...string) {
	c.indent()
	c.b.WriteString(strings.Join(append([]string{name}, args...), " ") + " {\n")
	c.depth++
}

// close ends the innermost block.
func (c *conf) close() {
	c.depth--
	c.indent()
	c.b.WriteString("}\n")
}

func (c *conf) blank() { c.b.WriteString("\n") }

// quote writes s as one single-quoted nginx argument. nginx unescapes \\,
// \' and \" inside quotes and turns \n, \r, \t into control characters, so
// every backslash is doubled and every quote escaped: the argument reads
// back exactly as s. Variables are still expanded in some directives'
// arguments (return's body): callers keep '$' out (see jsonBody).
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\\', '\'':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
	return b.String()
}

// jsonBody makes a JSON document safe for a `return` body, where nginx
// expands `$name`: '$' only occurs inside JSON strings, so it is written
// as the equivalent escape \u0024.
func jsonBody(js []byte) string {
	return strings.ReplaceAll(string(js), "$", `\u0024`)
}
