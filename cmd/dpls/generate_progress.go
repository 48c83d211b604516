package main

import (
	"fmt"
	"io"
	"strings"
)

// progressMin is the number of files from which a run shows a progress
// bar: a handful of files is written faster than a bar can be read.
const progressMin = 8

// progress draws a one-line bar on a terminal, redrawn in place with a
// carriage return: "[#####.....] 12/24 kubernetes/order-service/pdb.yaml".
type progress struct {
	w     io.Writer
	total int
	done  int
	on    bool
	width int // of the last line drawn, to blank it
}

func newProgress(w io.Writer, total int, terminal bool) *progress {
	return &progress{w: w, total: total, on: terminal && total >= progressMin}
}

// step draws the bar for the file about to be written.
func (p *progress) step(path string) {
	if !p.on {
		return
	}
	p.done++
	const cells = 20
	filled := p.done * cells / p.total
	line := fmt.Sprintf("[%s%s] %d/%d %s", strings.Repeat("#", filled), strings.Repeat(".", cells-filled), p.done, p.total, path)
	pad := ""
	if n := p.width - len(line); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	fmt.Fprintf(p.w, "\r%s%s", line, pad)
	p.width = len(line)
}

// clear blanks the bar so that a message or the shell prompt starts on a
// clean line.
func (p *progress) clear() {
	if !p.on || p.width == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	p.width = 0
}
