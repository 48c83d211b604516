package hover

import "strings"

// doc assembles hover markdown in sections separated by blank lines.
type doc struct{ parts []string }

func (d *doc) title(s string) { d.parts = append(d.parts, "**"+s+"**") }
func (d *doc) para(s string) {
	if s = strings.TrimSpace(s); s != "" {
		d.parts = append(d.parts, s)
	}
}
func (d *doc) line(s string) { d.para(s) }

func (d *doc) String() string { return strings.Join(d.parts, "\n\n") }
