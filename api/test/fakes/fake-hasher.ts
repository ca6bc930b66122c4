import type { PasswordVerifier } from '../../src/services/auth/auth.service.js';

/**
 * Password hashing without argon2's cost: `v2$<password reversed>`; hashes of an older scheme
 * (`v1$…`) verify but ask for a rehash, as an argon2 hash with old parameters does.
 */
export class FakeHasher implements PasswordVerifier {
  verified = 0;

  async hash(password: string): Promise<string> {
    return `v2$${[...password].reverse().join('')}`;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    this.verified++;
    const [scheme, body] = hash.split('$', 2);
    return (scheme === 'v1' || scheme === 'v2') && body === [...password].reverse().join('');
  }

  needsRehash(hash: string): boolean {
    return !hash.startsWith('v2$');
  }
}
