// Finds the top-level blocks (`KIND NAME { ... }`) of a DPL document without the server, so that
// "DPL: Generate for block" knows which block the cursor is in. Pure: no `vscode` import (tested by node:test).

export interface BlockRange {
  kind: string;
  name: string;
  /** Offsets of the kind's first character and just past the closing brace (or the text's end). */
  start: number;
  end: number;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;

export function findBlocks(text: string): BlockRange[] {
  const blocks: BlockRange[] = [];
  let depth = 0;
  let header: string[] = [];
  let headerStart = 0;
  let current: BlockRange | undefined;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '"') {
      // one-line string with escapes
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (c === '{' || c === '[') {
      if (depth === 0 && c === '{' && header.length > 0) {
        current = { kind: header[0], name: header[1] ?? '', start: headerStart, end: text.length };
        blocks.push(current);
      }
      header = [];
      depth++;
      i++;
    } else if (c === '}' || c === ']') {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && current) {
        current.end = i + 1;
        current = undefined;
      }
      i++;
    } else if (depth === 0 && /[A-Za-z_]/.test(c)) {
      IDENT.lastIndex = i;
      const word = IDENT.exec(text)![0];
      if (header.length >= 2) header = [];
      if (header.length === 0) headerStart = i;
      header.push(word);
      i += word.length;
    } else {
      i++;
    }
  }
  return blocks;
}

/** The block that contains `offset` (header or body), if any. */
export function blockAt(text: string, offset: number): BlockRange | undefined {
  return findBlocks(text).find((b) => offset >= b.start && offset <= b.end);
}
