import { v7 as uuidv7 } from 'uuid';
import { Errors } from '../../errors/catalogue.js';
import type { TransactionRunner } from '../../repositories/database.js';
import type { DocumentRepository, DocumentTable } from '../../repositories/document.repository.js';
import { changes, type AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';
import type { ContentChanges } from './content-changes.js';

type Row<T extends DocumentTable> = T['$inferSelect'];
type Columns<T extends DocumentTable> = Partial<T['$inferInsert']>;

/**
 * What differs between two kinds of slugged document (projects, pages): the fields, their
 * validation and rendering, the view and what the audit log keeps. The kind names the events
 * (`<kind>.published`, …), the audit actions (`<kind>.create`, …) and the audit target type.
 */
export interface DocumentKind<T extends DocumentTable, Input, Patch, View> {
  kind: 'project' | 'page';
  /** Cache namespace of the kind's public reads. */
  cacheNamespace: string;
  notFound: string;
  view(row: Row<T>): View;
  /** The columns a patch sets (validated and rendered); keys left out stay. */
  columns(patch: Patch): Columns<T>;
  /** A new draft: its slug, and every column but id and status. */
  draft(input: Input): { slug: string; row: Omit<T['$inferInsert'], 'id' | 'status'> };
  /** Audit details of a create, of a delete, and the fields whose change an update records. */
  created(input: Input, slug: string): Record<string, unknown>;
  deleted(row: Row<T>): Record<string, unknown>;
  audited: readonly (keyof Row<T> & keyof Columns<T> & string)[];
}

/** Drafts until published; a public one's changes emit `<kind>.*` and `site.changed` and clear its cache. */
export class DocumentService<T extends DocumentTable, Input, Patch extends { slug?: string | null }, View> {
  constructor(
    private readonly def: DocumentKind<T, Input, Patch, View>,
    private readonly repo: DocumentRepository<T>,
    private readonly tx: TransactionRunner,
    private readonly changes: ContentChanges,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<View[]> {
    return (await this.repo.list({ publishedOnly: false })).map((row) => this.def.view(row));
  }

  async get(id: string): Promise<View> {
    return this.def.view(await this.require(id));
  }

  async create(actor: Actor, input: Input): Promise<View> {
    const { slug, row } = this.def.draft(input);
    if (await this.repo.slugTaken(slug)) throw slugTaken();
    const id = uuidv7();
    await this.repo.insert({ ...row, id, status: 'draft' } as T['$inferInsert'] & { id: string });
    await this.audit.record(actor, `${this.def.kind}.create`, this.target(id), this.def.created(input, slug));
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: Patch): Promise<View> {
    const before = await this.require(id);
    if (input.slug && input.slug !== before.slug && (await this.repo.slugTaken(input.slug, id))) throw slugTaken();
    const patch = this.def.columns(input);
    const slug = (patch as { slug?: string }).slug ?? before.slug;
    const isPublic = before.status === 'published';
    await this.tx.run(async (tx) => {
      await this.repo.update(id, patch, tx);
      if (isPublic) await this.changes.emit(tx, `${this.def.kind}.updated`, this.target(id), { slug });
    });
    if (isPublic) await this.changes.invalidate(this.def.cacheNamespace);
    const fields = this.def.audited;
    const pick = (from: object) => Object.fromEntries(fields.map((f) => [f, (from as Record<string, unknown>)[f]]));
    await this.audit.record(actor, `${this.def.kind}.update`, this.target(id), changes(pick(before), pick(patch)));
    return this.get(id);
  }

  async setStatus(actor: Actor, id: string, status: 'draft' | 'published'): Promise<View> {
    const before = await this.require(id);
    if (before.status === status) return this.def.view(before);
    const publish = status === 'published';
    await this.tx.run(async (tx) => {
      const publishedAt = publish ? (before.publishedAt ?? new Date()) : before.publishedAt;
      await this.repo.update(id, { status, publishedAt } as Columns<T>, tx);
      const event = publish ? (`${this.def.kind}.published` as const) : (`${this.def.kind}.unpublished` as const);
      await this.changes.emit(tx, event, this.target(id), { slug: before.slug });
    });
    await this.changes.invalidate(this.def.cacheNamespace);
    await this.audit.record(actor, `${this.def.kind}.${publish ? 'publish' : 'unpublish'}`, this.target(id));
    return this.get(id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.require(id);
    const isPublic = before.status === 'published';
    await this.tx.run(async (tx) => {
      await this.repo.delete(id, tx);
      if (isPublic) await this.changes.emit(tx, `${this.def.kind}.deleted`, this.target(id), { slug: before.slug });
    });
    if (isPublic) await this.changes.invalidate(this.def.cacheNamespace);
    await this.audit.record(actor, `${this.def.kind}.delete`, this.target(id), this.def.deleted(before));
  }

  private target(id: string) {
    return { type: this.def.kind, id };
  }

  private async require(id: string): Promise<Row<T>> {
    const row = await this.repo.findById(id);
    if (!row) throw Errors.notFound(this.def.notFound);
    return row;
  }
}

function slugTaken() {
  return Errors.conflict('That slug is taken.', [{ field: 'body.slug', message: 'already in use' }]);
}
