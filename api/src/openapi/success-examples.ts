import { sample } from 'openapi-sampler';
import type { JSONSchema7 } from 'json-schema';

/**
 * Every success answer of the contract carries an example (issue #20: "its success example"). The
 * main public reads have hand-written ones (`@Example`, controllers/read-examples.ts); every other
 * JSON success answer without one gets an example generated from its schema here, at generation
 * time, with values that read like real data (ids, slugs, dates, URLs chosen by property name), so
 * a third party sees the shape with plausible values instead of `"string"`. A unit test validates
 * every example against its schema.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface MediaType {
  schema?: object;
  example?: unknown;
  examples?: Record<string, unknown>;
}
interface Operation {
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}
export interface SpecWithPaths {
  paths: Record<string, Record<string, Operation>>;
  [key: string]: unknown;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);
const ID = '0197a3c2-8000-7d00-9e00-0123456789ab';
const WHEN = '2026-11-02T09:30:00.000Z';

/** A plausible string for a property: by its name first, else the sampler's value (enums, formats, patterns). */
function stringFor(key: string, sampled: string): string {
  const k = key.toLowerCase();
  // camelCase names: `paasAppId`, `publishedAt` (not `format`, `valid`).
  if (k === 'id' || key.endsWith('Id')) return ID;
  if (key.endsWith('At') || key.endsWith('Date') || k === 'date') return WHEN;
  if (k.endsWith('url') || k === 'href' || k === 'location') return 'https://omervision.dev/blog/hello-world/';
  if (k.includes('email')) return 'ada@example.com';
  if (k === 'slug') return 'hello-world';
  if (sampled !== 'string') return sampled;
  if (k === 'branch') return 'main';
  if (k.includes('cursor')) return 'eyJwIjoiMjAyNi0xMS0wMlQwOTozMDowMC4wMDBaIn0';
  if (k === 'name' || k === 'title') return 'Hello, world';
  if (k.includes('command')) return 'npm start';
  if (k.includes('path') || k.includes('dir')) return '/';
  if (k.includes('version')) return '1.1.0';
  if (k.includes('message') || k.includes('description') || k.includes('excerpt') || k.includes('error')) {
    return 'A short, human sentence.';
  }
  if (k.includes('token') || k.includes('secret') || k.includes('key')) return 'ov_live_…';
  return 'text';
}

function numberFor(key: string, sampled: number): number {
  const k = key.toLowerCase();
  if (k === 'port' || k.endsWith('port')) return 3000;
  if (k === 'width') return 1200;
  if (k === 'height') return 630;
  if (k.includes('bytes') || k === 'size') return 48213;
  if (k.includes('percent')) return 12.5;
  if (k.endsWith('ms')) return 1250;
  if (k.includes('count') || k.includes('total') || k.includes('version') || k.includes('attempt')) return 3;
  return Number.isInteger(sampled) ? sampled : Math.round(sampled);
}

function isEmptyObject(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

function realistic(value: unknown, key = ''): Json {
  // A recursive schema (a Lexical node's children) is cut off by the sampler as `{}`: an empty list reads better and stays valid.
  if (Array.isArray(value)) return value.filter((item) => !isEmptyObject(item)).map((item) => realistic(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, realistic(v, k)]));
  }
  if (typeof value === 'string') return stringFor(key, value);
  if (typeof value === 'number') return numberFor(key, value);
  return (value ?? null) as Json;
}

/** Adds a generated `example` to every 2xx JSON answer that has a schema and no example of its own. */
export function addSuccessExamples<T extends SpecWithPaths>(spec: T): T {
  for (const item of Object.values(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^2\d\d$/.test(status)) continue;
        const json = response.content?.['application/json'];
        if (!json?.schema || json.example !== undefined || json.examples !== undefined) continue;
        json.example = realistic(sample(json.schema as JSONSchema7, { skipReadOnly: false, quiet: true, enablePatterns: true }, spec));
      }
    }
  }
  return spec;
}
