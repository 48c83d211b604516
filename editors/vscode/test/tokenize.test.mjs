// The TextMate grammar, run by the tokenizer VS Code uses, over every seed example and the fixtures.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KINDS, parse, readJSON, scopesOf, seedDir, tokenize } from './helpers.mjs';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const SEED = seedDir();
const seedFiles = SEED ? fs.readdirSync(SEED).filter((f) => f.endsWith('.dpl')).sort().map((f) => path.join(SEED, f)) : [];
const validFiles = [...seedFiles, path.join(fixtures, 'all-kinds.dpl'), path.join(fixtures, 'comments.dpl')];

// What each part of the reference parse must be scoped as (matched against the token's scopes).
const ROLE_SCOPE = {
  kind: /(^| )keyword\.other\.block-kind\.dpl( |$)/,
  name: / entity\.name\.type\.dpl$/,
  key: / variable\.other\.property\.dpl$/,
  colon: / punctuation\.separator\.key-value\.dpl$/,
  string: / string\.quoted\.double\.dpl( |$)/,
  number: / constant\.numeric\.dpl$/,
  boolean: / constant\.language\.boolean\.dpl$/,
  brace: / punctuation\.section\.braces\.(begin|end)\.dpl$/,
  bracket: / punctuation\.section\.brackets\.(begin|end)\.dpl$/,
  comma: / punctuation\.separator\.comma\.dpl$/,
  comment: / comment\.(line\.double-slash|line\.number-sign|block)\.dpl( |$)/,
};

test('the grammar is source.dpl and names every block kind of the spec', () => {
  const g = readJSON('syntaxes/dpl.tmLanguage.json');
  assert.equal(g.scopeName, 'source.dpl');
  const known = /\(\?:\(([^)]*)\)\|/.exec(g.repository.block.begin)[1].split('|');
  assert.deepEqual([...known].sort(), [...KINDS].sort());
  assert.equal(KINDS.length, 26);
});

test('seed examples are present', { skip: SEED ? false : 'no testdata/seed nor shared/examples/seed' }, () => {
  assert.ok(seedFiles.length >= 28, `${seedFiles.length} seed files in ${SEED}`);
});

for (const file of validFiles) {
  test(`tokenize ${path.basename(file)}`, async () => {
    const text = fs.readFileSync(file, 'utf8');
    const { blocks, roles } = parse(text); // the file is valid DPL
    assert.ok(blocks.length > 0);
    const tokens = await tokenize(text);
    const lines = text.split(/\r?\n/);

    for (const t of tokens) {
      if (t.text.trim() === '') continue;
      const where = `${path.basename(file)}:${t.line + 1}:${t.start + 1} ${JSON.stringify(t.text)} [${t.scopes.join(' ')}]`;
      const inner = t.scopes[t.scopes.length - 1];
      assert.ok(inner.endsWith('.dpl') && inner !== 'source.dpl' && !inner.startsWith('meta.'), `unscoped token ${where}`);
      assert.ok(!t.scopes.some((s) => s.startsWith('invalid.')), `invalid scope in a valid file: ${where}`);
    }

    // Every lexical token of the reference parse is scoped as its role, on every line it spans.
    for (const { role, tok } of roles) {
      tok.text.split('\n').forEach((segment, k) => {
        const line = tok.line + k;
        const from = k === 0 ? tok.col : 0;
        const to = from + segment.length;
        for (const t of tokens.filter((x) => x.line === line && x.end > from && x.start < to && x.text.trim() !== '')) {
          assert.match(t.scopes.join(' '), ROLE_SCOPE[role],
            `${path.basename(file)}:${line + 1}:${t.start + 1} ${role} ${JSON.stringify(t.text)}`);
        }
      });
    }

    // Every known block kind at the start of a top-level line is a keyword.
    let kindsSeen = 0;
    lines.forEach((src, n) => {
      const m = /^([A-Za-z_][A-Za-z0-9_-]*)/.exec(src);
      if (!m) return;
      const scopes = scopesOf(tokens, text, n, m[1]);
      assert.ok(!scopes.includes('meta.object.dpl'), `line ${n + 1} is top level`);
      assert.ok(KINDS.includes(m[1]), `${m[1]} is a kind of the spec`);
      assert.match(scopes, / keyword\.other\.block-kind\.dpl$/, `${path.basename(file)}:${n + 1} ${m[1]}`);
      kindsSeen++;
    });
    assert.ok(kindsSeen >= 1);
  });
}

test('s2_1-fault_tolerance.dpl: scopes at known positions', { skip: SEED ? false : 'no seed examples' }, async () => {
  const text = fs.readFileSync(path.join(SEED, 's2_1-fault_tolerance.dpl'), 'utf8');
  const tokens = await tokenize(text);
  const at = (line, needle) => scopesOf(tokens, text, line, needle);
  assert.match(at(0, 'fault_tolerance'), / keyword\.other\.block-kind\.dpl$/);
  assert.match(at(0, 'OrderService'), / entity\.name\.type\.dpl$/);
  assert.match(at(0, '{'), / punctuation\.section\.braces\.begin\.dpl$/);
  assert.match(at(1, 'retry'), / variable\.other\.property\.dpl$/);
  assert.match(at(1, ':'), / punctuation\.separator\.key-value\.dpl$/);
  assert.match(at(2, 'max_attempts'), / variable\.other\.property\.dpl$/);
  assert.match(at(2, '3'), / constant\.numeric\.dpl$/);
  assert.match(at(4, '"'), / string\.quoted\.double\.dpl punctuation\.definition\.string\.begin\.dpl$/);
  assert.match(at(4, '100ms'), / string\.quoted\.double\.dpl constant\.numeric\.duration\.dpl$/);
  assert.match(at(3, 'exponential'), / string\.quoted\.double\.dpl$/);
  assert.match(at(6, '2.0'), / constant\.numeric\.dpl$/);
  assert.match(at(12, 'true'), / constant\.language\.boolean\.dpl$/);
  assert.match(at(19, 'default_response'), / meta\.object\.dpl meta\.object\.dpl variable\.other\.property\.dpl$/);
  assert.match(at(21, '{'), / meta\.object\.dpl meta\.object\.dpl meta\.object\.dpl meta\.object\.dpl punctuation\.section\.braces\.begin\.dpl$/);
  assert.match(at(27, '}'), /^source\.dpl meta\.block\.dpl meta\.object\.dpl meta\.object\.dpl punctuation\.section\.braces\.end\.dpl$/);
  assert.match(at(28, '}'), /^source\.dpl meta\.block\.dpl meta\.object\.dpl punctuation\.section\.braces\.end\.dpl$/);
});

test('comments: //, # and a multi-line /* */', async () => {
  const text = fs.readFileSync(path.join(fixtures, 'comments.dpl'), 'utf8');
  const tokens = await tokenize(text);
  const at = (line, needle) => scopesOf(tokens, text, line, needle);
  assert.match(at(0, 'a line comment'), /^source\.dpl comment\.line\.double-slash\.dpl$/);
  assert.match(at(0, '//'), / comment\.line\.double-slash\.dpl punctuation\.definition\.comment\.dpl$/);
  assert.match(at(1, 'a hash comment'), /^source\.dpl comment\.line\.number-sign\.dpl$/);
  assert.match(at(1, '#'), / punctuation\.definition\.comment\.dpl$/);
  assert.match(at(2, '/*'), / comment\.block\.dpl punctuation\.definition\.comment\.begin\.dpl$/);
  assert.match(at(3, 'spanning'), /^source\.dpl comment\.block\.dpl$/);
  assert.match(at(3, '*/'), / comment\.block\.dpl punctuation\.definition\.comment\.end\.dpl$/);
  assert.match(at(4, 'fault_tolerance'), / keyword\.other\.block-kind\.dpl$/); // the comment ended
  assert.match(at(4, 'after the brace'), / comment\.line\.double-slash\.dpl$/);
  assert.match(at(5, 'after a value'), / comment\.line\.number-sign\.dpl$/);
  assert.match(at(5, '3'), / constant\.numeric\.dpl$/);
  assert.match(at(6, 'inline'), / comment\.block\.dpl$/);
  assert.match(at(6, 'timeout'), / variable\.other\.property\.dpl$/);
  assert.match(at(7, '#region'), / comment\.line\.double-slash\.dpl$/);
  assert.match(at(8, 'trailing block'), / comment\.block\.dpl$/);
});

test('typed values, escapes, nesting and a header split over lines', async () => {
  const text = fs.readFileSync(path.join(fixtures, 'all-kinds.dpl'), 'utf8');
  const tokens = await tokenize(text);
  const lines = text.split('\n');
  const line = (prefix) => lines.findIndex((l) => l.trimStart().startsWith(prefix));
  const at = (prefix, needle, nth) => scopesOf(tokens, text, line(prefix), needle, nth);
  for (const [needle, scope] of [['100ms', 'duration'], ['1m30s', 'duration'], ['7d', 'duration'], ['250us', 'duration']]) {
    assert.match(at('durations:', needle), new RegExp(` string\\.quoted\\.double\\.dpl constant\\.numeric\\.${scope}\\.dpl$`), needle);
  }
  for (const needle of ['16kb', '2GB', '512 mb']) assert.match(at('sizes:', needle), / constant\.numeric\.size\.dpl$/, needle);
  assert.match(at('quantities:', '128Mi'), / constant\.numeric\.quantity\.dpl$/);
  assert.match(at('quantities:', '2', 1), / string\.quoted\.double\.dpl constant\.numeric\.dpl$/);
  assert.match(at('percent:', '50%'), / constant\.numeric\.percent\.dpl$/);
  assert.match(at('rate:', '1000 req/s'), / constant\.numeric\.rate\.dpl$/);
  assert.match(at('template:', '{order_id}'), / string\.quoted\.double\.dpl variable\.other\.placeholder\.dpl$/);
  assert.match(at('template:', 'order:'), / string\.quoted\.double\.dpl$/);
  for (const esc of ['\\"', '\\\\', '\\n', '\\t', '\\u00e9']) {
    assert.match(at('escapes:', esc), / string\.quoted\.double\.dpl constant\.character\.escape\.dpl$/, esc);
  }
  assert.match(at('escapes:', 'backslash'), / string\.quoted\.double\.dpl$/);
  assert.match(at('a: {', 'e'), /(meta\.object\.dpl ){4}meta\.array\.dpl meta\.object\.dpl variable\.other\.property\.dpl$/);
  assert.match(at('a: {', '"x"'), /meta\.array\.dpl meta\.array\.dpl string\.quoted\.double\.dpl/);
  assert.match(at('a: {', '-2'), / constant\.numeric\.dpl$/);
  assert.match(at('empty:', 'list'), / variable\.other\.property\.dpl$/);
  assert.match(at('fault_tolerance', 'fault_tolerance', 0), / keyword\.other\.block-kind\.dpl$/);
  assert.match(at('SplitHeader', 'SplitHeader'), /^source\.dpl meta\.block\.dpl entity\.name\.type\.dpl$/);
  assert.match(at('retry: 5,', 'retry'), /^source\.dpl meta\.block\.dpl meta\.object\.dpl variable\.other\.property\.dpl$/);
  assert.match(at('retry: 5,', ','), / punctuation\.separator\.comma\.dpl$/);
  assert.match(at('service_discovery Svc-3_x', 'Svc-3_x'), / entity\.name\.type\.dpl$/);
});

test('unknown kinds, bad escapes and unterminated strings', async () => {
  const text = fs.readFileSync(path.join(fixtures, 'invalid.dpl'), 'utf8');
  const tokens = await tokenize(text);
  const at = (line, needle) => scopesOf(tokens, text, line, needle);
  assert.match(at(0, 'fault_tolerence'), / keyword\.other\.block-kind\.unknown\.dpl$/); // still a kind; the linter reports it
  assert.match(at(0, 'Misspelled'), / entity\.name\.type\.dpl$/);
  assert.match(at(1, '\\q'), / string\.quoted\.double\.dpl invalid\.illegal\.unrecognized-string-escape\.dpl$/);
  assert.match(at(2, '\\u12'), / invalid\.illegal\.unrecognized-string-escape\.dpl$/);
  assert.match(at(3, 'no end'), / string\.quoted\.double\.dpl$/);
  assert.match(at(4, 'bare'), /^source\.dpl meta\.block\.dpl meta\.object\.dpl variable\.other\.property\.dpl$/); // string ended at EOL
  assert.match(at(4, 'word'), / invalid\.illegal\.bare-word\.dpl$/);
  assert.match(at(5, '1'), / constant\.numeric\.dpl$/);
  assert.match(at(6, '}'), / punctuation\.section\.braces\.end\.dpl$/);
  for (const t of tokens) {
    if (t.text.trim() !== '') assert.ok(t.scopes.length > 1 && t.scopes.at(-1).endsWith('.dpl'), JSON.stringify(t));
  }
});
