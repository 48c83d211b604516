// The C side of grammar.Flatten: one call walks a tree and writes every
// visible node into a flat preorder array, so the Go side reads nodes as
// plain memory instead of paying a cgo call (and go-tree-sitter's per-tree
// node cache) per node and per property.
#ifndef DPL_FLATWALK_H
#define DPL_FLATWALK_H

#include <stdint.h>

// Mirrors tree-sitter's TSNode (api.h, ABI 14 runtime of go-tree-sitter).
typedef struct {
	uint32_t context[4];
	const void *id;
	const void *tree;
} dpl_ts_node;

// One node; grammar.FlatNode mirrors this layout (flat_layout_test.go checks it).
typedef struct {
	uint32_t start_byte;
	uint32_t end_byte;
	uint32_t start_row;
	uint32_t start_column;
	int32_t parent;       // index of the parent, -1 for the first node
	uint32_t next;        // index just past this node's subtree
	uint32_t child_count; // visible children
	uint16_t symbol;
	uint16_t field; // field id in the parent, 0 for none
	uint16_t flags; // DPL_FLAG_*
	uint16_t pad;
} dpl_flat_node;

enum {
	DPL_FLAG_NAMED = 1,
	DPL_FLAG_MISSING = 2,
	DPL_FLAG_EXTRA = 4,
	DPL_FLAG_ERROR = 8,
	DPL_FLAG_HAS_ERROR = 16,
};

// dpl_count returns how many nodes dpl_flatten writes for node.
uint32_t dpl_count(dpl_ts_node node);

// dpl_flatten writes node and its subtree in preorder into out, at most cap
// nodes, and returns the number of nodes of the subtree (more than cap when
// out was too small; then out holds a prefix with unreliable next fields).
uint32_t dpl_flatten(dpl_ts_node node, dpl_flat_node *out, uint32_t cap);

// dpl_flatten_cursor writes what dpl_flatten writes, walking with
// tree-sitter's public cursor API: the slower walk dpl_flatten replaced,
// kept as the oracle the tests compare it with (flatwalk_cursor.c).
uint32_t dpl_flatten_cursor(dpl_ts_node node, dpl_flat_node *out, uint32_t cap);

// dpl_layout fills the size and field offsets of dpl_flat_node, for the
// layout test.
void dpl_layout(uint32_t out[11]);

#endif
