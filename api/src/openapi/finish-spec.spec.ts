import { describe, expect, it } from 'vitest';
import { finishSpec } from './finish-spec.js';

const doc = () => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1', license: { name: 'MIT' } },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      Problem: { type: 'object', properties: { code: { type: 'string' } } },
      Image: { type: 'object', properties: { url: { type: 'string' } } },
      Post: {
        type: 'object',
        properties: {
          cover: { allOf: [{ $ref: '#/components/schemas/Image' }], nullable: true },
          author: { $ref: '#/components/schemas/Image', description: 'who' },
          keywords: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], nullable: true },
        },
      },
      PostPage: { type: 'object', properties: { items: { type: 'array' }, nextCursor: { type: 'string', nullable: true } } },
    },
  },
  paths: {
    '/api/v1/posts': {
      get: {
        parameters: [{ in: 'query', name: 'cursor', schema: { type: 'string' } }, { in: 'query', name: 'limit', schema: { type: 'integer' } }],
        responses: {
          '200': { description: 'OK', headers: { ETag: { schema: { type: 'string' } } } },
          '429': { description: 'slow down', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } }, headers: { 'Retry-After': { schema: { type: 'string' } } } },
        },
      },
    },
    '/health': { get: { responses: { '200': { description: 'OK' } } } },
    '/api/v1/admin/tags': {
      get: { security: [{ bearer: ['content:read'] }], responses: { '200': { description: 'OK' } } },
      post: { security: [{ bearer: [] }, { cookie: [] }], responses: { '201': { description: 'Created' } } },
    },
  },
});

describe('finishSpec', () => {
  const out = finishSpec(doc());
  const get = out.paths['/api/v1/posts'].get as unknown as { parameters: unknown[]; responses: Record<string, { content?: object; headers?: Record<string, unknown> }> };

  it('serves problems as application/problem+json', () => {
    expect(Object.keys(get.responses['429']!.content!)).toEqual(['application/problem+json']);
  });

  it('references shared headers, and adds the rate-limit headers to /api/v1 answers only', () => {
    expect(get.responses['200']!.headers).toEqual({
      ETag: { $ref: '#/components/headers/ETag' },
      'X-RateLimit-Limit': { $ref: '#/components/headers/XRateLimitLimit' },
      'X-RateLimit-Remaining': { $ref: '#/components/headers/XRateLimitRemaining' },
      'X-RateLimit-Reset': { $ref: '#/components/headers/XRateLimitReset' },
    });
    expect(get.responses['429']!.headers!['Retry-After']).toEqual({ $ref: '#/components/headers/RetryAfter' });
    expect((out.paths['/health'].get.responses['200'] as { headers?: unknown }).headers).toBeUndefined();
    expect(Object.keys((out.components as { headers?: object }).headers ?? {})).toContain('RetryAfter');
  });

  it('shares the cursor parameter and describes paginated schemas', () => {
    expect(get.parameters[0]).toEqual({ $ref: '#/components/parameters/Cursor' });
    expect((get.parameters[1] as { name: string }).name).toBe('limit');
    expect((out.components.schemas.PostPage as { description?: string }).description).toMatch(/cursor/);
  });

  it('gives nullable a type and a $ref no siblings', () => {
    const props = out.components.schemas.Post.properties as Record<string, Record<string, unknown>>;
    expect(props.cover).toEqual({ allOf: [{ $ref: '#/components/schemas/Image' }], nullable: true, type: 'object' });
    expect(props.author).toEqual({ allOf: [{ $ref: '#/components/schemas/Image' }], description: 'who' });
    expect(props.keywords).toEqual({ anyOf: [{ type: 'string', nullable: true }, { type: 'array', items: { type: 'string' }, nullable: true }] });
  });

  it('lists the session cookie beside every Bearer requirement, with the same scopes, once', () => {
    const tags = out.paths['/api/v1/admin/tags'] as unknown as Record<string, { security: unknown[] }>;
    expect(tags.get!.security).toEqual([{ bearer: ['content:read'] }, { cookie: ['content:read'] }]);
    expect(tags.post!.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect((out.paths['/health'].get as { security?: unknown }).security).toBeUndefined();
  });

  it('is idempotent', () => {
    expect(JSON.stringify(finishSpec(out))).toBe(JSON.stringify(out));
  });
});
