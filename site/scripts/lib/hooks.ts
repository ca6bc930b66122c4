import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { Webhook } from 'standardwebhooks';

/**
 * The webhook secret: SITE_WEBHOOK_SECRET, else the file the seed shares with the API
 * (DATA_DIR/secrets/site-webhook), generated (mode 600) when neither exists. The file is read again
 * when a signature fails, so re-seeding with a new secret needs no restart.
 */
export class WebhookSecret {
  private secret: string;

  constructor(
    private readonly fromEnv: string | undefined,
    private readonly file: string,
  ) {
    this.secret = fromEnv || this.readOrCreate();
  }

  private readOrCreate(): string {
    try {
      const value = readFileSync(this.file, 'utf8').trim();
      if (value) return value;
    } catch {
      // missing: generate below
    }
    const value = `whsec_${randomBytes(32).toString('base64')}`;
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, value, { mode: 0o600 });
    renameSync(tmp, this.file);
    return value;
  }

  /** The verified JSON payload, or null when the signature (or its timestamp, ±5 min) does not hold. */
  verify(body: string, headers: IncomingMessage['headers']): unknown {
    const h = {
      'webhook-id': String(headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(headers['webhook-signature'] ?? ''),
    };
    const attempt = () => {
      try {
        return new Webhook(this.secret).verify(body, h);
      } catch {
        return null;
      }
    };
    const first = attempt();
    if (first !== null || this.fromEnv) return first;
    const before = this.secret;
    this.secret = this.readOrCreate();
    return this.secret === before ? null : attempt();
  }
}

/** Remembers recent webhook ids so a retried delivery does not build twice. */
export class SeenIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 1000) {}

  /** True the first time an id is seen. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}

/**
 * The request body as text, or null when it is over `limit` bytes. An over-long body is still read
 * to its end (and dropped): leaving the `for await` early destroyed the request with the rest of
 * its body unread, and the kept-alive connection never answered another request. A declared
 * Content-Length over the limit answers at once; Node discards the unread body after the response.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  if (Number(req.headers['content-length']) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}

/** An RFC 9457 problem document, with the API's permanent `code` (its catalogue: api/src/errors/catalogue.ts). */
export function problem(res: ServerResponse, status: number, code: string, title: string, detail?: string): void {
  res.writeHead(status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' }).end(
    JSON.stringify({
      type: `https://omervision.dev/problems#${code}`,
      title,
      status,
      code,
      ...(detail ? { detail } : {}),
    }),
  );
}

/** 413 for a body over `limit` bytes (see readBody). */
export function tooLarge(res: ServerResponse, limit: number): void {
  problem(res, 413, 'PAYLOAD_TOO_LARGE', 'Request body too large', `The body is over ${Math.round(limit / 1024)} KiB.`);
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The contact form without JavaScript: the browser posts the form here, the server forwards it as
 * JSON to POST /api/v1/contact (with the visitor's address in X-Forwarded-For, which the API trusts
 * from loopback, so the per-IP limit stays per visitor) and answers 303 → /contact/thanks/, or a
 * small page with the API's messages.
 */
export async function contactFallback(req: IncomingMessage, res: ServerResponse, apiUrl: string): Promise<void> {
  const raw = await readBody(req, 64 * 1024);
  if (raw === null) return page(res, 413, ['The message is too long. / Mesaj çok uzun.']);
  const form = new URLSearchParams(raw);
  const body: Record<string, string> = {};
  for (const field of ['name', 'email', 'subject', 'message', 'website']) {
    const value = form.get(field);
    if (value !== null && (value !== '' || field === 'name' || field === 'email' || field === 'message'))
      body[field] = value;
  }
  const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
  let res2: Response;
  try {
    res2 = await fetch(`${apiUrl}/api/v1/contact`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': forwardedFor,
        'user-agent': String(req.headers['user-agent'] ?? ''),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return page(res, 502, [
      'The message could not be sent; please try again later. / Mesaj gönderilemedi; lütfen daha sonra tekrar deneyin.',
    ]);
  }
  if (res2.status === 202) {
    res.writeHead(303, { location: '/contact/thanks/', 'cache-control': 'no-store' }).end();
    return;
  }
  const problem = (await res2.json().catch(() => ({}))) as {
    detail?: string;
    errors?: { field: string; message: string }[];
  };
  const messages = problem.errors?.length
    ? problem.errors.map((e) => `${e.field.replace(/^body\./, '')}: ${e.message}`)
    : [problem.detail ?? `HTTP ${res2.status}`];
  return page(res, res2.status === 429 ? 429 : res2.status >= 500 ? 502 : 422, messages);
}

function page(res: ServerResponse, status: number, messages: string[]): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    .end(`<!doctype html>
<html lang="tr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>İletişim / Contact</title></head>
<body><main><h1>Mesaj gönderilemedi / Message not sent</h1><ul>${messages.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>
<p><a href="/contact/">← Forma dön / Back to the form</a></p></main></body></html>`);
}
