import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateSecret, secretKey, signedHeaders, signPayload } from './signature.js';

describe('webhook signature', () => {
  it('matches the Standard Webhooks reference vector', () => {
    // From the Standard Webhooks / Svix reference libraries' test suites.
    const sig = signPayload(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(sig).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('generates whsec_ secrets of 32 random bytes', () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(secretKey(a)).toHaveLength(32);
    expect(generateSecret()).not.toBe(a);
  });

  it('verifies with the independent standardwebhooks package, and fails when anything changes', () => {
    const secret = generateSecret();
    const body = JSON.stringify({
      type: 'post.published',
      timestamp: new Date().toISOString(),
      data: { id: 'x', title: 'Merhaba dünya' },
    });
    const ts = Math.floor(Date.now() / 1000);
    const headers = signedHeaders(secret, 'delivery-1', ts, body);
    expect(headers['user-agent']).toBe('OmerVision-Webhooks/1');
    const wh = new Webhook(secret);
    expect(wh.verify(body, { ...headers })).toMatchObject({ type: 'post.published' });
    expect(() => wh.verify(body.replace('dünya', 'dunya'), { ...headers })).toThrow();
    expect(() => wh.verify(body, { ...headers, 'webhook-id': 'delivery-2' })).toThrow();
    expect(() => new Webhook(generateSecret()).verify(body, { ...headers })).toThrow();
  });
});
