package rules

import (
	"strings"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

// Quick-fix edits the language rules share: removing a member (duplicate
// keys, keys of another variant, deprecated keys) and adding one (missing
// required keys). They work on the block's text, so they keep the layout
// the user wrote: a member alone on its line goes with its line, one in a
// one-line object goes with its separator.

// langRemoveMember is the fix that deletes m from block b.
func langRemoveMember(b *model.Block, m *model.Member, title string) rule.BlockFix {
	return rule.BlockFix{Title: title, Edits: []rule.BlockEdit{{Span: langMemberExtent(b.Text, m.Span), NewText: ""}}}
}

// langMemberExtent widens a member's span to what removing it should
// delete: the whole line (with a trailing comment) when the member is alone
// on it, else the member, a following comma and the spaces after it.
func langMemberExtent(text string, s model.Span) model.Span {
	end := s.End
	for end < len(text) && (text[end] == ' ' || text[end] == '\t') {
		end++
	}
	if end < len(text) && text[end] == ',' {
		end++
		for end < len(text) && (text[end] == ' ' || text[end] == '\t') {
			end++
		}
	}
	lineStart := strings.LastIndexByte(text[:s.Start], '\n') + 1
	aloneBefore := strings.TrimSpace(text[lineStart:s.Start]) == ""
	rest := text[end:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	trimmed := strings.TrimSpace(rest)
	aloneAfter := trimmed == "" || strings.HasPrefix(trimmed, "//") || strings.HasPrefix(trimmed, "#")
	if aloneBefore && aloneAfter && end+len(rest) < len(text) {
		return model.Span{Start: lineStart, End: end + len(rest) + 1}
	}
	if aloneBefore && aloneAfter {
		return model.Span{Start: s.Start, End: end + len(rest)}
	}
	return model.Span{Start: s.Start, End: end}
}

// langInsertMember is the fix that adds `key: value` to the closed object
// o of block b: on a line of its own, indented like its siblings, in a
// multi-line object; after the last member with ", " in a one-line one.
func langInsertMember(b *model.Block, o *model.Object, key, value, title string) rule.BlockFix {
	text := b.Text
	member := key + ": " + value
	open, close := o.Span.Start, o.Span.End-1
	multiLine := strings.Contains(text[open:close], "\n")
	var at int
	var insert string
	switch {
	case len(o.Members) == 0 && multiLine:
		at = open + 1
		insert = "\n" + ftLineIndent(text, open) + "  " + member
	case len(o.Members) == 0:
		at = open + 1
		insert = " " + member + " "
	case multiLine:
		last := o.Members[len(o.Members)-1]
		at = last.Span.End
		if nl := strings.IndexByte(text[at:close], '\n'); nl >= 0 {
			at += nl
		} else {
			at = close
			for at > last.Span.End && (text[at-1] == ' ' || text[at-1] == '\t') {
				at--
			}
		}
		insert = "\n" + ftLineIndent(text, last.Span.Start) + member
	default:
		last := o.Members[len(o.Members)-1]
		at = last.Span.End
		insert = ", " + member
	}
	return rule.BlockFix{Title: title, Edits: []rule.BlockEdit{{Span: model.Span{Start: at, End: at}, NewText: insert}}}
}
