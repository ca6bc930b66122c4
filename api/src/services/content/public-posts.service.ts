import type { Page } from '../../dtos/content.dto.js';
import type { PublicPost, PublicPostSummary } from '../../dtos/post.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { CacheEntry } from '../../repositories/cache.repository.js';
import type { PostRepository } from '../../repositories/post.repository.js';
import { clampLimit, decodeCursor, encodeCursor } from './cursor.js';
import { CACHE_NS } from './events.js';
import { bodyMediaShas, imageIdsOf, publicPost, publicSummary, type ImageMap } from './post-views.js';

/** Resolves media ids to what the public site shows (original URL, alt, variants). */
export type ImageLookup = (ids: string[]) => Promise<ImageMap>;

export interface ReadCache {
  get<T>(namespace: string, key: string, load: () => Promise<T>): Promise<CacheEntry<T>>;
}

export interface PostListQuery {
  limit?: number;
  cursor?: string;
  tag?: string;
  featured?: boolean;
  updatedSince?: string;
  q?: string;
}

/** A redirect answer for an old slug. */
export class MovedError extends Error {
  constructor(readonly slug: string) {
    super(`moved to ${slug}`);
  }
}

/** Published content for visitors, the site builder and third parties; every read goes through the cache. */
export class PublicPostsService {
  constructor(
    private readonly posts: PostRepository,
    private readonly cache: ReadCache,
    private readonly images: ImageLookup,
  ) {}

  listPosts(query: PostListQuery): Promise<CacheEntry<Page<PublicPostSummary>>> {
    const limit = clampLimit(query.limit);
    const q = query.q?.trim().slice(0, 200);
    let since: Date | undefined;
    if (query.updatedSince) {
      since = new Date(query.updatedSince);
      if (Number.isNaN(since.getTime()))
        throw Errors.validation('updatedSince is not a date.', [
          { field: 'query.updatedSince', message: 'must be an ISO 8601 date-time' },
        ]);
    }
    const key = JSON.stringify({
      limit,
      c: query.cursor ?? null,
      t: query.tag ?? null,
      f: query.featured ?? null,
      u: since?.toISOString() ?? null,
      q: q ?? null,
    });
    return this.cache.get(CACHE_NS.posts, `list:${key}`, async () => {
      if (q) return this.search(q, limit, query.cursor);
      if (since) {
        const after = decodeCursor(query.cursor, ['number', 'string']);
        const rows = await this.posts.listPublished({
          limit: limit + 1,
          tag: query.tag,
          featured: query.featured,
          updatedSince: since,
          afterUpdated: after ? { updatedAt: new Date(after[0] as number), id: after[1] as string } : undefined,
        });
        return this.page(rows, limit, (last) => [last.updatedAt.getTime(), last.id]);
      }
      const after = decodeCursor(query.cursor, ['number', 'string']);
      const rows = await this.posts.listPublished({
        limit: limit + 1,
        tag: query.tag,
        featured: query.featured,
        after: after ? { publishedAt: new Date(after[0] as number), id: after[1] as string } : undefined,
      });
      return this.page(rows, limit, (last) => [(last.publishedAt ?? last.updatedAt).getTime(), last.id]);
    });
  }

  /**
   * 404 for drafts; an old slug answers with MovedError so the controller can redirect. The entry is
   * the post itself (its bytes are the answer); a slug without a published post is looked up once
   * more, for a redirect, under its own key.
   */
  async getPost(slug: string): Promise<CacheEntry<PublicPost>> {
    const entry = await this.cache.get(CACHE_NS.posts, `slug:${slug}`, async () => {
      const post = await this.posts.findBySlug(slug);
      if (post?.status !== 'published') return null;
      const bodyIds = await this.posts.mediaIdsBySha(bodyMediaShas(post.html));
      return publicPost(
        post,
        (await this.posts.tagsFor([post.id])).get(post.id) ?? [],
        await this.images([...imageIdsOf([post]), ...bodyIds]),
        bodyIds,
      );
    });
    if (entry.value) return entry as CacheEntry<PublicPost>;
    // A draft keeps its slug: only a slug no post has any more redirects.
    const moved = await this.cache.get(CACHE_NS.posts, `moved:${slug}`, async () =>
      (await this.posts.findBySlug(slug)) ? null : ((await this.posts.redirectTarget(slug)) ?? null),
    );
    if (moved.value) throw new MovedError(moved.value);
    throw Errors.notFound('No published post has this slug.');
  }

  private async search(q: string, limit: number, cursor?: string): Promise<Page<PublicPostSummary>> {
    const after = decodeCursor(cursor, ['number', 'string']);
    const rows = await this.posts.search({
      q,
      limit: limit + 1,
      after: after ? { score: after[0] as number, id: after[1] as string } : undefined,
    });
    return this.page(rows, limit, (last) => [Number((last as { score: number }).score), last.id]);
  }

  private async page<R extends Parameters<typeof publicSummary>[0]>(
    rows: R[],
    limit: number,
    key: (last: R) => (string | number)[],
  ): Promise<Page<PublicPostSummary>> {
    const page = rows.slice(0, limit);
    const [tags, images] = await Promise.all([
      this.posts.tagsFor(page.map((p) => p.id)),
      this.images(imageIdsOf(page)),
    ]);
    const last = page[page.length - 1];
    return {
      items: page.map((p) => publicSummary(p, tags.get(p.id) ?? [], images)),
      nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null,
    };
  }
}
