package generators

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// CheckPath accepts a generated file's path only when it stays inside the
// output directory: relative, slash-separated, no ".." segment, no empty or
// "." segment, no backslash (a Windows separator in disguise). A DPL
// `output: "../../etc"` therefore fails here, before anything is written.
func CheckPath(p string) error {
	switch {
	case p == "":
		return fmt.Errorf("empty output path")
	case strings.ContainsAny(p, "\\\x00"):
		return fmt.Errorf("output path %q: backslashes and NUL are not allowed", p)
	case path.IsAbs(p) || filepath.IsAbs(p):
		return fmt.Errorf("output path %q is absolute; paths are relative to the output directory", p)
	}
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "..":
			return fmt.Errorf("output path %q leaves the output directory", p)
		case "", ".":
			return fmt.Errorf("output path %q has an empty or \".\" segment", p)
		}
	}
	if !filepath.IsLocal(filepath.FromSlash(p)) {
		return fmt.Errorf("output path %q is not a local path", p)
	}
	return nil
}

// Action is what a writer does with one generated file.
type Action int

const (
	// Create writes a file that does not exist yet.
	Create Action = iota
	// Update replaces a file dpls wrote and nobody edited since.
	Update
	// Unchanged leaves a file whose content is already the generated one.
	Unchanged
	// Overwrite replaces a foreign or edited file because force was given.
	Overwrite
	// Refuse leaves a foreign or edited file alone (no force).
	Refuse
)

func (a Action) String() string {
	return [...]string{"create", "update", "unchanged", "overwrite", "refuse"}[a]
}

// Decision is the action for one file and, for Overwrite and Refuse, why.
// The reason states a fact about the file ("edited since dpls wrote it")
// and no remedy: how to override differs between the command line (a
// flag) and the editor (none), so each adds its own.
type Decision struct {
	Action Action
	Reason string
}

// Decide says what to do with generated file f when the destination holds
// existing (exists false when there is no file). A file is replaced only
// when dpls wrote it and it was not edited since, unless force.
func Decide(f File, existing []byte, exists, force bool) Decision {
	if !exists {
		return Decision{Action: Create}
	}
	if bytes.Equal(existing, f.Content) {
		return Decision{Action: Unchanged}
	}
	st := Inspect(existing)
	if st == Intact {
		return Decision{Action: Update}
	}
	if force {
		return Decision{Action: Overwrite, Reason: st.String()}
	}
	return Decision{Action: Refuse, Reason: st.String()}
}
