import type { ContentExport, ExportedSetting } from '../../dtos/content-transfer.dto.js';
import type { LexicalDocument } from '../../dtos/content.dto.js';
import type { ContentTransferRepository } from '../../repositories/content-transfer.repository.js';
import type { AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';

export const EXPORT_FORMAT = 'omervision-content';
export const EXPORT_VERSION = 1;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const doc = (v: unknown) => v as LexicalDocument;

/**
 * The portable content of a site: posts (current content = latest revision), projects, pages,
 * skills, tags, settings and references to the media they show. Not users, keys, secrets or logs:
 * that is what a backup is for.
 */
export class ContentExportService {
  constructor(
    private readonly repo: ContentTransferRepository,
    private readonly mediaUrl: (storageKey: string) => string,
    private readonly appVersion: string,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor): Promise<ContentExport> {
    const [posts, postTags, revisions, tags, projects, pages, skills, settings, media] = await Promise.all([
      this.repo.posts(),
      this.repo.postTagSlugs(),
      this.repo.latestRevisions(),
      this.repo.tags(),
      this.repo.projects(),
      this.repo.pages(),
      this.repo.skills(),
      this.repo.settings(),
      this.repo.media(),
    ]);
    const authors = await this.repo.usersById([...new Set(posts.map((p) => p.authorId))]);
    const out: ContentExport = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      app: { version: this.appVersion },
      tags: tags.map((t) => ({
        slug: t.slug,
        name: t.name,
        description: t.description,
        updatedAt: t.updatedAt.toISOString(),
      })),
      posts: posts.map((p) => ({
        slug: p.slug,
        title: p.title,
        excerpt: p.excerpt,
        content: doc(p.content),
        status: p.status,
        featured: p.featured,
        language: p.language ?? null,
        publishedAt: iso(p.publishedAt),
        scheduledAt: iso(p.scheduledAt),
        seo: { title: p.seoTitle, description: p.seoDescription, canonicalUrl: p.canonicalUrl },
        coverMediaId: p.coverMediaId,
        ogImageMediaId: p.ogImageMediaId,
        tags: postTags.get(p.id) ?? [],
        author: authors.get(p.authorId) ?? null,
        revision: revisions.get(p.id) ?? 0,
        version: p.version,
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
      })),
      projects: projects.map((p) => ({
        slug: p.slug,
        title: p.title,
        summary: p.summary,
        body: doc(p.body),
        techStack: p.techStack,
        repoUrl: p.repoUrl,
        liveUrl: p.liveUrl,
        imageIds: p.imageIds,
        sortOrder: p.sortOrder,
        featured: p.featured,
        status: p.status,
        publishedAt: iso(p.publishedAt),
        updatedAt: p.updatedAt.toISOString(),
      })),
      pages: pages.map((p) => ({
        slug: p.slug,
        title: p.title,
        content: doc(p.content),
        seoTitle: p.seoTitle,
        seoDescription: p.seoDescription,
        status: p.status,
        publishedAt: iso(p.publishedAt),
        updatedAt: p.updatedAt.toISOString(),
      })),
      skills: skills.map((s) => ({
        name: s.name,
        category: s.category,
        level: s.level,
        sortOrder: s.sortOrder,
        updatedAt: s.updatedAt.toISOString(),
      })),
      // Rows are written only through PATCH /admin/settings and the import, which check each group's shape.
      settings: settings.map(
        (s) => ({ key: s.key, value: s.value, updatedAt: s.updatedAt.toISOString() }) as ExportedSetting,
      ),
      media: media.map((m) => ({
        id: m.id,
        sha256: m.sha256,
        url: this.mediaUrl(m.storageKey),
        filename: m.filename,
        alt: m.alt,
        mimeType: m.mimeType,
      })),
    };
    await this.audit.record(
      actor,
      'content.export',
      { type: 'content' },
      { posts: out.posts.length, projects: out.projects.length, pages: out.pages.length },
    );
    return out;
  }
}
