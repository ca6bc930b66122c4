import argon2 from 'argon2';

/**
 * argon2id at the OWASP minimum (19 MiB, t=2, p=1) or above. Raise these as hardware allows;
 * `needsRehash` lets login upgrade stored hashes transparently.
 */
export const ARGON2_PARAMS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** What the auth services need of a password hash (argon2id here; a fake in unit tests). */
export interface PasswordVerifier {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  needsRehash(hash: string): boolean;
}

export class PasswordHasher {
  constructor(private readonly params: typeof ARGON2_PARAMS = ARGON2_PARAMS) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.params);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }

  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, this.params);
  }
}
