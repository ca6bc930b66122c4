import { describe, expect, it } from 'vitest';
import type { LexicalDocument } from '../../api/types';
import { diffWords, textOf } from './revision-diff';

const doc = (...paragraphs: string[]) =>
  ({
    root: {
      type: 'root',
      children: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
    },
  }) as unknown as LexicalDocument;

describe('revision differences', () => {
  it('reads the text of a document, one line per block, images by their alt text', () => {
    const d = doc('Merhaba dünya', 'İkinci');
    (d.root.children as unknown[]).push({ type: 'image', src: 'x', altText: 'kedi' });
    expect(textOf(d)).toBe('Merhaba dünya\nİkinci\n[image: kedi]');
  });

  it('marks removed and added words, keeping what stayed', () => {
    expect(diffWords('the quick brown fox', 'the slow brown fox jumps')).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'quick' },
      { kind: 'added', text: 'slow' },
      { kind: 'same', text: ' brown fox' },
      { kind: 'added', text: ' jumps' },
    ]);
    expect(diffWords('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });
});
