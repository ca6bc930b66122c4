import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { OPENAPI_PATH } from '../../src/app.js';
import { doc } from '../content-helpers.js';

/**
 * The published contract (openapi/openapi.json) turned into fast-check arbitraries: every operation
 * with its parameters and body schema, values a schema accepts, values tsoa's validator must refuse
 * for it, and the hostile strings the fuzz suite (fuzz.test.ts) puts into fields.
 */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
}

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  id: string;
  method: string;
  /** The OpenAPI path template, e.g. `/api/v1/admin/posts/{postId}`. */
  path: string;
  secured: boolean;
  params: Param[];
  body?: { contentType: string; schema: Schema };
}

interface Spec {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        security?: unknown[];
        parameters?: Param[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

const spec = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as Spec;

export function loadOperations(): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = Object.entries(op.requestBody?.content ?? {})[0];
      return {
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        secured: (op.security ?? []).length > 0,
        params: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          required: Boolean(p.required),
          schema: p.schema,
        })),
        ...(content ? { body: { contentType: content[0], schema: content[1].schema } } : {}),
      };
    }),
  );
}

export function refName(schema: Schema): string | undefined {
  return schema.$ref?.split('/').pop();
}

/** Follows `$ref`s and single-entry `allOf`s to the schema that says what a value must be. */
export function resolve(schema: Schema): Schema {
  let s = schema;
  for (let hops = 0; hops < 10; hops++) {
    if (s.$ref) s = { ...spec.components.schemas[refName(s)!]!, ...(s.nullable ? { nullable: true } : {}) };
    else if (s.allOf?.length === 1) s = { ...s.allOf[0]!, ...(s.nullable ? { nullable: true } : {}) };
    else return s;
  }
  throw new Error('schema $ref chain too long');
}

/** A schema any JSON value satisfies (`{}`, `unknown`), or a recursive node type with open extras. */
export function isFreeForm(schema: Schema): boolean {
  const s = resolve(schema);
  return !s.type && !s.properties && !s.enum && !s.items;
}

// ---------- hostile strings ----------

/** Lone surrogates, NUL, bidi overrides, combining marks, emoji (ZWJ sequences), Turkish İ/ı, BOM, line separators. */
export const UNICODE_EDGES = [
  '\uD800',
  '\uDFFF',
  'a\uD83D',
  '\uDE00b',
  '\u0000',
  'a\u0000b',
  '\u202Eexe.fdp\u202C',
  '\u2066x\u2069',
  '\u200F\u200E',
  'e\u0301',
  '\u0301',
  'Z\u0351\u0352\u0357\u0358\u0359\u035A\u035B\u035C',
  '😀',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇹🇷',
  'İ',
  'ı',
  'İSTANBUL ıi İI',
  'Fotoğraf Şeker Çiçek Güneş',
  'ǅ ß ﬃ',
  '\uFEFF',
  '\u200B',
  '\uFFFD',
  '\uFFFF',
  '\u{10FFFF}',
  '\r\n',
  '\t',
  '\u2028\u2029',
  '\u0085',
  '\u001B[31m',
  ' ',
  '',
];

export const INJECTIONS = [
  "' OR 1=1 --",
  '" OR "1"="1',
  "'; DROP TABLE users; --",
  "' UNION SELECT password_hash FROM users --",
  "1' AND SLEEP(5)#",
  "%' AND 1=1 AND '%'='",
  '\\',
  "\\'",
  '{{7*7}}',
  '${7*7}',
  '<%= 7*7 %>',
  '#{7*7}',
  "{{constructor.constructor('return process')()}}",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'toString',
  '*',
  '+foo -bar',
  '"unterminated',
  '(',
  '@@version',
  '~',
  '>',
  '%',
  '_',
  'NULL',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
];

/** Path fragments, already in wire form: raw dot segments, encoded dots and slashes, double encoding, overlong UTF-8. */
export const TRAVERSALS = [
  '..',
  '../',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  '%2e%2e/',
  '%2E%2E',
  '..%5C..%5Cwindows',
  '%252e%252e%252f',
  '....//',
  '..;',
  '.%00.',
  '%00',
  '%2F',
  'a%2Fb',
  '%c0%ae%c0%ae%2F',
  '%',
  '%E0%A4%A',
  '%ED%A0%80',
  '%FF',
  '..%00',
  '%u002e%u002e',
];

export const unicodeString: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...UNICODE_EDGES), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
);
export const injectionString: fc.Arbitrary<string> = fc.constantFrom(...INJECTIONS);
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  unicodeString,
  injectionString,
  fc.tuple(injectionString, unicodeString).map(([a, b]) => a + b),
);

/** A string of `min`–`max` UTF-8 bytes (so a JSON body of it stays under or goes over BODY_LIMIT as meant). */
export function hugeString(minBytes: number, maxBytes: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: minBytes, max: maxBytes }), fc.constantFrom('a', 'İ', 'ı😀', 'ş\u0301', "'"))
    .map(([bytes, chunk]) => chunk.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(chunk)))));
}

/** encodeURIComponent, except that a lone surrogate becomes its 3-byte (invalid UTF-8) form instead of throwing. */
export function encodeRaw(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair =
      c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
    if (pair) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(s[i]!);
    }
  }
  return out;
}

// ---------- deep nesting (raw text: JSON.stringify itself overflows the stack at this depth) ----------

export const deepArrayText = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

export const deepLexicalText = (depth: number): string =>
  '{"root":{"type":"root","children":[' +
  '{"type":"paragraph","children":['.repeat(depth) +
  '{"type":"text","text":"x"}' +
  ']}'.repeat(depth) +
  ']}}';

// ---------- values a schema accepts ----------

const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
const word = (min: number, max: number) => fc.string({ unit: lower, minLength: min, maxLength: max });
const uniq = word(8, 8);

/** Where webhooks point: the discard port on loopback, allowed by the fuzz API's WEBHOOK_ALLOWED_PRIVATE_HOSTS. */
export const WEBHOOK_SINK = '127.0.0.1:9';
/** Optional keys always sent: a webhook left out of `active` would be active, and a later test's worker would deliver to it. */
const ALWAYS_SENT = ['active'];

/**
 * Values named by their key where a random value of the right type would make the service refuse
 * the request for another reason than the one under test (an unknown media id, a weak password, a
 * host that must resolve) — or would do harm: never the fuzzing admin's real password; webhooks
 * are created inactive and point at a port nothing listens on; PaaS apps at a literal public
 * address (no DNS; they are never deployed).
 */
function byName(key: string | undefined, s: Schema): fc.Arbitrary<unknown> | undefined {
  if (!key) return undefined;
  if (/^(password|currentPassword|newPassword)$/.test(key)) return uniq.map((u) => `not-the-password-${u}-Q7!`);
  if (/email$/i.test(key) && s.type === 'string') return uniq.map((u) => `fuzz-${u}@example.org`);
  if (key === 'url') return fc.constant(`http://${WEBHOOK_SINK}/omervision-fuzz`);
  if (key === 'repoUrl') return fc.constant('https://93.184.215.14/omervision-fuzz.git');
  if (/^(liveUrl|canonicalUrl)$/.test(key)) return fc.constant(s.nullable ? null : 'https://example.org/fuzz');
  if (key === 'active') return fc.constant(false);
  if (key === 'scopes') return fc.constant(['content:read']);
  if (key === 'imageIds') return fc.constant([]);
  if (/MediaId$/.test(key)) return fc.constant(null);
  if (key === 'branch') return fc.constant('main');
  if (key === 'locale') return fc.constant('tr-TR');
  if (key === 'version') return fc.constant(1);
  if (/(At|Since)$/.test(key) && s.type === 'string')
    return fc.constant(new Date(Date.now() + 86_400_000 * 365).toISOString());
  if (key === 'author' && s.nullable) return fc.constant(null);
  return undefined;
}

/**
 * A value `schema` accepts. `hostile`: free-text leaves (no pattern, format or enum), Lexical text
 * and map keys are drawn from the hostile strings a third of the time, anywhere in the tree.
 */
export function validValue(schema: Schema, key?: string, hostile = false): fc.Arbitrary<unknown> {
  const text = (min: number, max: number) =>
    hostile
      ? fc.oneof({ weight: 2, arbitrary: word(min, max) }, { weight: 1, arbitrary: hostileString })
      : word(min, max);
  if (refName(schema) === 'LexicalDocument') return text(1, 12).map((t) => doc(t || 'x'));
  const s = resolve(schema);
  const named = byName(key, s);
  if (named) return named;
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string': {
      if (s.format === 'date-time') return fc.constant(new Date(Date.now() + 86_400_000 * 365).toISOString());
      const min = Math.max(1, s.minLength ?? 1);
      const max = Math.max(min, Math.min(s.maxLength ?? 16, 16));
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        // Plain words fit most patterns (slugs, triggers, release names) and cost far less than stringMatching.
        if (['a', 'fuzz1', 'abc123'].every((v) => re.test(v))) return word(min, max).filter((v) => re.test(v));
        return fc
          .stringMatching(re, { size: 'xsmall' })
          .filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? 64));
      }
      return text(min, max);
    }
    case 'integer':
    case 'number':
      return fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 1000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(s.items ?? {}, undefined, hostile), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 1, 1)),
      });
    case 'object':
    default: {
      if (s.properties) {
        const required = [...(s.required ?? []), ...ALWAYS_SENT.filter((k) => k in s.properties!)];
        const model = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, validValue(v, k, hostile)]));
        return fc.record(model, { requiredKeys: required });
      }
      if (typeof s.additionalProperties === 'object' && !isFreeForm(s.additionalProperties)) {
        const name = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,7}$/);
        return fc.dictionary(
          hostile ? fc.oneof(name, hostileString) : name,
          validValue(s.additionalProperties, undefined, hostile),
          { maxKeys: 2 },
        );
      }
      return fc.constant({});
    }
  }
}

/** The object a body schema needs: every required field, and `include`d optional ones. */
export function baseBody(schema: Schema, include: string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const s = resolve(schema);
  const keys = new Set([...(s.required ?? []), ...ALWAYS_SENT, ...include]);
  const model = Object.fromEntries(
    Object.entries(s.properties ?? {})
      .filter(([k]) => keys.has(k))
      .map(([k, v]) => [k, validValue(v, k)]),
  );
  return fc.record(model) as fc.Arbitrary<Record<string, unknown>>;
}

// ---------- values tsoa must refuse ----------

/**
 * Values the generated validator refuses for `schema`, with our tsoa settings in mind: `bodyCoercion`
 * turns "12" into 12, "true" and null into booleans, and wraps a lone value into a one-item array,
 * so none of those are "wrong". Empty when nothing is wrong for the schema (free-form values).
 */
export function wrongValues(schema: Schema): unknown[] {
  if (isFreeForm(schema)) return [];
  const s = resolve(schema);
  const nul = s.nullable ? [] : [null];
  if (s.enum) return ['zz-not-one-of-them', 42, { a: 1 }, ...nul];
  switch (s.type) {
    case 'string':
      return [
        42,
        true,
        { a: 1 },
        [{ a: 1 }],
        ...nul,
        ...(s.maxLength !== undefined ? ['x'.repeat(s.maxLength + 1)] : []),
        ...((s.minLength ?? 0) > 0 ? [''] : []),
        ...(s.pattern ? ['!! <not> matching !!'] : []),
        ...(s.format === 'date-time' ? ['not-a-date'] : []),
      ];
    case 'integer':
      return [
        'abc',
        1.5,
        { a: 1 },
        true,
        [],
        ...nul,
        ...(s.minimum !== undefined ? [s.minimum - 1] : []),
        ...(s.maximum !== undefined ? [s.maximum + 1] : []),
      ];
    case 'number':
      return ['abc', { a: 1 }, true, ...nul];
    case 'boolean':
      return ['maybe', 2, { a: 1 }, [1]];
    case 'array':
      return [
        ...wrongValues(s.items ?? {}).filter((v) => v !== null && typeof v !== 'object' && typeof v !== 'string'),
        ...(isFreeForm(s.items ?? {}) ? [] : [[{ deeply: { wrong: [1] } }]]),
        ...((s.minItems ?? 0) > 0 ? [[]] : []),
      ].filter((v, i, all) => all.indexOf(v) === i);
    default:
      if (s.properties && (s.required?.length ?? 0) === 0 && Object.keys(s.properties).length === 0) return [];
      return ['a string', 42, true, ...nul];
  }
}

export interface Field {
  /** Key path from the body root, e.g. ['site', 'title']. */
  path: string[];
  schema: Schema;
  required: boolean;
}

/** Top-level fields of a body schema, and the fields of its nested object literals (one level). */
export function bodyFields(schema: Schema): Field[] {
  const s = resolve(schema);
  return Object.entries(s.properties ?? {}).flatMap(([key, child]) => {
    const top: Field = { path: [key], schema: child, required: (s.required ?? []).includes(key) };
    const inner =
      !child.$ref && child.properties
        ? Object.entries(child.properties).map(([k, v]) => ({
            path: [key, k],
            schema: v,
            required: (child.required ?? []).includes(k),
          }))
        : [];
    return [top, ...inner];
  });
}

/** A deep copy of `obj` with `value` at `path`, creating the nested objects the path needs. */
export function setAt(obj: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(obj);
  let cursor = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof cursor[key] !== 'object' || cursor[key] === null) cursor[key] = {};
    cursor = cursor[key] as Record<string, unknown>;
  }
  cursor[path[path.length - 1]!] = value;
  return copy;
}

/** The same object without the key at `path`. */
export function without(obj: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const copy = structuredClone(obj);
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string, unknown>;
  delete cursor[path[path.length - 1]!];
  return copy;
}

/** JSON text of `base` with raw JSON text at `path` (for values JSON.stringify cannot write, e.g. 20,000 levels deep). */
export function withRaw(base: Record<string, unknown>, path: string[], raw: string): string {
  const marker = '__fuzz_raw_value__';
  return JSON.stringify(setAt(base, path, marker)).replace(JSON.stringify(marker), () => raw);
}

/** `{"k":first,"k":last,…rest}` as text: JSON.parse keeps the last value. */
export function duplicateKey(rest: Record<string, unknown>, key: string, first: string, last: string): string {
  const tail = JSON.stringify(rest).slice(1);
  return `{${JSON.stringify(key)}:${first},${JSON.stringify(key)}:${last}${tail === '}' ? '}' : `,${tail}`}`;
}
