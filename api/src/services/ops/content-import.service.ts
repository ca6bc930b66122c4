import { v7 as uuidv7 } from 'uuid';
import type {
  ContentExport,
  ExportedSetting,
  ExportedSkill,
  ExportedTag,
  ImportReport,
} from '../../dtos/content-transfer.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { ContentTransferRepository } from '../../repositories/content-transfer.repository.js';
import type { TransactionRunner, Tx } from '../../repositories/database.js';
import type { TagRepository } from '../../repositories/tag.repository.js';
import type { SkillRepository } from '../../repositories/term.repository.js';
import type { AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';
import type { ContentChanges } from '../content/content-changes.js';
import { CACHE_NS } from '../content/events.js';
import { plain } from '../content/rich-text.js';
import type { ContentImporter, ImportContext } from './content-import-items.js';
import { EXPORT_FORMAT } from './content-export.service.js';
import { mapGhostExport } from './ghost-import.js';
import { date, decide, ImportTally, stable } from './import-compare.js';

/**
 * Imports a content export (ours, or a Ghost export mapped to ours). Idempotent: items are matched
 * by natural key; an identical item is skipped, a different one is updated only when the file's
 * copy is newer (updatedAt), and the file's timestamps are kept, so importing the same file again
 * changes nothing. The file's fields were checked like the editors' endpoints check them (the DTO);
 * the whole import is one transaction, so a refusal leaves nothing half-written. One `site.changed`
 * event and one audit entry describe the whole import.
 */
export class ContentImportService {
  constructor(
    private readonly transfer: ContentTransferRepository,
    private readonly terms: { tags: TagRepository; skills: SkillRepository },
    private readonly items: ContentImporter,
    private readonly tx: TransactionRunner,
    private readonly changes: ContentChanges,
    private readonly audit: AuditService,
  ) {}

  async import(
    actor: Actor,
    doc: ContentExport,
    source = EXPORT_FORMAT,
    before = new ImportTally(),
  ): Promise<ImportReport> {
    if (actor.principal.kind !== 'user')
      throw Errors.forbidden('Imports are made by a signed-in user (who authors what has no author here).');
    if (doc.format !== EXPORT_FORMAT || doc.version !== 1) {
      throw Errors.validation('Not an OmerVision content export (version 1).', [
        { field: 'body.format', message: `must be ${EXPORT_FORMAT} version 1` },
      ]);
    }
    const userId = actor.principal.userId;
    // Only an admin may credit new posts to another user here; an editor's import may not write as them.
    const creditOthers = actor.principal.role === 'admin';
    const authors = await this.transfer.userIdsByEmail([
      ...new Set(doc.posts.flatMap((p) => (p.author ? [p.author.email.toLowerCase()] : []))),
    ]);
    const tally = await this.tx.run(async (tx) => {
      // A retried transaction (deadlock) starts its counts again.
      const tally = before.copy();
      const ctx: ImportContext = {
        tx,
        tally,
        userId,
        creditOthers,
        field: source === 'ghost' ? 'file' : 'body',
        media: await this.resolveMedia(doc, tally),
        tagNames: new Map(doc.tags.map((t) => [t.slug, plain(t.name)])),
        authors,
      };
      await this.importTags(tx, tally, doc.tags);
      await this.items.importPosts(ctx, doc.posts);
      await this.items.importProjects(ctx, doc.projects);
      await this.items.importPages(ctx, doc.pages);
      await this.importSkills(tx, tally, doc.skills);
      await this.importSettings(tx, tally, doc.settings, userId);
      if (tally.changed) await this.changes.emitSiteChanged(tx, { type: 'import', id: uuidv7() });
      return tally;
    });
    if (tally.changed) await this.changes.invalidate(...Object.values(CACHE_NS));
    const report: ImportReport = { ...tally.counts, notes: tally.notes };
    await this.audit.record(
      actor,
      'content.import',
      { type: 'content', id: source },
      { ...tally.counts, notes: tally.notes.length },
    );
    return report;
  }

  /** A Ghost JSON export (Ghost 4/5: `{db: [{meta, data}]}`) mapped to posts, pages and tags. */
  async importGhost(actor: Actor, file: { buffer: Buffer; originalname?: string }): Promise<ImportReport> {
    let raw: unknown;
    try {
      raw = JSON.parse(file.buffer.toString('utf8'));
    } catch {
      throw Errors.validation('The file is not JSON.', [
        { field: 'file', message: 'expected a Ghost JSON export (Settings → Labs → Export)' },
      ]);
    }
    const tally = new ImportTally();
    const mapped = mapGhostExport(raw, (type, key, message) => tally.note(type, key, message));
    if (!mapped)
      throw Errors.validation('Not a Ghost export: no posts or tags found.', [
        { field: 'file', message: 'expected {"db":[{"data":{"posts":[…]}}]}' },
      ]);
    return this.import(actor, mapped, 'ghost', tally);
  }

  /** File media ids → ids here, by sha256; references to media missing here are dropped and reported. */
  private async resolveMedia(doc: ContentExport, tally: ImportTally): Promise<Map<string, string | null>> {
    const local = await this.transfer.mediaIdsBySha([...new Set(doc.media.map((m) => m.sha256))]);
    const used = new Set([
      ...doc.posts.flatMap((p) => [p.coverMediaId, p.ogImageMediaId]),
      ...doc.projects.flatMap((p) => p.imageIds),
    ]);
    const out = new Map<string, string | null>();
    for (const m of doc.media) {
      const id = local.get(m.sha256) ?? null;
      out.set(m.id, id);
      if (!id && used.has(m.id))
        tally.note(
          'media',
          m.sha256,
          `${m.filename} is not in this media library (upload ${m.url} first); references to it were dropped`,
        );
    }
    return out;
  }

  private async importTags(tx: Tx, tally: ImportTally, items: ExportedTag[]): Promise<void> {
    const counts = tally.counts.tags;
    const bySlug = new Map((await this.transfer.tags()).map((t) => [t.slug, t]));
    for (const t of items) {
      const wanted = { name: plain(t.name), description: plain(t.description) };
      const updatedAt = date(t.updatedAt) ?? new Date();
      const existing = bySlug.get(t.slug);
      if (!existing) {
        if (await this.terms.tags.insert({ id: uuidv7(), slug: t.slug, ...wanted, updatedAt }, tx)) counts.created++;
        else counts.skipped++;
        continue;
      }
      const decision = decide(
        existing.name === wanted.name && existing.description === wanted.description,
        t.updatedAt,
        existing.updatedAt,
      );
      if (decision === 'update') {
        await this.transfer.updateTag(existing.id, wanted, updatedAt, tx);
        counts.updated++;
      } else {
        if (decision === 'keep-local')
          tally.note('tag', t.slug, 'changed here more recently than in the file: kept the copy here');
        counts.skipped++;
      }
    }
  }

  private async importSkills(tx: Tx, tally: ImportTally, items: ExportedSkill[]): Promise<void> {
    const counts = tally.counts.skills;
    const key = (category: string, name: string) => `${category.toLowerCase()}\u0000${name.toLowerCase()}`;
    const existing = new Map((await this.transfer.skills()).map((s) => [key(s.category, s.name), s]));
    for (const s of items) {
      const name = plain(s.name);
      const category = plain(s.category);
      const updatedAt = date(s.updatedAt) ?? new Date();
      const here = existing.get(key(category, name));
      if (!here) {
        if (
          await this.terms.skills.insert(
            { id: uuidv7(), name, category, level: s.level, sortOrder: s.sortOrder, updatedAt },
            tx,
          )
        )
          counts.created++;
        else counts.skipped++;
        continue;
      }
      const decision = decide(here.level === s.level && here.sortOrder === s.sortOrder, s.updatedAt, here.updatedAt);
      if (decision === 'update') {
        await this.transfer.updateSkill(here.id, { level: s.level, sortOrder: s.sortOrder }, updatedAt, tx);
        counts.updated++;
      } else {
        if (decision === 'keep-local')
          tally.note('skill', `${category}/${name}`, 'changed here more recently than in the file: kept the copy here');
        counts.skipped++;
      }
    }
  }

  /** Each value has the shape PATCH /api/v1/admin/settings takes for its key (checked with the body). */
  private async importSettings(tx: Tx, tally: ImportTally, items: ExportedSetting[], userId: string): Promise<void> {
    const counts = tally.counts.settings;
    const existing = new Map((await this.transfer.settings()).map((s) => [s.key, s]));
    for (const s of items) {
      const updatedAt = date(s.updatedAt) ?? new Date();
      const here = existing.get(s.key);
      const decision = here ? decide(stable(here.value) === stable(s.value), s.updatedAt, here.updatedAt) : 'update';
      if (decision === 'update') {
        await this.transfer.putSetting(s.key, s.value, userId, updatedAt, tx);
        if (here) counts.updated++;
        else counts.created++;
      } else {
        if (decision === 'keep-local')
          tally.note('setting', s.key, 'changed here more recently than in the file: kept the copy here');
        counts.skipped++;
      }
    }
  }
}
