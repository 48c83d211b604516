// snippets/dpl.json: one snippet per block kind; every body, expanded with its defaults and with each choice,
// is valid DPL of that kind and tokenizes without invalid scopes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { KINDS, expandSnippet, parse, readJSON, tokenize } from './helpers.mjs';

const snippets = Object.values(readJSON('snippets/dpl.json'));

test('one snippet per block kind', () => {
  const prefixes = snippets.flatMap((s) => s.prefix);
  assert.deepEqual([...prefixes].sort(), [...KINDS].sort());
  for (const s of snippets) assert.ok(s.description && Array.isArray(s.body) && s.body.length > 2);
});

for (const s of snippets) {
  const kind = s.prefix[0];
  test(`snippet ${kind}`, async () => {
    const { text, tabstops } = expandSnippet(s.body);
    const { blocks } = parse(text);
    assert.deepEqual(blocks.map((b) => b.kind), [kind]);
    assert.ok(s.body.join('\n').includes('$0'), 'ends with $0');
    const stops = [...tabstops.keys()].sort((a, b) => a - b);
    const all = [...new Set([...s.body.join('\n').matchAll(/\$\{?(\d+)/g)].map((m) => +m[1]))].filter((n) => n > 0).sort((a, b) => a - b);
    assert.deepEqual(all, all.map((_, i) => i + 1), `tab stops numbered 1..n: ${all}`);
    assert.equal(stops[0], 1);
    for (const t of await tokenize(text)) {
      assert.ok(!t.scopes.some((x) => x.startsWith('invalid.')), `${kind}: ${JSON.stringify(t)}`);
    }
    // every choice option gives valid DPL too
    const body = s.body.join('\n');
    for (const m of body.matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)) {
      for (const opt of m[2].split(',')) {
        const variant = body.replace(m[0], opt);
        assert.doesNotThrow(() => parse(expandSnippet(variant).text), `${kind} with ${opt}`);
      }
    }
  });
}

test('enum fields are choices', () => {
  const body = (kind) => snippets.find((s) => s.prefix.includes(kind)).body.join('\n');
  assert.match(body('consistency'), /type: "\$\{2\|raft,paxos,zab,multi_paxos,epaxos,primary_backup,quorum,crdt\|\}"/);
  assert.match(body('fault_tolerance'), /backoff: "\$\{\d+\|exponential,exponential_jitter,fixed,linear\|\}"/);
  assert.match(body('fault_tolerance'), /strategy: "\$\{\d+\|useCache,returnEmpty,returnDefault,failFast,custom\|\}"/);
  assert.match(body('load_balancer'), /strategy: "\$\{2\|round_robin,/);
  assert.match(body('message_queue'), /auto_offset_reset: "\$\{\d+\|earliest,latest,none\|\}"/);
  assert.match(body('alerts'), /severity: "\$\{\d+\|critical,warning,info\|\}"/);
  const withChoices = snippets.filter((s) => /\$\{\d+\|/.test(s.body.join('\n'))).length;
  assert.ok(withChoices >= 19, `${withChoices} snippets have choices`);
});

test('the snippet expander itself', () => {
  assert.equal(expandSnippet(['a ${1:X} {', '\tk: "${2|p,q|}" ${1}', '}$0']).text, 'a X {\n\tk: "p" X\n}');
  assert.equal(expandSnippet('"${1:a:{id\\}}"').text, '"a:{id}"');
  assert.throws(() => expandSnippet('${1:open'));
  assert.throws(() => expandSnippet('${1|only|}'));
});
