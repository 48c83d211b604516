// See partparse.go: parse one part and flatten its tree in a single call.
// The tree-sitter runtime comes from go-tree-sitter's cgo objects, as in
// flatwalk.c; its functions are declared with layout-identical types.
#include "partparse.h"

#include <stddef.h>

typedef struct dpl_ts_tree dpl_ts_tree;

dpl_ts_tree *ts_parser_parse_string(void *self, const dpl_ts_tree *old_tree, const char *string, uint32_t length);
dpl_ts_node ts_tree_root_node(const dpl_ts_tree *self);
void ts_tree_delete(dpl_ts_tree *self);

uint32_t dpl_parse_flat(void *parser, const char *text, uint32_t len, dpl_flat_node *out, uint32_t cap, void **keep) {
	*keep = NULL;
	dpl_ts_tree *t = ts_parser_parse_string(parser, NULL, text, len);
	if (t == NULL) {
		return 0;
	}
	uint32_t n = dpl_flatten(ts_tree_root_node(t), out, cap);
	if (n > cap) {
		*keep = t;
		return n;
	}
	ts_tree_delete(t);
	return n;
}

uint32_t dpl_flatten_kept(void *tree, dpl_flat_node *out, uint32_t cap) {
	uint32_t n = dpl_flatten(ts_tree_root_node(tree), out, cap);
	ts_tree_delete(tree);
	return n;
}
