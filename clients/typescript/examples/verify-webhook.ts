// The README's webhook receiver: node --import tsx clients/typescript/examples/verify-webhook.ts
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { WebhookEvent } from '../src/index.js';

const secret = process.env.WEBHOOK_SECRET!; // whsec_… shown once when the subscription is made

function verify(rawBody: string, h: Record<string, string | string[] | undefined>): WebhookEvent {
  const id = String(h['webhook-id']),
    ts = String(h['webhook-timestamp']),
    sigs = String(h['webhook-signature']);
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) throw new Error('timestamp too far from now (replay?)');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${ts}.${rawBody}`).digest('base64'));
  const ok = sigs.split(' ').some((s) => {
    const [version, sig] = s.split(',');
    const given = Buffer.from(sig ?? '');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw new Error('bad signature');
  return JSON.parse(rawBody) as WebhookEvent;
}

createServer((req, res) => {
  let body = '';
  req
    .on('data', (c) => (body += c))
    .on('end', () => {
      try {
        const event = verify(body, req.headers); // deduplicate on webhook-id: retries reuse it
        res.writeHead(204).end(); // answer fast (10 s limit), work afterwards
        if (event.type === 'post.published') console.log('new post', event.data.slug);
      } catch (err) {
        res.writeHead(400).end(String(err));
      }
    });
}).listen(4000);
