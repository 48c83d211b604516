//go:build !unix

package main

import "io"

// pollableStdin is the identity where standard input cannot be made
// non-blocking; the server then relies on the client closing the pipe.
func pollableStdin(in io.Reader) io.Reader { return in }
