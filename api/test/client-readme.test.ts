import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, publishedPost } from './content-helpers.js';
import { REPO_ROOT } from './env.js';
import { createUser, login } from './factories.js';
import { runScript, startTestApi, type TestApi } from './harness.js';

/**
 * The example in clients/typescript/README.md, taken from the README as it is and run as its own
 * Node process against the real API: it cannot rot. Only the package import is pointed at the
 * package's source (the README imports the published name) and OMERVISION_URL at this API.
 */
const README = join(REPO_ROOT, 'clients/typescript/README.md');

function readmeExample(markdown: string): string {
  const section = markdown.slice(markdown.indexOf('## Example'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('clients/typescript/README.md: no ```ts block under "## Example"');
  return match[1]!;
}

let api: TestApi;
let dir: string;
let editor: string;
beforeAll(async () => {
  // The example's last call is a contact message, and every test file writes contact messages from
  // 127.0.0.1 within the hour: the per-address limit is tested in contact.test.ts, not here.
  api = await startTestApi({ RATE_LIMIT_CONTACT_PER_HOUR: '100000' });
  editor = (await login(api, await createUser(api, 'editor'))).accessToken;
  dir = mkdtempSync(join(tmpdir(), 'ov-readme-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await api.close();
});

describe('the client README example', () => {
  it('runs against the real API and prints what it promises', async () => {
    const run = Date.now().toString(36);
    const mine = [];
    for (const i of [1, 2])
      mine.push({
        title: `Readme ${run} ${i}`,
        ...(await publishedPost(api, editor, {
          title: `Readme ${run} ${i}`,
          content: doc('Typed clients.'),
          tags: ['typescript'],
        })),
      });

    const source = readmeExample(readFileSync(README, 'utf8'));
    expect(source).toContain("from '@omervision/client'");
    const entry = pathToFileURL(join(REPO_ROOT, 'clients/typescript/src/index.ts')).href;
    const file = join(dir, 'example.mts');
    writeFileSync(file, source.replace("from '@omervision/client'", `from '${entry}'`));

    process.env.OMERVISION_URL = api.url;
    let result: { code: number | null; output: string };
    try {
      result = await runScript([process.execPath, '--import', 'tsx', file], 60_000);
    } finally {
      delete process.env.OMERVISION_URL;
    }
    expect(result.code, result.output).toBe(0);
    const lines = result.output.trim().split('\n');
    // The tag listing has both posts tagged here, slug then title.
    for (const post of mine) expect(lines).toContain(`${post.slug} ${post.title}`);
    // The newest post, read by its slug.
    const newest = (await (await fetch(`${api.url}/api/v1/posts?limit=1`)).json()).items[0];
    const one = await (await fetch(`${api.url}/api/v1/posts/${newest.slug}`)).json();
    expect(lines).toContain(`${one.title}: ${one.readingTimeMinutes} min`);
    // The refused contact message: a 422 naming the field.
    expect(lines.at(-1)).toBe("422 [ 'body.email' ]");
  });
});
