// See flatwalk.h. dpl_flatten walks tree-sitter's internal Subtree
// representation directly, in one pass, instead of going through the public
// TSTreeCursor and ts_node_* API (one call per step and per property, which
// cost ~15% of a parse). It reproduces what that API reports, rule by rule
// (tree_cursor.c and node.c of the runtime):
//
//   - A child is visible when its subtree is visible or the parent's alias
//     sequence gives it an alias; extras never take an alias.
//   - Hidden children are transparent: their children become children of the
//     nearest visible ancestor, recursively. A hidden child without visible
//     children (visible_child_count 0) contributes nothing.
//   - A child starts where its previous sibling ends plus its own padding
//     (the first child where its parent starts), in bytes and points.
//   - A node's field is the first non-inherited entry for its structural
//     index in the field map of its parent's production; when there is none
//     and the parent is hidden, the field the hidden parent itself fills, and
//     so on up to the visible ancestor. Extras have no field and pass none on.
//   - symbol, is_named, is_error follow the alias when there is one. An
//     extra shows the alias of the node the walk starts from, as the
//     cursor's current_node has it (the node API would give none); it is 0
//     when the walk starts at a tree's root.
//
// Reading the runtime's private structs is safe because the headers that
// define them are vendored byte for byte from the go-tree-sitter module this
// package links (internal/tsruntime; TestVendoredRuntimeHeaders fails when
// the module's copies differ), so the compiler lays the structs out exactly
// as the linked runtime does. dpl_flatten_cursor (flatwalk_cursor.c), the
// walk this one replaced, is the oracle the tests compare it with byte for
// byte.
#include "flatwalk.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal/tsruntime/language.h"
#include "internal/tsruntime/tree.h"

// dpl_ts_node stands for TSNode in flatwalk.h, which cannot include api.h
// (partparse.c and flatwalk_cursor.c declare runtime functions on it).
_Static_assert(sizeof(dpl_ts_node) == sizeof(TSNode), "dpl_ts_node must mirror TSNode");
_Static_assert(offsetof(dpl_ts_node, context) == offsetof(TSNode, context), "dpl_ts_node.context");
_Static_assert(offsetof(dpl_ts_node, id) == offsetof(TSNode, id), "dpl_ts_node.id");
_Static_assert(offsetof(dpl_ts_node, tree) == offsetof(TSNode, tree), "dpl_ts_node.tree");

// frame is a node whose children the walk is visiting: a visible node, or a
// hidden one whose children belong to the nearest visible ancestor.
typedef struct {
	const Subtree *child; // the next child to visit
	const Subtree *end;
	const TSSymbol *aliases; // the production's alias sequence, or NULL
	const TSFieldMapEntry *fields, *fields_end;
	Length pos;          // where the next child starts
	uint32_t structural; // structural index of the next child (extras skipped)
	int32_t parent;      // flat index of the visible node the children belong to
	uint32_t closes;     // flat index whose next this frame sets when done, or NO_CLOSE
	TSFieldId inherited; // field of a hidden node, passed on to its children
} frame;

#define NO_CLOSE UINT32_MAX
#define LOCAL_FRAMES 64

// frames is the walk's stack; it lives on the C stack until a deep tree
// needs more.
typedef struct {
	frame *items;
	uint32_t size, cap;
	frame local[LOCAL_FRAMES];
} frames;

static frame *push(frames *s) {
	if (s->size == s->cap) {
		frame *grown = malloc(sizeof(frame) * s->cap * 2);
		if (grown == NULL) {
			abort();
		}
		memcpy(grown, s->items, sizeof(frame) * s->size);
		if (s->items != s->local) {
			free(s->items);
		}
		s->items = grown;
		s->cap *= 2;
	}
	return &s->items[s->size++];
}

// open_frame pushes a frame for the children of t (which has children),
// the first of which starts at pos.
static void open_frame(frames *s, const TSLanguage *lang, Subtree t, Length pos, int32_t parent, uint32_t closes, TSFieldId inherited) {
	frame *f = push(s);
	f->child = ts_subtree_children(t);
	f->end = f->child + t.ptr->child_count;
	f->aliases = ts_language_alias_sequence(lang, t.ptr->production_id);
	ts_language_field_map(lang, t.ptr->production_id, &f->fields, &f->fields_end);
	f->pos = pos;
	f->structural = 0;
	f->parent = parent;
	f->closes = closes;
	f->inherited = inherited;
}

// field_at returns the field the production of f's node gives its child at
// structural index i, or 0.
static inline TSFieldId field_at(const frame *f, uint32_t i) {
	for (const TSFieldMapEntry *m = f->fields; m < f->fields_end; m++) {
		if (!m->inherited && m->child_index == i) {
			return m->field_id;
		}
	}
	return 0;
}

// emit writes node n, the subtree t at pos seen through alias, when it fits.
static inline void emit(dpl_flat_node *out, uint32_t cap, uint32_t n, const TSLanguage *lang, Subtree t, TSSymbol alias,
                        Length pos, int32_t parent, TSFieldId field) {
	if (n >= cap) {
		return;
	}
	TSSymbol symbol = ts_language_public_symbol(lang, alias ? alias : ts_subtree_symbol(t));
	bool named = alias ? ts_language_symbol_metadata(lang, alias).named : ts_subtree_named(t);
	dpl_flat_node *f = &out[n];
	f->start_byte = pos.bytes;
	f->end_byte = pos.bytes + ts_subtree_size(t).bytes;
	f->start_row = pos.extent.row;
	f->start_column = pos.extent.column;
	f->parent = parent;
	f->next = n + 1;
	f->child_count = ts_subtree_visible_child_count(t);
	f->symbol = symbol;
	f->field = field;
	uint16_t flags = 0;
	if (named) flags |= DPL_FLAG_NAMED;
	if (ts_subtree_missing(t)) flags |= DPL_FLAG_MISSING;
	if (ts_subtree_extra(t)) flags |= DPL_FLAG_EXTRA;
	if (symbol == ts_builtin_sym_error) flags |= DPL_FLAG_ERROR;
	if (ts_subtree_error_cost(t) > 0) flags |= DPL_FLAG_HAS_ERROR;
	f->flags = flags;
	f->pad = 0;
}

uint32_t dpl_count(dpl_ts_node node) {
	return ts_subtree_visible_descendant_count(*(const Subtree *)node.id) + 1;
}

uint32_t dpl_flatten(dpl_ts_node node, dpl_flat_node *out, uint32_t cap) {
	const TSTree *tree = node.tree;
	const TSLanguage *lang = tree->language;
	Subtree root = *(const Subtree *)node.id;
	Length root_pos = {node.context[0], {node.context[1], node.context[2]}};
	// The start node has no field and keeps the alias its TSNode carries,
	// as a cursor created on it reports.
	TSSymbol root_alias = (TSSymbol)node.context[3];
	emit(out, cap, 0, lang, root, root_alias, root_pos, -1, 0);
	uint32_t n = 1;
	frames s = {.size = 0, .cap = LOCAL_FRAMES};
	s.items = s.local;
	if (ts_subtree_visible_child_count(root) > 0) {
		open_frame(&s, lang, root, root_pos, 0, 0, 0);
	}
	while (s.size > 0) {
		frame *f = &s.items[s.size - 1];
		if (f->child == f->end) {
			if (f->closes != NO_CLOSE && f->closes < cap) {
				out[f->closes].next = n;
			}
			s.size--;
			continue;
		}
		Subtree t = *f->child++;
		Length pos = f->pos;
		f->pos = length_add(pos, ts_subtree_size(t));
		if (f->child != f->end) {
			f->pos = length_add(f->pos, ts_subtree_padding(*f->child));
		}
		// The cursor shows an extra with the alias of the node it was
		// created on (ts_tree_cursor_current_node), though an extra never
		// becomes visible by it; at a tree's root that alias is 0.
		bool extra = ts_subtree_extra(t);
		TSSymbol alias = extra ? root_alias : 0;
		TSFieldId field = 0;
		if (!extra) {
			if (f->aliases) {
				alias = f->aliases[f->structural];
			}
			field = field_at(f, f->structural);
			if (field == 0) {
				field = f->inherited;
			}
			f->structural++;
		}
		int32_t parent = f->parent;
		bool descend = ts_subtree_visible_child_count(t) > 0;
		if (ts_subtree_visible(t) || (alias && !extra)) {
			emit(out, cap, n, lang, t, alias, pos, parent, field);
			if (descend) {
				open_frame(&s, lang, t, pos, (int32_t)n, n, 0);
			}
			n++;
		} else if (descend) {
			open_frame(&s, lang, t, pos, parent, NO_CLOSE, field);
		}
	}
	if (s.items != s.local) {
		free(s.items);
	}
	return n;
}

void dpl_layout(uint32_t out[11]) {
	out[0] = sizeof(dpl_flat_node);
	out[1] = offsetof(dpl_flat_node, start_byte);
	out[2] = offsetof(dpl_flat_node, end_byte);
	out[3] = offsetof(dpl_flat_node, start_row);
	out[4] = offsetof(dpl_flat_node, start_column);
	out[5] = offsetof(dpl_flat_node, parent);
	out[6] = offsetof(dpl_flat_node, next);
	out[7] = offsetof(dpl_flat_node, child_count);
	out[8] = offsetof(dpl_flat_node, symbol);
	out[9] = offsetof(dpl_flat_node, field);
	out[10] = offsetof(dpl_flat_node, flags);
}
