import { v7 as uuidv7 } from 'uuid';
import { Errors } from '../../errors/catalogue.js';
import type { ExportedPage, ExportedPost, ExportedProject } from '../../dtos/content-transfer.dto.js';
import type { LexicalState } from '../../db/schema.js';
import type { ContentTransferRepository } from '../../repositories/content-transfer.repository.js';
import type { Tx } from '../../repositories/database.js';
import type { PostRepository } from '../../repositories/post.repository.js';
import type {
  DocumentRepository,
  DocumentTable,
  PageRepository,
  ProjectRepository,
} from '../../repositories/document.repository.js';
import { techStack } from '../content/document-kinds.js';
import { plain, renderRichText, SLUG_PATTERN } from '../content/rich-text.js';
import { date, decide, iso, stable, type ImportTally } from './import-compare.js';

export interface ImportContext {
  /** The import's one transaction: every write joins it. */
  tx: Tx;
  tally: ImportTally;
  /** The importing user: author of new posts nobody here wrote, and the saver of their revisions. */
  userId: string;
  /** Whether new posts may be credited to other users here (admins); otherwise that is refused. */
  creditOthers: boolean;
  /** Where the items came from, for field errors: `body` (JSON) or `file` (Ghost upload). */
  field: 'body' | 'file';
  /** File media id → media id here (null: not in this library). */
  media: Map<string, string | null>;
  /** Tag slug → name, from the file's tag list. */
  tagNames: Map<string, string>;
  /** Lower-cased e-mail → user id here. */
  authors: Map<string, string>;
}

/** Posts, projects and pages of an import: create, update when the file is newer, skip when equal. */
export class ContentImporter {
  constructor(
    private readonly transfer: ContentTransferRepository,
    private readonly posts: PostRepository,
    private readonly projects: ProjectRepository,
    private readonly pages: PageRepository,
  ) {}

  async importPosts(ctx: ImportContext, items: ExportedPost[]): Promise<void> {
    const counts = ctx.tally.counts.posts;
    const tagsByPost = await this.transfer.postTagSlugs();
    const seen = new Set<string>();
    for (const [i, p] of items.entries()) {
      if (this.repeated(ctx, seen, 'post', p.slug)) {
        counts.skipped++;
        continue;
      }
      const rendered = this.render(ctx, 'post', p.slug, p.content as unknown as LexicalState);
      if (!rendered) {
        counts.skipped++;
        continue;
      }
      const wanted = {
        title: plain(p.title),
        excerpt: plain(p.excerpt),
        content: p.content as unknown as LexicalState,
        status: p.status,
        featured: p.featured,
        language: p.language ?? null,
        publishedAt: date(p.publishedAt),
        scheduledAt: date(p.scheduledAt),
        seoTitle: p.seo.title,
        seoDescription: p.seo.description,
        canonicalUrl: p.seo.canonicalUrl,
        coverMediaId: this.media(ctx, p.coverMediaId, 'post', p.slug),
        ogImageMediaId: this.media(ctx, p.ogImageMediaId, 'post', p.slug),
      };
      const tagSlugs = [...new Set(p.tags.filter((t) => SLUG_PATTERN.test(t) && t.length <= 100))];
      const columns = {
        ...wanted,
        html: rendered.html,
        plainText: rendered.plainText,
        toc: rendered.toc,
        readingTimeMinutes: rendered.readingTimeMinutes,
      };
      const updatedAt = date(p.updatedAt) ?? new Date();
      const existing = await this.posts.findBySlug(p.slug);
      if (!existing) {
        const id = uuidv7();
        const authorId = (p.author && ctx.authors.get(p.author.email.toLowerCase())) || ctx.userId;
        if (authorId !== ctx.userId && !ctx.creditOthers) {
          const field = ctx.field === 'body' ? `body.posts.$${i}.author.email` : 'file';
          throw Errors.forbidden(`Only an admin can import a post written by another user (${p.slug}).`, [
            {
              field,
              message: `post ${p.slug} would be credited to ${p.author!.email}, another user here: only admins may import posts by other users`,
            },
          ]);
        }
        await this.posts.insert(
          { id, slug: p.slug, authorId, ...columns, createdAt: date(p.createdAt) ?? updatedAt, updatedAt },
          ctx.tx,
        );
        await this.posts.removeRedirect(p.slug, ctx.tx);
        await this.setTags(ctx, id, tagSlugs);
        await this.posts.addRevision(
          {
            id: uuidv7(),
            postId: id,
            title: wanted.title,
            excerpt: wanted.excerpt,
            content: wanted.content,
            savedBy: ctx.userId,
          },
          ctx.tx,
        );
        counts.created++;
        continue;
      }
      const current = tagsByPost.get(existing.id) ?? [];
      const same = stable(pickLike(existing, wanted)) === stable(wanted) && stable(current) === stable(tagSlugs);
      const decision = decide(same, p.updatedAt, existing.updatedAt);
      if (decision !== 'update') {
        this.kept(ctx, 'post', p.slug, decision);
        counts.skipped++;
        continue;
      }
      await this.transfer.updatePost(existing.id, columns, updatedAt, ctx.tx);
      await this.setTags(ctx, existing.id, tagSlugs);
      if (
        wanted.title !== existing.title ||
        wanted.excerpt !== existing.excerpt ||
        stable(wanted.content) !== stable(existing.content)
      ) {
        await this.posts.addRevision(
          {
            id: uuidv7(),
            postId: existing.id,
            title: wanted.title,
            excerpt: wanted.excerpt,
            content: wanted.content,
            savedBy: ctx.userId,
          },
          ctx.tx,
        );
      }
      counts.updated++;
    }
  }

  importProjects(ctx: ImportContext, items: ExportedProject[]): Promise<void> {
    return this.importDocuments(ctx, 'project', this.projects, items, (p) => ({
      state: p.body as unknown as LexicalState,
      wanted: {
        title: plain(p.title),
        summary: plain(p.summary),
        body: p.body as unknown as LexicalState,
        techStack: techStack(p.techStack),
        repoUrl: p.repoUrl,
        liveUrl: p.liveUrl,
        imageIds: p.imageIds
          .map((id) => this.media(ctx, id, 'project', p.slug))
          .filter((id): id is string => Boolean(id)),
        sortOrder: p.sortOrder,
        featured: p.featured,
        status: p.status,
        publishedAt: date(p.publishedAt),
      },
    }));
  }

  importPages(ctx: ImportContext, items: ExportedPage[]): Promise<void> {
    return this.importDocuments(ctx, 'page', this.pages, items, (p) => ({
      state: p.content as unknown as LexicalState,
      wanted: {
        title: plain(p.title),
        content: p.content as unknown as LexicalState,
        seoTitle: p.seoTitle,
        seoDescription: p.seoDescription,
        status: p.status,
        publishedAt: date(p.publishedAt),
      },
    }));
  }

  /** Projects or pages: `columns` gives an item's Lexical state and the columns it wants (all but id, slug, html). */
  private async importDocuments<T extends DocumentTable, I extends { slug: string; updatedAt: string }>(
    ctx: ImportContext,
    kind: 'project' | 'page',
    repo: DocumentRepository<T>,
    items: I[],
    columns: (item: I) => { state: LexicalState; wanted: Partial<T['$inferInsert']> & Record<string, unknown> },
  ): Promise<void> {
    const counts = ctx.tally.counts[kind === 'project' ? 'projects' : 'pages'];
    const seen = new Set<string>();
    for (const item of items) {
      if (this.repeated(ctx, seen, kind, item.slug)) {
        counts.skipped++;
        continue;
      }
      const { state, wanted } = columns(item);
      const rendered = this.render(ctx, kind, item.slug, state);
      if (!rendered) {
        counts.skipped++;
        continue;
      }
      const updatedAt = date(item.updatedAt) ?? new Date();
      const existing = await repo.findBySlug(item.slug);
      if (!existing) {
        const row = { ...wanted, id: uuidv7(), slug: item.slug, html: rendered.html, updatedAt };
        await repo.insert(row as T['$inferInsert'] & { id: string }, ctx.tx);
        counts.created++;
        continue;
      }
      const decision = decide(
        stable(pickLike(existing, wanted)) === stable(wanted),
        item.updatedAt,
        existing.updatedAt,
      );
      if (decision !== 'update') {
        this.kept(ctx, kind, item.slug, decision);
        counts.skipped++;
        continue;
      }
      await repo.update(existing.id, { ...wanted, html: rendered.html }, ctx.tx, updatedAt);
      counts.updated++;
    }
  }

  /** Validated and rendered like an editor's save; a document we cannot render is reported, not imported. */
  private render(ctx: ImportContext, type: string, key: string, state: LexicalState) {
    try {
      return renderRichText(state, 'content');
    } catch (err) {
      ctx.tally.note(type, key, `not imported: ${(err as { detail?: string }).detail ?? (err as Error).message}`);
      return undefined;
    }
  }

  private media(ctx: ImportContext, fileId: string | null, type: string, key: string): string | null {
    if (!fileId) return null;
    const local = ctx.media.get(fileId);
    if (local === undefined)
      ctx.tally.note(type, key, `media ${fileId} is not in the file's media list; the reference was dropped`);
    return local ?? null;
  }

  /** A slug the file has twice: the first copy counts (the look-ups read outside the import's transaction). */
  private repeated(ctx: ImportContext, seen: Set<string>, type: string, slug: string): boolean {
    if (!seen.has(slug)) {
      seen.add(slug);
      return false;
    }
    ctx.tally.note(type, slug, 'appears more than once in the file: only the first copy was imported');
    return true;
  }

  private kept(ctx: ImportContext, type: string, key: string, decision: 'skip' | 'keep-local'): void {
    if (decision === 'keep-local')
      ctx.tally.note(type, key, 'changed here more recently than in the file: kept the copy here');
  }

  private async setTags(ctx: ImportContext, postId: string, slugs: string[]): Promise<void> {
    const wanted = slugs.map((slug) => ({ slug, name: (ctx.tagNames.get(slug) ?? slug).slice(0, 80), id: uuidv7() }));
    const rows = await this.posts.ensureTags(wanted, ctx.tx);
    await this.posts.setTags(
      postId,
      rows.map((r) => r.id),
      ctx.tx,
    );
  }
}

/** The row's values for the keys of `wanted`, dates as ISO strings like the file's. */
function pickLike<T extends Record<string, unknown>>(row: object, wanted: T): Record<keyof T, unknown> {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(wanted).map((k) => [k, r[k] instanceof Date ? iso(r[k] as Date) : r[k]]),
  ) as Record<keyof T, unknown>;
}
