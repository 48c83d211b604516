// Package dplfs is the DPL workspace as it lies on disk, shared by the
// command line and the language server so both see the same workspace:
// which .dpl files a directory holds (Files) and which .dpls.yaml governs
// a directory or file (LoadConfig). Before it, `dpls check` and the editor
// each walked and searched their own way, and a file or setting could
// count in one and not the other.
package dplfs
