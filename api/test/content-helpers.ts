import type { LexicalDocument } from '../src/dtos/content.dto.js';
import { lexical } from '../src/db/seed-content.js';
import type { TestApi } from './harness.js';

export function doc(...paragraphs: string[]): LexicalDocument {
  return lexical(...paragraphs.map((p) => ['p', p] as ['p', string])) as unknown as LexicalDocument;
}

export async function call(
  api: TestApi,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(api.url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

/** Creates and publishes a post; returns its admin view. */
export async function publishedPost(
  api: TestApi,
  token: string,
  input: Record<string, unknown>,
): Promise<{ id: string; slug: string }> {
  const created = await call(api, 'POST', '/api/v1/admin/posts', token, { content: doc('Body'), ...input });
  if (created.status !== 201) throw new Error(`create failed ${created.status} ${await created.text()}`);
  const post = await created.json();
  const published = await call(api, 'POST', `/api/v1/admin/posts/${post.id}/publish`, token);
  if (published.status !== 200) throw new Error(`publish failed ${published.status}`);
  return post;
}
