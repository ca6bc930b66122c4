/**
 * The benchmark data set: 1,000 published posts (Turkish and English text, 1–3 tags, a cover image
 * on most), 20 media rows, 12 tags and 50 projects, in a fresh database `<db>_bench`.
 */
import mysql from 'mysql2/promise';
import { v7 as uuidv7 } from 'uuid';
import { runMigrations } from '../../api/src/db/migrate.js';
import { lexical } from '../../api/src/db/seed-content.js';
import { renderLexical } from '../../api/src/services/content/lexical-render.js';

const WORDS =
  'konteyner güvenlik çalıştırmak performans ölçüm mimari katman servis depo önbellek yazılım geliştirici platform container security benchmark latency cache layer service repository static site build publish'.split(
    ' ',
  );

function sentence(seed: number, n: number): string {
  return Array.from({ length: n }, (_, i) => WORDS[(seed * 31 + i * 7) % WORDS.length]).join(' ');
}

export async function loadDataset(baseUrl: string, posts = 1000): Promise<{ url: string; slugs: string[] }> {
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1).replace(/_test$/, '')}_bench`;
  url.pathname = '/';
  const admin = await mysql.createConnection({ uri: url.toString() });
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  url.pathname = `/${name}`;
  await runMigrations(url.toString());

  const db = await mysql.createConnection({ uri: url.toString(), charset: 'utf8mb4_unicode_ci' });
  const userId = uuidv7();
  await db.query('INSERT INTO users (id, email, name, password_hash, role) VALUES (?, ?, ?, ?, ?)', [
    userId,
    'bench@omervision.local',
    'Bench Author',
    'x',
    'admin',
  ]);
  const tagIds = Array.from({ length: 12 }, () => uuidv7());
  await db.query('INSERT INTO tags (id, name, slug) VALUES ?', [
    tagIds.map((id, i) => [id, `Etiket ${i}`, `etiket-${i}`]),
  ]);
  const mediaIds = Array.from({ length: 20 }, () => uuidv7());
  const variants = (i: number) =>
    JSON.stringify(
      [320, 640, 1024].flatMap((w) =>
        ['webp', 'avif'].map((f) => ({
          width: w,
          height: w / 2,
          key: `media/${i}/w${w}.${f}`,
          format: f,
          bytes: w * 40,
        })),
      ),
    );
  await db.query(
    'INSERT INTO media (id, storage_key, filename, mime_type, size_bytes, width, height, alt, variants, status, sha256) VALUES ?',
    [
      mediaIds.map((id, i) => [
        id,
        `media/${String(i).padStart(64, '0')}/cover.jpg`,
        'cover.jpg',
        'image/jpeg',
        120_000,
        1600,
        800,
        `Kapak ${i}`,
        variants(i),
        'ready',
        String(i).padStart(64, '0'),
      ]),
    ],
  );

  const slugs: string[] = [];
  const now = Date.now();
  for (let start = 0; start < posts; start += 100) {
    const rows = [];
    const links = [];
    for (let i = start; i < Math.min(posts, start + 100); i++) {
      const id = uuidv7();
      const slug = `post-${i}-${sentence(i, 3)
        .replace(/\s+/g, '-')
        .normalize('NFKD')
        .replace(/[^a-z0-9-]/gi, '')}`.toLowerCase();
      slugs.push(slug);
      const content = lexical(
        ['h2', sentence(i, 4)],
        ['p', sentence(i + 1, 60)],
        ['p', sentence(i + 2, 80)],
        ['ul', [sentence(i, 5), sentence(i + 3, 5)]],
      );
      const r = renderLexical(content);
      rows.push([
        id,
        slug,
        `${sentence(i, 6)} #${i}`,
        sentence(i + 5, 20),
        JSON.stringify(content),
        r.html,
        r.plainText,
        r.readingTimeMinutes,
        JSON.stringify(r.toc),
        i % 5 === 0 ? null : mediaIds[i % mediaIds.length],
        userId,
        i % 25 === 0,
        'published',
        new Date(now - i * 3_600_000),
      ]);
      for (let k = 0; k < 1 + (i % 3); k++) links.push([id, tagIds[(i + k * 5) % tagIds.length], k]);
    }
    await db.query(
      'INSERT INTO posts (id, slug, title, excerpt, content, html, plain_text, reading_time_minutes, toc, cover_media_id, author_id, featured, status, published_at) VALUES ?',
      [rows],
    );
    await db.query('INSERT IGNORE INTO post_tags (post_id, tag_id, position) VALUES ?', [links]);
  }
  const empty = JSON.stringify({ root: { type: 'root', children: [] } });
  await db.query(
    'INSERT INTO projects (id, slug, title, summary, body, html, tech_stack, image_ids, sort_order, status, published_at) VALUES ?',
    [
      Array.from({ length: 50 }, (_, i) => [
        uuidv7(),
        `project-${i}`,
        `Proje ${i}`,
        sentence(i, 12),
        empty,
        '',
        JSON.stringify(['TypeScript', 'Docker']),
        JSON.stringify([mediaIds[i % 20]]),
        i,
        'published',
        new Date(now),
      ]),
    ],
  );
  await db.end();
  return { url: url.toString(), slugs };
}
