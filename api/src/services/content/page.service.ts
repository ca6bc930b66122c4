import { v7 as uuidv7 } from 'uuid';
import type { PageInput, PagePatch, PageView } from '../../dtos/catalog.dto.js';
import type { LexicalState } from '../../db/schema.js';
import { Errors } from '../../errors/catalogue.js';
import type { TransactionRunner } from '../../repositories/database.js';
import type { NewPage, PageRepository, PageRow } from '../../repositories/project.repository.js';
import { changes, type AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';
import { pageView } from './catalog-views.js';
import type { ContentChanges } from './content-changes.js';
import { CACHE_NS } from './events.js';
import { plain, renderRichText } from './rich-text.js';

/** Stand-alone pages such as `about`. */
export class PageService {
  constructor(
    private readonly pages: PageRepository,
    private readonly tx: TransactionRunner,
    private readonly changes: ContentChanges,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<PageView[]> {
    return (await this.pages.list(false)).map((p) => pageView(p, toc(p)));
  }

  async get(id: string): Promise<PageView> {
    const p = await this.require(id);
    return pageView(p, toc(p));
  }

  async create(actor: Actor, input: PageInput): Promise<PageView> {
    if (await this.pages.slugTaken(input.slug))
      throw Errors.conflict('That slug is taken.', [{ field: 'body.slug', message: 'already in use' }]);
    const id = uuidv7();
    await this.pages.insert({
      id,
      status: 'draft',
      ...(this.columns(input) as Required<Pick<NewPage, 'slug' | 'title' | 'content' | 'html'>>),
    });
    await this.audit.record(actor, 'page.create', { type: 'page', id }, { slug: input.slug });
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: PagePatch): Promise<PageView> {
    const before = await this.require(id);
    if (input.slug && input.slug !== before.slug && (await this.pages.slugTaken(input.slug, id))) {
      throw Errors.conflict('That slug is taken.', [{ field: 'body.slug', message: 'already in use' }]);
    }
    const patch = this.columns(input);
    const isPublic = before.status === 'published';
    await this.tx.run(async (tx) => {
      await this.pages.update(id, patch, tx);
      if (isPublic)
        await this.changes.emit(tx, 'page.updated', { type: 'page', id }, { slug: patch.slug ?? before.slug });
    });
    if (isPublic) await this.changes.invalidate(CACHE_NS.pages);
    await this.audit.record(
      actor,
      'page.update',
      { type: 'page', id },
      changes({ title: before.title, slug: before.slug }, { title: patch.title, slug: patch.slug }),
    );
    return this.get(id);
  }

  async setStatus(actor: Actor, id: string, status: 'draft' | 'published'): Promise<PageView> {
    const before = await this.require(id);
    if (before.status === status) return pageView(before, toc(before));
    await this.tx.run(async (tx) => {
      await this.pages.update(
        id,
        { status, publishedAt: status === 'published' ? (before.publishedAt ?? new Date()) : before.publishedAt },
        tx,
      );
      await this.changes.emit(
        tx,
        status === 'published' ? 'page.published' : 'page.unpublished',
        { type: 'page', id },
        { slug: before.slug },
      );
    });
    await this.changes.invalidate(CACHE_NS.pages);
    await this.audit.record(actor, status === 'published' ? 'page.publish' : 'page.unpublish', { type: 'page', id });
    return this.get(id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.require(id);
    await this.tx.run(async (tx) => {
      await this.pages.delete(id, tx);
      if (before.status === 'published')
        await this.changes.emit(tx, 'page.deleted', { type: 'page', id }, { slug: before.slug });
    });
    if (before.status === 'published') await this.changes.invalidate(CACHE_NS.pages);
    await this.audit.record(actor, 'page.delete', { type: 'page', id }, { slug: before.slug });
  }

  private columns(input: PagePatch): Partial<NewPage> {
    const out: Partial<NewPage> = {};
    if (input.title !== undefined) out.title = plain(input.title);
    if (input.slug !== undefined) out.slug = input.slug;
    if (input.content !== undefined) {
      out.content = input.content as unknown as LexicalState;
      out.html = renderRichText(out.content, 'body.content').html;
    }
    if (input.seoTitle !== undefined) out.seoTitle = input.seoTitle === null ? null : plain(input.seoTitle);
    if (input.seoDescription !== undefined)
      out.seoDescription = input.seoDescription === null ? null : plain(input.seoDescription);
    return out;
  }

  private async require(id: string): Promise<PageRow> {
    const row = await this.pages.findById(id);
    if (!row) throw Errors.notFound('Page not found.');
    return row;
  }
}

/** Pages store HTML only; the TOC is cheap to recompute from the stored Lexical state. */
function toc(p: PageRow) {
  return renderRichText(p.content, 'content').toc;
}
