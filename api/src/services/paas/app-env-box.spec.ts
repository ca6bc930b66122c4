import { describe, expect, it } from 'vitest';
import { AppEnv, EnvUnreadable, isSealedEnv, storedEnvNames, type SealedEnv } from '../../domain/paas/app-env.js';
import { SecretBox } from '../auth/secret-box.js';
import { AppEnvBox } from './app-env-box.js';

const SECRET = 'k'.repeat(40);
const APP = '01900000-0000-7000-8000-000000000001';
const OTHER = '01900000-0000-7000-8000-000000000002';
const env = { DATABASE_URL: 'postgres://u:hunter2@db/app', GREETING: 'merhaba dünya', EMPTY: '' };

describe('AppEnvBox', () => {
  const box = new AppEnvBox(SECRET);

  it('seals each value (names in the clear, no value readable) and opens them again', () => {
    const sealed = box.seal(APP, env);
    expect(isSealedEnv(sealed)).toBe(true);
    expect(Object.keys(sealed.$sealed).sort()).toEqual(['DATABASE_URL', 'EMPTY', 'GREETING']);
    const raw = JSON.stringify(sealed);
    expect(raw).not.toContain('hunter2');
    expect(raw).not.toContain('merhaba');
    for (const value of Object.values(sealed.$sealed)) expect(value).toMatch(/^v1\.[\w-]+\.[\w-]{22}\.[\w-]*$/);
    expect(box.open(APP, sealed)).toEqual(env);
    expect(storedEnvNames(sealed)).toEqual(['DATABASE_URL', 'EMPTY', 'GREETING']);
  });

  it('uses a fresh IV each time: the same value seals differently', () => {
    const a = box.seal(APP, { A: 'same' }).$sealed.A;
    const b = box.seal(APP, { A: 'same' }).$sealed.A;
    expect(a).not.toBe(b);
  });

  it('reads a plain map from before sealing as it is', () => {
    expect(box.open(APP, { OLD: 'plain' })).toEqual({ OLD: 'plain' });
    expect(isSealedEnv({ OLD: 'plain' })).toBe(false);
    expect(storedEnvNames({ B: '1', A: '2' })).toEqual(['A', 'B']);
  });

  it('refuses a blob copied to another app, naming the variables', () => {
    const sealed = box.seal(APP, env);
    expect(() => box.open(OTHER, sealed)).toThrow(EnvUnreadable);
    expect(() => box.open(OTHER, sealed)).toThrow(/DATABASE_URL, EMPTY, GREETING cannot be opened/);
  });

  it('refuses a value moved to another name of the same app', () => {
    const { $sealed } = box.seal(APP, { PUBLIC_NAME: 'x', SECRET_KEY: 'sk_live_1' });
    const swapped: SealedEnv = { $sealed: { PUBLIC_NAME: $sealed.SECRET_KEY!, SECRET_KEY: $sealed.SECRET_KEY! } };
    expect(() => box.open(APP, swapped)).toThrow(/variable PUBLIC_NAME cannot be opened/);
  });

  it('refuses another JWT_SECRET, another purpose (a SecretBox of repo credentials), an altered or truncated value', () => {
    const sealed = box.seal(APP, { A: 'value' });
    expect(() => new AppEnvBox('z'.repeat(40)).open(APP, sealed)).toThrow(EnvUnreadable);
    const otherPurpose = new SecretBox(SECRET, 'paas-repo-credentials').seal('value');
    expect(() => box.open(APP, { $sealed: { A: otherPurpose } })).toThrow(EnvUnreadable);
    const [v, iv, tag, body] = sealed.$sealed.A!.split('.') as [string, string, string, string];
    const flipped = body.startsWith('A') ? `B${body.slice(1)}` : `A${body.slice(1)}`;
    expect(() => box.open(APP, { $sealed: { A: [v, iv, tag, flipped].join('.') } })).toThrow(EnvUnreadable);
    const shortTag = Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => box.open(APP, { $sealed: { A: [v, iv, shortTag, body].join('.') } })).toThrow(EnvUnreadable);
    expect(() => box.open(APP, { $sealed: { A: 'plain text' } })).toThrow(EnvUnreadable);
  });
});

describe('AppEnv', () => {
  it('lists names without opening, and opens only when asked', () => {
    let opened = 0;
    const appEnv = new AppEnv(['A', 'B'], () => {
      opened++;
      return { A: '1', B: '2' };
    });
    expect(appEnv.names).toEqual(['A', 'B']);
    expect(opened).toBe(0);
    expect(appEnv.values()).toEqual({ A: '1', B: '2' });
    expect(opened).toBe(1);
  });

  it('plain(): a copy, sorted names', () => {
    const source = { Z: 'z', A: 'a' };
    const appEnv = AppEnv.plain(source);
    source.Z = 'changed';
    expect(appEnv.names).toEqual(['A', 'Z']);
    expect(appEnv.values()).toEqual({ Z: 'z', A: 'a' });
  });
});
