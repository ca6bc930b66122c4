import type { PendingPostChanges } from '../../src/db/schema.js';
import type { DbOrTx } from '../../src/repositories/database.js';
import type {
  NewPost,
  PostRepository,
  PostRow,
  PostStatus,
  PostSummaryRow,
  PostWithAuthor,
  PublicListQuery,
  RevisionRow,
  SearchQuery,
  TagRow,
} from '../../src/repositories/post.repository.js';
import { cloneRows, type Transactional } from './fake-transactions.js';
import { mysqlError } from './mysql-error.js';
import type { Port } from './port.js';

/**
 * Posts, tags, revisions and slug redirects in memory, with the constraints MySQL enforces for the
 * real repository: unique slugs (ER_DUP_ENTRY), media references (ER_NO_REFERENCED_ROW_2), the
 * version guard of `update`, and the cascade of a delete.
 */
export class FakePostRepository implements Port<PostRepository>, Transactional {
  posts = new Map<string, PostRow>();
  revisionRows: RevisionRow[] = [];
  tags = new Map<string, TagRow>();
  postTags = new Map<string, string[]>();
  redirects = new Map<string, string>();
  /** users.name by id (the author join). */
  authors = new Map<string, string>();
  /** media ids that exist (cover and OG image references). */
  media = new Set<string>();
  /** media id by sha256 (images a body shows by URL). */
  mediaBySha = new Map<string, string>();

  async insert(row: NewPost & { id: string }, _tx?: DbOrTx): Promise<void> {
    if ([...this.posts.values()].some((p) => p.slug === row.slug))
      throw mysqlError('ER_DUP_ENTRY', `Duplicate entry '${row.slug}' for key 'posts_slug_uq'`);
    this.checkMedia(row);
    const now = new Date();
    this.posts.set(row.id, {
      excerpt: '',
      readingTimeMinutes: 0,
      coverMediaId: null,
      seoTitle: null,
      seoDescription: null,
      canonicalUrl: null,
      ogImageMediaId: null,
      featured: false,
      language: null,
      status: 'draft',
      publishedAt: null,
      scheduledAt: null,
      version: 1,
      pendingChanges: null,
      createdAt: now,
      updatedAt: now,
      ...structuredClone(row),
    });
  }

  async update(id: string, patch: Partial<NewPost>, _tx?: DbOrTx, expectedVersion?: number): Promise<boolean> {
    const post = this.posts.get(id);
    if (!post || (expectedVersion !== undefined && post.version !== expectedVersion)) return false;
    if (patch.slug !== undefined && [...this.posts.values()].some((p) => p.id !== id && p.slug === patch.slug)) {
      throw mysqlError('ER_DUP_ENTRY', `Duplicate entry '${patch.slug}' for key 'posts_slug_uq'`);
    }
    this.checkMedia(patch);
    this.posts.set(id, { ...post, ...structuredClone(patch), id, version: post.version + 1, updatedAt: new Date() });
    return true;
  }

  async setPending(id: string, pending: PendingPostChanges | null, keepUpdatedAt: Date, _tx?: DbOrTx): Promise<void> {
    const post = this.posts.get(id);
    if (post) this.posts.set(id, { ...post, pendingChanges: structuredClone(pending), updatedAt: keepUpdatedAt });
  }

  async delete(id: string, _tx?: DbOrTx): Promise<void> {
    for (const [slug, target] of this.redirects) if (target === id) this.redirects.delete(slug);
    this.posts.delete(id);
    this.postTags.delete(id);
    this.revisionRows = this.revisionRows.filter((r) => r.postId !== id);
  }

  async findById(id: string, _tx?: DbOrTx): Promise<PostWithAuthor | undefined> {
    const post = this.posts.get(id);
    return post && this.withAuthor(post);
  }

  async findBySlug(slug: string): Promise<PostWithAuthor | undefined> {
    const post = [...this.posts.values()].find((p) => p.slug === slug);
    return post && this.withAuthor(post);
  }

  async slugTaken(slug: string, exceptId?: string): Promise<boolean> {
    return [...this.posts.values()].some((p) => p.slug === slug && p.id !== exceptId);
  }

  async redirectTarget(oldSlug: string): Promise<string | undefined> {
    const id = this.redirects.get(oldSlug);
    return id ? this.posts.get(id)?.slug : undefined;
  }

  async addRedirect(postId: string, oldSlug: string, _tx?: DbOrTx): Promise<void> {
    this.redirects.set(oldSlug, postId);
  }

  async removeRedirect(slug: string, _tx?: DbOrTx): Promise<void> {
    this.redirects.delete(slug);
  }

  async ensureTags(wanted: { name: string; slug: string; id: string }[], _tx?: DbOrTx): Promise<TagRow[]> {
    const now = new Date();
    for (const w of wanted)
      if (!this.tags.has(w.slug))
        this.tags.set(w.slug, { ...w, description: '', createdAt: now, updatedAt: now } as TagRow);
    return wanted.map((w) => this.tags.get(w.slug)!).filter(Boolean);
  }

  async setTags(postId: string, tagIds: string[], _tx?: DbOrTx): Promise<void> {
    this.postTags.set(postId, [...tagIds]);
  }

  async tagsFor(postIds: string[]): Promise<Map<string, TagRow[]>> {
    const byId = new Map([...this.tags.values()].map((t) => [t.id, t]));
    const out = new Map<string, TagRow[]>();
    for (const id of postIds) {
      const rows = (this.postTags.get(id) ?? []).map((t) => byId.get(t)).filter((t): t is TagRow => t !== undefined);
      if (rows.length) out.set(id, rows);
    }
    return out;
  }

  async addRevision(row: Omit<RevisionRow, 'createdAt' | 'revision'>, _tx?: DbOrTx): Promise<number> {
    const revision =
      Math.max(0, ...this.revisionRows.filter((r) => r.postId === row.postId).map((r) => r.revision)) + 1;
    this.revisionRows.push({ ...structuredClone(row), revision, createdAt: new Date() });
    return revision;
  }

  async latestRevision(postId: string, _tx?: DbOrTx): Promise<RevisionRow | undefined> {
    return this.revisionRows.filter((r) => r.postId === postId).sort((a, b) => b.revision - a.revision)[0];
  }

  async amendRevision(
    id: string,
    patch: Pick<RevisionRow, 'title' | 'excerpt' | 'content'>,
    _tx?: DbOrTx,
  ): Promise<void> {
    this.revisionRows = this.revisionRows.map((r) =>
      r.id === id ? { ...r, ...structuredClone(patch), createdAt: new Date() } : r,
    );
  }

  async revisions(postId: string): Promise<RevisionRow[]> {
    return this.revisionRows.filter((r) => r.postId === postId).sort((a, b) => b.revision - a.revision);
  }

  async revision(postId: string, revisionId: string): Promise<RevisionRow | undefined> {
    return this.revisionRows.find((r) => r.postId === postId && r.id === revisionId);
  }

  async listAdmin(q: {
    limit: number;
    status?: PostStatus;
    authorId?: string;
    tag?: string;
    search?: string;
    after?: { updatedAt: Date; id: string };
  }): Promise<PostSummaryRow[]> {
    return [...this.posts.values()]
      .filter(
        (p) =>
          (!q.status || p.status === q.status) &&
          (!q.authorId || p.authorId === q.authorId) &&
          (!q.tag || this.hasTag(p.id, q.tag)),
      )
      .filter((p) => !q.search || p.title.includes(q.search) || p.slug.includes(q.search))
      .filter(
        (p) =>
          !q.after ||
          p.updatedAt < q.after.updatedAt ||
          (p.updatedAt.getTime() === q.after.updatedAt.getTime() && p.id < q.after.id),
      )
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1))
      .slice(0, q.limit)
      .map((p) => this.summary(p));
  }

  async listPublished(q: PublicListQuery): Promise<PostSummaryRow[]> {
    const published = [...this.posts.values()].filter(
      (p) =>
        p.status === 'published' &&
        (!q.tag || this.hasTag(p.id, q.tag)) &&
        (q.featured === undefined || p.featured === q.featured),
    );
    if (q.updatedSince) {
      const since = q.updatedSince;
      return published
        .filter((p) => p.updatedAt > since)
        .filter(
          (p) =>
            !q.afterUpdated ||
            p.updatedAt > q.afterUpdated.updatedAt ||
            (p.updatedAt.getTime() === q.afterUpdated.updatedAt.getTime() && p.id > q.afterUpdated.id),
        )
        .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || (a.id < b.id ? -1 : 1))
        .slice(0, q.limit)
        .map((p) => this.summary(p));
    }
    const at = (p: PostRow) => p.publishedAt?.getTime() ?? 0;
    return published
      .filter(
        (p) =>
          !q.after ||
          at(p) < q.after.publishedAt.getTime() ||
          (at(p) === q.after.publishedAt.getTime() && p.id < q.after.id),
      )
      .sort((a, b) => at(b) - at(a) || (a.id < b.id ? 1 : -1))
      .slice(0, q.limit)
      .map((p) => this.summary(p));
  }

  /** FULLTEXT stand-in: the score is how many query words the title, excerpt and text contain. */
  async search(q: SearchQuery): Promise<(PostSummaryRow & { score: number })[]> {
    const words = q.q.toLowerCase().split(/\s+/).filter(Boolean);
    return [...this.posts.values()]
      .filter((p) => p.status === 'published')
      .map((p) => ({
        p,
        score: words.filter((w) => `${p.title} ${p.excerpt} ${p.plainText}`.toLowerCase().includes(w)).length,
      }))
      .filter(
        ({ p, score }) =>
          score > 0 && (!q.after || score < q.after.score || (score === q.after.score && p.id < q.after.id)),
      )
      .sort((a, b) => b.score - a.score || (a.p.id < b.p.id ? 1 : -1))
      .slice(0, q.limit)
      .map(({ p, score }) => ({ ...this.summary(p), score }));
  }

  async dueScheduled(now: Date): Promise<{ id: string; scheduledAt: Date }[]> {
    return [...this.posts.values()]
      .filter((p) => p.status === 'scheduled' && p.scheduledAt !== null && p.scheduledAt <= now)
      .map((p) => ({ id: p.id, scheduledAt: p.scheduledAt! }));
  }

  async mediaIdsBySha(shas: string[]): Promise<string[]> {
    return shas.map((s) => this.mediaBySha.get(s)).filter((id): id is string => Boolean(id));
  }

  checkpoint(): () => void {
    const saved = {
      posts: cloneRows(this.posts),
      revisionRows: structuredClone(this.revisionRows),
      tags: cloneRows(this.tags),
      postTags: cloneRows(this.postTags),
      redirects: new Map(this.redirects),
    };
    return () => Object.assign(this, saved);
  }

  private withAuthor(post: PostRow): PostWithAuthor {
    return { ...structuredClone(post), authorName: this.authors.get(post.authorId) ?? '' };
  }

  private summary(p: PostRow): PostSummaryRow {
    const { content: _c, html: _h, plainText: _p, toc: _t, pendingChanges, ...rest } = this.withAuthor(p);
    return { ...rest, hasPendingChanges: pendingChanges ? 1 : 0 };
  }

  private hasTag(postId: string, tagSlug: string): boolean {
    const id = this.tags.get(tagSlug)?.id;
    return id !== undefined && (this.postTags.get(postId) ?? []).includes(id);
  }

  private checkMedia(row: Partial<NewPost>): void {
    for (const ref of [row.coverMediaId, row.ogImageMediaId]) {
      if (ref && !this.media.has(ref))
        throw mysqlError('ER_NO_REFERENCED_ROW_2', 'Cannot add or update a child row: a foreign key constraint fails');
    }
  }
}
