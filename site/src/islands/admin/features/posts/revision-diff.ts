import type { LexicalDocument } from '../../api/types';

/** The words of a Lexical document, blocks separated by a line break (what a reader compares). */
export function textOf(doc: LexicalDocument): string {
  const blocks: string[] = [];
  const walk = (node: { type?: string; text?: string; altText?: string; children?: unknown[] }, out: string[]) => {
    if (typeof node.text === 'string') out.push(node.text);
    if (node.type === 'image') out.push(`[image: ${node.altText ?? ''}]`);
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child, out);
  };
  for (const block of (doc.root.children ?? []) as { children?: unknown[] }[]) {
    const out: string[] = [];
    walk(block, out);
    blocks.push(out.join(''));
  }
  return blocks.join('\n');
}

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Longer texts are compared by lines, so the table below stays small. */
const MAX_CELLS = 4_000_000;

/**
 * Word-level difference (longest common subsequence) from `before` to `after`; whitespace and line
 * breaks are kept as their own tokens so the text reads as it was written.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  let a = before.split(/(\s+)/).filter(Boolean);
  let b = after.split(/(\s+)/).filter(Boolean);
  if (a.length * b.length > MAX_CELLS) {
    a = before.split(/(\n)/).filter(Boolean);
    b = after.split(/(\n)/).filter(Boolean);
    if (a.length * b.length > MAX_CELLS)
      return [
        { kind: 'removed', text: before },
        { kind: 'added', text: after },
      ];
  }
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: common length of a[i..] and b[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) {
      push('removed', a[i++]!);
    } else {
      push('added', b[j++]!);
    }
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return parts;
}
