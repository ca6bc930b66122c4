import type {
  PageInput,
  PagePatch,
  PageView,
  ProjectInput,
  ProjectPatch,
  ProjectView,
} from '../../dtos/catalog.dto.js';
import type { LexicalState, pages, projects } from '../../db/schema.js';
import type { NewPage, NewProject, PageRow } from '../../repositories/document.repository.js';
import { pageView, projectView } from './catalog-views.js';
import type { DocumentKind, DocumentService } from './document.service.js';
import { CACHE_NS } from './events.js';
import { plain, renderRichText, slugify } from './rich-text.js';

const EMPTY_DOC: LexicalState = { root: { type: 'root', children: [] } };

/** Portfolio projects: the slug follows from the title unless given. */
export const PROJECTS: DocumentKind<typeof projects, ProjectInput, ProjectPatch, ProjectView> = {
  kind: 'project',
  cacheNamespace: CACHE_NS.projects,
  notFound: 'Project not found.',
  view: projectView,
  columns(input) {
    const out: Partial<NewProject> = {};
    if (input.title !== undefined) out.title = plain(input.title);
    if (input.slug !== undefined) out.slug = input.slug;
    if (input.summary !== undefined) out.summary = plain(input.summary);
    if (input.body !== undefined) {
      out.body = input.body as unknown as LexicalState;
      out.html = renderRichText(out.body, 'body.body').html;
    }
    if (input.techStack !== undefined) out.techStack = techStack(input.techStack);
    if (input.repoUrl !== undefined) out.repoUrl = input.repoUrl;
    if (input.liveUrl !== undefined) out.liveUrl = input.liveUrl;
    if (input.imageIds !== undefined) out.imageIds = input.imageIds;
    if (input.sortOrder !== undefined) out.sortOrder = input.sortOrder;
    if (input.featured !== undefined) out.featured = input.featured;
    if (input.paasAppId !== undefined) out.paasAppId = input.paasAppId;
    return out;
  },
  draft(input) {
    const slug = input.slug ?? slugify(input.title);
    const defaults = { title: plain(input.title), body: EMPTY_DOC, html: '', techStack: [], imageIds: [] };
    return { slug, row: { slug, ...defaults, ...this.columns({ ...input, slug }) } };
  },
  created: (input, slug) => ({ title: input.title, slug }),
  deleted: (row) => ({ title: row.title }),
  audited: ['title', 'slug', 'featured', 'sortOrder'],
};

/** Stand-alone pages such as `about`: the slug is given. */
export const PAGES: DocumentKind<typeof pages, PageInput, PagePatch, PageView> = {
  kind: 'page',
  cacheNamespace: CACHE_NS.pages,
  notFound: 'Page not found.',
  view: (row) => pageView(row, pageToc(row)),
  columns(input) {
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
  },
  draft(input) {
    const row = this.columns(input) as Required<Pick<NewPage, 'slug' | 'title' | 'content' | 'html'>>;
    return { slug: input.slug, row };
  },
  created: (_input, slug) => ({ slug }),
  deleted: (row) => ({ slug: row.slug }),
  audited: ['title', 'slug'],
};

export type ProjectService = DocumentService<typeof projects, ProjectInput, ProjectPatch, ProjectView>;
export type PageService = DocumentService<typeof pages, PageInput, PagePatch, PageView>;

/** Up to 30 distinct, non-empty names (editor and import alike). */
export function techStack(names: string[]): string[] {
  return [...new Set(names.map(plain).filter(Boolean))].slice(0, 30);
}

/** Pages store HTML only; the TOC is cheap to recompute from the stored Lexical state. */
export function pageToc(p: PageRow): PageView['toc'] {
  return renderRichText(p.content, 'content').toc;
}
