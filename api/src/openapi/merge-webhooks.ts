import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { finishSpec } from './finish-spec.js';
import { mergeWebhooks } from './webhooks-contract.js';

/**
 * Step 2 of `npm run openapi -w api` (after `tsoa spec-and-routes`): finishes openapi/openapi.json
 * with what tsoa cannot express (finish-spec.ts: problem media type, shared headers and cursor,
 * typed `nullable`) and adds the webhooks. Written with two-space indentation (tsoa writes tabs,
 * which YAML-based linters warn about) and no trailing newline, so a regeneration without changes
 * is byte-identical.
 */
const file = fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url));
const raw = readFileSync(file, 'utf8');
writeFileSync(file, JSON.stringify(mergeWebhooks(finishSpec(JSON.parse(raw))), null, 2));
