import http from 'node:http';
import mysql from 'mysql2/promise';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedisPrefix } from '../env.js';
import { createUser, login } from '../factories.js';
import { freshDatabase, startTestApi, type TestApi } from '../harness.js';
import { record } from './ledger.js';
import {
  TRAVERSALS,
  WEBHOOK_SINK,
  baseBody,
  bodyFields,
  deepArrayText,
  deepLexicalText,
  encodeRaw,
  hostileString,
  hugeString,
  isFreeForm,
  loadOperations,
  duplicateKey,
  refName,
  resolve,
  setAt,
  unicodeString,
  validValue,
  withRaw,
  without,
  wrongValues,
  type Field,
  type Operation,
  type Schema,
} from './openapi-arbitraries.js';

/**
 * Bad input against every operation of the published contract (issue #9, part 3). Requests are
 * generated from openapi/openapi.json by fast-check and sent, byte for byte (raw paths, duplicate
 * keys, bodies on GETs), to the real app over HTTP, as a signed-in admin (so admin routes reach
 * validation; bearer tokens need no CSRF token) and, for a share of them, anonymously.
 *
 * Two batches:
 * - rejected: inputs that are invalid by construction (wrong types, missing/extra fields, duplicate
 *   keys whose last value is wrong, malformed JSON, wrong content types, bodies over BODY_LIMIT,
 *   5,000+ deep nesting where no nesting is allowed, ids that do not exist, traversal in ids). Every
 *   answer must be a 4xx, and a checksum of every table must not change across the batch.
 * - explored: valid-shaped requests carrying hostile strings, huge strings and deep documents where
 *   the contract allows them. These may be accepted (rows get created), so only "never a 5xx, every
 *   4xx a problem document" is checked.
 *
 * FUZZ_SEED reproduces a run (printed at the start); FUZZ_RUNS / FUZZ_HEAVY_RUNS set the runs per
 * operation and family (the heavy families send up to 1.5 MB per request).
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const HEAVY_RUNS = Number(process.env.FUZZ_HEAVY_RUNS ?? 3);
const KB = 1024;
const BODY_LIMIT = 1024 * KB; // testEnv's default BODY_LIMIT (1mb)

/**
 * Operations the explored batch leaves out, and why. The rejected batch still sends every one of
 * them malformed, oversized and (where they have ids) garbage-id requests. A new route that is not
 * explored fails the first test until it is added here, so nothing is skipped silently.
 * - id-only: the only input is the id in the path; garbage and unknown ids are in the rejected
 *   batch, and a valid id would run the action for real (delete, publish, deploy, rotate a secret).
 * - no-input: nothing to vary; a valid-shaped call queues a site build or a backup, ends the
 *   fuzzing admin's session (logout) or replaces its pending TOTP secret.
 * - multipart: the input is a file upload, fuzzed with wrong content types and garbage multipart.
 */
const NOT_EXPLORED: Record<string, 'id-only' | 'no-input' | 'multipart'> = {
  WebhooksRemove: 'id-only',
  WebhooksRotateSecret: 'id-only',
  WebhooksReplay: 'id-only',
  UsersRemove: 'id-only',
  TaxonomyDeleteSkill: 'id-only',
  TaxonomyDeleteTag: 'id-only',
  PostsRemove: 'id-only',
  PostsPublish: 'id-only',
  PostsUnpublish: 'id-only',
  PostsArchive: 'id-only',
  PostsRestore: 'id-only',
  PostsPreviewLink: 'id-only',
  PaasRemove: 'id-only',
  PaasDeploy: 'id-only',
  PaasStop: 'id-only',
  PaasStart: 'id-only',
  PaasRestart: 'id-only',
  PaasRotateHookSecret: 'id-only',
  PublicPaasHook: 'id-only',
  MessagesRemove: 'id-only',
  ProjectsRemove: 'id-only',
  ProjectsPublish: 'id-only',
  ProjectsUnpublish: 'id-only',
  PagesRemove: 'id-only',
  PagesPublish: 'id-only',
  PagesUnpublish: 'id-only',
  AuthRevokeSession: 'id-only',
  ApiKeysRevoke: 'id-only',
  PostsDiscardPending: 'id-only',
  PaasRegenerateDeployKey: 'id-only',
  PaasResetHostKey: 'id-only',
  PaasEnvRemove: 'id-only',
  AuthRevokeOtherSessions: 'no-input',
  SiteBuildsRebuild: 'no-input',
  OpsRequestBackup: 'no-input',
  AuthLogout: 'no-input',
  AuthTotpEnroll: 'no-input',
  MediaUpload: 'multipart',
  ContentTransferImportGhost: 'multipart',
};

/**
 * Tables left out of the before/after checksum: none. Rejected requests never reach a write: the
 * access token is checked against Redis only (no session row is touched), rate limits and login
 * attempt counters live in Redis, and audit rows are written only by actions that succeed (or by a
 * login lockout, which needs a well-formed login body — never sent in the rejected batch).
 */
const EXCLUDED_TABLES: string[] = [];

type Batch = 'rejected' | 'explored';

interface Parts {
  path?: string;
  query?: string;
  body?: string | Buffer;
  /** null: send no content-type header. */
  contentType?: string | null;
  /** The input made invalid: a 422 must name it. */
  target?: string;
  /** Inputs the request carries: a 422 without `target` must name one of them. */
  names?: string[];
}

interface Probe extends Parts {
  family: string;
  op: Operation;
  anonymous: boolean;
}

interface Family {
  name: string;
  batch: Batch;
  runs: number;
  applies(op: Operation): boolean;
  parts(op: Operation): fc.Arbitrary<Parts>;
}

const operations = loadOperations();
const json = (op: Operation) => op.body?.contentType === 'application/json';
const multipart = (op: Operation) => op.body?.contentType === 'multipart/form-data';
const pathParams = (op: Operation) => op.params.filter((p) => p.in === 'path');
const queryParams = (op: Operation) => op.params.filter((p) => p.in === 'query');
const fields = (op: Operation): Field[] => (json(op) ? bodyFields(op.body!.schema) : []);
const wrongable = (op: Operation) => fields(op).filter((f) => wrongValues(f.schema).length > 0);
const stringish = (f: Field) => {
  const s = resolve(f.schema);
  return s.type === 'string' || (s.type === 'array' && resolve(s.items ?? {}).type === 'string');
};
/** Whether a 100 KB+ string is wrong for the field whatever it holds (bodyCoercion wraps a lone string into an array). */
const hugeRefused = (schema: Schema): boolean => {
  if (isFreeForm(schema)) return false;
  const s = resolve(schema);
  if (s.enum) return true;
  if (s.type === 'string') return s.maxLength !== undefined && s.maxLength < 100 * KB;
  if (s.type === 'array') return hugeRefused(s.items ?? {});
  return true;
};
const deepFields = (op: Operation) =>
  fields(op).filter((f) => f.path.length === 1 && (refName(f.schema) === 'LexicalDocument' || isFreeForm(f.schema)));
const explored = (op: Operation) => json(op) || op.method === 'GET' || queryParams(op).length > 0;

const text = (body: unknown) => JSON.stringify(body);
const pick = <T>(items: T[]) => fc.constantFrom(...items);
const last = (path: string[]) => path[path.length - 1]!;
const bodyArb = (op: Operation, include: string[] = []) => baseBody(op.body!.schema, include);

const MALFORMED = [
  '{',
  '{"a":}',
  "{'a':1}",
  '{"a":1,}',
  '[1,2',
  '{"a":1}}',
  'NaN',
  '"just a string"',
  '42',
  'true',
  'null',
  '\uFEFF{"a":1',
  '{"a":"\u0000',
  '{"a":1}{"b":2}',
  '<xml/>',
  '{"a":undefined}',
  '{"a":0x10}',
  '{a:1}',
  '{"a":"\\x41"}',
];
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'text/html; charset=utf-8',
  'application/json; charset=utf-16',
  'application/octet-stream',
  null,
];
const BAD_IDS = [
  '0',
  '-1',
  'true',
  'null',
  'undefined',
  '1e309',
  '[object Object]',
  'ZZZZZZZZ-0000-0000-0000-000000000000',
  `${'9'.repeat(400)}`,
];
const EXTRA_KEYS = ['__proto__', 'constructor', 'isAdmin', 'id', 'createdBy', 'passwordHash', 'x-İı', '\u202Efield'];
const QUERY_WRONG: Record<string, string[]> = {
  integer: ['abc', '1.5', '', '0x10', '1e400', '-5', '0', '999999999999999999999', '%00'],
  boolean: ['maybe', '2', 'yes', '', '%00'],
  enum: ['zz-not-one-of-them', '', '%27%20OR%201%3D1'],
};

function queryWrong(op: Operation): fc.Arbitrary<Parts> | undefined {
  const params = queryParams(op);
  if (!params.length) return undefined;
  return pick(params).chain((p) => {
    const s = resolve(p.schema);
    // A repeated key arrives as an array, which no scalar parameter accepts.
    const values = s.enum
      ? QUERY_WRONG.enum!
      : s.type === 'integer' || s.type === 'boolean'
        ? QUERY_WRONG[s.type]!
        : [];
    const wrong = values.map((v) => `${p.name}=${v}`).concat(`${p.name}=a&${p.name}=b`);
    return pick(wrong).map((query) => ({ query, target: p.name }));
  });
}

const families: Family[] = [
  // ----- rejected by construction -----
  {
    name: 'malformed-json',
    batch: 'rejected',
    runs: RUNS,
    applies: () => true,
    parts: (op) =>
      fc
        .oneof(
          pick(MALFORMED),
          (json(op) ? bodyArb(op) : fc.constant({ a: 1 })).chain((b) =>
            fc.nat().map((n) => text(b).slice(0, 1 + (n % Math.max(1, text(b).length - 1)))),
          ),
        )
        .map((body) => ({ body, contentType: 'application/json', target: 'body' })),
  },
  {
    name: 'oversize',
    batch: 'rejected',
    runs: HEAVY_RUNS,
    applies: () => true,
    parts: () =>
      hugeString(BODY_LIMIT + KB, 1536 * KB).map((s) => ({ body: text({ x: s }), contentType: 'application/json' })),
  },
  {
    name: 'wrong-content-type',
    batch: 'rejected',
    runs: RUNS,
    applies: (op) => Boolean(op.body),
    parts: (op) =>
      fc
        .tuple(
          json(op) ? bodyArb(op) : fc.constant({ file: 'x' }),
          pick(multipart(op) ? [...WRONG_CONTENT_TYPES, 'application/json'] : WRONG_CONTENT_TYPES),
        )
        // An upload route answers for `file`, unless the declared charset garbles the JSON first (400 for `body`).
        .map(([b, contentType]) => ({
          body: text(b),
          contentType,
          target: multipart(op) && !contentType?.includes('utf-16') ? 'file' : 'body',
        })),
  },
  {
    name: 'wrong-type',
    batch: 'rejected',
    runs: RUNS,
    applies: (op) => wrongable(op).length > 0 || queryWrong(op) !== undefined,
    parts: (op) =>
      fc.oneof(
        ...(wrongable(op).length
          ? [
              pick(wrongable(op)).chain((f) =>
                fc
                  .tuple(bodyArb(op, [f.path[0]!]), pick(wrongValues(f.schema)))
                  .map(([b, v]) => ({ body: text(setAt(b, f.path, v)), target: last(f.path) })),
              ),
            ]
          : []),
        ...(queryWrong(op)
          ? [
              queryWrong(op)!.chain((q) =>
                (json(op) ? bodyArb(op) : fc.constant(undefined)).map((b) => ({
                  ...q,
                  ...(b ? { body: text(b) } : {}),
                })),
              ),
            ]
          : []),
      ),
  },
  {
    name: 'missing-required',
    batch: 'rejected',
    runs: RUNS,
    applies: (op) => fields(op).some((f) => f.required) || queryParams(op).some((p) => p.required),
    parts: (op) =>
      fc.oneof(
        ...(fields(op).some((f) => f.required)
          ? [
              pick(fields(op).filter((f) => f.required)).chain((f) =>
                bodyArb(op, [f.path[0]!]).map((b) => ({ body: text(without(b, f.path)), target: last(f.path) })),
              ),
            ]
          : []),
        ...(queryParams(op).some((p) => p.required)
          ? [pick(queryParams(op).filter((p) => p.required)).map((p) => ({ target: p.name }))]
          : []),
      ),
  },
  {
    name: 'extra-field',
    batch: 'rejected',
    runs: RUNS,
    applies: json,
    parts: (op) =>
      fc
        .tuple(
          bodyArb(op),
          pick(EXTRA_KEYS.filter((k) => !fields(op).some((f) => f.path[0] === k))),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([b, key, v]) => ({
          body: `{${JSON.stringify(key)}:${text(v ?? null)}${text(b) === '{}' ? '}' : `,${text(b).slice(1)}`}`,
          target: key,
        })),
  },
  {
    name: 'duplicate-keys',
    batch: 'rejected',
    runs: RUNS,
    applies: (op) => wrongable(op).some((f) => f.path.length === 1),
    parts: (op) =>
      pick(wrongable(op).filter((f) => f.path.length === 1)).chain((f) =>
        fc
          .tuple(bodyArb(op, [f.path[0]!]), validValue(f.schema, f.path[0]), pick(wrongValues(f.schema)))
          .map(([b, ok, bad]) => ({
            body: duplicateKey(without(b, f.path), f.path[0]!, text(ok), text(bad)),
            target: f.path[0],
          })),
      ),
  },
  {
    name: 'deep-nesting',
    batch: 'rejected',
    runs: HEAVY_RUNS * 2,
    applies: json,
    parts: (op) => {
      const scalar = wrongable(op).filter((f) => f.path.length === 1);
      return fc
        .tuple(
          fc.integer({ min: 5000, max: 20_000 }),
          scalar.length ? fc.option(pick(scalar), { freq: 2 }) : fc.constant(null),
          bodyArb(op),
        )
        .map(([depth, f, b]) =>
          f
            ? { body: withRaw(b, f.path, deepArrayText(depth)), target: last(f.path) }
            : { body: deepArrayText(depth), target: 'body' },
        );
    },
  },
  {
    name: 'huge-string',
    batch: 'rejected',
    runs: HEAVY_RUNS,
    applies: (op) => fields(op).some((f) => hugeRefused(f.schema)),
    parts: (op) =>
      pick(fields(op).filter((f) => hugeRefused(f.schema))).chain((f) =>
        fc
          .tuple(bodyArb(op, [f.path[0]!]), hugeString(100 * KB, 1536 * KB))
          .map(([b, s]) => ({ body: text(setAt(b, f.path, s)), target: last(f.path) })),
      ),
  },
  {
    name: 'path-garbage',
    batch: 'rejected',
    runs: RUNS,
    applies: (op) => pathParams(op).length > 0,
    parts: (op) =>
      fc
        .tuple(
          pick(pathParams(op)),
          fc.oneof(
            pick(TRAVERSALS),
            pick(BAD_IDS.map(encodeRaw)),
            hostileString.filter((s) => s.length > 0).map(encodeRaw),
          ),
          json(op) ? bodyArb(op).map(text) : fc.constant(undefined),
        )
        .map(([p, garbage, body]) => ({
          path: op.path.replace(`{${p.name}}`, garbage),
          ...(body ? { body } : {}),
          names: [p.name],
        })),
  },
  {
    name: 'multipart-garbage',
    batch: 'rejected',
    runs: RUNS,
    applies: multipart,
    parts: () =>
      fc
        .tuple(
          fc.uint8Array({ minLength: 1, maxLength: 4096 }),
          pick(['file', 'image', 'file']),
          unicodeString,
          pick(['ok', 'wrong-boundary', 'truncated'] as const),
        )
        .map(([bytes, field, name, shape]) => {
          const head = `--fuzzb\r\nContent-Disposition: form-data; name="${field}"; filename="${name.replace(/["\r\n]/g, '_')}.png"\r\nContent-Type: image/png\r\n\r\n`;
          const full = Buffer.concat([
            Buffer.from(head),
            Buffer.from([0, 0xff]),
            bytes,
            Buffer.from(shape === 'truncated' ? '' : '\r\n--fuzzb--\r\n'),
          ]);
          return {
            body: full,
            contentType: `multipart/form-data; boundary=${shape === 'wrong-boundary' ? 'other' : 'fuzzb'}`,
            names: ['file', field],
          };
        }),
  },
  // ----- explored: may be accepted -----
  {
    name: 'hostile-strings',
    batch: 'explored',
    runs: RUNS,
    applies: (op) => json(op) && fields(op).some(stringish),
    parts: (op) =>
      pick(fields(op).filter(stringish)).chain((f) =>
        fc.tuple(bodyArb(op, [f.path[0]!]), hostileString).map(([b, s]) => {
          const value = resolve(f.schema).type === 'array' ? [s] : s;
          return { body: text(setAt(b, f.path, value)), names: Object.keys(b) };
        }),
      ),
  },
  {
    name: 'hostile-leaves',
    batch: 'explored',
    runs: RUNS,
    applies: json,
    parts: (op) =>
      validValue(op.body!.schema, undefined, true).map((b) => ({ body: text(b), names: Object.keys(b as object) })),
  },
  {
    name: 'huge-accepted',
    batch: 'explored',
    runs: HEAVY_RUNS,
    applies: (op) => json(op) && fields(op).some(stringish),
    parts: (op) =>
      pick(fields(op).filter(stringish)).chain((f) =>
        fc.tuple(bodyArb(op, [f.path[0]!]), hugeString(100 * KB, 900 * KB)).map(([b, s]) => {
          const value = resolve(f.schema).type === 'array' ? [s] : s;
          return { body: text(setAt(b, f.path, value)), names: Object.keys(b) };
        }),
      ),
  },
  {
    name: 'deep-accepted',
    batch: 'explored',
    runs: HEAVY_RUNS * 2,
    applies: (op) => json(op) && deepFields(op).length > 0,
    parts: (op) =>
      pick(deepFields(op)).chain((f) =>
        fc.tuple(bodyArb(op, [f.path[0]!]), fc.integer({ min: 5000, max: 20_000 })).map(([b, depth]) => ({
          body: withRaw(
            b,
            f.path,
            refName(f.schema) === 'LexicalDocument' ? deepLexicalText(depth) : deepArrayText(depth),
          ),
          names: Object.keys(b),
        })),
      ),
  },
  {
    name: 'hostile-query',
    batch: 'explored',
    runs: RUNS,
    applies: (op) => explored(op) && !json(op),
    parts: (op) =>
      fc
        .tuple(
          fc.subarray(queryParams(op).map((p) => p.name)),
          fc.array(
            fc.tuple(fc.oneof(hostileString, fc.constantFrom('__proto__', 'limit[]', 'q[$ne]')), hostileString),
            { maxLength: 2 },
          ),
          fc.oneof(
            hostileString.map(encodeRaw),
            pick(TRAVERSALS),
            hugeString(KB, 4 * KB).map((v) =>
              encodeRaw(v)
                .slice(0, 4000)
                .replace(/%[0-9A-F]?$/i, ''),
            ),
          ),
        )
        .map(([names, extra, value]) => ({
          // Node answers 431 (before any app code) past 16 KB of headers: the huge value goes in once.
          query: [
            ...names.map((n, i) => `${n}=${i === 0 ? value : value.slice(0, 300).replace(/%[0-9A-F]?$/i, '')}`),
            ...extra.map(([k, v]) => `${encodeRaw(k)}=${encodeRaw(v)}`),
          ].join('&'),
          names: [...names, ...extra.map(([k]) => k)],
        })),
  },
];

// ---------- sending and judging ----------

let api: TestApi;
let database: Awaited<ReturnType<typeof freshDatabase>>;
let port: number;
let token: string;
let db: mysql.Connection;
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const tally = { requests: 0, status5xx: 0, rowsLost: 0 };
let waitedMs = 0;
const coverage = new Map<string, Map<string, number>>();

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function send(p: Probe): Promise<Answer> {
  const body = p.body === undefined ? undefined : Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body);
  const headers: Record<string, string> = {};
  if (body) {
    headers['content-length'] = String(body.length);
    if (p.contentType !== null) headers['content-type'] = p.contentType ?? 'application/json';
  }
  if (p.op.secured && !p.anonymous) headers.authorization = `Bearer ${token}`;
  const big = (body?.length ?? 0) > 256 * KB;
  tally.requests++;
  const perOp = coverage.get(p.op.id) ?? new Map<string, number>();
  coverage.set(p.op.id, perOp.set(p.family, (perOp.get(p.family) ?? 0) + 1));
  const t0 = Date.now();
  return new Promise<Answer>((resolvePromise, reject) => {
    const req = http.request(
      // A big body the server refuses early may never be read: its socket is not reused.
      {
        host: '127.0.0.1',
        port,
        method: p.op.method,
        path: p.path! + (p.query ? `?${p.query}` : ''),
        headers,
        agent: big ? false : agent,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if ((res.statusCode ?? 0) >= 500) tally.status5xx++;
          resolvePromise({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within 30 s`)));
    req.on('error', reject);
    req.end(body);
  }).finally(() => (waitedMs += Date.now() - t0));
}

/** Whether a 422's field is part of the request: `body`, a top-level key, a key anywhere in the body, or a parameter. */
function namesInput(field: string, names: string[], body: string): boolean {
  const rest = field.replace(/^(body|requestBody|query|path|params)\.?/, '');
  const segments = rest.split(/[.[\]]/).filter((x) => x && !/^\$?\d+$/.test(x));
  return (
    rest === '' ||
    names.includes(segments[0]!) ||
    names.includes(field) ||
    body.includes(`${JSON.stringify(segments[segments.length - 1])}:`)
  );
}

function verdict(p: Probe, batch: Batch, a: Answer): string | undefined {
  const where = `${p.op.method} ${p.path!.slice(0, 160)}${p.query ? `?${p.query.slice(0, 160)}` : ''} [${p.family}${p.target ? ` → ${p.target}` : ''}${p.anonymous ? ', anonymous' : ''}] → ${a.status}`;
  if (a.status >= 500) return `${where}: ${a.text.slice(0, 300)}`;
  if (batch === 'rejected' && a.status < 400) return `${where}: an input invalid by construction was accepted`;
  if (a.status < 400) return undefined;
  if (!/^application\/problem\+json/.test(a.contentType)) return `${where}: content-type ${a.contentType}`;
  let problem: { status?: unknown; title?: unknown; errors?: { field?: unknown; message?: unknown }[] };
  try {
    problem = JSON.parse(a.text);
  } catch {
    return `${where}: the problem document is not JSON`;
  }
  if (problem.status !== a.status || typeof problem.title !== 'string' || !problem.title)
    return `${where}: problem without status/title`;
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  // A 422 always names fields. Another 4xx may (400 for malformed or too deep JSON, 415 for an upload), and when it
  // answers an input made wrong on purpose it must name that one; a 409 may name a field derived from another (a slug).
  if (a.status !== 422 && (!errors.length || !p.target)) return undefined;
  if (!errors.length || !errors.every((e) => typeof e.field === 'string' && e.field))
    return `${where}: ${a.status} without per-field errors`;
  const named = p.target
    ? errors.some((e) => String(e.field).includes(p.target!) || String(e.message).includes(p.target!))
    : errors.some((e) =>
        namesInput(String(e.field), [...(p.names ?? []), ...p.op.params.map((x) => x.name)], String(p.body ?? '')),
      );
  return named
    ? undefined
    : `${where}: the problem does not name ${p.target ?? 'an input of the request'}: ${JSON.stringify(errors).slice(0, 300)}`;
}

function probes(op: Operation, family: Family): fc.Arbitrary<Probe> {
  const ids = fc.tuple(
    ...pathParams(op).map((p) =>
      /slug/i.test(p.name) ? fc.uuid().map((u) => `fuzz-missing-${u.slice(0, 8)}`) : fc.uuid(),
    ),
  );
  const anonymous = op.secured ? fc.integer({ min: 0, max: 5 }).map((n) => n === 0) : fc.constant(true);
  return fc.tuple(family.parts(op), ids, anonymous).map(([parts, values, anon]) => {
    let path = parts.path ?? op.path;
    pathParams(op).forEach((p, i) => (path = path.replace(`{${p.name}}`, values[i]!)));
    return { ...parts, path, family: family.name, op, anonymous: anon };
  });
}

function seedFor(label: string): number {
  let h = SEED | 0;
  for (const ch of label) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** Runs every family of a batch on every operation it applies to; returns the properties that failed. */
async function runBatch(batch: Batch): Promise<string[]> {
  const failures: string[] = [];
  for (const family of families.filter((f) => f.batch === batch)) {
    const [started, sent, waited] = [Date.now(), tally.requests, waitedMs];
    const slow: [number, string][] = [];
    for (const op of operations.filter((o) => family.applies(o) && (batch === 'rejected' || !(o.id in NOT_EXPLORED)))) {
      const seed = seedFor(`${family.name} ${op.id}`);
      const t0 = Date.now();
      const details = await fc.check(
        fc.asyncProperty(probes(op, family), async (p) => {
          const problem = verdict(p, batch, await send(p));
          if (problem) throw new Error(problem);
        }),
        { seed, numRuns: family.runs, endOnFailure: true },
      );
      slow.push([Date.now() - t0, op.id]);
      if (details.failed) {
        const error =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        failures.push(`${family.name} ${op.id}: ${error} (fc seed ${seed}, path ${details.counterexamplePath})`);
      }
    }
    console.log(
      `fuzz: ${batch}/${family.name}: ${tally.requests - sent} requests in ${Date.now() - started} ms (${waitedMs - waited} ms waiting) slowest ${slow
        .sort((a, b) => b[0] - a[0])
        .slice(0, 3)
        .map(([ms, id]) => `${id}=${ms}`)
        .join(' ')}`,
    );
  }
  return failures;
}

async function checksums(): Promise<Map<string, string>> {
  const [tables] = await db.query<mysql.RowDataPacket[]>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const names = tables.map((t) => String(t.name)).filter((n) => !EXCLUDED_TABLES.includes(n));
  const [rows] = await db.query<mysql.RowDataPacket[]>(
    `CHECKSUM TABLE ${names.map((n) => `\`${n}\``).join(', ')} EXTENDED`,
  );
  return new Map(rows.map((r) => [String(r.Table).split('.').pop()!, String(r.Checksum)]));
}

beforeAll(async () => {
  console.log(`fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} FUZZ_HEAVY_RUNS=${HEAVY_RUNS}`);
  // A database and Redis prefix of its own: the explored batch publishes posts full of hostile text, which
  // later tests (site builds, e2e) must not find in the shared test database or in the shared cache.
  database = await freshDatabase('fuzz');
  api = await startTestApi({
    DATABASE_URL: database.url,
    REDIS_KEY_PREFIX: `${testRedisPrefix()}fuzz${Date.now()}:`,
    WEBHOOK_ALLOWED_PRIVATE_HOSTS: WEBHOOK_SINK,
    // Bad logins and contact posts are part of the input; the limiters' own tests are elsewhere.
    RATE_LIMIT_LOGIN_PER_MIN: '100000',
    RATE_LIMIT_CONTACT_PER_HOUR: '100000',
  });
  port = Number(new URL(api.url).port);
  token = (await login(api, await createUser(api, 'admin'))).accessToken;
  db = await mysql.createConnection({ uri: database.url });
});

afterAll(async () => {
  record('fuzz', 'every operation × bad input (openapi-generated)', tally);
  agent.destroy();
  await db?.end();
  await api?.close();
  await database?.drop();
});

describe('fuzzing every operation of the contract with bad input', () => {
  it('knows every operation: all are fuzzed with rejected input, and the ones left out of exploring are exactly the listed ones', () => {
    expect(operations.length).toBeGreaterThan(100);
    const notExplored = operations
      .filter((op) => !explored(op) || multipart(op))
      .map((op) => op.id)
      .sort();
    expect(notExplored).toEqual(Object.keys(NOT_EXPLORED).sort());
    for (const op of operations) {
      const rejected = families.filter((f) => f.batch === 'rejected' && f.applies(op)).map((f) => f.name);
      expect(rejected, op.id).toEqual(expect.arrayContaining(['malformed-json', 'oversize']));
      if (json(op))
        expect(rejected, op.id).toEqual(expect.arrayContaining(['wrong-content-type', 'extra-field', 'deep-nesting']));
      if (pathParams(op).length) expect(rejected, op.id).toContain('path-garbage');
    }
  });

  it('rejected input: never a 5xx, always a problem document naming the field, and not one row changes', async () => {
    const before = await checksums();
    expect(before.size).toBeGreaterThan(20);
    expect([...before].filter(([, sum]) => !/^\d+$/.test(sum))).toEqual([]);
    const failures = await runBatch('rejected');
    const after = await checksums();
    const changed = [...before].filter(([table, sum]) => after.get(table) !== sum).map(([table]) => table);
    tally.rowsLost = changed.length;
    expect(failures).toEqual([]);
    expect(changed).toEqual([]);
    expect(operations.filter((op) => !coverage.get(op.id)?.get('malformed-json')).map((op) => op.id)).toEqual([]);
  }, 240_000);

  it('explored input (hostile, huge and deep values where the contract allows them): never a 5xx, every 4xx a problem document', async () => {
    const before = await checksums();
    const failures = await runBatch('explored');
    expect(failures).toEqual([]);
    // The checksum does see writes: accepted explored requests created rows.
    const after = await checksums();
    expect([...before].filter(([table, sum]) => after.get(table) !== sum).length).toBeGreaterThan(0);
    const exploredOps = operations.filter((op) => !(op.id in NOT_EXPLORED));
    expect(
      exploredOps
        .filter(
          (op) =>
            ![...(coverage.get(op.id)?.keys() ?? [])].some(
              (f) => families.find((x) => x.name === f)?.batch === 'explored',
            ),
        )
        .map((op) => op.id),
    ).toEqual([]);
  }, 240_000);
});
