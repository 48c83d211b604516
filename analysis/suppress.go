package analysis

import (
	"bytes"
	"strings"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// suppressMarker starts an inline suppression comment:
//
//	// dpls:ignore FT004 retries here are idempotent reads
//
// A trailing comment covers its own line; a comment on a line of its own
// covers the next line, or the whole block when that line opens a block.
// Several codes may be given separated by commas; the reason is free text.
const suppressMarker = "dpls:ignore"

type suppression struct {
	codes      map[string]bool
	start, end int // absolute byte range covered
}

type suppressionSet []suppression

func (s suppressionSet) covers(d rule.Diagnostic) bool {
	for _, sup := range s {
		if sup.codes[d.Code] && d.Span.Start >= sup.start && d.Span.Start <= sup.end {
			return true
		}
	}
	return false
}

func suppressions(f *model.File) suppressionSet {
	if f == nil || !hasMarker(f) {
		return nil
	}
	var out suppressionSet
	add := func(c model.Span) {
		if s, ok := parseSuppression(f, c); ok {
			out = append(out, s)
		}
	}
	for _, c := range f.Comments {
		add(c)
	}
	for _, b := range f.Blocks {
		for _, c := range b.Comments {
			add(b.Abs(c))
		}
	}
	return out
}

// hasMarker reports whether a comment of f holds the suppression marker.
// Only comments can, so this reads the comments rather than the whole file
// (which an edit of a large file would scan on every keystroke).
func hasMarker(f *model.File) bool {
	marker := []byte(suppressMarker)
	for _, c := range f.Comments {
		if bytes.Contains(f.Src[c.Start:c.End], marker) {
			return true
		}
	}
	for _, b := range f.Blocks {
		for _, c := range b.Comments {
			if strings.Contains(b.Text[c.Start:c.End], suppressMarker) {
				return true
			}
		}
	}
	return false
}

func parseSuppression(f *model.File, c model.Span) (suppression, bool) {
	text := string(f.Src[c.Start:c.End])
	i := strings.Index(text, suppressMarker)
	if i < 0 {
		return suppression{}, false
	}
	fields := strings.Fields(strings.TrimSuffix(text[i+len(suppressMarker):], "*/"))
	if len(fields) == 0 {
		return suppression{}, false
	}
	codes := map[string]bool{}
	for _, code := range strings.Split(fields[0], ",") {
		if code != "" {
			codes[code] = true
		}
	}
	lineStart := bytes.LastIndexByte(f.Src[:c.Start], '\n') + 1
	if strings.TrimSpace(string(f.Src[lineStart:c.Start])) != "" {
		return suppression{codes: codes, start: lineStart, end: lineEnd(f.Src, c.Start)}, true
	}
	next := lineEnd(f.Src, c.End) + 1
	if next > len(f.Src) {
		return suppression{}, false
	}
	end := lineEnd(f.Src, next)
	if b := f.BlockAt(firstNonSpace(f.Src, next)); b != nil && b.Start >= next {
		end = b.Start + b.Len
	}
	return suppression{codes: codes, start: next, end: end}, true
}

func lineEnd(src []byte, from int) int {
	if i := bytes.IndexByte(src[from:], '\n'); i >= 0 {
		return from + i
	}
	return len(src)
}

func firstNonSpace(src []byte, from int) int {
	for from < len(src) && (src[from] == ' ' || src[from] == '\t' || src[from] == '\r' || src[from] == '\n') {
		from++
	}
	return from
}
