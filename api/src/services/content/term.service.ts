import { v7 as uuidv7 } from 'uuid';
import { Errors } from '../../errors/catalogue.js';
import type { TransactionRunner } from '../../repositories/database.js';
import type { TermRepository, TermTable } from '../../repositories/term.repository.js';
import { changes, type AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';
import type { ContentChanges } from './content-changes.js';
import { CACHE_NS } from './events.js';

type Row<T extends TermTable> = T['$inferSelect'];

/**
 * What differs between two kinds of term (skills, tags): the fields, the unique key a duplicate
 * breaks, the view and whether a write shows on the public site. The kind names the audit actions
 * (`<kind>.create`, …) and the target type of `site.changed`.
 */
export interface TermKind<T extends TermTable, R extends TermRepository<T>, Input, Patch, View> {
  kind: 'skill' | 'tag';
  notFound: string;
  /** The field named when the unique key is taken, and why. */
  duplicate: { field: string; message: string };
  row(input: Input): Omit<T['$inferInsert'], 'id'>;
  /** The columns a patch sets; keys left out stay. */
  patch(input: Patch): Partial<T['$inferInsert']>;
  list(repo: R): Promise<View[]>;
  view(repo: R, id: string): Promise<View>;
  /** Whether writing this term (undefined: a new one) changes what the public site shows. */
  affectsSite(repo: R, id?: string): Promise<boolean>;
  created(row: Omit<T['$inferInsert'], 'id'>): Record<string, unknown>;
  deleted(row: Row<T>): Record<string, unknown>;
}

/** Terms have no event of their own: a public change emits `site.changed` and clears the taxonomy and post caches. */
export class TermService<T extends TermTable, R extends TermRepository<T>, Input, Patch, View> {
  constructor(
    private readonly def: TermKind<T, R, Input, Patch, View>,
    private readonly repo: R,
    private readonly tx: TransactionRunner,
    private readonly changes: ContentChanges,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<View[]> {
    return this.def.list(this.repo);
  }

  async create(actor: Actor, input: Input): Promise<View> {
    const id = uuidv7();
    const row = this.def.row(input);
    await this.write(id, await this.def.affectsSite(this.repo), async (tx) => {
      if (!(await this.repo.insert({ ...row, id } as T['$inferInsert'] & { id: string }, tx))) throw this.duplicate();
    });
    await this.audit.record(actor, `${this.def.kind}.create`, this.target(id), this.def.created(row));
    return this.def.view(this.repo, id);
  }

  async update(actor: Actor, id: string, input: Patch): Promise<View> {
    const before = await this.require(id);
    const patch = this.def.patch(input);
    await this.write(id, await this.def.affectsSite(this.repo, id), async (tx) => {
      if (!(await this.repo.update(id, patch, tx))) throw this.duplicate();
    });
    await this.audit.record(
      actor,
      `${this.def.kind}.update`,
      this.target(id),
      changes({ ...before } as Record<string, unknown>, patch as Record<string, unknown>),
    );
    return this.def.view(this.repo, id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.require(id);
    await this.write(id, await this.def.affectsSite(this.repo, id), (tx) => this.repo.delete(id, tx));
    await this.audit.record(actor, `${this.def.kind}.delete`, this.target(id), this.def.deleted(before));
  }

  private async write(id: string, affectsSite: boolean, write: Parameters<TransactionRunner['run']>[0]) {
    await this.tx.run(async (tx) => {
      await write(tx);
      if (affectsSite) await this.changes.emitSiteChanged(tx, this.target(id));
    });
    if (affectsSite) await this.changes.invalidate(CACHE_NS.taxonomy, CACHE_NS.posts);
  }

  private target(id: string) {
    return { type: this.def.kind, id };
  }

  private duplicate() {
    const { field, message } = this.def.duplicate;
    return Errors.conflict(`Already exists: ${message}.`, [{ field, message }]);
  }

  private async require(id: string): Promise<Row<T>> {
    const row = await this.repo.find(id);
    if (!row) throw Errors.notFound(this.def.notFound);
    return row;
  }
}
