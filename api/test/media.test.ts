import { createHash, randomBytes } from 'node:crypto';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMedia } from '../src/composition/media.js';
import { auditLog, media, outboxEvents, posts, projects, type LexicalState } from '../src/db/schema.js';
import { buildJobRegistry } from '../src/composition/worker.js';
import { bearer, createUser, login, type LoggedIn } from './factories.js';
import { startTestApi, type TestApi } from './harness.js';
import { testEnv, testRedisPrefix } from './env.js';

/**
 * Its own bucket: the orphan sweep deletes every object no row of *this* database owns, so it must
 * never see the dev bucket or another run's objects.
 */
const BUCKET = `${testRedisPrefix()
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')}-media`;
const IMMUTABLE = 'public, max-age=31536000, immutable';

let api: TestApi;
let admin: LoggedIn;
let adminId: string;
let viewer: LoggedIn;

beforeAll(async () => {
  const env = testEnv();
  const s3 = new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
  });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch((err: Error) => {
    if (!/BucketAlready/.test(err.name)) throw err;
  });
  s3.destroy();
  api = await startTestApi({ S3_BUCKET: BUCKET });
  // The database is new for every run; objects of earlier runs would be orphans of nobody.
  for await (const page of api.infra.storage.list('media/')) await api.infra.storage.deleteMany(page.map((o) => o.key));
  const adminUser = await createUser(api, 'admin');
  adminId = adminUser.id;
  admin = await login(api, adminUser);
  viewer = await login(api, await createUser(api, 'viewer'));
});
afterAll(() => api?.close());

function upload(target: TestApi, token: string, bytes: Uint8Array, filename: string, type: string, alt?: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), filename);
  if (alt !== undefined) form.append('alt', alt);
  return fetch(`${target.url}/api/v1/admin/media`, { method: 'POST', headers: bearer(token), body: form });
}
const call = (method: string, path: string, token: string, body?: unknown) =>
  fetch(api.url + path, {
    method,
    headers: { ...bearer(token), 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of api.infra.storage.list('media/')) keys.push(...page.map((o) => o.key));
  return keys;
}
const rowCount = async () => (await api.infra.database.db.select({ id: media.id }).from(media)).length;
const picture = (width: number, height: number, color = '#2a7') =>
  sharp({ create: { width, height, channels: 3, background: color } });
const variantsHandler = () =>
  buildJobRegistry(api.infra).find((j) => j.spec.name === 'media-variants')!.handle as (
    data: { mediaId: string },
    job: { id: string; attempt: number },
  ) => Promise<{ made: number; total: number }>;

describe('upload', () => {
  it('stores a JPEG without its EXIF, upright, content-addressed and immutable; row, event, audit and job follow', async () => {
    // 800×600 pixels with orientation 6 ("rotate 90° to display") and a copyright tag.
    const jpeg = await picture(800, 600)
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'secret' } } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const res = await upload(api, admin.accessToken, jpeg, 'Tatil Fotoğrafı.JPG', 'image/jpeg', 'Deniz kenarı');
    expect(res.status).toBe(201);
    const item = await res.json();
    expect(item).toMatchObject({
      filename: 'Tatil Fotoğrafı.JPG',
      mimeType: 'image/jpeg',
      width: 600,
      height: 800,
      alt: 'Deniz kenarı',
      status: 'processing',
      variants: [],
    });

    const stored = await fetch(item.url);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(stored.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await stored.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([600, 800]);
    expect(bytes.includes(Buffer.from('secret'))).toBe(false);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(item.sha256).toBe(sha);
    expect(item.url).toMatch(new RegExp(`/${BUCKET}/media/${sha}/tatil-fotografi\\.jpg$`));
    expect(item.sizeBytes).toBe(bytes.length);

    const db = api.infra.database.db;
    expect(
      await db
        .select()
        .from(outboxEvents)
        .where(and(eq(outboxEvents.aggregateId, item.id), eq(outboxEvents.type, 'media.created'))),
    ).toHaveLength(1);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, item.id), eq(auditLog.action, 'media.upload'))),
    ).toHaveLength(1);
    expect((await api.infra.queues.counts(['media-variants']))['media-variants']!.waiting).toBeGreaterThan(0);

    // The same bytes again: the existing item, no second row.
    const again = await upload(api, admin.accessToken, jpeg, 'copy.jpg', 'image/jpeg');
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(item.id);
  });

  it('makes WebP and AVIF variants in the job (never upscaled, idempotent), fetchable and immutable', async () => {
    const png = await picture(1700, 1000, '#c52').png().toBuffer();
    const res = await upload(api, admin.accessToken, png, 'banner.png', 'image/png');
    expect(res.status).toBe(201);
    const { id } = await res.json();

    const handle = variantsHandler();
    expect(await handle({ mediaId: id }, { id, attempt: 1 })).toMatchObject({ made: 8, total: 8 });
    const item = await (await call('GET', `/api/v1/admin/media/${id}`, viewer.accessToken)).json();
    expect(item.status).toBe('ready');
    expect(item.variants.map((v: { width: number; format: string }) => `${v.width}.${v.format}`)).toEqual([
      '320.avif',
      '320.webp',
      '640.avif',
      '640.webp',
      '1024.avif',
      '1024.webp',
      '1600.avif',
      '1600.webp',
    ]);
    for (const v of item.variants) {
      expect(v.url).toMatch(new RegExp(`/media/${item.sha256}/w${v.width}\\.${v.format}$`));
      const got = await fetch(v.url);
      expect(got.status).toBe(200);
      expect(got.headers.get('cache-control')).toBe(IMMUTABLE);
      expect(got.headers.get('content-type')).toBe(`image/${v.format}`);
      const meta = await sharp(Buffer.from(await got.arrayBuffer())).metadata();
      expect(meta.width).toBe(v.width);
      expect(meta.height).toBe(Math.round((1000 * v.width) / 1700));
    }
    expect(await handle({ mediaId: id }, { id, attempt: 2 })).toMatchObject({ made: 0, total: 8 });
  });

  it('refuses an SVG even when it is named .png and sent as image/png; nothing is stored', async () => {
    const [keys, rows] = [await storedKeys(), await rowCount()];
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
    );
    const res = await upload(api, admin.accessToken, svg, 'innocent.png', 'image/png');
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const problem = await res.json();
    expect(problem.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(problem.errors[0].field).toBe('file');
    expect(await storedKeys()).toEqual(keys);
    expect(await rowCount()).toBe(rows);
  });

  it('answers 413 to an 11 MB upload and leaves nothing behind', async () => {
    const [keys, rows] = [await storedKeys(), await rowCount()];
    const big = Buffer.concat([await picture(10, 10).png().toBuffer(), randomBytes(11 * 1024 * 1024)]);
    const res = await upload(api, admin.accessToken, big, 'huge.png', 'image/png');
    expect(res.status).toBe(413);
    const problem = await res.json();
    expect(problem).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(problem.detail).toMatch(/10 MB/);
    expect(await storedKeys()).toEqual(keys);
    expect(await rowCount()).toBe(rows);
  });

  it('answers a clear 503 when S3 is unreachable, and writes no row', async () => {
    const dead = await startTestApi({ S3_BUCKET: BUCKET, S3_ENDPOINT: 'http://127.0.0.1:1' });
    try {
      const token = (await login(dead, await createUser(dead, 'editor'))).accessToken;
      const rows = await rowCount();
      const res = await upload(dead, token, await picture(50, 50, '#123').png().toBuffer(), 'x.png', 'image/png');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect((await res.json()).code).toBe('STORAGE_UNAVAILABLE');
      expect(await rowCount()).toBe(rows);
    } finally {
      await dead.close();
    }
  });

  it('refuses non-multipart bodies, a wrong or missing file field, and a viewer (403); a viewer may read', async () => {
    expect((await call('POST', '/api/v1/admin/media', admin.accessToken, { file: 'x' })).status).toBe(415);
    const form = new FormData();
    form.append('image', new Blob([await picture(20, 20).png().toBuffer()], { type: 'image/png' }), 'w.png');
    const wrongField = await fetch(`${api.url}/api/v1/admin/media`, {
      method: 'POST',
      headers: bearer(admin.accessToken),
      body: form,
    });
    expect(wrongField.status).toBe(422);
    expect((await wrongField.json()).errors[0].field).toBe('image');
    const empty = new FormData();
    empty.append('alt', 'no file');
    const noFile = await fetch(`${api.url}/api/v1/admin/media`, {
      method: 'POST',
      headers: bearer(admin.accessToken),
      body: empty,
    });
    expect(noFile.status).toBe(422);
    expect((await noFile.json()).errors[0].field).toBe('file');
    const res = await upload(api, viewer.accessToken, await picture(20, 20).png().toBuffer(), 'v.png', 'image/png');
    expect(res.status).toBe(403);
    expect((await call('GET', '/api/v1/admin/media', viewer.accessToken)).status).toBe(200);
  });
});

describe('library', () => {
  it('lists newest first with cursor pagination and search; edits alt and focal point within bounds', async () => {
    const ids: string[] = [];
    for (const color of ['#101', '#202', '#303']) {
      const res = await upload(
        api,
        admin.accessToken,
        await picture(30, 30, color).png().toBuffer(),
        `liste-${color.slice(1)}.png`,
        'image/png',
      );
      ids.push((await res.json()).id);
    }
    const first = await (await call('GET', '/api/v1/admin/media?limit=2&q=liste-', viewer.accessToken)).json();
    expect(first.items.map((m: { id: string }) => m.id)).toEqual([ids[2], ids[1]]);
    const second = await (
      await call('GET', `/api/v1/admin/media?limit=2&q=liste-&cursor=${first.nextCursor}`, viewer.accessToken)
    ).json();
    expect(second.items.map((m: { id: string }) => m.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await call('GET', '/api/v1/admin/media?limit=101', viewer.accessToken)).status).toBe(422);

    const patched = await call('PATCH', `/api/v1/admin/media/${ids[0]}`, admin.accessToken, {
      alt: 'Mor kare',
      focalX: 20,
      focalY: 80,
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ alt: 'Mor kare', focalX: 20, focalY: 80 });
    const bad = await call('PATCH', `/api/v1/admin/media/${ids[0]}`, admin.accessToken, {
      focalX: 101,
      alt: 'x'.repeat(501),
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify((await bad.json()).errors)).toMatch(/focalX[\s\S]*alt|alt[\s\S]*focalX/);
    expect((await call('PATCH', `/api/v1/admin/media/${ids[0]}`, viewer.accessToken, { alt: 'no' })).status).toBe(403);
    expect((await call('GET', `/api/v1/admin/media/${uuidv7()}`, viewer.accessToken)).status).toBe(404);
  });

  it('refuses to delete media a post or project uses (409 listing them); force clears them and removes the files', async () => {
    const res = await upload(
      api,
      admin.accessToken,
      await picture(700, 400, '#345').png().toBuffer(),
      'kapak.png',
      'image/png',
    );
    const item = await res.json();
    await variantsHandler()({ mediaId: item.id }, { id: item.id, attempt: 1 });
    const keys = (await storedKeys()).filter((k) => k.includes(item.sha256));
    expect(keys.length).toBe(5); // original + 320/640 × webp/avif

    const db = api.infra.database.db;
    const doc = { root: { type: 'root', children: [] } } as unknown as LexicalState;
    const postId = uuidv7();
    const projectId = uuidv7();
    const other = uuidv7();
    await db.insert(posts).values({
      id: postId,
      slug: `p-${postId}`,
      title: 'Kapaklı yazı',
      content: doc,
      html: '',
      plainText: '',
      toc: [],
      authorId: adminId,
      coverMediaId: item.id,
      ogImageMediaId: item.id,
    });
    await db.insert(projects).values({
      id: projectId,
      slug: `pr-${projectId}`,
      title: 'Proje',
      body: doc,
      html: '',
      techStack: [],
      imageIds: [other, item.id],
    });

    const refused = await call('DELETE', `/api/v1/admin/media/${item.id}`, admin.accessToken);
    expect(refused.status).toBe(409);
    const problem = await refused.json();
    expect(problem.code).toBe('MEDIA_IN_USE');
    expect(
      problem.errors.map((e: { field: string; value: { id: string } }) => `${e.field}:${e.value.id}`).sort(),
    ).toEqual([`coverMediaId:${postId}`, `imageIds:${projectId}`, `ogImageMediaId:${postId}`].sort());
    expect(await rowCount()).toBeGreaterThan(0);
    expect((await call('GET', `/api/v1/admin/media/${item.id}`, admin.accessToken)).status).toBe(200);

    expect((await call('DELETE', `/api/v1/admin/media/${item.id}?force=true`, admin.accessToken)).status).toBe(204);
    const [post] = await db.select().from(posts).where(eq(posts.id, postId));
    expect([post!.coverMediaId, post!.ogImageMediaId]).toEqual([null, null]);
    const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
    expect(project!.imageIds).toEqual([other]);
    expect((await call('GET', `/api/v1/admin/media/${item.id}`, admin.accessToken)).status).toBe(404);
    expect((await storedKeys()).filter((k) => k.includes(item.sha256))).toEqual([]);
    const events = await db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, item.id));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['media.deleted', 'site.changed']));
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, item.id), eq(auditLog.action, 'media.delete'))),
    ).toHaveLength(1);
  });

  it('the orphan sweep deletes objects no row owns once they are an hour old, and keeps the rest', async () => {
    const owned = await storedKeys();
    expect(owned.length).toBeGreaterThan(0);
    const orphanSha = createHash('sha256').update(randomBytes(16)).digest('hex');
    const orphans = [`media/${orphanSha}/lost.png`, `media/${orphanSha}/w320.webp`];
    for (const key of orphans) await api.infra.storage.put(key, await picture(5, 5).png().toBuffer(), 'image/png');

    const job = buildJobRegistry(api.infra).find((j) => j.spec.name === 'media-orphans')!.handle as (d: {
      slot: string;
    }) => Promise<Record<string, number>>;
    expect(await job({ slot: 'test' })).toMatchObject({ deleted: 0, young: 2 });
    expect(await storedKeys()).toEqual(expect.arrayContaining(orphans));

    // Two hours on, with a small page size so the sweep pages through the listing.
    const report = await composeMedia(api.infra).orphans.run(new Date(Date.now() + 2 * 3_600_000), 3);
    expect(report).toMatchObject({ deleted: 2, young: 0, foreign: 0 });
    expect(report.scanned).toBe(owned.length + 2);
    expect(report.requeued).toBeGreaterThan(0); // the rows whose variants job never ran here
    expect((await storedKeys()).sort()).toEqual([...owned].sort());
  });
});
