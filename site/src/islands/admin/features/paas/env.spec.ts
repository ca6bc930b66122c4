import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('environment variables field', () => {
  it('reads KEY=value lines, keeping = in values and skipping blanks and comments', () => {
    expect(parseEnv('GREETING=merhaba\n\n# note\nURL=postgres://u:p@h/db?a=b\nEMPTY=')).toEqual({
      GREETING: 'merhaba',
      URL: 'postgres://u:p@h/db?a=b',
      EMPTY: '',
    });
  });

  it('names the first bad line', () => {
    expect(parseEnv('OK=1\nnot a pair')).toBe('Line 2: write KEY=value (letters, digits and _ in the key).');
    expect(parseEnv('1BAD=x')).toMatch(/^Line 1/);
  });
});
