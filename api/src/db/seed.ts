import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { join, resolve } from 'node:path';
import type { Env } from '../config/env.js';
import { loadConfig, repoRoot } from '../config/load.js';
import { webhookSecretBox } from '../services/webhooks/webhook-secrets.js';
import { seedSiteBuilder } from './seed-site-builder.js';
import { createDatabase, type Db } from '../repositories/database.js';
import { PasswordHasher } from '../repositories/password-hasher.js';
import { renderLexical } from '../services/content/lexical-render.js';
import { aboutPage, demoPosts, demoProjects, demoSettings, demoSkills, demoTags } from './seed-content.js';
import * as t from './schema.js';

export interface SeedResult {
  adminCreated: boolean;
  generatedPassword?: string;
  contentCreated: boolean;
}

/**
 * Creates the admin (when no user has that e-mail) and the demo content (when there are no posts),
 * in one transaction, so running it twice changes nothing and a failure leaves nothing half-made.
 */
export async function seed(db: Db, admin: { email: string; password: string }): Promise<SeedResult> {
  const generatedPassword = admin.password ? undefined : randomBytes(15).toString('base64url');
  const passwordHash = await new PasswordHasher().hash(admin.password || generatedPassword!);

  return db.transaction(async (tx) => {
    const result: SeedResult = { adminCreated: false, contentCreated: false };
    const email = admin.email.toLowerCase();
    let [owner] = await tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).for('update');
    if (!owner) {
      await tx
        .insert(t.users)
        .values({ email, name: demoSettings.author.name, passwordHash, role: 'admin', passwordChangedAt: new Date() });
      [owner] = await tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email));
      result.adminCreated = true;
      if (generatedPassword) result.generatedPassword = generatedPassword;
    }

    const [count] = await tx.select({ posts: sql<number>`count(*)` }).from(t.posts);
    if (Number(count?.posts ?? 0) > 0) return result;
    result.contentCreated = true;

    const tagIds = new Map<string, string>();
    for (const tag of demoTags) {
      const id = uuidv7();
      await tx.insert(t.tags).values({ id, ...tag });
      tagIds.set(tag.slug, id);
    }
    const now = Date.now();
    for (const [i, post] of demoPosts.entries()) {
      const rendered = renderLexical(post.content);
      const id = uuidv7();
      const publishedAt = new Date(now - (demoPosts.length - i) * 86_400_000 * 3);
      await tx.insert(t.posts).values({
        id,
        slug: post.slug,
        title: post.title,
        excerpt: post.excerpt,
        content: post.content,
        html: rendered.html,
        plainText: rendered.plainText,
        toc: rendered.toc,
        readingTimeMinutes: rendered.readingTimeMinutes,
        authorId: owner!.id,
        featured: post.featured,
        status: 'published',
        publishedAt,
      });
      await tx.insert(t.postRevisions).values({
        postId: id,
        revision: 1,
        title: post.title,
        excerpt: post.excerpt,
        content: post.content,
        savedBy: owner!.id,
      });
      await tx
        .insert(t.postTags)
        .values(post.tags.map((slug, position) => ({ postId: id, tagId: tagIds.get(slug)!, position })));
    }
    for (const project of demoProjects) {
      await tx.insert(t.projects).values({
        ...project,
        html: renderLexical(project.body).html,
        imageIds: [],
        status: 'published',
        publishedAt: new Date(now),
      });
    }
    await tx.insert(t.pages).values({
      ...aboutPage,
      html: renderLexical(aboutPage.content).html,
      status: 'published',
      publishedAt: new Date(now),
    });
    await tx.insert(t.skills).values(demoSkills);
    await tx.insert(t.siteSettings).values(Object.entries(demoSettings).map(([key, value]) => ({ key, value })));
    return result;
  });
}

/**
 * The seed as a command: admin and demo content (above), then the site builder's webhook and API key
 * (secrets in DATA_DIR/secrets). Prints the generated admin password once. Used by `npm run seed`
 * and by the one-shot `db/setup.ts`.
 */
export async function runSeed(env: Env, log: (line: string) => void = console.log): Promise<void> {
  const database = createDatabase(env.DATABASE_URL, { poolSize: 2, timeoutMs: 10_000 });
  try {
    const r = await seed(database.db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    if (r.adminCreated) {
      log(`admin created: ${env.ADMIN_EMAIL}`);
      if (r.generatedPassword) log(`generated admin password (shown once, store it now): ${r.generatedPassword}`);
    } else {
      log(`admin ${env.ADMIN_EMAIL} already exists`);
    }
    log(r.contentCreated ? 'demo content created' : 'content already present; demo content skipped');
    const s = await seedSiteBuilder(database.db, {
      builderUrl: env.SITE_BUILDER_URL,
      secretsDir: join(resolve(repoRoot(), env.DATA_DIR), 'secrets'),
      webhookSecret: process.env.SITE_WEBHOOK_SECRET || undefined,
      sealer: webhookSecretBox(env.JWT_SECRET),
      ownerEmail: env.ADMIN_EMAIL,
    });
    log(`site builder: webhook ${s.webhook}, api key ${s.key}`);
  } finally {
    await database.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runSeed(loadConfig()).catch((err: unknown) => {
    console.error('seed failed:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
