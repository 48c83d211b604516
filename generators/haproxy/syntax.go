package haproxy

import (
	"strings"

	g "github.com/dpls-dev/dpls/generators"
)

// cfg writes HAProxy configuration text: keyword lines indented under a
// section. Arguments come from validated values or through quote;
// comments go through comment, which keeps them on one line.
type cfg struct{ b strings.Builder }

func (c *cfg) section(words ...string) { c.b.WriteString(strings.Join(words, " ") + "\n") }

func (c *cfg) line(words ...string) { c.b.WriteString("    " + strings.Join(words, " ") + "\n") }

func (c *cfg) comment(text string) {
	for _, l := range strings.Split(text, "\n") {
		c.b.WriteString("    # " + g.LineSafe(l) + "\n")
	}
}

// quote single-quotes s. HAProxy takes everything between single quotes
// literally (no escapes, no ${VAR} expansion), so s must not hold a single
// quote itself; jsonBody ensures that for the bodies dpls writes.
func quote(s string) string { return "'" + s + "'" }

// jsonBody makes a JSON document safe inside single quotes: a quote only
// occurs inside JSON strings, where \u0027 means the same.
func jsonBody(js []byte) string { return strings.ReplaceAll(string(js), "'", `\u0027`) }
