import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { finishSpec } from './finish-spec.js';
import { addSuccessExamples } from './success-examples.js';
import { mergeWebhooks } from './webhooks-contract.js';

/**
 * Step 2 of `npm run openapi -w api` (after `tsoa spec-and-routes`): finishes openapi/openapi.json
 * with what tsoa cannot express (finish-spec.ts: problem media type, shared headers and cursor,
 * typed `nullable`), gives every JSON success answer an example (success-examples.ts) and adds the webhooks. Written with two-space indentation (tsoa writes tabs,
 * which YAML-based linters warn about) and no trailing newline, so a regeneration without changes
 * is byte-identical.
 */
const file = fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url));
const raw = readFileSync(file, 'utf8');
const spec = mergeWebhooks(addSuccessExamples(finishSpec(JSON.parse(raw))));
// Paths in a fixed order (tsoa lists them in the order its glob finds controller files, which a
// file rename or another filesystem changes): sorted, so the document only changes when the API does.
spec.paths = Object.fromEntries(Object.entries(spec.paths).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(file, JSON.stringify(spec, null, 2));
