// src/blocks.ts (block under the cursor for "DPL: Generate for block"), compiled with esbuild.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { parse, seedDir } from './helpers.mjs';

const src = fs.readFileSync(new URL('../src/blocks.ts', import.meta.url), 'utf8');
const { code } = transformSync(src, { loader: 'ts', format: 'esm' });
const { findBlocks, blockAt } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

test('finds the blocks of every seed example', { skip: seedDir() ? false : 'no seed examples' }, () => {
  const dir = seedDir();
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.dpl'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const found = findBlocks(text);
    assert.deepEqual(found.map((b) => ({ kind: b.kind, name: b.name })), parse(text).blocks, f);
    for (const b of found) {
      assert.ok(text.slice(b.start).startsWith(b.kind), f);
      assert.equal(text[b.end - 1], '}', f);
    }
  }
});

test('braces in strings and comments, headers over lines, cursor positions', () => {
  const text = [
    '// fault_tolerance Ghost {',
    'distributed_lock L { lock_key: "order:{id}" /* } */ # }',
    '  nested: { a: [ { b: "]" } ] } }',
    '',
    'metrics',
    '  M',
    '{ x: { y: "gauge" } }',
  ].join('\n');
  const blocks = findBlocks(text);
  assert.deepEqual(blocks.map((b) => `${b.kind} ${b.name}`), ['distributed_lock L', 'metrics M']);
  assert.equal(blockAt(text, text.indexOf('nested'))?.name, 'L');
  assert.equal(blockAt(text, text.indexOf('gauge'))?.name, 'M');
  assert.equal(blockAt(text, text.indexOf('  M'))?.name, 'M');
  assert.equal(blockAt(text, 3), undefined); // in the leading comment
  assert.equal(blockAt(text, text.indexOf('\n\n') + 1), undefined); // between blocks
  assert.equal(findBlocks('fault_tolerance X {\n  retry: 3\n').at(0)?.end, 'fault_tolerance X {\n  retry: 3\n'.length); // unclosed
});
