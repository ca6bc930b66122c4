import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiKeyRepository, ApiKeyRow } from '../../repositories/api-key.repository.js';
import type { DenylistRepository } from '../../repositories/denylist.repository.js';
import type { Bucket } from '../../repositories/rate-limit.repository.js';
import type { SessionRepository } from '../../repositories/session.repository.js';
import { Authenticator } from './authenticator.js';
import { sha256, type TokenService } from './token.service.js';

/** One stored key, and a count of the lookups that reached the "database". */
function setup() {
  const key = `ovk_${randomBytes(24).toString('base64url')}`;
  const row: ApiKeyRow = {
    id: 'k1',
    name: 'ci',
    prefix: key.slice(0, 12),
    keyHash: sha256(key),
    scopes: ['posts:read'],
    rateLimitPerMinute: null,
    createdBy: null,
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    createdAt: new Date(),
  };
  const lookups = new Map<string, number>();
  const apiKeys = {
    findByHash: async (hash: string) => {
      lookups.set(hash, (lookups.get(hash) ?? 0) + 1);
      return hash === row.keyHash ? row : undefined;
    },
    touch: async () => undefined,
  } as unknown as ApiKeyRepository;
  const bucket = {
    consume: async () => ({ limit: 100, remaining: 99, resetMs: 60_000, allowed: true }),
  } as unknown as Bucket;
  const auth = new Authenticator(
    {} as TokenService,
    {} as DenylistRepository,
    {} as SessionRepository,
    apiKeys,
    () => bucket,
  );
  return { key, row, lookups, auth };
}

describe('Authenticator key cache', () => {
  it('keeps a valid key cached while 10,000 random keys are tried', async () => {
    const { key, row, lookups, auth } = setup();
    expect((await auth.authenticate({ kind: 'apiKey', key })).principal).toMatchObject({
      kind: 'apiKey',
      apiKeyId: 'k1',
    });
    const statuses = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      await auth.authenticate({ kind: 'apiKey', key: `ovk_${randomBytes(24).toString('base64url')}` }).then(
        () => statuses.add(200),
        (err: { status: number }) => statuses.add(err.status),
      );
    }
    expect([...statuses]).toEqual([401]);
    expect((await auth.authenticate({ kind: 'apiKey', key })).principal).toMatchObject({ apiKeyId: 'k1' });
    // Before: the random keys filled the one Map, which was cleared at 1,000 entries, so the valid key went back to the database.
    expect(lookups.get(row.keyHash)).toBe(1);
    expect(lookups.size).toBe(10_001);
  });

  it('remembers an unknown key for a while without looking it up again, and forget() drops both caches', async () => {
    const { key, row, lookups, auth } = setup();
    const wrong = `ovk_${randomBytes(24).toString('base64url')}`;
    for (let i = 0; i < 3; i++)
      await expect(auth.authenticate({ kind: 'apiKey', key: wrong })).rejects.toMatchObject({ status: 401 });
    await auth.authenticate({ kind: 'apiKey', key });
    expect([lookups.get(sha256(wrong)), lookups.get(row.keyHash)]).toEqual([1, 1]);
    auth.forget();
    row.revokedAt = new Date();
    await expect(auth.authenticate({ kind: 'apiKey', key })).rejects.toMatchObject({ status: 401 });
    await expect(auth.authenticate({ kind: 'apiKey', key: wrong })).rejects.toMatchObject({ status: 401 });
    expect([lookups.get(sha256(wrong)), lookups.get(row.keyHash)]).toEqual([2, 2]);
  });
});
