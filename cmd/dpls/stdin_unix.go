//go:build unix

package main

import (
	"io"
	"os"
	"syscall"
)

// pollableStdin returns standard input switched to non-blocking mode and
// registered with Go's poller, so that closing it interrupts a pending
// read. Without this, a server that got `exit` while the client keeps its
// end of the pipe open would wait in read(2) forever. Anything that is
// not the process's standard input is returned as is.
func pollableStdin(in io.Reader) io.Reader {
	if in != os.Stdin {
		return in
	}
	if err := syscall.SetNonblock(int(syscall.Stdin), true); err != nil {
		return in
	}
	return os.NewFile(uintptr(syscall.Stdin), "/dev/stdin")
}
