import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LexicalDocument } from '../../dtos/content.dto.js';
import type { AppError } from '../../errors/app-error.js';
import type { AuditRepository } from '../../repositories/audit.repository.js';
import type { TransactionRunner } from '../../repositories/database.js';
import type { PostRepository } from '../../repositories/post.repository.js';
import { FakeAuditRepository } from '../../../test/fakes/fake-audit.repository.js';
import { FakeCache } from '../../../test/fakes/fake-cache.js';
import { FakeOutbox } from '../../../test/fakes/fake-outbox.js';
import { FakePostRepository } from '../../../test/fakes/fake-post.repository.js';
import { FakeTransactions } from '../../../test/fakes/fake-transactions.js';
import { inject } from '../../../test/fakes/port.js';
import { AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';
import { ContentChanges } from './content-changes.js';
import { PostService } from './post.service.js';
import { PreviewTokens } from './preview-tokens.js';
import { PublishingService, type PublishScheduler } from './publishing.service.js';

const ADMIN = '00000000-0000-7000-8000-00000000000a';
const AUTHOR = '00000000-0000-7000-8000-00000000000b';
const OTHER_AUTHOR = '00000000-0000-7000-8000-00000000000c';
const actor = (userId: string, role: 'admin' | 'author' | 'editor' = 'admin'): Actor => ({
  principal: { kind: 'user', userId, role, sessionFamilyId: 'fam', jti: 'jti', tokenExpiresAt: 0, via: 'bearer' },
  ip: '127.0.0.1',
  userAgent: 'spec',
});
const admin = actor(ADMIN);
const author = actor(AUTHOR, 'author');

function doc(text: string): LexicalDocument {
  return {
    root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] },
  } as unknown as LexicalDocument;
}

class FakeScheduler implements PublishScheduler {
  jobs: { postId: string; at: Date }[] = [];
  down = false;
  async schedulePublish(postId: string, at: Date): Promise<void> {
    if (this.down) throw new Error('Redis is down');
    this.jobs.push({ postId, at });
  }
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!err) throw new Error('expected a rejection');
  return err as AppError;
}

let repo: FakePostRepository;
let outbox: FakeOutbox;
let cache: FakeCache;
let auditRows: FakeAuditRepository;
let tx: FakeTransactions;
let scheduler: FakeScheduler;
let posts: PostService;
let publishing: PublishingService;

beforeEach(() => {
  repo = new FakePostRepository();
  repo.authors.set(ADMIN, 'Ada').set(AUTHOR, 'Bo').set(OTHER_AUTHOR, 'Cy');
  outbox = new FakeOutbox();
  cache = new FakeCache();
  auditRows = new FakeAuditRepository();
  tx = new FakeTransactions().enlist(repo, outbox, auditRows);
  scheduler = new FakeScheduler();
  const changes = new ContentChanges(outbox, cache);
  const audit = new AuditService(inject<AuditRepository>(auditRows));
  const postRepo = inject<PostRepository>(repo);
  const runner = inject<TransactionRunner>(tx);
  posts = new PostService(postRepo, runner, changes, audit, async (a) =>
    a.principal.kind === 'user' ? a.principal.userId : ADMIN,
  );
  publishing = new PublishingService(
    postRepo,
    posts,
    runner,
    changes,
    audit,
    scheduler,
    new PreviewTokens('x'.repeat(40), 'spec'),
    (t) => `http://site.test/preview/${t}`,
    async () => new Map(),
  );
});

afterEach(() => {
  vi.useRealTimers();
});

/** A published post and a clean slate of events, cache calls and audit lines. */
async function publishedPost(title = 'Live post', by: Actor = admin) {
  const created = await posts.create(by, { title, content: doc('first') });
  await publishing.publish(admin, created.id);
  outbox.events = [];
  cache.invalidated = [];
  auditRows.rows = [];
  return repo.posts.get(created.id)!;
}

describe('PostService.create', () => {
  it('refuses a requested slug that is taken: 409 naming body.slug, nothing written', async () => {
    await posts.create(admin, { title: 'One', slug: 'same', content: doc('a') });
    const before = { posts: repo.posts.size, revisions: repo.revisionRows.length, audit: auditRows.rows.length };
    const err = await rejection(posts.create(admin, { title: 'Two', slug: 'same', content: doc('b') }));
    expect(err.status).toBe(409);
    expect(err.errors?.[0]?.field).toBe('body.slug');
    expect({ posts: repo.posts.size, revisions: repo.revisionRows.length, audit: auditRows.rows.length }).toEqual(
      before,
    );
  });

  it('numbers a generated slug when the title’s slug is taken', async () => {
    await posts.create(admin, { title: 'Hello world', content: doc('a') });
    const second = await posts.create(admin, { title: 'Hello world', content: doc('b') });
    const third = await posts.create(admin, { title: 'Hello world', content: doc('c') });
    expect([second.slug, third.slug]).toEqual(['hello-world-2', 'hello-world-3']);
  });

  it('turns a cover image that does not exist into 422 on body.coverMediaId and rolls everything back', async () => {
    const err = await rejection(
      posts.create(admin, {
        title: 'Cover',
        content: doc('a'),
        coverMediaId: '00000000-0000-7000-8000-0000000000ff',
        tags: ['news'],
      }),
    );
    expect(err.status).toBe(422);
    expect(err.errors?.[0]?.field).toBe('body.coverMediaId');
    expect(repo.posts.size).toBe(0);
    expect(repo.revisionRows).toEqual([]);
    expect(repo.tags.size).toBe(0);
    expect(auditRows.actions()).toEqual([]);
    expect(tx.rolledBack).toBe(1);
  });

  it('refuses content that is not a Lexical document before writing anything (422 on body.content)', async () => {
    const bad = {
      root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'html', html: '<script>' }] }] },
    } as unknown as LexicalDocument;
    const err = await rejection(posts.create(admin, { title: 'Bad', content: bad }));
    expect(err.status).toBe(422);
    expect(err.errors?.[0]?.field).toMatch(/^body\.content/);
    expect(repo.posts.size).toBe(0);
    expect(tx.committed + tx.rolledBack).toBe(0);
  });
});

describe('PostService.update', () => {
  it('answers 409 VERSION_CONFLICT for a stale version and changes nothing', async () => {
    const p = await posts.create(admin, { title: 'v', content: doc('a') });
    await posts.update(admin, p.id, { title: 'v2', version: 1 });
    const err = await rejection(posts.update(admin, p.id, { title: 'v3', version: 1 }));
    expect(err.code).toBe('VERSION_CONFLICT');
    expect(repo.posts.get(p.id)).toMatchObject({ title: 'v2', version: 2 });
    expect(repo.revisionRows).toHaveLength(2);
  });

  it('loses a race with a save between its read and its write: 409, its own change rolled back', async () => {
    const p = await posts.create(admin, { title: 'race', content: doc('a') });
    const real = repo.update.bind(repo);
    let interfered = false;
    repo.update = async (id, patch, t, expected) => {
      if (!interfered) {
        interfered = true;
        await real(id, { title: 'someone else' });
      }
      return real(id, patch, t, expected);
    };
    const err = await rejection(posts.update(admin, p.id, { title: 'mine', content: doc('b'), tags: ['x'] }));
    expect(err.code).toBe('VERSION_CONFLICT');
    // The fake transaction rolled back the interfering write too (it ran inside it); what matters is no half of ours stayed.
    expect(repo.posts.get(p.id)!.title).not.toBe('mine');
    expect(repo.revisionRows).toHaveLength(1);
    expect(repo.postTags.get(p.id) ?? []).toEqual([]);
    expect(auditRows.actions()).toEqual(['post.create']);
  });

  it('refuses a slug another post has (409 on body.slug) and keeps the old one', async () => {
    await posts.create(admin, { title: 'a', slug: 'taken', content: doc('a') });
    const p = await posts.create(admin, { title: 'b', slug: 'mine', content: doc('b') });
    const err = await rejection(posts.update(admin, p.id, { slug: 'taken' }));
    expect(err.status).toBe(409);
    expect(err.errors?.[0]?.field).toBe('body.slug');
    expect(repo.posts.get(p.id)!.slug).toBe('mine');
  });

  it('of a published post: emits post.updated + site.changed in the transaction, keeps the old slug as a redirect, then invalidates the cache', async () => {
    const live = await publishedPost('Old title');
    await posts.update(admin, live.id, { slug: 'new-slug', title: 'New title' });
    expect(outbox.types()).toEqual(['post.updated', 'site.changed']);
    expect(outbox.events[0]!.payload).toMatchObject({ slug: 'new-slug', previousSlug: live.slug });
    expect(await repo.redirectTarget(live.slug)).toBe('new-slug');
    expect(cache.invalidated).toEqual([['posts', 'taxonomy']]);
    expect(auditRows.rows[0]).toMatchObject({
      action: 'post.update',
      diff: { slug: [live.slug, 'new-slug'], title: ['Old title', 'New title'] },
    });
  });

  it('of a draft: no event and no cache invalidation (the site does not show it)', async () => {
    const p = await posts.create(admin, { title: 'draft', content: doc('a') });
    await posts.update(admin, p.id, { title: 'draft 2' });
    expect(outbox.events).toEqual([]);
    expect(cache.invalidated).toEqual([]);
  });

  it('rolls the row, its revision and its event back together when the outbox write fails', async () => {
    const live = await publishedPost('Before');
    outbox.failNext = new Error('Lost connection to MySQL server during query');
    await expect(posts.update(admin, live.id, { title: 'After', content: doc('changed') })).rejects.toThrow(
      /Lost connection/,
    );
    expect(repo.posts.get(live.id)).toMatchObject({ title: 'Before', version: live.version });
    expect(repo.revisionRows.filter((r) => r.postId === live.id)).toHaveLength(1);
    expect(outbox.events).toEqual([]);
    expect(cache.invalidated).toEqual([]);
    expect(auditRows.rows).toEqual([]);
  });

  it('keeps the write when the cache cannot be invalidated (Redis down after the commit)', async () => {
    const live = await publishedPost();
    cache.down = true;
    const updated = await posts.update(admin, live.id, { title: 'Still saved' });
    expect(updated.title).toBe('Still saved');
    expect(outbox.types()).toEqual(['post.updated', 'site.changed']);
  });

  it('forbids an author someone else’s post (403) and leaves it alone', async () => {
    const p = await posts.create(actor(OTHER_AUTHOR, 'author'), { title: 'theirs', content: doc('a') });
    const err = await rejection(posts.update(author, p.id, { title: 'mine now' }));
    expect(err.status).toBe(403);
    expect(repo.posts.get(p.id)!.title).toBe('theirs');
  });

  it('answers 404 for a post that does not exist', async () => {
    expect((await rejection(posts.update(admin, '00000000-0000-7000-8000-000000000999', { title: 'x' }))).status).toBe(
      404,
    );
  });
});

describe('revision coalescing', () => {
  it('amends the newest revision within a burst of one person, never the first, and starts a new one after 10 minutes or for someone else', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-01T10:00:00Z'), toFake: ['Date'] });
    const p = await posts.create(admin, { title: 't', content: doc('v1') });
    await posts.update(admin, p.id, { content: doc('v2') }); // revision 1 is never amended
    vi.setSystemTime(new Date('2025-01-01T10:05:00Z'));
    await posts.update(admin, p.id, { content: doc('v3') }); // same burst: amends revision 2
    let revs = await repo.revisions(p.id);
    expect(revs.map((r) => r.revision)).toEqual([2, 1]);
    expect(JSON.stringify(revs[0]!.content)).toContain('v3');
    expect(JSON.stringify(revs[1]!.content)).toContain('v1');

    vi.setSystemTime(new Date('2025-01-01T10:16:00Z')); // more than 10 minutes after the amended save
    await posts.update(admin, p.id, { content: doc('v4') });
    await posts.update(actor(OTHER_AUTHOR, 'editor'), p.id, { content: doc('v5') }); // someone else: new revision
    revs = await repo.revisions(p.id);
    expect(revs.map((r) => r.revision)).toEqual([4, 3, 2, 1]);
    expect(revs[0]!.savedBy).toBe(OTHER_AUTHOR);
  });

  it('restoring a revision is a new revision even inside a burst', async () => {
    const p = await posts.create(admin, { title: 'first', content: doc('v1') });
    await posts.update(admin, p.id, { title: 'second', content: doc('v2') });
    const first = (await repo.revisions(p.id)).find((r) => r.revision === 1)!;
    const restored = await posts.restore(admin, p.id, first.id);
    expect(restored.title).toBe('first');
    expect((await repo.revisions(p.id)).map((r) => r.revision)).toEqual([3, 2, 1]);
  });

  it('a revision of another post is not found (404), and nothing is saved', async () => {
    const a = await posts.create(admin, { title: 'a', content: doc('a') });
    const b = await posts.create(admin, { title: 'b', content: doc('b') });
    const revOfA = (await repo.revisions(a.id))[0]!;
    expect((await rejection(posts.restore(admin, b.id, revOfA.id))).status).toBe(404);
    expect(repo.posts.get(b.id)!.version).toBe(1);
  });
});

describe('pending changes of a published post', () => {
  it('are refused for a post that is not live (409)', async () => {
    const p = await posts.create(admin, { title: 'draft', content: doc('a') });
    expect((await rejection(posts.savePending(admin, p.id, { title: 'x' }))).status).toBe(409);
    expect(repo.posts.get(p.id)!.pendingChanges).toBeNull();
  });

  it('are kept aside: the live columns, version and events stay as they were', async () => {
    const live = await publishedPost('Live');
    const view = await posts.savePending(admin, live.id, { title: 'Next', version: live.version });
    expect(view.title).toBe('Live');
    expect(view.pendingChanges?.changes).toEqual({ title: 'Next' });
    expect(repo.posts.get(live.id)).toMatchObject({ title: 'Live', version: live.version });
    expect(outbox.events).toEqual([]);
    expect(cache.invalidated).toEqual([]);
  });

  it('are checked like an update: a taken slug (409), bad content (422), a stale version (409) store nothing', async () => {
    await posts.create(admin, { title: 'other', slug: 'other', content: doc('o') });
    const live = await publishedPost('Live');
    expect((await rejection(posts.savePending(admin, live.id, { slug: 'other' }))).errors?.[0]?.field).toBe(
      'body.slug',
    );
    const bad = { root: { type: 'root', children: [{ type: 'nope' }] } } as unknown as LexicalDocument;
    expect((await rejection(posts.savePending(admin, live.id, { content: bad }))).status).toBe(422);
    expect((await rejection(posts.savePending(admin, live.id, { title: 'x', version: live.version - 1 }))).code).toBe(
      'VERSION_CONFLICT',
    );
    expect(repo.posts.get(live.id)!.pendingChanges).toBeNull();
  });

  it('publishing them with a stale version is a 409 that keeps them; with the right one they go live as one new revision', async () => {
    const live = await publishedPost('Live');
    await posts.savePending(admin, live.id, { title: 'Next', content: doc('next') });
    const err = await rejection(posts.publishPending(admin, live.id, live.version + 5));
    expect(err.code).toBe('VERSION_CONFLICT');
    expect(repo.posts.get(live.id)!.pendingChanges?.changes).toMatchObject({ title: 'Next' });
    expect(outbox.events).toEqual([]);

    const revisionsBefore = repo.revisionRows.length;
    const done = await posts.publishPending(admin, live.id, live.version);
    expect(done.title).toBe('Next');
    expect(done.pendingChanges).toBeNull();
    expect(repo.revisionRows.length).toBe(revisionsBefore + 1);
    expect(outbox.types()).toEqual(['post.updated', 'site.changed']);
    expect(cache.invalidated).toEqual([['posts', 'taxonomy']]);
  });

  it('discarding them clears them and leaves an audit line; discarding none writes nothing', async () => {
    const live = await publishedPost('Live');
    await posts.discardPending(admin, live.id);
    expect(auditRows.rows).toEqual([]);
    await posts.savePending(admin, live.id, { title: 'Next' });
    await posts.discardPending(admin, live.id);
    expect(repo.posts.get(live.id)!.pendingChanges).toBeNull();
    expect(auditRows.actions()).toEqual(['post.pending.discard']);
  });
});

describe('PostService.delete', () => {
  it('an author may delete an own draft but not an own published post (403, still there, no event)', async () => {
    const draft = await posts.create(author, { title: 'draft', content: doc('a') });
    await posts.delete(author, draft.id);
    expect(repo.posts.has(draft.id)).toBe(false);
    const live = await publishedPost('mine', author);
    expect((await rejection(posts.delete(author, live.id))).status).toBe(403);
    expect(repo.posts.has(live.id)).toBe(true);
    expect(outbox.events).toEqual([]);
  });

  it('of a published post emits post.deleted and site.changed and drops its redirects; of a draft, nothing', async () => {
    const live = await publishedPost('Gone');
    await posts.update(admin, live.id, { slug: 'renamed' });
    outbox.events = [];
    cache.invalidated = [];
    await posts.delete(admin, live.id);
    expect(outbox.types()).toEqual(['post.deleted', 'site.changed']);
    expect(repo.redirects.size).toBe(0);
    expect(cache.invalidated).toEqual([['posts', 'taxonomy']]);

    const draft = await posts.create(admin, { title: 'draft', content: doc('a') });
    outbox.events = [];
    cache.invalidated = [];
    await posts.delete(admin, draft.id);
    expect(outbox.events).toEqual([]);
    expect(cache.invalidated).toEqual([]);
  });
});

describe('PublishingService', () => {
  it('publish commits the status, the event and the audit line together, then invalidates; a second publish emits nothing', async () => {
    const p = await posts.create(admin, { title: 'Soon', content: doc('a') });
    auditRows.rows = [];
    const view = await publishing.publish(admin, p.id);
    expect(view.status).toBe('published');
    expect(outbox.types()).toEqual(['post.published', 'site.changed']);
    expect(auditRows.actions()).toEqual(['post.publish']);
    expect(cache.invalidated).toEqual([['posts', 'taxonomy']]);
    await publishing.publish(admin, p.id);
    expect(outbox.events).toHaveLength(2);
    expect(cache.invalidated).toHaveLength(1);
  });

  it('publish that loses the version race (another worker published first) emits and audits nothing', async () => {
    const p = await posts.create(admin, { title: 'Race', content: doc('a') });
    auditRows.rows = [];
    const real = repo.update.bind(repo);
    repo.update = async (id, patch, t, expected) => {
      repo.update = real;
      await real(id, { title: 'edited meanwhile' });
      return real(id, patch, t, expected);
    };
    const view = await publishing.publish(admin, p.id);
    expect(view.status).toBe('draft');
    expect(outbox.events).toEqual([]);
    expect(auditRows.rows).toEqual([]);
    expect(cache.invalidated).toEqual([]);
  });

  it('publish whose event cannot be written stays a draft: no audit line, no invalidation', async () => {
    const p = await posts.create(admin, { title: 'Fails', content: doc('a') });
    auditRows.rows = [];
    outbox.failNext = new Error('outbox insert failed');
    await expect(publishing.publish(admin, p.id)).rejects.toThrow('outbox insert failed');
    expect(repo.posts.get(p.id)).toMatchObject({ status: 'draft', publishedAt: null, version: 1 });
    expect(auditRows.rows).toEqual([]);
    expect(cache.invalidated).toEqual([]);
  });

  it('publish of a post that does not exist is a 404', async () => {
    expect((await rejection(publishing.publish(admin, '00000000-0000-7000-8000-000000000999'))).status).toBe(404);
  });

  it('unpublish of a live post emits post.unpublished; archiving a draft emits nothing but is audited', async () => {
    const live = await publishedPost('Live');
    await publishing.unpublish(admin, live.id);
    expect(outbox.types()).toEqual(['post.unpublished', 'site.changed']);
    expect(repo.posts.get(live.id)!.status).toBe('draft');
    outbox.events = [];
    cache.invalidated = [];
    await publishing.unpublish(admin, live.id, 'archived');
    expect(outbox.events).toEqual([]);
    expect(cache.invalidated).toEqual([]);
    expect(auditRows.actions()).toEqual(['post.unpublish', 'post.archive']);
  });

  it('schedule refuses a past or invalid time (422 on body.at) and a published post (409), writing nothing', async () => {
    const p = await posts.create(admin, { title: 'Later', content: doc('a') });
    for (const at of ['2000-01-01T00:00:00Z', 'not a date']) {
      const err = await rejection(publishing.schedule(admin, p.id, at));
      expect(err.status).toBe(422);
      expect(err.errors?.[0]?.field).toBe('body.at');
    }
    const live = await publishedPost('Live');
    expect(
      (await rejection(publishing.schedule(admin, live.id, new Date(Date.now() + 60_000).toISOString()))).status,
    ).toBe(409);
    expect(scheduler.jobs).toEqual([]);
    expect(repo.posts.get(p.id)!.status).toBe('draft');
  });

  it('a schedule whose job cannot be queued still leaves a scheduled post that the due sweep publishes', async () => {
    const p = await posts.create(admin, { title: 'Lost job', content: doc('a') });
    const at = new Date(Date.now() + 60_000);
    scheduler.down = true;
    await expect(publishing.schedule(admin, p.id, at.toISOString())).rejects.toThrow('Redis is down');
    expect(repo.posts.get(p.id)).toMatchObject({ status: 'scheduled', scheduledAt: at });
    expect(await publishing.publishDue(new Date(at.getTime() - 1000))).toBe(0);
    vi.useFakeTimers({ now: at.getTime() + 1000, toFake: ['Date'] });
    expect(await publishing.publishDue(new Date())).toBe(1);
    expect(repo.posts.get(p.id)!.status).toBe('published');
    expect(outbox.types()).toEqual(['post.published', 'site.changed']);
  });

  it('a scheduled job for a time the post was moved from, or not due yet, publishes nothing', async () => {
    const p = await posts.create(admin, { title: 'Moved', content: doc('a') });
    const first = new Date(Date.now() + 60_000);
    const second = new Date(Date.now() + 120_000);
    await publishing.schedule(admin, p.id, first.toISOString());
    await publishing.schedule(admin, p.id, second.toISOString());
    vi.useFakeTimers({ now: first.getTime() + 1000, toFake: ['Date'] });
    expect(await publishing.publishScheduled(p.id, first)).toBe(false); // the old job
    expect(await publishing.publishScheduled(p.id, second)).toBe(false); // not due yet
    expect(repo.posts.get(p.id)!.status).toBe('scheduled');
    expect(outbox.events).toEqual([]);
  });

  it('a re-run of a scheduled job after the publish committed only invalidates the cache again', async () => {
    const live = await publishedPost('Done');
    expect(await publishing.publishScheduled(live.id, new Date())).toBe(false);
    expect(outbox.events).toEqual([]);
    expect(cache.invalidated).toEqual([['posts', 'taxonomy']]);
  });

  it('a preview token for another kind, or a forged one, is 401', async () => {
    const p = await posts.create(admin, { title: 'Preview', content: doc('a') });
    const tokens = new PreviewTokens('x'.repeat(40), 'spec');
    const pageToken = (await tokens.sign('page', p.id)).token;
    expect((await rejection(publishing.preview(pageToken))).status).toBe(401);
    const forged = (await new PreviewTokens('y'.repeat(40), 'spec').sign('post', p.id)).token;
    expect((await rejection(publishing.preview(forged))).status).toBe(401);
    const link = await publishing.previewLink(admin, p.id);
    expect((await publishing.preview(link.token)).title).toBe('Preview');
  });
});
