package grammar

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
)

// parsers are reused: a tree-sitter parser keeps allocations between parses,
// and a parser must not be shared by two goroutines at once.
var parsers = sync.Pool{New: func() any {
	p := sitter.NewParser()
	p.SetLanguage(language)
	return p
}}

// Parse parses src from scratch. It never fails on any input: syntax errors
// become ERROR and MISSING nodes in the tree.
func Parse(src []byte) *sitter.Tree {
	t, err := parse(nil, src)
	if err != nil {
		// Only cancellation can fail a parse, and Background is never cancelled.
		panic(fmt.Sprintf("grammar: parse without cancellation failed: %v", err))
	}
	return t
}

func parse(old *sitter.Tree, src []byte) (*sitter.Tree, error) {
	p := parsers.Get().(*sitter.Parser)
	defer parsers.Put(p)
	t, err := p.ParseCtx(context.Background(), old, src)
	// ParseCtx stops referring to old once it has its C pointer, so the
	// collector could run old's finalizer (ts_tree_delete) while
	// tree-sitter is still reusing its subtrees.
	runtime.KeepAlive(old)
	if err != nil {
		p.Reset()
		return nil, fmt.Errorf("parse dpl: %w", err)
	}
	return t, nil
}

// Edit describes one text change in the terms tree-sitter needs: the byte
// range replaced, where the new text ends, and the same three positions as
// points (row and byte column).
type Edit struct {
	StartByte, OldEndByte, NewEndByte    uint32
	StartPoint, OldEndPoint, NewEndPoint sitter.Point
}

// EditFor computes the Edit that replaces src[start:oldEnd] with text, and
// the resulting source. It counts the lines before start; a caller that
// knows start's point (an editor has line and column) uses EditAt.
func EditFor(src []byte, start, oldEnd int, text []byte) (Edit, []byte) {
	return EditAt(src, start, oldEnd, PointAt(src, start), text)
}

// EditAt is EditFor for a caller that knows the point of start: it reads
// only the replaced bytes and text, besides copying src into the result.
func EditAt(src []byte, start, oldEnd int, startPt sitter.Point, text []byte) (Edit, []byte) {
	next := make([]byte, 0, len(src)-(oldEnd-start)+len(text))
	next = append(next, src[:start]...)
	next = append(next, text...)
	next = append(next, src[oldEnd:]...)
	return Edit{
		StartByte:   uint32(start),
		OldEndByte:  uint32(oldEnd),
		NewEndByte:  uint32(start + len(text)),
		StartPoint:  startPt,
		OldEndPoint: advance(startPt, src[start:oldEnd]),
		NewEndPoint: advance(startPt, text),
	}, next
}

// PointAt converts a byte offset of src into a tree-sitter point.
func PointAt(src []byte, offset int) sitter.Point {
	return advance(sitter.Point{}, src[:offset])
}

func advance(p sitter.Point, text []byte) sitter.Point {
	nl := bytes.Count(text, []byte{'\n'})
	if nl == 0 {
		return sitter.Point{Row: p.Row, Column: p.Column + uint32(len(text))}
	}
	last := bytes.LastIndexByte(text, '\n')
	return sitter.Point{Row: p.Row + uint32(nl), Column: uint32(len(text) - last - 1)}
}

// Reparse applies e to old (which must be the tree of the text before the
// edit) and parses next incrementally, reusing every subtree the edit did not
// touch. old is edited in place and must not be used afterwards.
func Reparse(old *sitter.Tree, e Edit, next []byte) *sitter.Tree {
	editTree(old, e)
	if len(next) > 0 {
		if t := reparseDirect(old, next); t != nil {
			return t
		}
	}
	t, err := parse(old, next)
	if err != nil {
		panic(fmt.Sprintf("grammar: reparse without cancellation failed: %v", err))
	}
	return t
}
