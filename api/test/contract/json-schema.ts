/**
 * OpenAPI 3.0 Schema Objects → JSON Schema that Ajv (draft-07) validates: `nullable: true` becomes
 * a `null` type (or an `anyOf` with null when the schema has no `type`, e.g. a `$ref`/`allOf`),
 * and `$ref`s into the document point at `refBase` (the document registered in Ajv under that id),
 * so recursive schemas (a rich-text node holding nodes) stay references instead of looping.
 */
type Schema = Record<string, unknown>;

const NESTED_ONE = ['items', 'not', 'additionalProperties'];
const NESTED_MANY = ['allOf', 'anyOf', 'oneOf'];
/** OpenAPI-only keywords Ajv does not know; dropped so `strict` mode stays useful elsewhere. */
const OPENAPI_ONLY = [
  'nullable',
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
];

export function toJsonSchema(schema: unknown, refBase: string, memo = new WeakMap<object, Schema>()): Schema {
  if (!schema || typeof schema !== 'object') return {};
  const cached = memo.get(schema);
  if (cached) return cached;
  const src = schema as Schema;
  const out: Schema = {};
  memo.set(schema, out);

  for (const [key, value] of Object.entries(src)) {
    if (OPENAPI_ONLY.includes(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.startsWith('#') ? `${refBase}${value}` : value;
    else if (key === 'properties' && value && typeof value === 'object')
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, toJsonSchema(s, refBase, memo)]),
      );
    else if (NESTED_ONE.includes(key) && value && typeof value === 'object')
      out[key] = toJsonSchema(value, refBase, memo);
    else if (NESTED_MANY.includes(key) && Array.isArray(value))
      out[key] = value.map((s) => toJsonSchema(s, refBase, memo));
    else out[key] = value;
  }

  if (src.nullable === true) {
    // tsoa writes `{ allOf: [{ $ref }], nullable: true, type: 'object' }`: the allOf must not apply to null.
    const composed = ['$ref', 'allOf', 'anyOf', 'oneOf'].some((k) => k in out);
    if (!composed && typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    } else if (!composed && Array.isArray(out.type)) {
      if (!out.type.includes('null')) out.type = [...(out.type as string[]), 'null'];
    } else {
      const inner = { ...out };
      for (const key of Object.keys(out)) delete out[key];
      out.anyOf = [inner, { type: 'null' }];
    }
  }
  return out;
}
