// The baselines for the read benchmarks: a bare node:http server with a mysql2 pool that runs the
// same SQL as the API's uncached public reads and returns the same JSON shape. No framework, no
// validation, no cache, no logging: what the API is measured against.
// MODE=memory: the physical limit — the first answer per URL is kept (bytes + ETag) and every later
// request is answered from memory, as a cache hit at its cheapest would be. WORKERS=n: n processes
// share the port (node:cluster), like the API in production.
import cluster from 'node:cluster';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import mysql from 'mysql2/promise';

const pool = mysql.createPool({
  uri: process.env.DATABASE_URL,
  connectionLimit: 10,
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
});
const port = Number(process.env.PORT ?? 8100);

// The API's own query shape: posts alone in index order, author names fetched by id afterwards.
const SUMMARY = `SELECT p.id, p.slug, p.title, p.excerpt, p.cover_media_id, p.author_id, p.featured,
  p.reading_time_minutes, p.published_at, p.updated_at FROM posts p`;

async function withAuthors(rows) {
  const ids = [...new Set(rows.map((r) => r.author_id))];
  if (!ids.length) return rows;
  const [users] = await pool.query('SELECT id, name FROM users WHERE id IN (?)', [ids]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({ ...r, author_name: names.get(r.author_id) ?? '' }));
}

async function tagsFor(ids) {
  if (!ids.length) return new Map();
  const [rows] = await pool.query(
    'SELECT pt.post_id, t.id, t.name, t.slug, t.description FROM post_tags pt INNER JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id IN (?) ORDER BY pt.position',
    [ids],
  );
  const out = new Map();
  for (const r of rows)
    out.set(r.post_id, [
      ...(out.get(r.post_id) ?? []),
      { id: r.id, name: r.name, slug: r.slug, description: r.description },
    ]);
  return out;
}

async function images(ids) {
  if (!ids.length) return new Map();
  const [rows] = await pool.query(
    'SELECT id, storage_key, alt, width, height, focal_x, focal_y, variants FROM media WHERE id IN (?)',
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        url: `/media/${r.storage_key}`,
        alt: r.alt,
        width: r.width,
        height: r.height,
        focalX: r.focal_x,
        focalY: r.focal_y,
        variants: (typeof r.variants === 'string' ? JSON.parse(r.variants) : (r.variants ?? [])).map((v) => ({
          width: v.width,
          height: v.height,
          format: v.format,
          url: `/media/${v.key}`,
        })),
      },
    ]),
  );
}

function summary(r, tags, imgs) {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    excerpt: r.excerpt,
    coverMediaId: r.cover_media_id,
    cover: imgs.get(r.cover_media_id) ?? null,
    tags: tags.get(r.id) ?? [],
    author: { id: r.author_id, name: r.author_name },
    featured: Boolean(r.featured),
    readingTimeMinutes: r.reading_time_minutes,
    publishedAt: r.published_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

async function list(url) {
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), 100);
  const q = url.searchParams.get('q');
  const [rows] = q
    ? await pool.query(
        `${SUMMARY} WHERE MATCH(p.title, p.excerpt, p.plain_text) AGAINST (? IN NATURAL LANGUAGE MODE) AND p.status = 'published'
        ORDER BY MATCH(p.title, p.excerpt, p.plain_text) AGAINST (? IN NATURAL LANGUAGE MODE) DESC, p.id DESC LIMIT ?`,
        [q, q, limit + 1],
      )
    : await pool.query(`${SUMMARY} WHERE p.status = 'published' ORDER BY p.published_at DESC, p.id DESC LIMIT ?`, [
        limit + 1,
      ]);
  const page = await withAuthors(rows.slice(0, limit));
  const [tags, imgs] = await Promise.all([
    tagsFor(page.map((r) => r.id)),
    images(page.map((r) => r.cover_media_id).filter(Boolean)),
  ]);
  return { items: page.map((r) => summary(r, tags, imgs)), nextCursor: rows.length > limit ? 'x' : null };
}

async function one(slug) {
  const [rows] = await pool.query(
    `${SUMMARY.replace('SELECT ', 'SELECT p.html, p.toc, p.seo_title, p.seo_description, p.canonical_url, p.og_image_media_id, ')} WHERE p.slug = ? AND p.status = 'published'`,
    [slug],
  );
  const [r] = await withAuthors(rows);
  if (!r) return undefined;
  const [tags, imgs] = await Promise.all([
    tagsFor([r.id]),
    images([r.cover_media_id, r.og_image_media_id].filter(Boolean)),
  ]);
  return {
    ...summary(r, tags, imgs),
    html: r.html,
    toc: typeof r.toc === 'string' ? JSON.parse(r.toc) : r.toc,
    seo: {
      title: r.seo_title,
      description: r.seo_description,
      canonicalUrl: r.canonical_url,
      ogImageMediaId: r.og_image_media_id,
    },
    ogImage: imgs.get(r.og_image_media_id) ?? null,
  };
}

const memory = process.env.MODE === 'memory' ? new Map() : undefined;

function answer(req, res, { json, etag }) {
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag }).end();
    return;
  }
  res
    .writeHead(200, { etag, 'content-type': 'application/json; charset=utf-8', 'content-length': json.length })
    .end(json);
}

const workers = Number(process.env.WORKERS ?? 1);
if (workers > 1 && cluster.isPrimary) {
  // Workers exit when the primary's IPC channel closes.
  for (let i = 0; i < workers; i++) cluster.fork();
} else
  createServer(async (req, res) => {
    try {
      const kept = memory?.get(req.url);
      if (kept) return answer(req, res, kept);
      const url = new URL(req.url, 'http://x');
      let body;
      if (url.pathname === '/api/v1/posts') body = await list(url);
      else if (url.pathname.startsWith('/api/v1/posts/'))
        body = await one(decodeURIComponent(url.pathname.slice('/api/v1/posts/'.length)));
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      const json = Buffer.from(JSON.stringify(body));
      // Conditional GETs the plain way: hash what the query returned, 304 when the client holds it.
      const entry = { json, etag: `"${createHash('sha1').update(json).digest('base64url')}"` };
      memory?.set(req.url, entry);
      answer(req, res, entry);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  }).listen(port, '127.0.0.1', () => console.log(`baseline listening on ${port}`));
