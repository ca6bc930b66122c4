import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContractValidator, formatViolation } from '../../test/contract/validator.js';
import { addSuccessExamples, type SpecWithPaths } from './success-examples.js';

const SPEC = new URL('../../../openapi/openapi.json', import.meta.url);
const spec = JSON.parse(readFileSync(SPEC, 'utf8')) as SpecWithPaths;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

interface Media {
  schema?: object;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

/** Every (operation, 2xx status, example value) of the JSON success answers in the committed contract. */
function successExamples() {
  const out: { method: string; path: string; status: number; value: unknown; media: Media }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method] as { responses?: Record<string, { content?: Record<string, Media> }> } | undefined;
      for (const [status, response] of Object.entries(op?.responses ?? {})) {
        const media = response.content?.['application/json'];
        if (!/^2\d\d$/.test(status) || !media?.schema) continue;
        const values = media.example !== undefined ? [media.example] : Object.values(media.examples ?? {}).map((e) => e.value);
        for (const value of values) out.push({ method, path, status: Number(status), value, media });
        if (values.length === 0) out.push({ method, path, status: Number(status), value: undefined, media });
      }
    }
  }
  return out;
}

describe('success examples in the contract', () => {
  let validator: ContractValidator;
  beforeAll(async () => {
    validator = await ContractValidator.fromFile(SPEC);
  });

  it('every JSON success answer has an example', () => {
    const missing = successExamples().filter((e) => e.value === undefined).map((e) => `${e.method.toUpperCase()} ${e.path} ${e.status}`);
    expect(missing).toEqual([]);
  });

  it('every example is valid against its own schema (so a client generated from it can trust it)', () => {
    const violations = successExamples().flatMap((e) =>
      validator
        .check({
          method: e.method.toUpperCase(),
          url: `http://example.test${e.path.replace(/\{[^}]+\}/g, 'x')}`,
          status: e.status,
          headers: new Headers({ 'content-type': 'application/json' }),
          body: JSON.stringify(e.value),
        })
        .filter((v) => !v.pointer.startsWith('/headers/'))
        .map(formatViolation),
    );
    expect(violations).toEqual([]);
  });

  it('generates plausible values by property name, not "string"', () => {
    const doc: SpecWithPaths = {
      openapi: '3.0.0',
      paths: {
        '/x': {
          get: {
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: {
                        id: { type: 'string' },
                        slug: { type: 'string' },
                        publishedAt: { type: 'string', format: 'date-time' },
                        liveUrl: { type: 'string' },
                        port: { type: 'number' },
                        status: { type: 'string', enum: ['running', 'stopped'] },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    const example = (addSuccessExamples(doc).paths['/x']!.get!.responses!['200']!.content!['application/json'] as Media).example as Record<string, unknown>;
    expect(example.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(example.slug).toBe('hello-world');
    expect(Date.parse(example.publishedAt as string)).not.toBeNaN();
    expect(example.liveUrl).toMatch(/^https:\/\//);
    expect(example.port).toBe(3000);
    expect(example.status).toBe('running');
  });
});
