import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('violet-tram-harbour-42')).toBeUndefined();
    expect(passwordProblem('Çok güçlü bir parola!')).toBeUndefined();
  });

  it('refuses short, common and disguised-common passwords', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('qwerty123456')).toMatch(/common/);
    expect(passwordProblem('Password123456!')).toMatch(/common/);
    expect(passwordProblem('!!!sunshine2024')).toMatch(/common/);
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toMatch(/different characters/);
    expect(passwordProblem('x'.repeat(300))).toMatch(/at most/);
  });

  it('refuses the e-mail name and the product name', () => {
    expect(passwordProblem('jonathan-is-the-best', { email: 'Jonathan@example.com' })).toMatch(/e-mail/);
    expect(passwordProblem('my-omervision-pass')).toMatch(/site name/);
  });
});
