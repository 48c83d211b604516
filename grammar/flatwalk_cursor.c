// The cursor walk that dpl_flatten replaced, kept as the test oracle
// (dpl_flatten_cursor in flatwalk.h): it reads the tree only through
// tree-sitter's public cursor and node API, so the direct walk in flatwalk.c
// must write exactly what it writes. The runtime's functions are declared
// here with layout-identical types (its api.h would clash with them in
// flatwalk.c, which includes the runtime's internal headers).
#include "flatwalk.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	const void *tree;
	const void *id;
	uint32_t context[3];
} dpl_ts_cursor;

typedef struct {
	uint32_t row;
	uint32_t column;
} dpl_ts_point;

dpl_ts_cursor ts_tree_cursor_new(dpl_ts_node node);
void ts_tree_cursor_delete(dpl_ts_cursor *self);
bool ts_tree_cursor_goto_first_child(dpl_ts_cursor *self);
bool ts_tree_cursor_goto_next_sibling(dpl_ts_cursor *self);
bool ts_tree_cursor_goto_parent(dpl_ts_cursor *self);
dpl_ts_node ts_tree_cursor_current_node(const dpl_ts_cursor *self);
uint16_t ts_tree_cursor_current_field_id(const dpl_ts_cursor *self);
uint16_t ts_node_symbol(dpl_ts_node self);
uint32_t ts_node_start_byte(dpl_ts_node self);
uint32_t ts_node_end_byte(dpl_ts_node self);
dpl_ts_point ts_node_start_point(dpl_ts_node self);
uint32_t ts_node_child_count(dpl_ts_node self);
bool ts_node_is_named(dpl_ts_node self);
bool ts_node_is_missing(dpl_ts_node self);
bool ts_node_is_extra(dpl_ts_node self);
bool ts_node_is_error(dpl_ts_node self);
bool ts_node_has_error(dpl_ts_node self);

// stack holds the indices of the nodes on the path from the walk's start to
// the cursor; it lives on the C stack until a deep tree needs more.
typedef struct {
	uint32_t *items;
	uint32_t size, cap;
	uint32_t local[64];
} stack;

static void stack_init(stack *s) {
	s->items = s->local;
	s->size = 0;
	s->cap = 64;
}

static void stack_push(stack *s, uint32_t v) {
	if (s->size == s->cap) {
		uint32_t *grown = malloc(sizeof(uint32_t) * s->cap * 2);
		if (grown == NULL) {
			abort();
		}
		memcpy(grown, s->items, sizeof(uint32_t) * s->size);
		if (s->items != s->local) {
			free(s->items);
		}
		s->items = grown;
		s->cap *= 2;
	}
	s->items[s->size++] = v;
}

static void stack_free(stack *s) {
	if (s->items != s->local) {
		free(s->items);
	}
}

// emit writes the cursor's node at index n when it fits, and returns its
// number of children.
static uint32_t emit(const dpl_ts_cursor *c, dpl_flat_node *out, uint32_t cap, uint32_t n, int32_t parent) {
	dpl_ts_node node = ts_tree_cursor_current_node(c);
	if (n >= cap) {
		return ts_node_child_count(node);
	}
	dpl_flat_node *f = &out[n];
	dpl_ts_point p = ts_node_start_point(node);
	f->start_byte = ts_node_start_byte(node);
	f->end_byte = ts_node_end_byte(node);
	f->start_row = p.row;
	f->start_column = p.column;
	f->parent = parent;
	f->next = n + 1;
	f->child_count = ts_node_child_count(node);
	f->symbol = ts_node_symbol(node);
	f->field = ts_tree_cursor_current_field_id(c);
	uint16_t flags = 0;
	if (ts_node_is_named(node)) flags |= DPL_FLAG_NAMED;
	if (ts_node_is_missing(node)) flags |= DPL_FLAG_MISSING;
	if (ts_node_is_extra(node)) flags |= DPL_FLAG_EXTRA;
	if (ts_node_is_error(node)) flags |= DPL_FLAG_ERROR;
	if (ts_node_has_error(node)) flags |= DPL_FLAG_HAS_ERROR;
	f->flags = flags;
	f->pad = 0;
	return f->child_count;
}

static void close_node(dpl_flat_node *out, uint32_t cap, uint32_t i, uint32_t n) {
	if (i < cap) {
		out[i].next = n;
	}
}

// walk writes the cursor's node (as index n, child of parent) and its
// subtree, leaves the cursor where it started and returns the next index.
static uint32_t cursor_walk(dpl_ts_cursor *c, dpl_flat_node *out, uint32_t cap, uint32_t n, int32_t parent) {
	stack s;
	stack_init(&s);
	// Asking a leaf for its first child costs as much as visiting it, so
	// the cursor only descends where emit saw children.
	uint32_t children = emit(c, out, cap, n, parent);
	stack_push(&s, n++);
	for (;;) {
		if (children > 0 && ts_tree_cursor_goto_first_child(c)) {
			children = emit(c, out, cap, n, (int32_t)s.items[s.size - 1]);
			stack_push(&s, n++);
			continue;
		}
		for (;;) {
			close_node(out, cap, s.items[--s.size], n);
			if (s.size == 0) {
				stack_free(&s);
				return n;
			}
			if (ts_tree_cursor_goto_next_sibling(c)) {
				children = emit(c, out, cap, n, (int32_t)s.items[s.size - 1]);
				stack_push(&s, n++);
				break;
			}
			ts_tree_cursor_goto_parent(c);
		}
	}
}

uint32_t dpl_flatten_cursor(dpl_ts_node node, dpl_flat_node *out, uint32_t cap) {
	dpl_ts_cursor c = ts_tree_cursor_new(node);
	uint32_t n = cursor_walk(&c, out, cap, 0, -1);
	ts_tree_cursor_delete(&c);
	return n;
}
