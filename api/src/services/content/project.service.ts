import { v7 as uuidv7 } from 'uuid';
import type { ProjectInput, ProjectPatch, ProjectView } from '../../dtos/catalog.dto.js';
import type { LexicalState } from '../../db/schema.js';
import { Errors } from '../../errors/catalogue.js';
import type { TransactionRunner } from '../../repositories/database.js';
import type { NewProject, ProjectRepository, ProjectRow } from '../../repositories/project.repository.js';
import { changes, type AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';
import type { ContentChanges } from './content-changes.js';
import { projectView } from './catalog-views.js';
import { CACHE_NS } from './events.js';
import { plain, renderRichText, slugify } from './rich-text.js';

const EMPTY_DOC: LexicalState = { root: { type: 'root', children: [] } };

/** Portfolio projects: drafts until published; public ones emit project.* and site.changed. */
export class ProjectService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly tx: TransactionRunner,
    private readonly changes: ContentChanges,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ProjectView[]> {
    return (await this.projects.list({ publishedOnly: false })).map(projectView);
  }

  async get(id: string): Promise<ProjectView> {
    return projectView(await this.require(id));
  }

  async create(actor: Actor, input: ProjectInput): Promise<ProjectView> {
    const slug = input.slug ?? slugify(input.title);
    if (await this.projects.slugTaken(slug))
      throw Errors.conflict('That slug is taken.', [{ field: 'body.slug', message: 'already in use' }]);
    const id = uuidv7();
    await this.projects.insert({
      id,
      slug,
      status: 'draft',
      title: plain(input.title),
      body: EMPTY_DOC,
      html: '',
      techStack: [],
      imageIds: [],
      ...this.columns({ ...input, slug }),
    });
    await this.audit.record(actor, 'project.create', { type: 'project', id }, { title: input.title, slug });
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: ProjectPatch): Promise<ProjectView> {
    const before = await this.require(id);
    if (input.slug && input.slug !== before.slug && (await this.projects.slugTaken(input.slug, id))) {
      throw Errors.conflict('That slug is taken.', [{ field: 'body.slug', message: 'already in use' }]);
    }
    const patch = this.columns(input);
    const isPublic = before.status === 'published';
    await this.tx.run(async (tx) => {
      await this.projects.update(id, patch, tx);
      if (isPublic)
        await this.changes.emit(tx, 'project.updated', { type: 'project', id }, { slug: patch.slug ?? before.slug });
    });
    if (isPublic) await this.changes.invalidate(CACHE_NS.projects);
    await this.audit.record(
      actor,
      'project.update',
      { type: 'project', id },
      changes(
        { title: before.title, slug: before.slug, featured: before.featured, sortOrder: before.sortOrder },
        { title: patch.title, slug: patch.slug, featured: patch.featured, sortOrder: patch.sortOrder },
      ),
    );
    return this.get(id);
  }

  async setStatus(actor: Actor, id: string, status: 'draft' | 'published'): Promise<ProjectView> {
    const before = await this.require(id);
    if (before.status === status) return projectView(before);
    await this.tx.run(async (tx) => {
      await this.projects.update(
        id,
        { status, publishedAt: status === 'published' ? (before.publishedAt ?? new Date()) : before.publishedAt },
        tx,
      );
      await this.changes.emit(
        tx,
        status === 'published' ? 'project.published' : 'project.unpublished',
        { type: 'project', id },
        { slug: before.slug },
      );
    });
    await this.changes.invalidate(CACHE_NS.projects);
    await this.audit.record(actor, status === 'published' ? 'project.publish' : 'project.unpublish', {
      type: 'project',
      id,
    });
    return this.get(id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.require(id);
    await this.tx.run(async (tx) => {
      await this.projects.delete(id, tx);
      if (before.status === 'published')
        await this.changes.emit(tx, 'project.deleted', { type: 'project', id }, { slug: before.slug });
    });
    if (before.status === 'published') await this.changes.invalidate(CACHE_NS.projects);
    await this.audit.record(actor, 'project.delete', { type: 'project', id }, { title: before.title });
  }

  private columns(input: ProjectPatch): Partial<NewProject> {
    const out: Partial<NewProject> = {};
    if (input.title !== undefined) out.title = plain(input.title);
    if (input.slug !== undefined) out.slug = input.slug;
    if (input.summary !== undefined) out.summary = plain(input.summary);
    if (input.body !== undefined) {
      out.body = input.body as unknown as LexicalState;
      out.html = renderRichText(out.body, 'body.body').html;
    }
    if (input.techStack !== undefined)
      out.techStack = [...new Set(input.techStack.map(plain).filter(Boolean))].slice(0, 30);
    if (input.repoUrl !== undefined) out.repoUrl = input.repoUrl;
    if (input.liveUrl !== undefined) out.liveUrl = input.liveUrl;
    if (input.imageIds !== undefined) out.imageIds = input.imageIds;
    if (input.sortOrder !== undefined) out.sortOrder = input.sortOrder;
    if (input.featured !== undefined) out.featured = input.featured;
    if (input.paasAppId !== undefined) out.paasAppId = input.paasAppId;
    return out;
  }

  private async require(id: string): Promise<ProjectRow> {
    const row = await this.projects.findById(id);
    if (!row) throw Errors.notFound('Project not found.');
    return row;
  }
}
