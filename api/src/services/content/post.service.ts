import { v7 as uuidv7 } from 'uuid';
import type { Page } from '../../dtos/content.dto.js';
import type {
  AdminPost,
  AdminPostSummary,
  CreatePostRequest,
  PostRevision,
  PostRevisionDetail,
  PostSeo,
  PostStatus,
  UpdatePostRequest,
} from '../../dtos/post.dto.js';
import type { LexicalState } from '../../db/schema.js';
import { Errors } from '../../errors/catalogue.js';
import type { TransactionRunner, Tx } from '../../repositories/database.js';
import type { NewPost, PostRepository, PostWithAuthor } from '../../repositories/post.repository.js';
import { changes, type AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';
import type { ContentChanges } from './content-changes.js';
import { clampLimit, decodeCursor, encodeCursor } from './cursor.js';
import { CACHE_NS } from './events.js';
import { adminPost, adminSummary } from './post-views.js';
import { plain, renderRichText, slugify } from './rich-text.js';

/** Resolves who authors a post for an actor (a user, or the user who created an API key). */
export type AuthorResolver = (actor: Actor) => Promise<string>;

/** Saves by one person closer together than this are one editing burst: they amend one revision. */
const BURST_MS = 10 * 60_000;

interface UpdateOptions {
  /** Start a new revision even within an editing burst (restore, publishing pending changes). */
  newRevision?: boolean;
  /** The update publishes the pending changes: they are gone afterwards. */
  clearPending?: boolean;
}

/** Drafting: create, edit (with revisions and optimistic concurrency), delete, list, restore. */
export class PostService {
  constructor(
    private readonly posts: PostRepository,
    private readonly tx: TransactionRunner,
    private readonly changes: ContentChanges,
    private readonly audit: AuditService,
    private readonly authorOf: AuthorResolver,
  ) {}

  async get(actor: Actor, id: string): Promise<AdminPost> {
    const post = await this.require(id);
    this.assertCanSee(actor, post);
    return adminPost(post, (await this.posts.tagsFor([id])).get(id) ?? []);
  }

  async list(
    actor: Actor,
    q: { limit?: number; cursor?: string; status?: PostStatus; tag?: string; q?: string },
  ): Promise<Page<AdminPostSummary>> {
    const limit = clampLimit(q.limit);
    const after = decodeCursor(q.cursor, ['number', 'string']);
    const ownOnly =
      actor.principal.kind === 'user' && actor.principal.role === 'author' ? actor.principal.userId : undefined;
    const rows = await this.posts.listAdmin({
      limit: limit + 1,
      status: q.status,
      tag: q.tag,
      search: q.q?.trim() || undefined,
      authorId: ownOnly,
      after: after ? { updatedAt: new Date(after[0] as number), id: after[1] as string } : undefined,
    });
    const page = rows.slice(0, limit);
    const tags = await this.posts.tagsFor(page.map((p) => p.id));
    const last = page[page.length - 1];
    return {
      items: page.map((p) => adminSummary(p, tags.get(p.id) ?? [])),
      nextCursor: rows.length > limit && last ? encodeCursor([last.updatedAt.getTime(), last.id]) : null,
    };
  }

  async create(actor: Actor, input: CreatePostRequest): Promise<AdminPost> {
    const authorId = await this.authorOf(actor);
    const rendered = renderRichText(input.content as unknown as LexicalState, 'body.content');
    const slug = await this.freeSlug(input.slug, input.title);
    const id = uuidv7();
    await this.tx
      .run(async (tx) => {
        await this.posts.insert(
          {
            id,
            slug,
            title: plain(input.title),
            excerpt: plain(input.excerpt ?? ''),
            content: input.content as unknown as LexicalState,
            html: rendered.html,
            plainText: rendered.plainText,
            toc: rendered.toc,
            readingTimeMinutes: rendered.readingTimeMinutes,
            coverMediaId: input.coverMediaId ?? null,
            authorId,
            featured: input.featured ?? false,
            language: input.language ?? null,
            status: 'draft',
            ...seoColumns(input.seo),
          },
          tx,
        );
        await this.setTags(id, input.tags ?? [], tx);
        await this.posts.addRevision(
          {
            id: uuidv7(),
            postId: id,
            title: plain(input.title),
            excerpt: plain(input.excerpt ?? ''),
            content: input.content as unknown as LexicalState,
            savedBy: actorUser(actor),
          },
          tx,
        );
      })
      .catch(rethrowReference);
    await this.audit.record(actor, 'post.create', { type: 'post', id }, { title: input.title, slug });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: UpdatePostRequest, opts: UpdateOptions = {}): Promise<AdminPost> {
    const post = await this.require(id);
    this.assertCanEdit(actor, post);
    if (input.version !== undefined && input.version !== post.version) {
      throw Errors.versionConflict(
        `You edited version ${input.version}; the post is at version ${post.version}. Reload and merge.`,
      );
    }
    const patch: Partial<NewPost> = {};
    if (input.title !== undefined) patch.title = plain(input.title);
    if (input.excerpt !== undefined) patch.excerpt = plain(input.excerpt);
    if (input.content !== undefined) {
      const r = renderRichText(input.content as unknown as LexicalState, 'body.content');
      Object.assign(patch, {
        content: input.content as unknown as LexicalState,
        html: r.html,
        plainText: r.plainText,
        toc: r.toc,
        readingTimeMinutes: r.readingTimeMinutes,
      });
    }
    if (input.coverMediaId !== undefined) patch.coverMediaId = input.coverMediaId;
    if (input.featured !== undefined) patch.featured = input.featured;
    if (input.language !== undefined) patch.language = input.language;
    if (input.seo !== undefined) Object.assign(patch, seoColumns(input.seo));
    if (input.slug !== undefined && input.slug !== post.slug) {
      if (await this.posts.slugTaken(input.slug, id))
        throw Errors.conflict('That slug is taken.', [{ field: 'body.slug', message: 'already in use' }]);
      patch.slug = input.slug;
    }
    const isPublic = post.status === 'published';
    // Pending changes belong to the live version of a published post; a post that is not live is edited directly.
    if (opts.clearPending || !isPublic) patch.pendingChanges = null;
    await this.tx
      .run(async (tx) => {
        if (!(await this.posts.update(id, patch, tx, post.version)))
          throw Errors.versionConflict('Someone saved this post meanwhile. Reload and merge.');
        if (patch.slug) {
          if (post.publishedAt) await this.posts.addRedirect(id, post.slug, tx);
          await this.posts.removeRedirect(patch.slug, tx);
        }
        if (input.tags !== undefined) await this.setTags(id, input.tags, tx);
        if (patch.title !== undefined || patch.content !== undefined || patch.excerpt !== undefined) {
          const snapshot = {
            title: patch.title ?? post.title,
            excerpt: patch.excerpt ?? post.excerpt,
            content: (patch.content ?? post.content) as LexicalState,
          };
          const last = opts.newRevision ? undefined : await this.posts.latestRevision(id, tx);
          // Autosave saves every few seconds: one revision per burst, never amending the first one.
          const sameBurst =
            last &&
            last.revision > 1 &&
            last.savedBy !== null &&
            last.savedBy === actorUser(actor) &&
            Date.now() - last.createdAt.getTime() < BURST_MS;
          if (sameBurst) await this.posts.amendRevision(last.id, snapshot, tx);
          else await this.posts.addRevision({ id: uuidv7(), postId: id, ...snapshot, savedBy: actorUser(actor) }, tx);
        }
        if (isPublic)
          await this.changes.emit(
            tx,
            'post.updated',
            { type: 'post', id },
            { slug: patch.slug ?? post.slug, previousSlug: patch.slug ? post.slug : undefined },
          );
      })
      .catch(rethrowReference);
    if (isPublic) await this.changes.invalidate(CACHE_NS.posts, CACHE_NS.taxonomy);
    await this.audit.record(
      actor,
      'post.update',
      { type: 'post', id },
      changes(
        { title: post.title, slug: post.slug, excerpt: post.excerpt, featured: post.featured, language: post.language },
        {
          title: patch.title,
          slug: patch.slug,
          excerpt: patch.excerpt,
          featured: patch.featured,
          language: patch.language,
        },
      ),
    );
    return this.get(actor, id);
  }

  /**
   * Keeps edits to a published post aside (the site keeps showing the live version). They are
   * checked as an update would be, so publishing them later does not fail on their content.
   */
  async savePending(actor: Actor, id: string, input: UpdatePostRequest): Promise<AdminPost> {
    const post = await this.require(id);
    this.assertCanEdit(actor, post);
    if (post.status !== 'published')
      throw Errors.conflict('Only a published post keeps pending changes: save this one directly.');
    const { version, ...changes } = input;
    if (version !== undefined && version !== post.version) {
      throw Errors.versionConflict(
        `You edited version ${version}; the post is at version ${post.version}. Reload and merge.`,
      );
    }
    if (changes.content !== undefined) renderRichText(changes.content as unknown as LexicalState, 'body.content');
    if (changes.slug !== undefined && changes.slug !== post.slug && (await this.posts.slugTaken(changes.slug, id))) {
      throw Errors.conflict('That slug is taken.', [{ field: 'body.slug', message: 'already in use' }]);
    }
    const pending = {
      changes: changes as Record<string, unknown>,
      baseVersion: post.version,
      savedAt: new Date().toISOString(),
      savedBy: actorUser(actor),
    };
    await this.posts.setPending(id, pending, post.updatedAt);
    return this.get(actor, id);
  }

  /** Makes the pending changes live as one update (and one revision); `version` guards as in update. */
  async publishPending(actor: Actor, id: string, version?: number): Promise<AdminPost> {
    const post = await this.require(id);
    this.assertCanEdit(actor, post);
    if (!post.pendingChanges) return this.get(actor, id);
    return this.update(
      actor,
      id,
      { ...(post.pendingChanges.changes as UpdatePostRequest), version },
      { newRevision: true, clearPending: true },
    );
  }

  async discardPending(actor: Actor, id: string): Promise<AdminPost> {
    const post = await this.require(id);
    this.assertCanEdit(actor, post);
    if (post.pendingChanges) {
      await this.posts.setPending(id, null, post.updatedAt);
      await this.audit.record(
        actor,
        'post.pending.discard',
        { type: 'post', id },
        { savedAt: post.pendingChanges.savedAt },
      );
    }
    return this.get(actor, id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const post = await this.require(id);
    this.assertCanEdit(actor, post);
    if (actor.principal.kind === 'user' && actor.principal.role === 'author' && post.status !== 'draft') {
      throw Errors.forbidden('Authors can delete their own drafts only.');
    }
    const wasPublic = post.status === 'published';
    await this.tx.run(async (tx) => {
      await this.posts.delete(id, tx);
      if (wasPublic) await this.changes.emit(tx, 'post.deleted', { type: 'post', id }, { slug: post.slug });
    });
    if (wasPublic) await this.changes.invalidate(CACHE_NS.posts, CACHE_NS.taxonomy);
    await this.audit.record(actor, 'post.delete', { type: 'post', id }, { title: post.title, status: post.status });
  }

  async revisions(actor: Actor, id: string): Promise<PostRevision[]> {
    this.assertCanSee(actor, await this.require(id));
    return (await this.posts.revisions(id)).map((r) => ({
      id: r.id,
      revision: r.revision,
      title: r.title,
      excerpt: r.excerpt,
      savedBy: r.savedBy,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async revision(actor: Actor, id: string, revisionId: string): Promise<PostRevisionDetail> {
    this.assertCanSee(actor, await this.require(id));
    const r = await this.posts.revision(id, revisionId);
    if (!r) throw Errors.notFound('Revision not found.');
    return {
      id: r.id,
      revision: r.revision,
      title: r.title,
      excerpt: r.excerpt,
      savedBy: r.savedBy,
      createdAt: r.createdAt.toISOString(),
      content: r.content as never,
    };
  }

  /** Restoring is a new save of the old title, excerpt and content (history stays linear). */
  async restore(actor: Actor, id: string, revisionId: string): Promise<AdminPost> {
    const r = await this.posts.revision(id, revisionId);
    if (!r) throw Errors.notFound('Revision not found.');
    return this.update(
      actor,
      id,
      { title: r.title, excerpt: r.excerpt, content: r.content as never },
      { newRevision: true },
    );
  }

  async require(id: string): Promise<PostWithAuthor> {
    const post = await this.posts.findById(id);
    if (!post) throw Errors.notFound('Post not found.');
    return post;
  }

  /** Authors work on their own posts only; everyone else with the scope on any. */
  assertCanEdit(actor: Actor, post: PostWithAuthor): void {
    if (
      actor.principal.kind === 'user' &&
      actor.principal.role === 'author' &&
      post.authorId !== actor.principal.userId
    ) {
      throw Errors.forbidden('Authors can edit their own posts only.');
    }
  }

  private assertCanSee(actor: Actor, post: PostWithAuthor): void {
    this.assertCanEdit(actor, post);
  }

  private async freeSlug(requested: string | undefined, title: string): Promise<string> {
    if (requested) {
      if (await this.posts.slugTaken(requested))
        throw Errors.conflict('That slug is taken.', [{ field: 'body.slug', message: 'already in use' }]);
      return requested;
    }
    const base = slugify(title);
    for (let n = 1; n < 50; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await this.posts.slugTaken(candidate))) return candidate;
    }
    return `${base}-${uuidv7().slice(-6)}`;
  }

  private async setTags(postId: string, names: string[], tx: Tx): Promise<void> {
    const wanted = [
      ...new Map(
        names
          .map((n) => plain(n))
          .filter(Boolean)
          .map((name) => [slugify(name, 100), name]),
      ).entries(),
    ].map(([slug, name]) => ({ slug, name: name.slice(0, 80), id: uuidv7() }));
    const rows = await this.posts.ensureTags(wanted, tx);
    await this.posts.setTags(
      postId,
      rows.map((r) => r.id),
      tx,
    );
  }
}

function actorUser(actor: Actor): string | null {
  return actor.principal.kind === 'user' ? actor.principal.userId : null;
}

function seoColumns(seo: PostSeo | undefined): Partial<NewPost> {
  if (!seo) return {};
  const out: Partial<NewPost> = {};
  if (seo.title !== undefined) out.seoTitle = seo.title === null ? null : plain(seo.title);
  if (seo.description !== undefined) out.seoDescription = seo.description === null ? null : plain(seo.description);
  if (seo.canonicalUrl !== undefined) out.canonicalUrl = seo.canonicalUrl;
  if (seo.ogImageMediaId !== undefined) out.ogImageMediaId = seo.ogImageMediaId;
  return out;
}

/** A cover/OG image id that does not exist is the client's mistake, not a 500. */
function rethrowReference(err: unknown): never {
  const code = (err as { code?: string; cause?: { code?: string } })?.cause?.code ?? (err as { code?: string })?.code;
  if (code === 'ER_NO_REFERENCED_ROW_2') {
    throw Errors.validation('A referenced media item does not exist.', [
      { field: 'body.coverMediaId', message: 'no such media (check coverMediaId and seo.ogImageMediaId)' },
    ]);
  }
  throw err;
}
