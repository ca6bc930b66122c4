import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { SeenIds, WebhookSecret } from './hooks.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function secretFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ov-hooks-'));
  dirs.push(dir);
  return join(dir, 'secrets', 'site-webhook');
}
function signed(secret: string, body: string, id = 'msg_1', at = new Date()) {
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(id, at, body) };
}

describe('WebhookSecret', () => {
  it('generates a secret file (mode 600) when there is none, and verifies Standard Webhooks signatures', () => {
    const file = secretFile();
    const s = new WebhookSecret(undefined, file);
    const secret = readFileSync(file, 'utf8');
    expect(secret).toMatch(/^whsec_/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const body = JSON.stringify({ type: 'site.changed', data: { cause: 'post.published' } });
    expect(s.verify(body, signed(secret, body))).toMatchObject({ type: 'site.changed' });
    expect(s.verify(`${body} `, signed(secret, body))).toBeNull();
    expect(s.verify(body, signed(secret, body, 'msg_1', new Date(Date.now() - 3_600_000)))).toBeNull();
    expect(s.verify(body, {})).toBeNull();
  });

  it('reads the file again when the seed rotated the secret', () => {
    const file = secretFile();
    const s = new WebhookSecret(undefined, file);
    const rotated = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    writeFileSync(file, rotated);
    const body = '{"type":"site.changed"}';
    expect(s.verify(body, signed(rotated, body))).toEqual({ type: 'site.changed' });
  });
});

describe('SeenIds', () => {
  it('reports a webhook id once and forgets the oldest beyond its size', () => {
    const seen = new SeenIds(2);
    expect(seen.add('a')).toBe(true);
    expect(seen.add('a')).toBe(false);
    seen.add('b');
    seen.add('c');
    expect(seen.add('a')).toBe(true);
  });
});
