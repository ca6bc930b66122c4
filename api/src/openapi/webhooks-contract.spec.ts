import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { CONTENT_EVENTS } from '../services/content/events.js';
import { signedHeaders } from '../services/webhooks/signature.js';
import { envelopeName, mergeWebhooks, webhookSchemas, webhooksSection } from './webhooks-contract.js';

const base = () => ({ openapi: '3.0.0', components: { schemas: { Post: { type: 'object' } }, parameters: {} }, info: { title: 't', version: '1.0.0' }, paths: {} });

describe('webhooks in the contract', () => {
  it('describes every event a subscription can choose, with the Standard Webhooks headers', () => {
    const section = webhooksSection();
    expect(Object.keys(section)).toEqual([...CONTENT_EVENTS]);
    const op = (section['post.published'] as { post: { parameters: { $ref: string }[] } }).post;
    expect(op.parameters.map((p) => p.$ref)).toEqual(['#/components/parameters/WebhookId', '#/components/parameters/WebhookTimestamp', '#/components/parameters/WebhookSignature']);
    expect(envelopeName('site.changed')).toBe('SiteChangedWebhook');
  });

  it('merges deterministically and idempotently, after what tsoa wrote', () => {
    const once = mergeWebhooks(base());
    expect(JSON.stringify(mergeWebhooks(base()))).toBe(JSON.stringify(once));
    expect(JSON.stringify(mergeWebhooks(once))).toBe(JSON.stringify(once));
    expect(Object.keys(once)).toEqual(['openapi', 'components', 'info', 'paths', 'tags', 'x-webhooks']);
    expect(Object.keys(once.components.schemas)[0]).toBe('Post');
  });

  it('refuses a schema name the API already uses', () => {
    const doc = base();
    (doc.components.schemas as Record<string, unknown>).SlugWebhookData = {};
    expect(() => mergeWebhooks(doc)).toThrow(/SlugWebhookData/);
  });

  it('every example matches its schema’s required fields and every $ref resolves', () => {
    const merged = mergeWebhooks(base());
    const schemas = merged.components.schemas as Record<string, { required?: string[]; properties?: Record<string, { $ref?: string }> }>;
    for (const [event, item] of Object.entries(merged['x-webhooks'])) {
      const body = (item as { post: { requestBody: { content: { 'application/json': { schema: { $ref: string }; example: { type: string; data: Record<string, unknown> } } } } } }).post.requestBody.content['application/json'];
      const envelope = schemas[body.schema.$ref.split('/').pop()!]!;
      expect(body.example.type).toBe(event);
      const data = schemas[envelope.properties!.data!.$ref!.split('/').pop()!]!;
      for (const key of data.required!) expect(body.example.data, `${event} example lacks ${key}`).toHaveProperty(key);
      for (const key of Object.keys(body.example.data)) expect(data.properties, `${event} example has undocumented ${key}`).toHaveProperty(key);
    }
    expect(Object.keys(webhookSchemas()).length).toBe(9 + CONTENT_EVENTS.length);
  });

  it('the documented signature is what we send and what a Standard Webhooks library verifies', () => {
    const secret = 'whsec_' + Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
    const body = JSON.stringify({ type: 'post.published', timestamp: new Date().toISOString(), data: {} });
    const ts = Math.floor(Date.now() / 1000);
    const headers = signedHeaders(secret, 'msg_1', ts, body);
    // The recipe from the client README, by hand:
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = 'v1,' + createHmac('sha256', key).update(`msg_1.${ts}.${body}`).digest('base64');
    expect(headers['webhook-signature'].split(' ')).toContain(expected);
    expect(() => new Webhook(secret).verify(body, headers as unknown as Record<string, string>)).not.toThrow();
  });
});
