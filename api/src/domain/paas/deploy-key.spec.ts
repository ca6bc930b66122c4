import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deployKeyComment, generateDeployKey, publicKeyFingerprint } from './deploy-key.js';

const dir = mkdtempSync(join(tmpdir(), 'ov-deploy-key-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generateDeployKey', () => {
  it('writes an OpenSSH private key that ssh-keygen reads back to the same public key and fingerprint', () => {
    for (let i = 0; i < 5; i++) {
      const key = generateDeployKey(deployKeyComment('my-blog'));
      expect(key.publicKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5[A-Za-z0-9+/]{48} omervision-my-blog$/);
      expect(key.privateKey).toMatch(
        /^-----BEGIN OPENSSH PRIVATE KEY-----\n([A-Za-z0-9+/=]{1,70}\n)+-----END OPENSSH PRIVATE KEY-----\n$/,
      );
      const file = join(dir, `key${i}`);
      writeFileSync(file, key.privateKey, { mode: 0o600 });
      expect(execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim()).toBe(key.publicKey);
      const listed = execFileSync('ssh-keygen', ['-l', '-f', file], { encoding: 'utf8' });
      expect(listed).toBe(`256 ${key.fingerprint} omervision-my-blog (ED25519)\n`);
      expect(publicKeyFingerprint(key.publicKey)).toBe(key.fingerprint);
    }
  });

  it('makes a new key every time', () => {
    const a = generateDeployKey('x');
    const b = generateDeployKey('x');
    expect(a.publicKey).not.toBe(b.publicKey);
    expect(a.privateKey).not.toBe(b.privateKey);
  });

  it('fingerprints only well-formed public keys', () => {
    expect(publicKeyFingerprint('ssh-ed25519 not*base64')).toBeNull();
    expect(publicKeyFingerprint('ssh-ed25519')).toBeNull();
  });
});
