import { v7 as uuidv7 } from 'uuid';
import type {
  SiteSettings,
  SiteSettingsPatch,
  SkillInput,
  SkillPatch,
  SkillView,
  TagInput,
  TagPatch,
  TagWithCount,
} from '../../dtos/catalog.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { TransactionRunner } from '../../repositories/database.js';
import type { TaxonomyRepository } from '../../repositories/taxonomy.repository.js';
import { changes, type AuditService } from '../audit.service.js';
import { actorUserId, type Actor } from '../auth/principal.js';
import { skillView, tagWithCount } from './catalog-views.js';
import type { ContentChanges } from './content-changes.js';
import { CACHE_NS } from './events.js';
import { plain, slugify } from './rich-text.js';

export const DEFAULT_SETTINGS: SiteSettings = {
  site: { title: 'OmerVision', description: '', locale: 'tr-TR' },
  author: { name: '', email: '', bio: '' },
  social: [],
  navigation: [],
};

/** Skills, tags and site settings: small lists that the whole site depends on. */
export class TaxonomyService {
  constructor(
    private readonly repo: TaxonomyRepository,
    private readonly tx: TransactionRunner,
    private readonly changes: ContentChanges,
    private readonly audit: AuditService,
  ) {}

  async skills(): Promise<SkillView[]> {
    return (await this.repo.skills()).map(skillView);
  }

  async createSkill(actor: Actor, input: SkillInput): Promise<SkillView> {
    const id = uuidv7();
    const row = {
      id,
      name: plain(input.name),
      category: plain(input.category),
      level: input.level ?? 50,
      sortOrder: input.sortOrder ?? 0,
    };
    await this.siteWrite('skill', id, async (tx) => {
      if (!(await this.repo.insertSkill(row, tx)))
        throw duplicate('body.name', 'a skill with this name exists in this category');
    });
    await this.audit.record(actor, 'skill.create', { type: 'skill', id }, { name: row.name, category: row.category });
    return skillView((await this.repo.skill(id))!);
  }

  async updateSkill(actor: Actor, id: string, input: SkillPatch): Promise<SkillView> {
    const before = await this.repo.skill(id);
    if (!before) throw Errors.notFound('Skill not found.');
    const patch = {
      ...(input.name !== undefined ? { name: plain(input.name) } : {}),
      ...(input.category !== undefined ? { category: plain(input.category) } : {}),
      ...(input.level !== undefined ? { level: input.level } : {}),
      ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
    };
    await this.siteWrite('skill', id, async (tx) => {
      if (!(await this.repo.updateSkill(id, patch, tx)))
        throw duplicate('body.name', 'a skill with this name exists in this category');
    });
    await this.audit.record(actor, 'skill.update', { type: 'skill', id }, changes({ ...before }, patch));
    return skillView((await this.repo.skill(id))!);
  }

  async deleteSkill(actor: Actor, id: string): Promise<void> {
    const before = await this.repo.skill(id);
    if (!before) throw Errors.notFound('Skill not found.');
    await this.siteWrite('skill', id, (tx) => this.repo.deleteSkill(id, tx));
    await this.audit.record(actor, 'skill.delete', { type: 'skill', id }, { name: before.name });
  }

  async tags(): Promise<TagWithCount[]> {
    return (await this.repo.tagsWithCounts()).map(tagWithCount);
  }

  async createTag(actor: Actor, input: TagInput): Promise<TagWithCount> {
    const id = uuidv7();
    const row = {
      id,
      name: plain(input.name),
      slug: input.slug ?? slugify(input.name, 100),
      description: plain(input.description ?? ''),
    };
    if (!(await this.repo.insertTag(row))) throw duplicate('body.slug', 'a tag with this slug exists');
    await this.audit.record(actor, 'tag.create', { type: 'tag', id }, { name: row.name, slug: row.slug });
    return { ...row, postCount: 0 };
  }

  async updateTag(actor: Actor, id: string, input: TagPatch): Promise<TagWithCount> {
    const before = await this.repo.tag(id);
    if (!before) throw Errors.notFound('Tag not found.');
    const patch = {
      ...(input.name !== undefined ? { name: plain(input.name) } : {}),
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      ...(input.description !== undefined ? { description: plain(input.description) } : {}),
    };
    const isPublic = await this.repo.tagIsPublic(id);
    await this.siteWrite(
      'tag',
      id,
      async (tx) => {
        if (!(await this.repo.updateTag(id, patch, tx))) throw duplicate('body.slug', 'a tag with this slug exists');
      },
      isPublic,
    );
    await this.audit.record(actor, 'tag.update', { type: 'tag', id }, changes({ ...before }, patch));
    return (await this.tags()).find((t) => t.id === id)!;
  }

  async deleteTag(actor: Actor, id: string): Promise<void> {
    const before = await this.repo.tag(id);
    if (!before) throw Errors.notFound('Tag not found.');
    const isPublic = await this.repo.tagIsPublic(id);
    await this.siteWrite('tag', id, (tx) => this.repo.deleteTag(id, tx), isPublic);
    await this.audit.record(actor, 'tag.delete', { type: 'tag', id }, { slug: before.slug });
  }

  async settings(): Promise<SiteSettings> {
    return { ...DEFAULT_SETTINGS, ...(await this.repo.settings()) } as SiteSettings;
  }

  async updateSettings(actor: Actor, patch: SiteSettingsPatch): Promise<SiteSettings> {
    const before = await this.settings();
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    await this.tx.run(async (tx) => {
      await this.repo.putSettings(values, actorUserId(actor), tx);
      await this.changes.emit(tx, 'settings.updated', { type: 'settings', id: 'site' }, { keys: Object.keys(values) });
    });
    await this.changes.invalidate(CACHE_NS.settings);
    await this.audit.record(
      actor,
      'settings.update',
      { type: 'settings', id: 'site' },
      changes(before as unknown as Record<string, unknown>, values),
    );
    return this.settings();
  }

  /** Skills and public tags have no event of their own: the site rebuilds on `site.changed`. */
  private async siteWrite(
    type: string,
    id: string,
    write: Parameters<TransactionRunner['run']>[0],
    affectsSite = true,
  ): Promise<void> {
    await this.tx.run(async (tx) => {
      await write(tx);
      if (affectsSite) await this.changes.emitSiteChanged(tx, { type, id });
    });
    if (affectsSite) await this.changes.invalidate(CACHE_NS.taxonomy, CACHE_NS.posts);
  }
}

function duplicate(field: string, message: string) {
  return Errors.conflict(`Already exists: ${message}.`, [{ field, message }]);
}
