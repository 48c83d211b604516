package analysis

import (
	"testing"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/rule"
)

func TestPosition(t *testing.T) {
	ws := New(Config{}).SetFile("a.dpl", []byte("// é\nx\n"))
	for _, c := range []struct{ offset, line, col int }{{0, 1, 1}, {4, 1, 5}, {6, 2, 1}, {7, 2, 2}} {
		if line, col := ws.Position(rule.Location{File: "a.dpl", Span: model.Span{Start: c.offset, End: c.offset}}); line != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", c.offset, line, col, c.line, c.col)
		}
	}
	if line, col := ws.Position(rule.Location{File: "b.dpl"}); line != 0 || col != 0 {
		t.Errorf("Position in a file not in the workspace = %d:%d, want 0:0", line, col)
	}
}
