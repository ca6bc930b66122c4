import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the secret is `whsec_<base64>`, the
 * key is the decoded base64, and the signature is `v1,<base64 HMAC-SHA256(key, "id.timestamp.body")>`.
 * Receivers verify with any Standard Webhooks library (or Svix's), no OmerVision code needed.
 */
export const SECRET_PREFIX = 'whsec_';

/** 32 random bytes (the spec asks for 24–64). */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

export function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new Error('webhook secret is empty');
  return key;
}

/** The `webhook-signature` header value for one message. */
export function signPayload(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret))
    .update(`${messageId}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

export interface SignedHeaders {
  'content-type': string;
  'user-agent': string;
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function signedHeaders(
  secret: string,
  messageId: string,
  timestampSeconds: number,
  body: string,
): SignedHeaders {
  return {
    'content-type': 'application/json',
    'user-agent': 'OmerVision-Webhooks/1',
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': signPayload(secret, messageId, timestampSeconds, body),
  };
}

/** Seals small secrets at rest (services/auth/secret-box.ts, AES-256-GCM). */
export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** Secrets are stored sealed; a plain `whsec_` value (written by hand or by a seed) still works. */
export function openSecret(stored: string, box: Sealer): string {
  return stored.startsWith(SECRET_PREFIX) ? stored : box.open(stored);
}
