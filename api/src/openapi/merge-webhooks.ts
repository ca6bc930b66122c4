import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mergeWebhooks } from './webhooks-contract.js';

/**
 * Step 2 of `npm run openapi -w api` (after `tsoa spec-and-routes`): adds the webhooks to
 * openapi/openapi.json, written back in tsoa's own format (tabs, no trailing newline) so a
 * regeneration without changes is byte-identical.
 */
const file = fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url));
const raw = readFileSync(file, 'utf8');
const indent = /^\{\n(\s+)"/.exec(raw)?.[1] ?? '\t';
const ending = raw.endsWith('\n') ? '\n' : '';
writeFileSync(file, JSON.stringify(mergeWebhooks(JSON.parse(raw)), null, indent) + ending);
