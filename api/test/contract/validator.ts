import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { OperationMatcher, type OperationLike } from '../../src/openapi/operation-matcher.js';
import { toJsonSchema } from './json-schema.js';

/** One response as a client saw it: enough to check it against the contract. */
export interface ObservedResponse {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  /** `undefined`: no body (or not read: HEAD, event streams); a string: the body text. */
  body: string | undefined;
}

export interface Violation {
  /** `PublicPostsGetPost (GET /api/v1/posts/{slug})` */
  operation: string;
  status: number;
  /** JSON pointer into the response: `/items/0/liveUrl`, `` for the whole body, `/headers/etag`. */
  pointer: string;
  message: string;
}

interface MediaTypeObject {
  schema?: unknown;
}
interface HeaderObject {
  required?: boolean;
  schema?: Record<string, unknown>;
}
interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, HeaderObject>;
}
interface Operation extends OperationLike {
  responses?: Record<string, ResponseObject>;
}

const REF_BASE = 'urn:omervision:openapi';
/** Served by the api but not operations of the contract (documentation, metrics, the spec itself). */
export const IGNORED_PATHS = [/^\/docs(\/|$)/, /^\/metrics(\/|$)/, /^\/openapi\.json$/];
/** OpenAPI formats JSON Schema does not define: type information only, nothing to check. */
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];
/** Answered by node:http before any route runs (headers over the server's limit): not an operation's answer. */
const TRANSPORT_STATUSES = new Set([431]);
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

export function formatViolation(v: Violation): string {
  return `${v.operation} → ${v.status} at ${v.pointer === '' ? '(body)' : v.pointer}: ${v.message}`;
}

/** Validates observed responses against an OpenAPI 3.0 document (dereferenced with swagger-parser). */
export class ContractValidator {
  private readonly matcher: OperationMatcher<Operation>;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<object, ValidateFunction>();
  private readonly memo = new WeakMap<object, Record<string, unknown>>();

  private constructor(spec: {
    paths?: Record<string, Record<string, unknown>>;
    components?: { schemas?: Record<string, unknown> };
  }) {
    this.matcher = new OperationMatcher<Operation>(spec);
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    for (const name of OPENAPI_FORMATS) this.ajv.addFormat(name, true);
    const schemas = Object.fromEntries(
      Object.entries(spec.components?.schemas ?? {}).map(([name, s]) => [name, toJsonSchema(s, REF_BASE, this.memo)]),
    );
    this.ajv.addSchema({ $id: REF_BASE, components: { schemas } });
  }

  /** Reads and dereferences a spec; circular schemas stay `$ref`s, resolved by Ajv. */
  static async fromDocument(doc: object): Promise<ContractValidator> {
    const parser = new SwaggerParser();
    const deref = (await parser.dereference(structuredClone(doc) as never, {
      dereference: { circular: 'ignore' },
    })) as never;
    return new ContractValidator(deref);
  }

  static async fromFile(path: string | URL): Promise<ContractValidator> {
    return ContractValidator.fromDocument(JSON.parse(readFileSync(path, 'utf8')) as object);
  }

  check(res: ObservedResponse): Violation[] {
    const pathname = new URL(res.url).pathname;
    if (IGNORED_PATHS.some((p) => p.test(pathname)) || TRANSPORT_STATUSES.has(res.status)) return [];
    const matched = this.matcher.match(res.method, pathname);
    // Not an operation (an unknown path answering 404, an OPTIONS preflight): nothing to hold it to.
    if (!matched) return [];
    const operation = `${matched.operation.operationId ?? '?'} (${matched.method.toUpperCase()} ${matched.template})`;
    const violations: Violation[] = [];
    const add = (pointer: string, message: string) =>
      violations.push({ operation, status: res.status, pointer, message });

    const responses = matched.operation.responses ?? {};
    const status = String(res.status);
    const declared = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default;
    if (!declared) {
      add('', `status ${status} is not declared (declared: ${Object.keys(responses).join(', ') || 'none'})`);
      return violations;
    }

    for (const [name, header] of Object.entries(declared.headers ?? {})) {
      const value = res.headers.get(name);
      if (value === null) {
        if (header.required) add(`/headers/${name.toLowerCase()}`, 'required header is missing');
        continue;
      }
      if (header.schema)
        this.validate(header.schema, coerceHeader(value, header.schema), `/headers/${name.toLowerCase()}`, add);
    }

    if (res.body === undefined || res.method.toUpperCase() === 'HEAD') return violations;
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const content = declared.content ?? {};
    const declaredTypes = Object.keys(content);
    if (res.body === '') {
      if (declaredTypes.length > 0 && res.status !== 204 && res.status !== 304)
        add('', `empty body, but the spec declares ${declaredTypes.join(', ')}`);
      return violations;
    }
    if (declaredTypes.length === 0) {
      add('', `undeclared body (${contentType || 'no content-type'})`);
      return violations;
    }
    const media = content[contentType] ?? content[`${contentType.split('/')[0]}/*`] ?? content['*/*'];
    if (!media)
      add(
        '/headers/content-type',
        `${contentType || 'no content-type'} is not declared (declared: ${declaredTypes.join(', ')})`,
      );
    if (!isJson(contentType)) return violations;
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      add('', `${contentType} body is not JSON`);
      return violations;
    }
    // A JSON answer under an undeclared JSON media type is still held to the declared JSON schema.
    const schema = (media ?? Object.entries(content).find(([type]) => isJson(type))?.[1])?.schema;
    if (schema) this.validate(schema, body, '', add);
    return violations;
  }

  private validate(
    schema: unknown,
    value: unknown,
    base: string,
    add: (pointer: string, message: string) => void,
  ): void {
    if (!schema || typeof schema !== 'object') return;
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema, REF_BASE, this.memo));
      this.compiled.set(schema, validate);
    }
    if (validate(value)) return;
    for (const err of validate.errors ?? []) {
      // The `null` branch of a nullable field's anyOf: its "must be null" says nothing useful.
      if (err.keyword === 'type' && (err.params as { type?: unknown }).type === 'null') continue;
      const extra =
        err.keyword === 'additionalProperties'
          ? ` (${String((err.params as { additionalProperty?: string }).additionalProperty)})`
          : '';
      add(`${base}${err.instancePath}`, `${err.message ?? err.keyword}${extra}`);
    }
  }
}

function isJson(contentType: string): boolean {
  return contentType === 'application/json' || /^application\/[\w.-]+\+json$/.test(contentType);
}

function coerceHeader(value: string, schema: Record<string, unknown>): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if ((type === 'integer' || type === 'number') && value.trim() !== '' && !Number.isNaN(Number(value)))
    return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
