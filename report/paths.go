package report

import (
	"net/url"
	"path/filepath"
	"strings"
)

// srcRoot is the uriBaseId of SARIF URIs relative to the repository root,
// the name GitHub code scanning and the SARIF spec's examples use.
const srcRoot = "%SRCROOT%"

// relPath returns file relative to o.Root with forward slashes, or false
// when it lies outside Root (or Root is unset and file is absolute).
func (o Options) relPath(file string) (string, bool) {
	if o.Root == "" {
		return filepath.ToSlash(file), !filepath.IsAbs(file)
	}
	abs := file
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(o.Dir, file)
	}
	rel, err := filepath.Rel(o.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs), false
	}
	return filepath.ToSlash(rel), true
}

// fileURI returns the SARIF artifact URI of file and its base id: relative
// to %SRCROOT% when file lies under the root, else an absolute file URI.
func (o Options) fileURI(file string) (uri, base string) {
	p, rel := o.relPath(file)
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	escaped := strings.Join(segs, "/")
	if rel {
		return escaped, srcRoot
	}
	if !strings.HasPrefix(escaped, "/") {
		escaped = "/" + escaped // a Windows path: file:///C:/…
	}
	return "file://" + escaped, ""
}
