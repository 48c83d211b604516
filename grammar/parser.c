// Compiles the generated parser as part of the Go package (see language.go).
#include "src/parser.c"
#include "src/scanner.c"
