/**
 * @file DPL — the distributed pattern language
 * @license MIT
 *
 * A DPL file is a sequence of blocks `KIND NAME { key: value … }`. Values are
 * strings, numbers, booleans, arrays and objects; commas between members and
 * elements are optional. See ../../shared/spec/language.md (mirrored in
 * docs/language.md) for the language.
 *
 * Error recovery: a block whose closing `}` is missing still ends where the
 * next `KIND NAME {` starts. The external scanner (src/scanner.c) looks ahead
 * for that header wherever an object may close and emits a zero-width
 * `missing_brace` node there, so the following blocks parse as blocks. The
 * analyzer reports it as "expected `}` to close block …". Likewise a block
 * header without its `{` ends before the next header (or at the end of the
 * file), leaving a block node with no body.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

module.exports = grammar({
  name: 'dpl',

  extras: $ => [/\s/, $.comment],

  word: $ => $.identifier,

  externals: $ => [$.missing_brace, $._header_end, $._error_sentinel],

  rules: {
    source_file: $ => repeat($.block),

    // A half-typed header (`fault_` or `fault_tolerance Order` above an
    // existing block) ends at the next block header, marked by the scanner's
    // zero-width _header_end, so the block below keeps its kind and name.
    block: $ => seq(
      field('kind', $.identifier),
      choice(
        seq(
          field('name', $.identifier),
          choice(field('body', $.object), $._header_end),
        ),
        $._header_end,
      ),
    ),

    // An object ends at `}`, or — when the `}` is missing — just before the
    // next block header, where the scanner emits a zero-width missing_brace.
    object: $ => seq(
      '{',
      repeat($._member_item),
      choice('}', $.missing_brace),
    ),

    _member_item: $ => seq($.member, optional(',')),

    member: $ => seq(
      field('key', $.identifier),
      ':',
      field('value', $._value),
    ),

    array: $ => seq(
      '[',
      repeat(seq($._value, optional(','))),
      ']',
    ),

    _value: $ => choice(
      $.string,
      $.number,
      $.boolean,
      $.array,
      $.object,
    ),

    string: $ => seq(
      '"',
      repeat(choice(
        $.string_content,
        $.escape_sequence,
      )),
      token.immediate('"'),
    ),

    string_content: _ => token.immediate(prec(1, /[^"\\\r\n]+/)),

    escape_sequence: _ => token.immediate(seq(
      '\\',
      choice(/["\\nt]/, /u[0-9a-fA-F]{4}/),
    )),

    number: _ => token(/-?[0-9]+(\.[0-9]+)?/),

    boolean: _ => choice('true', 'false'),

    identifier: _ => /[A-Za-z_][A-Za-z0-9_-]*/,

    comment: _ => token(choice(
      seq('//', /[^\r\n]*/),
      seq('#', /[^\r\n]*/),
      seq('/*', /[^*]*\*+([^/*][^*]*\*+)*/, '/'),
    )),
  },
});
