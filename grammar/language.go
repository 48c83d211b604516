package grammar

// The generated parser is compiled into this package through parser.c, which
// includes src/parser.c: cgo only compiles C files in the package directory,
// and tree-sitter's layout keeps the generated file in src/.

//#cgo CFLAGS: -I${SRCDIR}/src -std=c11
//#include "src/tree_sitter/parser.h"
//const TSLanguage *tree_sitter_dpl(void);
import "C"

import (
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

var language = sitter.NewLanguage(unsafe.Pointer(C.tree_sitter_dpl()))

// Language returns DPL's tree-sitter language.
func Language() *sitter.Language { return language }
