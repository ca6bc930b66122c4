import { beforeAll, describe, expect, it } from 'vitest';
import { ContractValidator, formatViolation, type ObservedResponse } from './validator.js';

// Pure: no services. Lives here (not as a *.spec.ts) because the unit project only collects src/.
const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const spec = {
  openapi: '3.0.0',
  info: { title: 't', version: '1.0.0' },
  paths: {
    '/api/v1/items/{id}': {
      get: {
        operationId: 'GetItem',
        responses: {
          '200': {
            description: 'ok',
            headers: {
              ETag: { required: true, schema: { type: 'string' } },
              'X-RateLimit-Remaining': { schema: { type: 'integer', minimum: 0 } },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
          },
          '4XX': { description: 'client error', content: problem },
        },
      },
      delete: { operationId: 'DeleteItem', responses: { '204': { description: 'gone' } } },
    },
    '/api/v1/items/count': {
      get: {
        operationId: 'CountItems',
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'integer' } } } } },
      },
    },
    '/api/v1/tree': {
      get: {
        operationId: 'GetTree',
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Image: {
        type: 'object',
        properties: { url: { type: 'string' } },
        required: ['url'],
        additionalProperties: false,
      },
      Item: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          liveUrl: { type: 'string', nullable: true },
          cover: { allOf: [{ $ref: '#/components/schemas/Image' }], nullable: true, type: 'object' },
          status: { type: 'string', enum: ['draft', 'live'] },
          createdAt: { type: 'string', format: 'date-time' },
        },
        required: ['id', 'liveUrl', 'cover', 'status'],
        additionalProperties: false,
      },
      Node: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
        },
        required: ['name'],
      },
      Problem: {
        type: 'object',
        properties: { status: { type: 'integer' }, code: { type: 'string' } },
        required: ['status', 'code'],
      },
    },
  },
};

let validator: ContractValidator;
beforeAll(async () => {
  validator = await ContractValidator.fromDocument(spec);
});

function observe(
  method: string,
  path: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ObservedResponse {
  const type = headers['content-type'] ?? (status >= 400 ? 'application/problem+json' : 'application/json');
  return {
    method,
    url: `http://127.0.0.1:1${path}`,
    status,
    headers: new Headers(body === undefined ? headers : { 'content-type': type, ...headers }),
    body: body === undefined ? '' : JSON.stringify(body),
  };
}
const item = { id: 'a', liveUrl: null, cover: null, status: 'draft', createdAt: '2025-01-02T03:04:05.000Z' };

describe('contract validator', () => {
  it('accepts a response that keeps the contract, nullable fields null or filled', () => {
    expect(validator.check(observe('GET', '/api/v1/items/a', 200, item, { etag: '"1"' }))).toEqual([]);
    expect(
      validator.check(
        observe(
          'GET',
          '/api/v1/items/a',
          200,
          { ...item, liveUrl: 'https://x', cover: { url: '/m/1' } },
          { etag: '"1"' },
        ),
      ),
    ).toEqual([]);
  });

  it('names operation, status and JSON pointer for a body that breaks the schema', () => {
    const found = validator.check(
      observe('GET', '/api/v1/items/a', 200, { ...item, cover: { url: 3 }, status: 'gone', extra: 1 }, { etag: '"1"' }),
    );
    expect(found.map((v) => v.pointer).sort()).toEqual(['', '/cover', '/cover/url', '/status']);
    const lines = found.map(formatViolation);
    expect(lines).toContain(
      'GetItem (GET /api/v1/items/{id}) → 200 at /status: must be equal to one of the allowed values',
    );
    expect(lines).toContain(
      'GetItem (GET /api/v1/items/{id}) → 200 at (body): must NOT have additional properties (extra)',
    );
  });

  it('checks formats', () => {
    const [v] = validator.check(
      observe('GET', '/api/v1/items/a', 200, { ...item, createdAt: 'yesterday' }, { etag: '"1"' }),
    );
    expect(v).toMatchObject({ pointer: '/createdAt', message: 'must match format "date-time"' });
  });

  it('refuses an undeclared status and accepts one in a declared range (4XX) as problem+json', () => {
    expect(validator.check(observe('GET', '/api/v1/items/a', 500, { status: 500, code: 'internal' }))).toEqual([
      {
        operation: 'GetItem (GET /api/v1/items/{id})',
        status: 500,
        pointer: '',
        message: 'status 500 is not declared (declared: 200, 4XX)',
      },
    ]);
    expect(validator.check(observe('GET', '/api/v1/items/a', 404, { status: 404, code: 'not_found' }))).toEqual([]);
    expect(validator.check(observe('GET', '/api/v1/items/a', 404, { status: 404 }))).toMatchObject([
      { pointer: '', message: "must have required property 'code'" },
    ]);
  });

  it('refuses a media type the response does not declare, and still checks the JSON body', () => {
    const found = validator.check(
      observe('GET', '/api/v1/items/a', 422, { status: 422 }, { 'content-type': 'application/json' }),
    );
    expect(found.map((v) => `${v.pointer} ${v.message}`)).toEqual([
      '/headers/content-type application/json is not declared (declared: application/problem+json)',
      " must have required property 'code'",
    ]);
  });

  it('checks documented headers: required ones present, values of the declared type', () => {
    expect(validator.check(observe('GET', '/api/v1/items/a', 200, item))).toMatchObject([
      { pointer: '/headers/etag', message: 'required header is missing' },
    ]);
    expect(
      validator.check(observe('GET', '/api/v1/items/a', 200, item, { etag: '"1"', 'x-ratelimit-remaining': '7' })),
    ).toEqual([]);
    expect(
      validator.check(observe('GET', '/api/v1/items/a', 200, item, { etag: '"1"', 'x-ratelimit-remaining': 'many' })),
    ).toMatchObject([{ pointer: '/headers/x-ratelimit-remaining', message: 'must be integer' }]);
  });

  it('matches a literal segment before a template parameter', () => {
    expect(validator.check(observe('GET', '/api/v1/items/count', 200, 3))).toEqual([]);
    expect(validator.check(observe('GET', '/api/v1/items/count', 200, 'three'))).toMatchObject([
      { operation: 'CountItems (GET /api/v1/items/count)' },
    ]);
  });

  it('refuses a body where none is declared and an empty one where one is', () => {
    expect(validator.check(observe('DELETE', '/api/v1/items/a', 204, undefined))).toEqual([]);
    expect(validator.check(observe('DELETE', '/api/v1/items/a', 204, { ok: true }))).toMatchObject([
      { message: 'undeclared body (application/json)' },
    ]);
    expect(validator.check(observe('GET', '/api/v1/items/count', 200, undefined))).toMatchObject([
      { message: 'empty body, but the spec declares application/json' },
    ]);
  });

  it('validates recursive schemas (left as $ref by the dereference)', () => {
    expect(
      validator.check(
        observe('GET', '/api/v1/tree', 200, { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] }),
      ),
    ).toEqual([]);
    expect(
      validator.check(observe('GET', '/api/v1/tree', 200, { name: 'a', children: [{ children: [] }] })),
    ).toMatchObject([{ pointer: '/children/0' }]);
  });

  it('holds HEAD to the GET operation without a body, and ignores what is not an operation', () => {
    expect(
      validator.check({ ...observe('HEAD', '/api/v1/items/a', 200, undefined), headers: new Headers({ etag: '"1"' }) }),
    ).toEqual([]);
    expect(validator.check(observe('GET', '/api/v1/nowhere', 404, { status: 404 }))).toEqual([]);
    expect(validator.check(observe('POST', '/api/v1/tree', 405, { status: 405 }))).toEqual([]);
    for (const path of ['/docs/', '/docs/swagger-ui.css', '/metrics', '/openapi.json'])
      expect(validator.check(observe('GET', path, 500, 'x'))).toEqual([]);
    // Headers too large: node:http answers before any route.
    expect(validator.check(observe('GET', '/api/v1/items/a', 431, undefined))).toEqual([]);
  });
});
