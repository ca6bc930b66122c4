/**
 * Breaking changes of the contract: compares openapi/openapi.json with the newest released spec
 * (openapi/released/<version>.json) and fails when a change would break a client — unless
 * `info.version` got a new major version AND docs/api-changelog.md names each change (its
 * operation, e.g. `DELETE /api/v1/admin/tags/{tagId}`) in the section of that version — or, for a
 * correction of the document to what the API already did, under `### Corrections` in the section
 * of any newer version.
 * Also refuses a `deprecated` operation without the `x-deprecated-at` and `x-sunset` dates its
 * Deprecation and Sunset headers are made from (api/src/middleware/deprecation.ts).
 * Part of `make openapi-check` (scripts/check-generated.sh). Policy: docs/api.md#versioning.
 *
 *   npx tsx scripts/openapi-breaking.ts              # check
 *   npx tsx scripts/openapi-breaking.ts --release    # after a release: keep the spec as openapi/released/<version>.json
 */
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';

type Schema = Record<string, unknown>;
type Doc = Record<string, unknown> & {
  info?: { version?: string };
  paths?: Record<string, Record<string, unknown>>;
  security?: unknown[];
};

export interface Change {
  rule:
    | 'removed-operation'
    | 'removed-success-status'
    | 'changed-auth'
    | 'new-required-parameter'
    | 'new-required-request-field'
    | 'narrowed-request'
    | 'removed-response-field'
    | 'changed-response-type'
    | 'removed-response-enum-value';
  /** `GET /api/v1/posts` — what the changelog must name. */
  operation: string;
  message: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const MAX_DEPTH = 12;

/** Every breaking change from `base` (released) to `head` (current); both already dereferenced. */
export function findBreakingChanges(base: Doc, head: Doc): Change[] {
  const changes: Change[] = [];
  for (const [path, baseItem] of Object.entries(base.paths ?? {})) {
    for (const method of METHODS) {
      const before = baseItem[method] as Schema | undefined;
      if (!before) continue;
      const operation = `${method.toUpperCase()} ${path}`;
      const add = (rule: Change['rule'], message: string) => changes.push({ rule, operation, message });
      const after = head.paths?.[path]?.[method] as Schema | undefined;
      if (!after) {
        add('removed-operation', head.paths?.[path] ? 'method removed' : 'path removed');
        continue;
      }
      compareOperation(before, after, base, head, add);
    }
  }
  return changes;
}

function compareOperation(
  before: Schema,
  after: Schema,
  base: Doc,
  head: Doc,
  add: (rule: Change['rule'], message: string) => void,
): void {
  const beforeResponses = (before.responses ?? {}) as Record<string, Schema>;
  const afterResponses = (after.responses ?? {}) as Record<string, Schema>;
  for (const status of Object.keys(beforeResponses)) {
    if (status.startsWith('2') && !afterResponses[status])
      add('removed-success-status', `success status ${status} no longer declared`);
  }

  const auth = (op: Schema, doc: Doc) =>
    alternatives((op.security ?? doc.security ?? []) as Record<string, string[]>[]);
  const lost = [...auth(before, base)].filter((alt) => !auth(after, head).has(alt));
  if (lost.length)
    add(
      'changed-auth',
      `security no longer accepts ${lost.map((a) => a || 'anonymous').join(' | ')} (now: ${[...auth(after, head)].map((a) => a || 'anonymous').join(' | ')})`,
    );

  const params = (op: Schema) =>
    new Map(((op.parameters ?? []) as Schema[]).map((p) => [`${String(p.in)} ${String(p.name)}`, p]));
  const beforeParams = params(before);
  for (const [key, p] of params(after)) {
    const old = beforeParams.get(key);
    if (p.required && !old?.required)
      add('new-required-parameter', `${key} parameter is ${old ? 'now' : 'new and'} required`);
    if (old) compareRequest(old.schema as Schema, p.schema as Schema, `parameter ${key}`, add);
  }

  const body = (op: Schema) =>
    op.requestBody as { required?: boolean; content?: Record<string, { schema?: Schema }> } | undefined;
  const beforeBody = body(before);
  const afterBody = body(after);
  if (afterBody?.required && !beforeBody?.required)
    add('new-required-request-field', 'the request body is now required');
  for (const [type, media] of Object.entries(afterBody?.content ?? {})) {
    const old = beforeBody?.content?.[type]?.schema;
    if (old && media.schema) compareRequest(old, media.schema, 'request body', add);
  }

  for (const [status, response] of Object.entries(beforeResponses)) {
    const next = afterResponses[status];
    if (!next) continue;
    const content = (r: Schema) => (r.content ?? {}) as Record<string, { schema?: Schema }>;
    for (const [type, media] of Object.entries(content(response))) {
      const now = content(next)[type]?.schema;
      if (media.schema && now) compareResponse(media.schema, now, `${status} ${type}`, add);
    }
  }
}

function alternatives(security: Record<string, string[]>[]): Set<string> {
  if (security.length === 0) return new Set(['']);
  return new Set(
    security.map((req) =>
      Object.entries(req)
        .map(([name, scopes]) => `${name}${scopes.length ? `[${[...scopes].sort().join(',')}]` : ''}`)
        .sort()
        .join('+'),
    ),
  );
}

/** What a client sends: new required fields, removed fields, narrowed types or enums break it. */
function compareRequest(
  before: Schema | undefined,
  after: Schema | undefined,
  where: string,
  add: (rule: Change['rule'], message: string) => void,
  depth = 0,
): void {
  if (!before || !after || depth > MAX_DEPTH) return;
  const a = flatten(before);
  const b = flatten(after);
  if (a.ref || b.ref) return;
  const lostTypes = [...a.types].filter(
    (t) => b.types.size > 0 && !b.types.has(t) && !(t === 'integer' && b.types.has('number')),
  );
  if (lostTypes.length) add('narrowed-request', `${where}: no longer accepts ${lostTypes.join(', ')}`);
  if (a.enum && b.enum) {
    const removed = a.enum.filter((v) => !b.enum!.includes(v));
    if (removed.length)
      add('narrowed-request', `${where}: enum no longer accepts ${removed.map((v) => JSON.stringify(v)).join(', ')}`);
  } else if (!a.enum && b.enum)
    add('narrowed-request', `${where}: now limited to ${b.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  for (const name of b.required)
    if (!a.required.has(name)) add('new-required-request-field', `${where}: field ${name} is now required`);
  for (const [name, schema] of Object.entries(a.properties)) {
    const next = b.properties[name];
    if (!next) {
      if (b.closed) add('narrowed-request', `${where}: field ${name} is no longer accepted`);
    } else compareRequest(schema, next, `${where}.${name}`, add, depth + 1);
  }
  if (a.items && b.items) compareRequest(a.items, b.items, `${where}[]`, add, depth + 1);
}

/** What a client reads: removed fields, changed types and removed enum values break it. */
function compareResponse(
  before: Schema | undefined,
  after: Schema | undefined,
  where: string,
  add: (rule: Change['rule'], message: string) => void,
  depth = 0,
): void {
  if (!before || !after || depth > MAX_DEPTH) return;
  const a = flatten(before);
  const b = flatten(after);
  if (a.ref || b.ref) return;
  if (a.types.size > 0 && b.types.size > 0 && !sameSet(a.types, b.types))
    add('changed-response-type', `${where}: type ${[...a.types].join('|')} became ${[...b.types].join('|')}`);
  if (a.enum && b.enum) {
    const removed = a.enum.filter((v) => !b.enum!.includes(v));
    if (removed.length)
      add('removed-response-enum-value', `${where}: enum lost ${removed.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  for (const [name, schema] of Object.entries(a.properties)) {
    const next = b.properties[name];
    if (!next) add('removed-response-field', `${where}: field ${name} removed`);
    else {
      if (a.required.has(name) && !b.required.has(name))
        add('removed-response-field', `${where}: field ${name} is no longer always present`);
      compareResponse(schema, next, `${where}.${name}`, add, depth + 1);
    }
  }
  if (a.items && b.items) compareResponse(a.items, b.items, `${where}[]`, add, depth + 1);
}

interface Flat {
  types: Set<string>;
  enum?: unknown[];
  properties: Record<string, Schema>;
  required: Set<string>;
  items?: Schema;
  closed: boolean;
  /** A recursive schema left as a `$ref` by the dereference: compared by name only. */
  ref?: string;
}

/** One view of a schema: allOf merged, `nullable` as a `null` type. */
function flatten(schema: Schema): Flat {
  const flat: Flat = { types: new Set(), properties: {}, required: new Set(), closed: false };
  if (typeof schema.$ref === 'string') return { ...flat, ref: schema.$ref };
  for (const part of [schema, ...((schema.allOf ?? []) as Schema[])]) {
    const inner = part === schema ? undefined : flatten(part);
    if (inner) {
      if (inner.ref) return { ...flat, ref: inner.ref };
      inner.types.forEach((t) => flat.types.add(t));
      Object.assign(flat.properties, inner.properties);
      inner.required.forEach((r) => flat.required.add(r));
      flat.enum ??= inner.enum;
      flat.items ??= inner.items;
      flat.closed ||= inner.closed;
      continue;
    }
    const type = part.type;
    if (typeof type === 'string') flat.types.add(type);
    else if (Array.isArray(type)) type.forEach((t) => flat.types.add(String(t)));
    if (Array.isArray(part.enum)) flat.enum = part.enum;
    Object.assign(flat.properties, (part.properties ?? {}) as Record<string, Schema>);
    ((part.required ?? []) as string[]).forEach((r) => flat.required.add(r));
    if (part.items) flat.items = part.items as Schema;
    if (part.additionalProperties === false) flat.closed = true;
  }
  if (schema.nullable === true && flat.types.size > 0) flat.types.add('null');
  // An allOf member's own `type: object` next to tsoa's `nullable` wrapper says nothing new.
  return flat;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((v) => b.has(v));
}

/** `1.2.3` → [1, 2, 3]; anything else sorts first. */
export function parseVersion(version: string | undefined): [number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The lines of docs/api-changelog.md under `## <version>` (up to the next `## `). */
export function changelogSection(markdown: string, version: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^##\\s+\\[?v?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`).test(l));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Why the current spec may not ship; empty when it may. */
export function verdict(
  changes: Change[],
  baseVersion: string,
  headVersion: string,
  changelog: string,
  head: Doc,
): string[] {
  const problems: string[] = [];
  for (const [path, item] of Object.entries(head.paths ?? {}))
    for (const method of METHODS) {
      const op = item[method] as Schema | undefined;
      for (const ext of ['x-deprecated-at', 'x-sunset'])
        if (op?.deprecated && Number.isNaN(Date.parse(String(op[ext]))))
          problems.push(
            `${method.toUpperCase()} ${path} is deprecated without an ${ext} date (tsoa: @Extension('${ext}', '2026-12-31'))`,
          );
    }
  const bumped = compareVersions(headVersion, baseVersion) > 0;
  if (bumped && changelogSection(changelog, headVersion) === undefined)
    problems.push(`info.version is ${headVersion} but docs/api-changelog.md has no "## ${headVersion}" section`);
  const section = changelogSection(changelog, headVersion) ?? '';
  // A correction makes the document say what the API already did (a `null` it always sent): no
  // client breaks, so a minor or patch version will do once the changelog names the operation.
  const corrections = bumped ? (/^###\s+Corrections\s*$([\s\S]*?)(?=^###\s|(?![\s\S]))/m.exec(section)?.[1] ?? '') : '';
  const breaking = changes.filter((c) => !corrections.includes(c.operation));
  if (breaking.length === 0) return problems;
  if (parseVersion(headVersion)[0] <= parseVersion(baseVersion)[0])
    problems.push(
      `${breaking.length} breaking change(s) since ${baseVersion} need a new major info.version (now ${headVersion}), or a "### Corrections" entry when the API already behaved so`,
    );
  const unlisted = [...new Set(breaking.map((c) => c.operation))].filter((op) => !section.includes(op));
  if (unlisted.length && bumped)
    problems.push(`docs/api-changelog.md "## ${headVersion}" does not name: ${unlisted.join(', ')}`);
  return problems;
}

function newestRelease(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const versions = readdirSync(dir)
    .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
    .map((f) => f.slice(0, -5));
  return versions.sort(compareVersions).at(-1);
}

async function dereference(file: string): Promise<Doc> {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Doc;
  return (await new SwaggerParser().dereference(doc as never, {
    dereference: { circular: 'ignore' },
  })) as unknown as Doc;
}

async function main(): Promise<number> {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const current = `${root}openapi/openapi.json`;
  const releasedDir = `${root}openapi/released`;
  const headVersion = (JSON.parse(readFileSync(current, 'utf8')) as Doc).info?.version ?? '0.0.0';
  if (process.argv.includes('--release')) {
    copyFileSync(current, `${releasedDir}/${headVersion}.json`);
    console.log(`kept openapi/openapi.json as openapi/released/${headVersion}.json`);
    return 0;
  }
  const baseVersion = newestRelease(releasedDir);
  if (!baseVersion) {
    console.error(
      'openapi/released/ holds no released spec to compare with (npx tsx scripts/openapi-breaking.ts --release)',
    );
    return 1;
  }
  const [base, head] = await Promise.all([dereference(`${releasedDir}/${baseVersion}.json`), dereference(current)]);
  const changes = findBreakingChanges(base, head);
  const changelogFile = `${root}docs/api-changelog.md`;
  const changelog = existsSync(changelogFile) ? readFileSync(changelogFile, 'utf8') : '';
  const problems = verdict(changes, baseVersion, headVersion, changelog, head);
  for (const c of changes)
    console.log(
      `${problems.length ? 'breaking' : 'breaking (released as major)'}: ${c.operation}: ${c.message} [${c.rule}]`,
    );
  if (problems.length) {
    console.error(
      `\nopenapi/openapi.json (${headVersion}) against released ${baseVersion}:\n  ${problems.join('\n  ')}`,
    );
    console.error(
      'See docs/api.md#versioning: bump info.version (major for breaking changes) and list the changes in docs/api-changelog.md.',
    );
    return 1;
  }
  console.log(`contract: no unreleased breaking change against ${baseVersion} (${headVersion})`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
