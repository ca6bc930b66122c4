import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/db/seed.js';
import * as t from '../src/db/schema.js';
import { createDatabase, type Database } from '../src/repositories/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { testDatabaseUrl } from './env.js';

let database: Database;
beforeAll(() => {
  database = createDatabase(testDatabaseUrl(), { poolSize: 2, timeoutMs: 5000 });
});
afterAll(() => database.close());

describe('schema', () => {
  it('has every table of the domain, utf8mb4', async () => {
    const [rows] = await database.pool.query<import('mysql2').RowDataPacket[]>(
      'SELECT table_name AS name, table_collation AS collation FROM information_schema.tables WHERE table_schema = DATABASE()',
    );
    const names = rows.map((r) => r.name as string);
    for (const table of [
      'users',
      'sessions',
      'api_keys',
      'posts',
      'post_revisions',
      'tags',
      'post_tags',
      'projects',
      'pages',
      'skills',
      'media',
      'contact_messages',
      'site_settings',
      'webhooks',
      'webhook_deliveries',
      'outbox_events',
      'audit_log',
      'paas_apps',
      'paas_deployments',
      'site_builds',
      '__drizzle_migrations',
    ])
      expect(names).toContain(table);
    for (const r of rows.filter((r) => r.name !== '__drizzle_migrations')) expect(r.collation).toMatch(/^utf8mb4/);
  });

  it('round-trips Turkish text and emoji', async () => {
    const name = 'Çağrı Işık — ğüşiöç İĞÜŞÖÇ 🚀';
    await database.db.insert(t.tags).values({ name, slug: 'turkce-test' });
    const [row] = await database.db.select().from(t.tags).where(eq(t.tags.slug, 'turkce-test'));
    expect(row?.name).toBe(name);
    await database.db.delete(t.tags).where(eq(t.tags.slug, 'turkce-test'));
  });
});

describe('seed', () => {
  // Its own empty database: other test files create posts, and the seed only fills an empty one.
  let fresh: Database;
  let freshUrl: URL;
  beforeAll(async () => {
    freshUrl = new URL(testDatabaseUrl());
    freshUrl.pathname = `/${freshUrl.pathname.slice(1).replace(/_test$/, '')}_seed${Date.now()}_test`;
    await database.pool.query(
      `CREATE DATABASE \`${freshUrl.pathname.slice(1)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await runMigrations(freshUrl.toString());
    fresh = createDatabase(freshUrl.toString(), { poolSize: 2, timeoutMs: 5000 });
  });
  afterAll(async () => {
    await fresh.close();
    await database.pool.query(`DROP DATABASE IF EXISTS \`${freshUrl.pathname.slice(1)}\``);
  });

  it('creates the admin and demo content once; a second run changes nothing', async () => {
    const database = fresh;
    const first = await seed(database.db, { email: 'Owner@Example.com', password: '' });
    expect(first.adminCreated).toBe(true);
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(first.contentCreated).toBe(true);

    const count = async () => {
      const [[r]] = await database.pool.query<import('mysql2').RowDataPacket[]>(
        'SELECT (SELECT count(*) FROM users) u, (SELECT count(*) FROM posts) p, (SELECT count(*) FROM projects) pr, (SELECT count(*) FROM skills) s, (SELECT count(*) FROM pages) pg',
      );
      return r;
    };
    const before = await count();
    expect(Number(before!.p)).toBeGreaterThanOrEqual(3);
    expect(Number(before!.pr)).toBeGreaterThanOrEqual(2);

    const second = await seed(database.db, { email: 'owner@example.com', password: '' });
    expect(second).toEqual({ adminCreated: false, contentCreated: false });
    expect(await count()).toEqual(before);

    const [admin] = await database.db.select().from(t.users).where(eq(t.users.email, 'owner@example.com'));
    expect(admin?.role).toBe('admin');
    expect(admin?.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
    expect(admin?.passwordHash).toMatch(/m=19456/);
    expect(admin?.passwordHash).toMatch(/t=2/);

    const turkish = await database.db
      .select()
      .from(t.posts)
      .where(sql`${t.posts.title} LIKE ${'%çalıştırmak%'}`);
    expect(turkish).toHaveLength(1);
    expect(turkish[0]!.html).toContain('<h2 id="kontrol-listesi">Kontrol listesi</h2>');
    expect(turkish[0]!.content.root.type).toBe('root');
  });
});
