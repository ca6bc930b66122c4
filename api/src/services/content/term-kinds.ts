import type { skills, tags } from '../../db/schema.js';
import type { SkillInput, SkillPatch, SkillView, TagInput, TagPatch, TagWithCount } from '../../dtos/catalog.dto.js';
import type { TagRepository } from '../../repositories/tag.repository.js';
import type { SkillRepository } from '../../repositories/term.repository.js';
import { skillView, tagWithCount } from './catalog-views.js';
import { plain, slugify } from './rich-text.js';
import type { TermKind, TermService } from './term.service.js';

/** Skills, unique by name within a category; every change shows on the site. */
export const SKILLS: TermKind<typeof skills, SkillRepository, SkillInput, SkillPatch, SkillView> = {
  kind: 'skill',
  notFound: 'Skill not found.',
  duplicate: { field: 'body.name', message: 'a skill with this name exists in this category' },
  row: (input) => ({
    name: plain(input.name),
    category: plain(input.category),
    level: input.level ?? 50,
    sortOrder: input.sortOrder ?? 0,
  }),
  patch: (input) => ({
    ...(input.name !== undefined ? { name: plain(input.name) } : {}),
    ...(input.category !== undefined ? { category: plain(input.category) } : {}),
    ...(input.level !== undefined ? { level: input.level } : {}),
    ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
  }),
  list: async (repo) => (await repo.list()).map(skillView),
  view: async (repo, id) => skillView((await repo.find(id))!),
  affectsSite: () => Promise.resolve(true),
  created: (row) => ({ name: row.name, category: row.category }),
  deleted: (row) => ({ name: row.name }),
};

/** Post tags, unique by slug (from the name unless given); a change shows on the site once a published post carries it. */
export const TAGS: TermKind<typeof tags, TagRepository, TagInput, TagPatch, TagWithCount> = {
  kind: 'tag',
  notFound: 'Tag not found.',
  duplicate: { field: 'body.slug', message: 'a tag with this slug exists' },
  row: (input) => ({
    name: plain(input.name),
    slug: input.slug ?? slugify(input.name, 100),
    description: plain(input.description ?? ''),
  }),
  patch: (input) => ({
    ...(input.name !== undefined ? { name: plain(input.name) } : {}),
    ...(input.slug !== undefined ? { slug: input.slug } : {}),
    ...(input.description !== undefined ? { description: plain(input.description) } : {}),
  }),
  list: async (repo) => (await repo.withCounts()).map(tagWithCount),
  view: async (repo, id) => tagWithCount((await repo.withCounts()).find((t) => t.id === id)!),
  affectsSite: (repo, id) => (id ? repo.isPublic(id) : Promise.resolve(false)),
  created: (row) => ({ name: row.name, slug: row.slug }),
  deleted: (row) => ({ slug: row.slug }),
};

export type SkillService = TermService<typeof skills, SkillRepository, SkillInput, SkillPatch, SkillView>;
export type TagService = TermService<typeof tags, TagRepository, TagInput, TagPatch, TagWithCount>;
