import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 12;
/** argon2 hashes anything, but an unbounded input is a cheap denial of service. */
export const PASSWORD_MAX = 256;

const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/**
 * NIST 800-63B style: length first, no composition rules, and a block-list of common passwords
 * (zxcvbn's 49k list), including the usual disguises: a common word with digits or symbols
 * tacked on, one repeated character, or the user's own e-mail name or the product name.
 * Returns the reason when the password is refused.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (COMMON.has(lower) || (core.length >= 4 && COMMON.has(core)))
    return 'is too common; choose a less guessable password';
  if (new Set(lower).size < 5) return 'uses too few different characters';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if ((local && local.length >= 4 && lower.includes(local)) || lower.includes('omervision')) {
    return 'must not contain your e-mail name or the site name';
  }
  return undefined;
}
