// package.json and language-configuration.json: valid JSON with what VS Code reads from them.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readJSON, root } from './helpers.mjs';

const pkg = readJSON('package.json');
const lc = readJSON('language-configuration.json');
const exists = (rel) => fs.existsSync(new URL(rel, root));

test('package.json: identity, engine, entry point, pinned devDependencies', () => {
  assert.equal(pkg.name, 'dpls');
  assert.equal(pkg.publisher, 'dpls-dev');
  assert.equal(pkg.engines.vscode, '^1.82.0');
  assert.equal(pkg.main, './dist/extension.js');
  for (const dep of ['typescript', 'esbuild', 'vscode-languageclient', '@types/vscode', '@types/node', 'vscode-textmate', 'vscode-oniguruma', '@vscode/vsce']) {
    assert.match(pkg.devDependencies[dep] ?? '', /^\d+\.\d+\.\d+$/, `${dep} pinned`);
  }
  assert.match(pkg.devDependencies['vscode-languageclient'], /^9\./);
  // vsce refuses @types/vscode newer than engines.vscode
  const [, maj, min] = /^(\d+)\.(\d+)/.exec(pkg.devDependencies['@types/vscode']);
  assert.ok(+maj === 1 && +min <= 82);
  for (const s of ['build', 'typecheck', 'test', 'package']) assert.ok(pkg.scripts[s], `script ${s}`);
  assert.match(pkg.scripts.build, /esbuild .*src\/extension\.ts.*--bundle.*--outfile=dist\/extension\.js.*--external:vscode/);
});

test('package.json: language, grammar, snippets', () => {
  const c = pkg.contributes;
  const lang = c.languages.find((l) => l.id === 'dpl');
  assert.deepEqual(lang.extensions, ['.dpl']);
  assert.ok(lang.aliases.includes('DPL'));
  assert.ok(exists(lang.configuration), lang.configuration);
  assert.deepEqual(c.grammars.map((g) => [g.language, g.scopeName]), [['dpl', 'source.dpl']]);
  assert.ok(exists(c.grammars[0].path));
  assert.equal(c.grammars[0].path, './syntaxes/dpl.tmLanguage.json');
  assert.deepEqual(c.snippets, [{ language: 'dpl', path: './snippets/dpl.json' }]);
  assert.ok(exists(c.snippets[0].path));
});

test('package.json: settings, commands, activation', () => {
  const p = pkg.contributes.configuration.properties;
  assert.deepEqual(Object.keys(p).sort(), [
    'dpls.generate.outputDirectory', 'dpls.generate.targets', 'dpls.rules.disabled', 'dpls.rules.severity',
    'dpls.server.args', 'dpls.server.path', 'dpls.trace.server',
  ]);
  assert.deepEqual([p['dpls.server.path'].type, p['dpls.server.path'].default], ['string', 'dpls']);
  assert.deepEqual([p['dpls.server.args'].type, p['dpls.server.args'].default], ['array', []]);
  assert.deepEqual(p['dpls.trace.server'].enum, ['off', 'messages', 'verbose']);
  assert.equal(p['dpls.rules.severity'].type, 'object');
  assert.deepEqual(p['dpls.rules.severity'].additionalProperties.enum, ['error', 'warning', 'info', 'hint', 'off']);
  assert.equal(p['dpls.rules.disabled'].type, 'array');
  assert.equal(p['dpls.generate.targets'].type, 'array');
  assert.deepEqual([p['dpls.generate.outputDirectory'].type, p['dpls.generate.outputDirectory'].default], ['string', 'generated']);
  for (const v of Object.values(p)) assert.ok(v.description || v.markdownDescription);

  const cmds = Object.fromEntries(pkg.contributes.commands.map((c) => [c.command, c.title]));
  assert.deepEqual(Object.keys(cmds).sort(), ['dpls.generateAll', 'dpls.generateForBlock', 'dpls.restartServer']);
  assert.equal(cmds['dpls.generateAll'], 'DPL: Generate all for workspace');
  assert.ok(pkg.activationEvents.includes('onLanguage:dpl'));
  for (const c of Object.keys(cmds)) assert.ok(pkg.activationEvents.includes(`onCommand:${c}`), c);
  // every command the extension registers is contributed
  const src = fs.readFileSync(new URL('src/extension.ts', root), 'utf8');
  assert.ok(src.includes("registerCommand('dpls.restartServer'"));
  for (const id of ['dpls.generateAll', 'dpls.generateForBlock']) assert.ok(src.includes(`'${id}'`), id);
  // the palette commands forward to the server's commands (lsp/executecommand.go)
  for (const id of ['dpls.generate', 'dpls.generateWorkspace']) assert.ok(src.includes(`'${id}'`), id);
});

test('language-configuration.json: comments, brackets, pairs, folding', () => {
  assert.deepEqual(lc.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
  assert.deepEqual(lc.brackets, [['{', '}'], ['[', ']']]);
  const quote = lc.autoClosingPairs.find((p) => p.open === '"');
  assert.deepEqual([quote.close, [...quote.notIn].sort()], ['"', ['comment', 'string']]);
  for (const open of ['{', '[', '/*']) assert.ok(lc.autoClosingPairs.some((p) => p.open === open), open);
  assert.deepEqual(lc.surroundingPairs, [['{', '}'], ['[', ']'], ['"', '"']]);
  const start = new RegExp(lc.folding.markers.start);
  const end = new RegExp(lc.folding.markers.end);
  for (const l of ['// #region retries', '  //#region', '# region x']) assert.ok(start.test(l), l);
  for (const l of ['// #endregion', '  # endregion']) assert.ok(end.test(l), l);
  assert.ok(!start.test('  retry: 3 // #region'));
});

test('language-configuration.json: wordPattern takes identifiers and typed values whole', () => {
  const word = new RegExp(lc.wordPattern, 'g');
  const words = (s) => s.match(word);
  assert.deepEqual(words('max_attempts: 3'), ['max_attempts', '3']);
  assert.deepEqual(words('"order-service" ~ OrderService'), ['order-service', 'OrderService']);
  assert.deepEqual(words('initial_delay: "1m30s"'), ['initial_delay', '1m30s']);
  assert.deepEqual(words('["100ms", "16kb", "128Mi", "50%", 2.0, -1]'), ['100ms', '16kb', '128Mi', '50%', '2.0', '-1']);
});

test('language-configuration.json: indentation and onEnter rules', () => {
  const inc = new RegExp(lc.indentationRules.increaseIndentPattern);
  const dec = new RegExp(lc.indentationRules.decreaseIndentPattern);
  for (const l of ['fault_tolerance OrderService {', '  retry: {', '  servers: [', '  a: {} , b: {  // c', '  x: "}" {', 'metrics M { # note']) {
    assert.ok(inc.test(l), `indent after ${l}`);
  }
  for (const l of ['  lock_key: "order:{"', '  // retry: {', '  # x {', '  data: {}', '  servers: ["a", "b"]', '}']) {
    assert.ok(!inc.test(l), `no indent after ${l}`);
  }
  for (const l of ['}', '  ]', '  },']) assert.ok(dec.test(l), l);
  assert.ok(!dec.test('  retry: 3'));
  for (const rule of lc.onEnterRules) {
    for (const k of ['beforeText', 'afterText', 'previousLineText']) if (rule[k]) new RegExp(rule[k]);
    assert.ok(['none', 'indent', 'indentOutdent', 'outdent'].includes(rule.action.indent));
  }
  const before = new RegExp(lc.onEnterRules[0].beforeText);
  assert.ok(before.test('  /* start of a comment') && !before.test('  /* closed */'));
});
