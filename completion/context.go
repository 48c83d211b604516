package completion

import (
	"regexp"

	"github.com/dpls-dev/dpls/analysis/model"
)

type where int

const (
	nowhere where = iota
	atKind
	atName
	atKey
	atValue
)

// context is what the cursor is completing.
type context struct {
	where where
	// block is the enclosing block (nil at top level).
	block *model.Block
	// path is the key path of the object being completed (atKey), or of the
	// key whose value is being completed (atValue).
	path []string
	// object is the object whose keys are completed (atKey).
	object *model.Object
	// prefix is the partial word before the cursor, replace its span
	// (absolute), quoted whether it starts with a quote.
	prefix  string
	replace model.Span
	quoted  bool
	// inList is set when completing an element of an array.
	inList bool
	// src is the file's text.
	src []byte
}

var (
	lineKey     = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*("?[^",\[\]{}]*)$`)
	lineKeyOnly = regexp.MustCompile(`(?:^|[{,])\s*([A-Za-z_][A-Za-z0-9_-]*)?$`)
	headerKind  = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_-]*)?$`)
	headerName  = regexp.MustCompile(`^\s*[A-Za-z_][A-Za-z0-9_-]*\s+([A-Za-z_][A-Za-z0-9_-]*)?$`)
	listElem    = regexp.MustCompile(`(?:^|[\[,])\s*("?[^",\[\]{}]*)$`)
)

func contextAt(f *model.File, offset int) context {
	ctx := locate(f, offset)
	ctx.src = f.Src
	return ctx
}

func locate(f *model.File, offset int) context {
	line := linePrefix(f.Src, offset)
	c := f.Find(offset)
	if c.Block == nil || c.On == model.TouchKind || c.On == model.TouchName || c.On == model.TouchHeader {
		return headerContext(c, line, offset)
	}
	ctx := context{block: c.Block}
	if m := lineKey.FindStringSubmatch(line); m != nil && !inArray(c) {
		ctx.where = atValue
		ctx.path = append(objectPath(c), m[1])
		ctx.setPrefix(m[2], offset)
		return ctx
	}
	if inArray(c) {
		if m := listElem.FindStringSubmatch(line); m != nil {
			ctx.where, ctx.inList = atValue, true
			ctx.path = arrayPath(c)
			ctx.setPrefix(m[1], offset)
			return ctx
		}
		return context{}
	}
	if m := lineKeyOnly.FindStringSubmatch(line); m != nil {
		ctx.where = atKey
		ctx.path = objectPath(c)
		ctx.object = c.Object
		ctx.setPrefix(m[1], offset)
		return ctx
	}
	return context{}
}

func headerContext(c model.Cursor, line string, offset int) context {
	if m := headerKind.FindStringSubmatch(line); m != nil {
		ctx := context{where: atKind}
		ctx.setPrefix(m[1], offset)
		return ctx
	}
	if m := headerName.FindStringSubmatch(line); m != nil {
		ctx := context{where: atName, block: c.Block}
		ctx.setPrefix(m[1], offset)
		return ctx
	}
	return context{}
}

func (ctx *context) setPrefix(word string, offset int) {
	if len(word) > 0 && word[0] == '"' {
		ctx.quoted = true
	}
	ctx.prefix = word
	ctx.replace = model.Span{Start: offset - len(word), End: offset}
}

// linePrefix is the text of offset's line before offset.
func linePrefix(src []byte, offset int) string {
	start := offset
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	return string(src[start:offset])
}

// objectPath is the key path of the innermost object around the cursor.
func objectPath(c model.Cursor) []string {
	var path []string
	for _, m := range c.Members {
		if o, ok := m.Value.(*model.Object); ok && o.Span.Contains(c.Offset) && c.Offset > o.Span.Start {
			path = append(path, m.Key.Text)
		}
	}
	return path
}

// inArray reports whether the innermost container around the cursor is an
// array.
func inArray(c model.Cursor) bool {
	if c.On == model.TouchArray {
		return true
	}
	m := c.Member()
	if m == nil {
		return false
	}
	a, ok := m.Value.(*model.Array)
	return ok && c.Offset > a.Span.Start && c.Offset < a.Span.End
}

// arrayPath is the key path of the array around the cursor.
func arrayPath(c model.Cursor) []string {
	path := objectPath(c)
	if m := c.Member(); m != nil {
		if _, ok := m.Value.(*model.Array); ok {
			path = append(path, m.Key.Text)
		}
	}
	return path
}
