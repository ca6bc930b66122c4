import type { AdminPost, PreviewLink, PublicPost } from '../../dtos/post.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { TransactionRunner } from '../../repositories/database.js';
import type { PostRepository, PostWithAuthor } from '../../repositories/post.repository.js';
import type { AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';
import type { ContentChanges } from './content-changes.js';
import { CACHE_NS } from './events.js';
import type { PostService } from './post.service.js';
import { bodyMediaShas, imageIdsOf, publicPost } from './post-views.js';
import type { ImageLookup } from './public-posts.service.js';
import type { PreviewTokens } from './preview-tokens.js';

export interface PublishScheduler {
  /** Enqueues the publish job for `at` (idempotent per post and time). */
  schedulePublish(postId: string, at: Date): Promise<void>;
}

/** Status changes of posts. A scheduled publish runs `publish` itself, so its events are identical. */
export class PublishingService {
  constructor(
    private readonly posts: PostRepository,
    private readonly postService: PostService,
    private readonly tx: TransactionRunner,
    private readonly changes: ContentChanges,
    private readonly audit: AuditService,
    private readonly scheduler: PublishScheduler,
    private readonly previews: PreviewTokens,
    private readonly previewUrl: (token: string) => string,
    private readonly images: ImageLookup,
  ) {}

  async publish(actor: Actor | null, id: string): Promise<AdminPost> {
    const post = await this.postService.require(id);
    if (post.status === 'published') return this.view(actor, id);
    const publishedAt = post.publishedAt ?? new Date();
    // Guarded by the version: two workers (or a worker and an editor) racing publish it once. The
    // audit line commits with the change: a worker killed right after the commit cannot lose it.
    const won = await this.tx.run(async (tx) => {
      if (!(await this.posts.update(id, { status: 'published', publishedAt, scheduledAt: null }, tx, post.version)))
        return false;
      await this.changes.emit(
        tx,
        'post.published',
        { type: 'post', id },
        { slug: post.slug, title: post.title, publishedAt: publishedAt.toISOString() },
      );
      await this.audit.record(actor, 'post.publish', { type: 'post', id }, { status: [post.status, 'published'] }, tx);
      return true;
    });
    if (!won) return this.view(actor, id);
    await this.changes.invalidate(CACHE_NS.posts, CACHE_NS.taxonomy);
    return this.view(actor, id);
  }

  async unpublish(actor: Actor, id: string, to: 'draft' | 'archived' = 'draft'): Promise<AdminPost> {
    const post = await this.postService.require(id);
    if (post.status === to) return this.view(actor, id);
    const wasPublic = post.status === 'published';
    await this.tx.run(async (tx) => {
      await this.posts.update(id, { status: to, scheduledAt: null }, tx);
      if (wasPublic)
        await this.changes.emit(tx, 'post.unpublished', { type: 'post', id }, { slug: post.slug, status: to });
    });
    if (wasPublic) await this.changes.invalidate(CACHE_NS.posts, CACHE_NS.taxonomy);
    await this.audit.record(
      actor,
      to === 'archived' ? 'post.archive' : 'post.unpublish',
      { type: 'post', id },
      { status: [post.status, to] },
    );
    return this.view(actor, id);
  }

  async schedule(actor: Actor, id: string, atIso: string): Promise<AdminPost> {
    const at = new Date(atIso);
    if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) {
      throw Errors.validation('The publish time must be in the future.', [
        { field: 'body.at', message: 'must be a future date-time' },
      ]);
    }
    const post = await this.postService.require(id);
    if (post.status === 'published') throw Errors.conflict('The post is already published; unpublish it first.');
    await this.posts.update(id, { status: 'scheduled', scheduledAt: at });
    await this.scheduler.schedulePublish(id, at);
    await this.audit.record(actor, 'post.schedule', { type: 'post', id }, { scheduledAt: at.toISOString() });
    return this.view(actor, id);
  }

  /** Worker: publish one scheduled post if it is (still) due at the time it was scheduled for. */
  async publishScheduled(id: string, scheduledFor: Date): Promise<boolean> {
    const post = await this.posts.findById(id);
    if (post?.status === 'published') {
      // A re-run of this job after its worker died between the commit and the cache invalidation
      // (bee-queue re-runs a dead worker's job): invalidate again; a spare version bump is harmless.
      await this.changes.invalidate(CACHE_NS.posts, CACHE_NS.taxonomy);
      return false;
    }
    if (!post || post.status !== 'scheduled' || !post.scheduledAt) return false;
    if (post.scheduledAt.getTime() !== scheduledFor.getTime() || post.scheduledAt.getTime() > Date.now()) return false;
    await this.publish(null, id);
    return true;
  }

  /** Worker sweep: anything overdue (a lost job, a worker that was down) is published now. */
  async publishDue(now = new Date()): Promise<number> {
    let n = 0;
    for (const due of await this.posts.dueScheduled(now)) if (await this.publishScheduled(due.id, due.scheduledAt)) n++;
    return n;
  }

  async previewLink(actor: Actor, id: string): Promise<PreviewLink> {
    const post = await this.postService.require(id);
    this.postService.assertCanEdit(actor, post);
    const { token, expiresAt } = await this.previews.sign('post', id);
    return { token, expiresAt: expiresAt.toISOString(), url: this.previewUrl(token) };
  }

  /** Any status, for the site's preview page; the token is the permission. */
  async preview(token: string): Promise<PublicPost> {
    const claims = await this.previews.verify(token);
    if (!claims || claims.kind !== 'post') throw Errors.invalidToken('The preview link is invalid or expired.');
    const post = await this.posts.findById(claims.id);
    if (!post) throw Errors.notFound('Post not found.');
    const bodyIds = await this.posts.mediaIdsBySha(bodyMediaShas(post.html));
    return publicPost(
      post as PostWithAuthor,
      (await this.posts.tagsFor([post.id])).get(post.id) ?? [],
      await this.images([...imageIdsOf([post]), ...bodyIds]),
      bodyIds,
    );
  }

  private view(actor: Actor | null, id: string): Promise<AdminPost> {
    const system: Actor = {
      principal: { kind: 'apiKey', apiKeyId: 'system', scopes: [], name: 'scheduler' },
      ip: '',
      userAgent: '',
    };
    return this.postService.get(actor ?? system, id);
  }
}
