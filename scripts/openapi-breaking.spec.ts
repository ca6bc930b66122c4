import { describe, expect, it } from 'vitest';
import { changelogSection, findBreakingChanges, verdict, type Change } from './openapi-breaking.js';

// Specs are edited freely in these cases; a loose JSON type keeps them short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = any;

type Doc = Parameters<typeof findBreakingChanges>[0];

/** A small released spec; each case changes one thing in a copy of it. */
function released(): Doc {
  // A function, not one object: structuredClone keeps shared references, so an edit would hit both uses.
  const post = () => ({
    type: 'object',
    properties: {
      slug: { type: 'string' },
      status: { type: 'string', enum: ['draft', 'published'] },
      liveUrl: { type: 'string' },
      cover: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
    },
    required: ['slug', 'status', 'liveUrl'],
    additionalProperties: false,
  });
  const input = {
    type: 'object',
    properties: {
      title: { type: 'string' },
      status: { type: 'string', enum: ['draft', 'published'] },
      tags: { type: 'array', items: { type: 'string' } },
    },
    required: ['title'],
    additionalProperties: false,
  };
  return {
    openapi: '3.0.0',
    info: { version: '1.0.0' },
    security: [{ bearer: [] }],
    paths: {
      '/posts': {
        get: {
          security: [],
          parameters: [{ in: 'query', name: 'tag', required: false, schema: { type: 'string' } }],
          responses: { '200': { content: { 'application/json': { schema: { type: 'array', items: post() } } } } },
        },
        post: {
          requestBody: { required: true, content: { 'application/json': { schema: input } } },
          responses: { '201': { content: { 'application/json': { schema: post() } } }, '422': {} },
        },
      },
      '/posts/{slug}': { delete: { responses: { '204': {} } } },
    },
  };
}

function changed(edit: (doc: Doc & { paths: Record<string, Record<string, AnyJson>> }) => void): Change[] {
  const head = structuredClone(released()) as Doc & { paths: Record<string, Record<string, AnyJson>> };
  edit(head);
  return findBreakingChanges(released(), head);
}

describe('openapi breaking changes', () => {
  it('finds none between a spec and itself, nor for additions', () => {
    expect(changed(() => {})).toEqual([]);
    expect(
      changed((d) => {
        d.paths['/tags'] = { get: { responses: { '200': {} } } };
        d.paths['/posts']!.get.parameters.push({
          in: 'query',
          name: 'limit',
          required: false,
          schema: { type: 'integer' },
        });
        d.paths['/posts']!.get.responses['200'].content['application/json'].schema.items.properties.excerpt = {
          type: 'string',
        };
        d.paths['/posts']!.post.requestBody.content['application/json'].schema.properties.status.enum.push('archived');
        d.paths['/posts']!.post.responses['404'] = {};
      }),
    ).toEqual([]);
  });

  it('removed path or method', () => {
    expect(changed((d) => delete d.paths['/posts/{slug}'])).toEqual([
      { rule: 'removed-operation', operation: 'DELETE /posts/{slug}', message: 'path removed' },
    ]);
    expect(changed((d) => delete d.paths['/posts']!.post)).toMatchObject([
      { rule: 'removed-operation', operation: 'POST /posts', message: 'method removed' },
    ]);
  });

  it('removed response field, or one no longer always present', () => {
    expect(
      changed(
        (d) =>
          delete d.paths['/posts']!.get.responses['200'].content['application/json'].schema.items.properties.liveUrl,
      ),
    ).toMatchObject([
      {
        rule: 'removed-response-field',
        operation: 'GET /posts',
        message: '200 application/json[]: field liveUrl removed',
      },
    ]);
    expect(
      changed(
        (d) =>
          (d.paths['/posts']!.post.responses['201'].content['application/json'].schema.required = ['slug', 'status']),
      ),
    ).toMatchObject([
      { rule: 'removed-response-field', message: '201 application/json: field liveUrl is no longer always present' },
    ]);
  });

  it('changed response type, nullable included, nested too', () => {
    expect(
      changed(
        (d) =>
          (d.paths['/posts']!.post.responses['201'].content['application/json'].schema.properties.liveUrl.nullable =
            true),
      ),
    ).toMatchObject([
      { rule: 'changed-response-type', message: '201 application/json.liveUrl: type string became string|null' },
    ]);
    expect(
      changed(
        (d) =>
          (d.paths['/posts']!.post.responses['201'].content['application/json'].schema.properties.cover.properties.url =
            { type: 'integer' }),
      ),
    ).toMatchObject([
      { rule: 'changed-response-type', message: '201 application/json.cover.url: type string became integer' },
    ]);
  });

  it('removed enum value in a response', () => {
    expect(
      changed(
        (d) =>
          (d.paths['/posts']!.post.responses['201'].content['application/json'].schema.properties.status.enum = [
            'published',
          ]),
      ),
    ).toMatchObject([
      { rule: 'removed-response-enum-value', message: '201 application/json.status: enum lost "draft"' },
    ]);
  });

  it('new required request field or parameter, or a required request body', () => {
    const body = (d: Doc & { paths: Record<string, Record<string, AnyJson>> }) =>
      d.paths['/posts']!.post.requestBody.content['application/json'].schema;
    expect(changed((d) => body(d).required.push('status'))).toMatchObject([
      {
        rule: 'new-required-request-field',
        operation: 'POST /posts',
        message: 'request body: field status is now required',
      },
    ]);
    expect(changed((d) => (d.paths['/posts']!.get.parameters[0].required = true))).toMatchObject([
      { rule: 'new-required-parameter', message: 'query tag parameter is now required' },
    ]);
    expect(
      changed((d) =>
        d.paths['/posts']!.get.parameters.push({
          in: 'header',
          name: 'X-Tenant',
          required: true,
          schema: { type: 'string' },
        }),
      ),
    ).toMatchObject([{ rule: 'new-required-parameter', message: 'header X-Tenant parameter is new and required' }]);
    expect(changed((d) => (d.paths['/posts']!.post.requestBody.required = true))).toEqual([]);
  });

  it('narrowed enum, type or accepted fields in a request', () => {
    const body = (d: Doc & { paths: Record<string, Record<string, AnyJson>> }) =>
      d.paths['/posts']!.post.requestBody.content['application/json'].schema;
    expect(changed((d) => (body(d).properties.status.enum = ['draft']))).toMatchObject([
      { rule: 'narrowed-request', message: 'request body.status: enum no longer accepts "published"' },
    ]);
    expect(changed((d) => (body(d).properties.tags.items = { type: 'string', enum: ['a'] }))).toMatchObject([
      { rule: 'narrowed-request', message: 'request body.tags[]: now limited to "a"' },
    ]);
    expect(changed((d) => (body(d).properties.title = { type: 'integer' }))).toMatchObject([
      { rule: 'narrowed-request', message: 'request body.title: no longer accepts string' },
    ]);
    expect(changed((d) => delete body(d).properties.tags)).toMatchObject([
      { rule: 'narrowed-request', message: 'request body: field tags is no longer accepted' },
    ]);
  });

  it('changed auth requirements', () => {
    expect(changed((d) => (d.paths['/posts']!.get.security = [{ bearer: [] }]))).toMatchObject([
      { rule: 'changed-auth', operation: 'GET /posts', message: 'security no longer accepts anonymous (now: bearer)' },
    ]);
    expect(changed((d) => (d.security = [{ apiKey: ['write'] }]))).toMatchObject([
      { rule: 'changed-auth', operation: 'POST /posts' },
      {
        rule: 'changed-auth',
        operation: 'DELETE /posts/{slug}',
        message: 'security no longer accepts bearer (now: apiKey[write])',
      },
    ]);
    expect(changed((d) => (d.security = [{ bearer: [] }, { apiKey: [] }]))).toEqual([]);
  });

  it('a declared success status removed', () => {
    expect(changed((d) => (d.paths['/posts/{slug}']!.delete.responses = { '200': {} }))).toMatchObject([
      {
        rule: 'removed-success-status',
        operation: 'DELETE /posts/{slug}',
        message: 'success status 204 no longer declared',
      },
    ]);
  });
});

describe('verdict', () => {
  const change: Change = { rule: 'removed-operation', operation: 'DELETE /posts/{slug}', message: 'path removed' };
  const log =
    '# API changelog\n\n## 2.0.0 — 2025-06-01\n\n- Removed `DELETE /posts/{slug}`.\n\n## 1.0.0\n\nFirst release.\n';
  const head = released();

  it('passes a breaking change released as a major version that the changelog names', () => {
    expect(changelogSection(log, '2.0.0')).toContain('DELETE /posts/{slug}');
    expect(changelogSection(log, '1.0.0')).toBe('\nFirst release.\n');
    expect(verdict([change], '1.0.0', '2.0.0', log, head)).toEqual([]);
  });

  it('fails without a major bump, or without the change in the changelog', () => {
    const major = (v: string) =>
      `1 breaking change(s) since 1.0.0 need a new major info.version (now ${v}), or a "### Corrections" entry when the API already behaved so`;
    expect(verdict([change], '1.0.0', '1.0.0', log, head)).toEqual([major('1.0.0')]);
    expect(verdict([change], '1.0.0', '1.1.0', '## 1.1.0\n- more\n', head)).toEqual([
      major('1.1.0'),
      'docs/api-changelog.md "## 1.1.0" does not name: DELETE /posts/{slug}',
    ]);
    expect(verdict([change], '1.0.0', '2.0.0', '## 1.0.0\n', head)).toEqual([
      'info.version is 2.0.0 but docs/api-changelog.md has no "## 2.0.0" section',
      'docs/api-changelog.md "## 2.0.0" does not name: DELETE /posts/{slug}',
    ]);
  });

  it('lets a correction (the document catching up with the API) ship in a minor version when the changelog lists it', () => {
    const fix: Change = {
      rule: 'changed-response-type',
      operation: 'GET /posts',
      message: '200 application/json[].liveUrl: type string became string|null',
    };
    const corrected =
      '## 1.1.0\n\n- New `GET /tags`.\n\n### Corrections\n\n- `GET /posts`: `liveUrl` is null when unset (it always was).\n';
    expect(verdict([fix], '1.0.0', '1.1.0', corrected, head)).toEqual([]);
    expect(verdict([fix, change], '1.0.0', '1.1.0', corrected, head)).toEqual([
      '1 breaking change(s) since 1.0.0 need a new major info.version (now 1.1.0), or a "### Corrections" entry when the API already behaved so',
      'docs/api-changelog.md "## 1.1.0" does not name: DELETE /posts/{slug}',
    ]);
    // Named outside the Corrections heading: still a breaking change.
    expect(verdict([fix], '1.0.0', '1.1.0', '## 1.1.0\n- `GET /posts` liveUrl nullable\n', head)).toHaveLength(1);
    // Without a version bump there is no section to list it in.
    expect(verdict([fix], '1.0.0', '1.0.0', corrected, head)).toHaveLength(1);
  });

  it('refuses a deprecated operation without x-deprecated-at and x-sunset dates', () => {
    const doc = released() as Doc & { paths: Record<string, Record<string, AnyJson>> };
    doc.paths['/posts']!.get.deprecated = true;
    expect(verdict([], '1.0.0', '1.0.0', log, doc)).toEqual([
      expect.stringContaining('GET /posts is deprecated without an x-deprecated-at date'),
      expect.stringContaining('GET /posts is deprecated without an x-sunset date'),
    ]);
    doc.paths['/posts']!.get['x-deprecated-at'] = '2025-06-01';
    doc.paths['/posts']!.get['x-sunset'] = 'soon';
    expect(verdict([], '1.0.0', '1.0.0', log, doc)).toEqual([expect.stringContaining('without an x-sunset date')]);
    doc.paths['/posts']!.get['x-sunset'] = '2026-12-31';
    expect(verdict([], '1.0.0', '1.0.0', log, doc)).toEqual([]);
  });
});
