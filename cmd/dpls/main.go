// Command dpls is DPL's language server and toolchain. With no arguments (or
// `serve`, or `--stdio` as vscode-languageclient starts it) it speaks LSP on
// stdio; the subcommands check, fmt, generate, parse and explain run the same
// packages the server does, without starting a session.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// version is set at link time (-ldflags "-X main.version=…").
var version = "0.1.0-dev"

// env is what a subcommand may touch: its arguments and standard streams.
// Subcommands take it instead of reading os.* so tests can drive them.
type env struct {
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand: it returns the process exit code.
type command struct {
	summary string
	run     func(e env) int
}

// commands is filled by each subcommand's file in its init function, so that
// adding a subcommand touches only its own file.
var commands = map[string]command{}

func register(name, summary string, run func(e env) int) {
	commands[name] = command{summary: summary, run: run}
}

func main() {
	os.Exit(run(env{args: os.Args[1:], stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}))
}

func run(e env) int {
	if len(e.args) == 0 {
		return serveOrUsage(e)
	}
	switch e.args[0] {
	case "--version", "-version", "version":
		fmt.Fprintf(e.stdout, "dpls %s\n", version)
		return 0
	case "-h", "--help", "help":
		usage(e.stdout)
		return 0
	}
	if strings.HasPrefix(e.args[0], "-") {
		// Flags without a subcommand belong to the server (--stdio, --log-file).
		return serveOrUsage(e)
	}
	cmd, ok := commands[e.args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "dpls: unknown command %q\n\n", e.args[0])
		usage(e.stderr)
		return 2
	}
	return cmd.run(env{args: e.args[1:], stdin: e.stdin, stdout: e.stdout, stderr: e.stderr})
}

// serveOrUsage starts the language server when one is built in.
func serveOrUsage(e env) int {
	if cmd, ok := commands["serve"]; ok {
		return cmd.run(e)
	}
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "dpls %s — language server and toolchain for DPL\n\nUsage:\n  dpls [--stdio] [--log-file FILE]   serve LSP on stdio\n  dpls COMMAND [arguments]\n\nCommands:\n", version)
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-10s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nRun `dpls COMMAND -h` for a command's flags.")
}
