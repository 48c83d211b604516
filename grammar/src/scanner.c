// External scanner for DPL. Two zero-width tokens, both emitted only where the
// text ahead is a block header `KIND NAME {` or the end of the text:
//   missing_brace  closes an object whose `}` is missing;
//   _header_end    ends a half-typed block header (also at end of file).
// Member keys are followed by `:`, so a header is never mistaken for a member.
// Hand-written (not generated); stateless.
#include "tree_sitter/parser.h"
#include <stdbool.h>

enum TokenType { MISSING_BRACE, HEADER_END, ERROR_SENTINEL };

void *tree_sitter_dpl_external_scanner_create(void) { return NULL; }
void tree_sitter_dpl_external_scanner_destroy(void *payload) { (void)payload; }
unsigned tree_sitter_dpl_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload; (void)buffer;
  return 0;
}
void tree_sitter_dpl_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  (void)payload; (void)buffer; (void)length;
}

static bool is_space(int32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
static bool is_ident_start(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static bool is_ident_char(int32_t c) { return is_ident_start(c) || (c >= '0' && c <= '9') || c == '-'; }

static void skip_space(TSLexer *lexer) {
  while (is_space(lexer->lookahead)) lexer->advance(lexer, true);
}

static bool consume_identifier(TSLexer *lexer) {
  if (!is_ident_start(lexer->lookahead)) return false;
  while (is_ident_char(lexer->lookahead)) lexer->advance(lexer, false);
  return true;
}

bool tree_sitter_dpl_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  (void)payload;
  // In error recovery every symbol is valid; leave recovery to tree-sitter.
  if (valid_symbols[ERROR_SENTINEL]) return false;
  if (!valid_symbols[MISSING_BRACE] && !valid_symbols[HEADER_END]) return false;
  skip_space(lexer);
  lexer->mark_end(lexer);
  if (lexer->eof(lexer)) {
    // The end of the text closes what is open the way the next header
    // does, so a block cut short reads the same wherever it ends.
    lexer->result_symbol = valid_symbols[HEADER_END] ? HEADER_END : MISSING_BRACE;
    return true;
  }
  if (!consume_identifier(lexer)) return false;
  if (!is_space(lexer->lookahead)) return false;
  skip_space(lexer);
  if (!consume_identifier(lexer)) return false;
  skip_space(lexer);
  if (lexer->lookahead != '{') return false;
  lexer->result_symbol = valid_symbols[HEADER_END] ? HEADER_END : MISSING_BRACE;
  return true;
}
