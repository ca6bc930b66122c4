// Lists every published post, page by page, then reads the first one by slug.
// Run against `make dev`: npx tsx clients/typescript/examples/list-posts.ts
import { ApiError, createOmerVisionClient } from '../src/index.js';

const client = createOmerVisionClient({
  baseUrl: process.env.OMERVISION_URL ?? 'http://127.0.0.1:8000',
  apiKey: process.env.OMERVISION_API_KEY, // optional for public reads; raises the rate limit
  onRetry: ({ status, waitMs }) => console.error(`got ${status}, retrying in ${waitMs} ms`),
});

const slugs: string[] = [];
for await (const post of client.paginate('/api/v1/posts', { params: { query: { limit: 5 } } })) {
  console.log(`${post.publishedAt}  ${post.slug}  ${post.title}`);
  slugs.push(post.slug);
}
console.log(`${slugs.length} posts`);

if (slugs[0]) {
  const post = await client.get('/api/v1/posts/{slug}', { params: { path: { slug: slugs[0] } } });
  console.log(`\n${post.title}\n${post.html.replace(/<[^>]+>/g, '').slice(0, 200)}…`);
}

try {
  await client.get('/api/v1/posts/{slug}', { params: { path: { slug: 'no-such-post' } } });
} catch (err) {
  if (!(err instanceof ApiError)) throw err;
  console.log(`\nas expected: ${err.status} ${err.code} (${err.detail ?? err.title})`);
}
