/**
 * The API reference's view of the contract, computed at build time from openapi/openapi.json:
 * operations grouped by tag, `$ref`s resolved into property rows, auth, and code samples (curl and
 * @omervision/client). Nothing of it runs in the browser.
 */
import contract from '../../../../openapi/openapi.json';

export type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface ResponseObject {
  description?: string;
  content?: Record<string, MediaType>;
  headers?: Record<string, Schema>;
}
interface RawOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content?: Record<string, MediaType> };
  responses?: Record<string, ResponseObject>;
}

export interface Row {
  name: string;
  type: string;
  required: boolean;
  description: string;
  link?: string;
}
export interface Response {
  status: string;
  description: string;
  mediaType?: string;
  schema?: Schema;
  headers: string[];
}
export interface Operation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  deprecated: boolean;
  auth: string[];
  parameters: Row[];
  body?: { mediaType: string; required: boolean; schema: Schema };
  success: Response[];
  errors: Response[];
  curl: string;
  client: string;
  searchText: string;
}
export interface TagGroup {
  name: string;
  slug: string;
  description: string;
  operations: Operation[];
}

const spec = contract as unknown as {
  info: { title: string; version: string; description?: string };
  security?: Record<string, string[]>[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, RawOperation>>;
  components: {
    schemas: Record<string, Schema>;
    securitySchemes?: Record<string, Schema>;
    responses?: Record<string, ResponseObject>;
    parameters?: Record<string, Parameter>;
    headers?: Record<string, Schema>;
  };
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export const info = spec.info;
export const schemas = spec.components.schemas;

/** Follows a local `$ref` (`#/components/…`) once; other values come back as they are. */
function deref<T>(value: T): T {
  const ref = (value as { $ref?: string } | undefined)?.$ref;
  if (!ref?.startsWith('#/')) return value;
  let node: unknown = spec;
  for (const key of ref.slice(2).split('/')) node = (node as Record<string, unknown>)?.[key];
  return deref(node as T);
}

export function refName(schema: Schema | undefined): string | undefined {
  const ref = typeof schema?.$ref === 'string' ? schema.$ref : undefined;
  return ref?.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
}

export const schemaAnchor = (name: string) => `schema-${name}`;

/** `string`, `PublicImage | null`, `array of TagView`, `"draft" | "live"`. */
export function typeLabel(schema: Schema | undefined): string {
  if (!schema) return 'any';
  const nullable = schema.nullable === true ? ' | null' : '';
  const name = refName(schema);
  if (name) return name + nullable;
  const all = (schema.allOf ?? schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (all?.length) return all.map(typeLabel).join(schema.allOf ? ' & ' : ' | ') + nullable;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ') + nullable;
  if (schema.type === 'array') return `array of ${typeLabel(schema.items as Schema)}` + nullable;
  const format =
    typeof schema.format === 'string' && !['double', 'int32', 'int64'].includes(schema.format)
      ? ` (${schema.format})`
      : '';
  return `${String(schema.type ?? 'object')}${format}${nullable}`;
}

/** The first schema a property refers to by name, for a link to its own table. */
function linkOf(schema: Schema | undefined): string | undefined {
  if (!schema) return undefined;
  const direct = refName(schema) ?? refName(schema.items as Schema | undefined);
  if (direct) return direct;
  for (const part of (schema.allOf ?? schema.anyOf ?? schema.oneOf ?? []) as Schema[]) {
    const name = linkOf(part);
    if (name) return name;
  }
  return undefined;
}

function constraints(schema: Schema): string {
  const out: string[] = [];
  for (const [key, label] of [
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minimum', 'min'],
    ['maximum', 'max'],
    ['minItems', 'min items'],
    ['maxItems', 'max items'],
    ['pattern', 'pattern'],
  ] as const)
    if (schema[key] !== undefined) out.push(`${label} ${String(schema[key])}`);
  return out.length ? ` (${out.join(', ')})` : '';
}

/** The property rows of a schema, `$ref`s and `allOf`s resolved; undefined when it has none. */
export function rowsOf(input: Schema | undefined): Row[] | undefined {
  const schema = deref(input);
  if (!schema) return undefined;
  const properties: Record<string, Schema> = {};
  const required = new Set<string>();
  for (const part of [schema, ...((schema.allOf ?? []) as Schema[]).map(deref)]) {
    Object.assign(properties, (part.properties ?? {}) as Record<string, Schema>);
    for (const r of (part.required ?? []) as string[]) required.add(r);
  }
  const names = Object.keys(properties);
  if (names.length === 0) return undefined;
  return names.map((name) => {
    const p = properties[name]!;
    return {
      name,
      type: typeLabel(p),
      required: required.has(name),
      description: `${String(p.description ?? '')}${constraints(p)}`.trim(),
      link: linkOf(p),
    };
  });
}

/** A plausible JSON value for a schema: its example, else one built from its types. */
export function sampleOf(input: Schema | undefined, depth = 0): unknown {
  const schema = deref(input);
  if (!schema || depth > 4) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const all = (schema.allOf ?? schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (all?.length)
    return schema.allOf ? Object.assign({}, ...all.map((s) => sampleOf(s, depth) as object)) : sampleOf(all[0], depth);
  switch (schema.type) {
    case 'string':
      return schema.format === 'date-time'
        ? '2025-01-01T00:00:00.000Z'
        : schema.format === 'email'
          ? 'ada@example.com'
          : 'string';
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return true;
    case 'array':
      return [sampleOf(schema.items as Schema, depth + 1)].filter((v) => v !== undefined);
  }
  const rows = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  // Required fields only (all of them when none is required), to keep the sample short.
  const keys = Object.keys(rows).filter((k) => required.size === 0 || required.has(k));
  return Object.fromEntries(keys.map((k) => [k, sampleOf(rows[k], depth + 1)]));
}

function authOf(op: RawOperation): string[] {
  const requirements = op.security ?? spec.security ?? [];
  if (requirements.length === 0) return [];
  return requirements.map((req) =>
    Object.entries(req)
      .map(([name, scopes]) => {
        const scheme = spec.components.securitySchemes?.[name] as
          { type?: string; scheme?: string; name?: string; in?: string } | undefined;
        const how =
          scheme?.type === 'http'
            ? `Authorization: ${scheme.scheme === 'bearer' ? 'Bearer' : scheme.scheme}`
            : scheme?.in === 'cookie'
              ? `cookie ${scheme.name}`
              : `header ${scheme?.name ?? name}`;
        return `${name} (${how})${scopes.length ? ` — scopes: ${scopes.join(', ')}` : ''}`;
      })
      .join(' + '),
  );
}

function responsesOf(op: RawOperation): Response[] {
  return Object.entries(op.responses ?? {}).map(([status, raw]) => {
    const r = deref(raw);
    const [mediaType, media] = Object.entries(r.content ?? {})[0] ?? [];
    return {
      status,
      description: r.description ?? '',
      mediaType,
      schema: media?.schema,
      headers: Object.keys(r.headers ?? {}),
    };
  });
}

function bodyExample(media: MediaType | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  return first?.value ?? sampleOf(media.schema);
}

function samples(
  method: string,
  path: string,
  params: Parameter[],
  auth: string[],
  body: { mediaType: string; example: unknown } | undefined,
): { curl: string; client: string } {
  const pathParams = params.filter((p) => p.in === 'path');
  const query = params.filter((p) => p.in === 'query' && p.required);
  const filled = path.replace(/\{([^}]+)\}/g, (_m, name: string) => `<${name}>`);
  const qs = query.length ? `?${query.map((p) => `${p.name}=<${p.name}>`).join('&')}` : '';
  const curl = [`curl -X ${method.toUpperCase()} "$OMERVISION_URL${filled}${qs}"`];
  if (auth.length) curl.push('  -H "Authorization: Bearer $OMERVISION_TOKEN"');
  const json = body ? JSON.stringify(body.example ?? {}, null, 2) : undefined;
  if (body?.mediaType === 'multipart/form-data') curl.push('  -F "file=@photo.jpg"');
  else if (json) curl.push("  -H 'content-type: application/json'", `  -d '${json.replace(/'/g, "'\\''")}'`);

  const init: string[] = [];
  const paramParts: string[] = [];
  if (pathParams.length) paramParts.push(`path: { ${pathParams.map((p) => `${p.name}: '…'`).join(', ')} }`);
  if (query.length) paramParts.push(`query: { ${query.map((p) => `${p.name}: '…'`).join(', ')} }`);
  if (paramParts.length) init.push(`params: { ${paramParts.join(', ')} }`);
  if (json && body?.mediaType !== 'multipart/form-data') init.push(`body: ${json.replace(/\n/g, '\n  ')}`);
  const call = method === 'get' ? `client.get('${path}'` : `client.${method.toUpperCase()}('${path}'`;
  const client = [
    "import { createOmerVisionClient } from '@omervision/client';",
    '',
    `const client = createOmerVisionClient({ baseUrl: process.env.OMERVISION_URL!${auth.length ? ', token: process.env.OMERVISION_TOKEN' : ''} });`,
    `const ${method === 'get' ? 'data' : '{ data }'} = await ${call}${init.length ? `, { ${init.join(', ')} }` : ''});`,
  ].join('\n');
  return { curl: curl.join(' \\\n'), client };
}

export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Every operation of the contract, grouped by its first tag in the order the document lists tags. */
export function tagGroups(): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  for (const t of spec.tags ?? [])
    groups.set(t.name, { name: t.name, slug: slug(t.name), description: t.description ?? '', operations: [] });
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      if (!groups.has(tag)) groups.set(tag, { name: tag, slug: slug(tag), description: '', operations: [] });
      const params = (op.parameters ?? []).map(deref);
      const auth = authOf(op);
      const [mediaType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      const responses = responsesOf(op);
      const id = op.operationId ?? `${method}-${slug(path)}`;
      const summary = op.summary ?? '';
      groups.get(tag)!.operations.push({
        id,
        method,
        path,
        summary,
        description: op.description ?? '',
        deprecated: op.deprecated === true,
        auth,
        parameters: params.map((p) => ({
          name: p.name,
          type: `${p.in} · ${typeLabel(p.schema)}`,
          required: p.required === true,
          description: `${p.description ?? ''}${p.schema ? constraints(p.schema) : ''}`.trim(),
          link: linkOf(p.schema),
        })),
        body:
          mediaType && media?.schema
            ? { mediaType, required: op.requestBody?.required === true, schema: media.schema }
            : undefined,
        success: responses.filter((r) => !/^[45]/.test(r.status)),
        errors: responses.filter((r) => /^[45]/.test(r.status)),
        ...samples(method, path, params, auth, mediaType ? { mediaType, example: bodyExample(media) } : undefined),
        searchText: [id, method, path, summary, tag].join(' ').toLowerCase(),
      });
    }
  }
  return [...groups.values()].filter((g) => g.operations.length > 0);
}
