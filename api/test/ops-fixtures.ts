import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import mysql from 'mysql2/promise';
import sharp from 'sharp';
import { buildJobRegistry } from '../src/composition/worker.js';
import type { StorageRepository } from '../src/repositories/storage.repository.js';
import { call, doc, publishedPost } from './content-helpers.js';
import { REPO_ROOT, testDatabaseUrl, testEnv, testRedisPrefix } from './env.js';
import type { TestApi } from './harness.js';

/** This run's own bucket (named after the Redis prefix), so a wipe never touches anybody else's objects. */
export const OPS_BUCKET = `${testRedisPrefix()
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')}-media`;

export async function createBucket(bucket = OPS_BUCKET): Promise<void> {
  const env = testEnv();
  const s3 = new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
  });
  await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((err: Error) => {
    if (!/BucketAlready/.test(err.name)) throw err;
  });
  s3.destroy();
}

export async function emptyBucket(storage: StorageRepository): Promise<void> {
  for await (const page of storage.list('')) await storage.deleteMany(page.map((o) => o.key));
}

/** Realistic content through the real API: an uploaded image with its variants, posts, a project, a page, skills, settings. */
export async function seedContent(
  api: TestApi,
  token: string,
): Promise<{ mediaId: string; postSlug: string; pageSlug: string; projectSlug: string }> {
  // A colour of its own per call: the library deduplicates identical bytes.
  const color = `#${Math.floor(Math.random() * 0xffffff)
    .toString(16)
    .padStart(6, '0')}`;
  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: color } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'Kapak Görseli.png');
  form.append('alt', 'Mavi bir kapak — "alıntı" \\ ters bölü');
  const uploaded = await fetch(`${api.url}/api/v1/admin/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (uploaded.status !== 201) throw new Error(`upload failed ${uploaded.status} ${await uploaded.text()}`);
  const media = (await uploaded.json()) as { id: string };
  const variants = buildJobRegistry(api.infra).find((j) => j.spec.name === 'media-variants')!.handle as (
    d: { mediaId: string },
    j: { id: string; attempt: number },
  ) => Promise<unknown>;
  await variants({ mediaId: media.id }, { id: media.id, attempt: 1 });

  const stamp = Date.now().toString(36);
  const post = await publishedPost(api, token, {
    title: `Çalışma Notları ${stamp} 🚀`,
    excerpt: 'Özet: "tırnak", \\ ve yeni\nsatır',
    tags: ['TypeScript', 'Mimari'],
    coverMediaId: media.id,
    content: doc('Birinci paragraf.', 'İkinci paragraf — emoji 🎉'),
  });
  await call(api, 'POST', '/api/v1/admin/posts', token, {
    title: `Taslak ${stamp}`,
    content: doc('Henüz yayında değil'),
    tags: ['Docker'],
  });
  await call(api, 'PATCH', `/api/v1/admin/posts/${post.id}`, token, { excerpt: 'Güncellenmiş özet' });
  const project = (await (
    await call(api, 'POST', '/api/v1/admin/projects', token, {
      title: `Proje ${stamp}`,
      summary: 'Küçük bir araç',
      techStack: ['Go', 'WebAssembly'],
      imageIds: [media.id],
      body: doc('Ayrıntılar'),
    })
  ).json()) as { id: string; slug: string };
  await call(api, 'POST', `/api/v1/admin/projects/${project.id}/publish`, token);
  const page = (await (
    await call(api, 'POST', '/api/v1/admin/pages', token, {
      title: 'Hakkımda',
      slug: `hakkimda-${stamp}`,
      content: doc('Merhaba'),
    })
  ).json()) as { id: string; slug: string };
  await call(api, 'POST', `/api/v1/admin/pages/${page.id}/publish`, token);
  await call(api, 'POST', '/api/v1/admin/skills', token, {
    name: `TypeScript ${stamp}`,
    category: 'Diller',
    level: 90,
  });
  await call(api, 'PATCH', '/api/v1/admin/settings', token, {
    site: { title: 'Ömer Vision', description: 'Geliştirici günlüğü', locale: 'tr-TR' },
  });
  return { mediaId: media.id, postSlug: post.slug, pageSlug: page.slug, projectSlug: project.slug };
}

/** Every row of every table, ordered by primary key, in the server's text form; independent of the backup code. */
export async function snapshotDatabase(url = testDatabaseUrl()): Promise<Record<string, string[]>> {
  const conn = await mysql.createConnection({
    uri: url,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    jsonStrings: true,
    charset: 'utf8mb4_unicode_ci',
  });
  try {
    const [tables] = (await conn.query("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")) as unknown as [
      Record<string, string>[],
    ];
    const out: Record<string, string[]> = {};
    for (const t of tables.map((row) => Object.values(row)[0]!)) {
      const [keys] = (await conn.query(`SHOW KEYS FROM \`${t}\` WHERE Key_name = 'PRIMARY'`)) as unknown as [
        { Column_name: string; Seq_in_index: number }[],
      ];
      const order = keys
        .sort((a, b) => a.Seq_in_index - b.Seq_in_index)
        .map((k) => `\`${k.Column_name}\``)
        .join(', ');
      const [rows] = (await conn.query(`SELECT * FROM \`${t}\`${order ? ` ORDER BY ${order}` : ''}`)) as unknown as [
        Record<string, unknown>[],
      ];
      out[t] = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    }
    return out;
  } finally {
    await conn.end();
  }
}

export interface ObjectCopy {
  sha256: string;
  bytes: Buffer;
  contentType: string | undefined;
  cacheControl: string | undefined;
}

export async function snapshotObjects(storage: StorageRepository): Promise<Map<string, ObjectCopy>> {
  const out = new Map<string, ObjectCopy>();
  for await (const page of storage.list('')) {
    for (const o of page) {
      const bytes = await storage.getBuffer(o.key);
      const head = await storage.head(o.key);
      out.set(o.key, {
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes,
        contentType: head?.contentType,
        cacheControl: head?.cacheControl,
      });
    }
  }
  return out;
}

/** Drops and re-creates the test database: nothing left, not even the schema. */
export async function dropDatabase(url = testDatabaseUrl()): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/_test$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const server = new URL(url);
  server.pathname = '/';
  const conn = await mysql.createConnection({ uri: server.toString() });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

/** Runs `node --import tsx scripts/<script>` from the repository root, as `make backup|restore` does. */
export function runOpsScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: testDatabaseUrl(),
        REDIS_KEY_PREFIX: testRedisPrefix(),
        S3_BUCKET: OPS_BUCKET,
        LOG_LEVEL: 'warn',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
