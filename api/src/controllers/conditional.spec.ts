import { describe, expect, it } from 'vitest';
import { ifNoneMatchHits } from './conditional.js';

describe('ifNoneMatchHits', () => {
  const etag = '"abc"';
  it('matches the tag, a list containing it, a weak form of it and *', () => {
    expect(ifNoneMatchHits('"abc"', etag)).toBe(true);
    expect(ifNoneMatchHits('"x", "abc"', etag)).toBe(true);
    expect(ifNoneMatchHits('W/"abc"', etag)).toBe(true);
    expect(ifNoneMatchHits(' * ', etag)).toBe(true);
  });
  it('does not match another tag, an unquoted value or no header', () => {
    expect(ifNoneMatchHits('"abd"', etag)).toBe(false);
    expect(ifNoneMatchHits('abc', etag)).toBe(false);
    expect(ifNoneMatchHits(undefined, etag)).toBe(false);
    expect(ifNoneMatchHits('', etag)).toBe(false);
  });
});
