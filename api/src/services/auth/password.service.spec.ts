import { describe, expect, it } from 'vitest';
import type { PasswordResetJobData } from '../../jobs/job-spec.js';
import type { PasswordResetRepository } from '../../repositories/password-reset.repository.js';
import type { Bucket, LimitState } from '../../repositories/rate-limit.repository.js';
import type { UserRepository } from '../../repositories/user.repository.js';
import type { AuditService } from '../audit.service.js';
import type { PasswordVerifier } from './auth.service.js';
import { PasswordService } from './password.service.js';
import type { RevocationService } from './revocation.service.js';

/** Any use of these fails the test: the reset request must not touch accounts, tokens or the audit log. */
const untouchable = <T>(name: string) =>
  new Proxy(
    {},
    {
      get: (_t, prop) => () => {
        throw new Error(`requestReset used ${name}.${String(prop)}`);
      },
    },
  ) as T;

function bucket(allowed: boolean): Bucket {
  const state: LimitState = { limit: 3, remaining: allowed ? 2 : 0, resetMs: 1000, allowed };
  return {
    consume: async () => state,
    peek: async () => state,
    block: async () => undefined,
    reset: async () => undefined,
  };
}

function service(allowed = true) {
  const queued: PasswordResetJobData[] = [];
  const passwords = new PasswordService(
    untouchable<UserRepository>('users'),
    untouchable<RevocationService>('revocation'),
    untouchable<PasswordResetRepository>('resets'),
    untouchable<PasswordVerifier>('hasher'),
    { enqueueReset: async (data) => void queued.push(data) },
    bucket(allowed),
    untouchable<AuditService>('audit'),
  );
  return { passwords, queued };
}

const client = { ip: '2001:db8::7', userAgent: 'test' };

describe('PasswordService.requestReset', () => {
  it('only enqueues a job, for any address, without looking the account up', async () => {
    const { passwords, queued } = service();
    await passwords.requestReset(' Ghost@Example.TEST ', client);
    await passwords.requestReset('owner@example.test', client);
    expect(queued.map((q) => q.email)).toEqual(['ghost@example.test', 'owner@example.test']);
    expect(new Set(queued.map((q) => q.requestId)).size).toBe(2);
    expect(queued[0]).toMatchObject({ ip: client.ip, userAgent: 'test' });
  });

  it('enqueues nothing past the per-address limit, and still answers normally', async () => {
    const { passwords, queued } = service(false);
    await expect(passwords.requestReset('owner@example.test', client)).resolves.toBeUndefined();
    expect(queued).toEqual([]);
  });
});
