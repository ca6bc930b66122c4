import type {
  PageView,
  ProjectView,
  PublicPage,
  PublicProject,
  SkillView,
  TagWithCount,
} from '../../dtos/catalog.dto.js';
import type { LexicalDocument, PublicImage } from '../../dtos/content.dto.js';
import type { PageRow, ProjectRow } from '../../repositories/document.repository.js';
import type { SkillRow, TagRow } from '../../repositories/term.repository.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function projectView(p: ProjectRow): ProjectView {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    body: p.body as unknown as LexicalDocument,
    html: p.html,
    techStack: p.techStack,
    repoUrl: p.repoUrl,
    liveUrl: p.liveUrl,
    imageIds: p.imageIds,
    sortOrder: p.sortOrder,
    featured: p.featured,
    status: p.status,
    paasAppId: p.paasAppId,
    publishedAt: iso(p.publishedAt),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function publicProject(p: ProjectRow, images: Map<string, PublicImage> = new Map()): PublicProject {
  const { body: _body, status: _status, ...rest } = projectView(p);
  // `app` (the demo's live status) is added per read by PublicCatalogService, after the cache.
  return {
    ...rest,
    images: p.imageIds.map((id) => images.get(id)).filter((i): i is PublicImage => Boolean(i)),
    app: null,
  };
}

export function pageView(p: PageRow, toc: PageView['toc']): PageView {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    content: p.content as unknown as LexicalDocument,
    html: p.html,
    toc,
    seoTitle: p.seoTitle,
    seoDescription: p.seoDescription,
    status: p.status,
    publishedAt: iso(p.publishedAt),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function publicPage(p: PageRow, toc: PageView['toc'], bodyImages: PublicPage['bodyImages'] = []): PublicPage {
  const { content: _content, status: _status, ...rest } = pageView(p, toc);
  return { ...rest, bodyImages };
}

export function skillView(s: SkillRow): SkillView {
  return { id: s.id, name: s.name, category: s.category, level: s.level, sortOrder: s.sortOrder };
}

export function tagWithCount(t: TagRow & { postCount: number }): TagWithCount {
  return { id: t.id, name: t.name, slug: t.slug, description: t.description, postCount: t.postCount };
}
