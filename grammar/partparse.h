// Parsing one part of a document straight into a flat array (partparse.c).
#ifndef DPL_PARTPARSE_H
#define DPL_PARTPARSE_H

#include "flatwalk.h"

// dpl_parse_flat parses text with parser (a TSParser with the DPL language)
// and writes the tree into out as dpl_flatten does, returning the node
// count (0 only when tree-sitter gave up, which needs a cancellation). When
// the count exceeds cap, *keep holds the tree for dpl_flatten_kept; else the
// tree is freed and *keep is NULL.
uint32_t dpl_parse_flat(void *parser, const char *text, uint32_t len, dpl_flat_node *out, uint32_t cap, void **keep);

// dpl_flatten_kept flattens a tree kept by dpl_parse_flat into out (which
// must have room for the count it returned) and frees the tree.
uint32_t dpl_flatten_kept(void *tree, dpl_flat_node *out, uint32_t cap);

#endif
