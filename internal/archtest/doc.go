// Package archtest holds the test that keeps ARCHITECTURE.md true: every
// package of the module is described there, and the import invariants it
// states hold (rust-analyzer's tidy checks, as a Go test).
package archtest
