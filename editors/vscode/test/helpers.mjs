// Shared by the tests: the TextMate tokenizer VS Code runs (vscode-textmate + vscode-oniguruma), a small
// reference lexer/parser for DPL (spec: shared/spec/language.md, "Lexical" and "Structure"), and the
// block kinds of the spec.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
export const root = new URL('../', import.meta.url); // editors/vscode/
export const readJSON = (rel) => JSON.parse(fs.readFileSync(new URL(rel, root), 'utf8'));

export const KINDS = [
  'fault_tolerance', 'consistency', 'load_balancer', 'service_discovery',
  'distributed_lock', 'distributed_transaction', 'distributed_cache', 'message_queue',
  'generate_java', 'generate_go', 'generate_nodejs',
  'verify_fault_tolerance', 'verify_consistency', 'formal_verification',
  'metrics', 'alerts',
  'deploy_kubernetes', 'deploy_docker_compose',
  'generate_tests', 'benchmark', 'chaos_engineering',
  'microservice_pattern', 'event_driven_pattern',
  'multi_level_fault_tolerance', 'dynamic_consistency', 'adaptive_load_balancer',
];

/** The seed examples: the repo's testdata/seed, else shared/examples/seed beside the repo (as in CI). */
export function seedDir() {
  for (const rel of ['../../../testdata/seed/', '../../../../shared/examples/seed/']) {
    const dir = new URL(rel, import.meta.url);
    if (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.dpl'))) return fileURLToPath(dir);
  }
  return undefined;
}

let grammarPromise;
export function loadGrammar() {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) => {
        if (scopeName !== 'source.dpl') return null;
        const file = fileURLToPath(new URL('syntaxes/dpl.tmLanguage.json', root));
        return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
    });
    return registry.loadGrammar('source.dpl');
  })();
  return grammarPromise;
}

/** Tokenizes `text`; returns tokens {line, start, end, text, scopes[]} with line-relative columns. */
export async function tokenize(text) {
  const grammar = await loadGrammar();
  let stack = vsctm.INITIAL;
  const tokens = [];
  text.split(/\r?\n/).forEach((line, n) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    for (const t of r.tokens) {
      tokens.push({ line: n, start: t.startIndex, end: Math.min(t.endIndex, line.length), text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
  });
  return tokens;
}

/** The token covering (line, column). */
export function tokenAt(tokens, line, column) {
  return tokens.find((t) => t.line === line && t.start <= column && column < t.end);
}

/** The scopes at the first occurrence of `needle` on `line` (the token that starts there). */
export function scopesOf(tokens, text, line, needle, nth = 0) {
  const cols = [];
  const src = text.split(/\r?\n/)[line];
  for (let i = src.indexOf(needle); i >= 0; i = src.indexOf(needle, i + 1)) cols.push(i);
  if (cols[nth] === undefined) throw new Error(`"${needle}" not on line ${line}: ${src}`);
  const t = tokenAt(tokens, line, cols[nth]);
  return t.scopes.join(' ');
}

// ---- reference lexer + parser -------------------------------------------------------------------

const LEX = [
  ['ws', /\s+/y],
  ['comment', /\/\/[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\//y],
  ['string', /"(?:[^"\\\n]|\\(?:["\\nt]|u[0-9A-Fa-f]{4}))*"/y],
  ['number', /-?[0-9]+(?:\.[0-9]+)?(?![A-Za-z0-9_.])/y],
  ['ident', /[A-Za-z_][A-Za-z0-9_-]*/y],
  ['punct', /[{}[\]:,]/y],
];

export function lex(text) {
  const out = [];
  let line = 0, col = 0;
  for (let i = 0; i < text.length; ) {
    let m, type;
    for (const [t, re] of LEX) {
      re.lastIndex = i;
      if ((m = re.exec(text))) { type = t; break; }
    }
    if (!m) throw new Error(`lex error at ${line + 1}:${col + 1}: ${JSON.stringify(text.slice(i, i + 20))}`);
    const v = m[0];
    if (type === 'ident' && (v === 'true' || v === 'false')) type = 'boolean';
    if (type !== 'ws') out.push({ type, text: v, line, col });
    for (const ch of v) { if (ch === '\n') { line++; col = 0; } else col++; }
    i += v.length;
  }
  return out;
}

/**
 * Parses `text` by the spec's grammar. Returns { blocks: [{kind, name}], roles: [{role, tok}] } where roles
 * name each token's part (kind, name, key, colon, string, number, boolean, brace, bracket, comma, comment).
 * Throws on a syntax error.
 */
export function parse(text) {
  const all = lex(text);
  const roles = all.filter((t) => t.type === 'comment').map((tok) => ({ role: 'comment', tok }));
  const toks = all.filter((t) => t.type !== 'comment');
  let i = 0;
  const fail = (what) => {
    const t = toks[i];
    throw new Error(t ? `${t.line + 1}:${t.col + 1}: expected ${what}, got ${JSON.stringify(t.text)}` : `expected ${what} at end of file`);
  };
  const take = (pred, role, what) => {
    const t = toks[i];
    if (!t || !pred(t)) fail(what);
    i++;
    roles.push({ role, tok: t });
    return t;
  };
  const is = (text) => toks[i] && toks[i].type === 'punct' && toks[i].text === text;
  const punct = (text, role) => take((t) => t.type === 'punct' && t.text === text, role, `'${text}'`);
  const comma = () => { if (is(',')) punct(',', 'comma'); };
  const value = () => {
    const t = toks[i];
    if (!t) fail('a value');
    if (t.type === 'string' || t.type === 'number' || t.type === 'boolean') return take(() => true, t.type, 'value');
    if (is('{')) return object();
    if (is('[')) return array();
    fail('a value');
  };
  const object = () => {
    punct('{', 'brace');
    while (!is('}')) {
      take((t) => t.type === 'ident', 'key', 'a key');
      punct(':', 'colon');
      value();
      comma();
    }
    punct('}', 'brace');
  };
  const array = () => {
    punct('[', 'bracket');
    while (!is(']')) { value(); comma(); }
    punct(']', 'bracket');
  };
  const blocks = [];
  while (i < toks.length) {
    const kind = take((t) => t.type === 'ident', 'kind', 'a block kind').text;
    const name = take((t) => t.type === 'ident', 'name', 'a block name').text;
    object();
    blocks.push({ kind, name });
  }
  return { blocks, roles };
}

// ---- snippets -----------------------------------------------------------------------------------

/**
 * Expands a VS Code snippet body the way inserting it with its defaults does: `${n:default}` -> default
 * (nested), `${n|a,b|}` -> a, `$n`/`${n}` -> the default given for n elsewhere (or ''), escapes `\$ \} \\`.
 * Throws on malformed syntax. Returns { text, tabstops: Map(n -> default) }.
 */
export function expandSnippet(body) {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map();
  let i = 0;
  const mirrors = [];
  function seq(stopAt) {
    let out = '';
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\,|'.includes(src[i + 1])) { out += src[i + 1]; i += 2; continue; }
      if (stopAt && c === '}') return out;
      if (c === '$') {
        let m;
        if ((m = /^\$(\d+)/.exec(src.slice(i)))) { i += m[0].length; out += mirror(+m[1]); continue; }
        if ((m = /^\$\{(\d+)\}/.exec(src.slice(i)))) { i += m[0].length; out += mirror(+m[1]); continue; }
        if ((m = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(src.slice(i)))) {
          i += m[0].length;
          const opts = m[2].split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1'));
          if (opts.length < 2 || opts.some((o) => o === '')) throw new Error(`bad choice ${m[0]}`);
          define(+m[1], opts[0]);
          out += opts[0];
          continue;
        }
        if ((m = /^\$\{(\d+):/.exec(src.slice(i)))) {
          i += m[0].length;
          const inner = seq(true);
          if (src[i] !== '}') throw new Error(`unclosed placeholder \${${m[1]}:`);
          i++;
          define(+m[1], inner);
          out += inner;
          continue;
        }
        throw new Error(`bad '$' at ${i}: ${JSON.stringify(src.slice(i, i + 12))}`);
      }
      out += c;
      i++;
    }
    if (stopAt) throw new Error('unclosed placeholder');
    return out;
  }
  function define(n, v) {
    if (defaults.has(n) && defaults.get(n) !== v) throw new Error(`tab stop ${n} has two defaults`);
    defaults.set(n, v);
  }
  function mirror(n) {
    const marker = `\u0000${n}\u0000`;
    mirrors.push(n);
    return marker;
  }
  let text = seq(false);
  if (i !== src.length) throw new Error(`stray '}' at ${i}`);
  text = text.replace(/\u0000(\d+)\u0000/g, (_, n) => defaults.get(+n) ?? '');
  return { text, tabstops: defaults, mirrors };
}
