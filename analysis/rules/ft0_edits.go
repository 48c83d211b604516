package rules

import (
	"strings"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// Text edits shared by the quick fixes (FT, CN, VF, LB, SD, LK, MQ, ...)
// that add, set or remove a member or drop a list element. They follow the
// formatter's layout (one member per line in multi-line objects, `, ` inside
// one-line ones), so a fixed file reads as if written by hand.

// ftInsertMember adds `member` (already rendered, `max_delay: "1s"`) as the
// last member of obj. src is the block's text and obj's spans are relative
// to it, as is the returned edit.
func ftInsertMember(src string, obj *model.Object, member string) rule.BlockEdit {
	if len(obj.Members) == 0 {
		at := obj.Span.Start + 1
		return rule.BlockEdit{Span: model.Span{Start: at, End: at}, NewText: " " + member + " "}
	}
	first, last := obj.Members[0], obj.Members[len(obj.Members)-1]
	end := last.Span.End
	if !strings.Contains(src[obj.Span.Start:first.Span.Start], "\n") {
		return rule.BlockEdit{Span: model.Span{Start: end, End: end}, NewText: ", " + member}
	}
	at := end
	if eol := ftLineEnd(src, end); ftRestIsTrivia(src[end:eol]) {
		// Keep a trailing comma or comment with the member it belongs to.
		at = eol
	}
	return rule.BlockEdit{Span: model.Span{Start: at, End: at}, NewText: "\n" + ftLineIndent(src, last.Span.Start) + member}
}

// ftLineEnd is the offset of the newline ending the line that holds pos (or
// the end of src).
func ftLineEnd(src string, pos int) int {
	if i := strings.IndexByte(src[pos:], '\n'); i >= 0 {
		return pos + i
	}
	return len(src)
}

// ftRestIsTrivia reports whether the rest of a line after a member is only a
// separator comma, spaces and a line comment.
func ftRestIsTrivia(rest string) bool {
	rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ","))
	return rest == "" || strings.HasPrefix(rest, "//") || strings.HasPrefix(rest, "#")
}

// ftLineIndent is the leading whitespace of the line that holds pos.
func ftLineIndent(src string, pos int) string {
	start := strings.LastIndexByte(src[:pos], '\n') + 1
	i := start
	for i < pos && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return src[start:i]
}

// ftElementRemoval is the span to delete to drop elems[i] from the array
// at arr together with one separator: up to the next element, or back to
// the end of the previous one for the last element. A lone element takes
// everything between the brackets with it, so a trailing comma cannot be
// left behind as `[,]`.
func ftElementRemoval(arr model.Span, elems []model.Value, i int) model.Span {
	if len(elems) == 1 {
		return model.Span{Start: arr.Start + 1, End: arr.End - 1}
	}
	return infraElementRemoval(elems, i)
}

// infraSetMember is the edit that gives key the value text in obj: it replaces
// the value when the member exists and adds the member otherwise.
func infraSetMember(src string, obj *model.Object, key, text string) rule.BlockEdit {
	if m := obj.Get(key); m != nil && m.Value != nil {
		return rule.BlockEdit{Span: m.Value.ValueSpan(), NewText: text}
	}
	return infraInsertMember(src, obj, key+": "+text)
}

// infraMemberRemoval is the span to delete to drop m from obj with one
// separator, as infraElementRemoval does for array elements.
func infraMemberRemoval(obj *model.Object, m *model.Member) model.Span {
	for i, other := range obj.Members {
		if other != m {
			continue
		}
		span := m.Span
		switch {
		case i+1 < len(obj.Members):
			span.End = obj.Members[i+1].Span.Start
		case i > 0:
			span.Start = obj.Members[i-1].Span.End
		}
		return span
	}
	return m.Span
}

// infraInsertMember adds member (rendered, `timeout: "30s"`) as the last
// member of obj; src is the block's text, to which obj's spans are
// relative.
func infraInsertMember(src string, obj *model.Object, member string) rule.BlockEdit {
	if len(obj.Members) == 0 {
		at := obj.Span.Start + 1
		return rule.BlockEdit{Span: model.Span{Start: at, End: at}, NewText: " " + member + " "}
	}
	return infraInsertAfter(src, obj, obj.Members[len(obj.Members)-1], member)
}

// infraInsertAfter adds member right after after, a member of obj: on its
// own line, indented like after, in a multi-line object; after `, ` in a
// one-line one.
func infraInsertAfter(src string, obj *model.Object, after *model.Member, member string) rule.BlockEdit {
	end := after.Span.End
	if !strings.Contains(src[obj.Span.Start:obj.Members[0].Span.Start], "\n") {
		return rule.BlockEdit{Span: model.Span{Start: end, End: end}, NewText: ", " + member}
	}
	at := end
	if eol := ftLineEnd(src, end); ftRestIsTrivia(src[end:eol]) {
		// Keep a trailing comma or comment with the member it belongs to.
		at = eol
	}
	lineStart := strings.LastIndexByte(src[:after.Span.Start], '\n') + 1
	indent := src[lineStart:after.Span.Start]
	if strings.TrimLeft(indent, " \t") != "" {
		indent = ""
	}
	return rule.BlockEdit{Span: model.Span{Start: at, End: at}, NewText: "\n" + indent + member}
}

// infraElementRemoval is the span to delete to drop elems[i] from its
// array with one separator: up to the next element, or back to the end of
// the previous one for the last element.
func infraElementRemoval(elems []model.Value, i int) model.Span {
	span := elems[i].ValueSpan()
	switch {
	case i+1 < len(elems):
		span.End = elems[i+1].ValueSpan().Start
	case i > 0:
		span.Start = elems[i-1].ValueSpan().End
	}
	return span
}
