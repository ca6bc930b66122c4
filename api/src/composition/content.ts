import { Jobs } from '../jobs/job-spec.js';
import { ApiKeyRepository } from '../repositories/api-key.repository.js';
import { AuditRepository } from '../repositories/audit.repository.js';
import { TransactionRunner } from '../repositories/database.js';
import { MediaRepository } from '../repositories/media.repository.js';
import { PaasRepository } from '../repositories/paas.repository.js';
import { PostRepository } from '../repositories/post.repository.js';
import { pageRepository, projectRepository } from '../repositories/document.repository.js';
import { SettingsRepository } from '../repositories/settings.repository.js';
import { TagRepository } from '../repositories/tag.repository.js';
import { skillRepository } from '../repositories/term.repository.js';
import { AuditService } from '../services/audit.service.js';
import { ContentChanges } from '../services/content/content-changes.js';
import { PAGES, PROJECTS } from '../services/content/document-kinds.js';
import { DocumentService } from '../services/content/document.service.js';
import { PostAuthors } from '../services/content/post-authors.js';
import { PostService } from '../services/content/post.service.js';
import { PreviewTokens } from '../services/content/preview-tokens.js';
import { PublicCatalogService } from '../services/content/public-catalog.service.js';
import { PublicPostsService } from '../services/content/public-posts.service.js';
import { PublishingService } from '../services/content/publishing.service.js';
import { SettingsService } from '../services/content/settings.service.js';
import { SKILLS, TAGS } from '../services/content/term-kinds.js';
import { TermService } from '../services/content/term.service.js';
import { bodyImageLookup, publicImageLookup } from '../services/media/public-images.js';
import { demoAppLookup } from '../services/paas/demo-apps.js';
import { paasUrls } from '../services/paas/views.js';
import { createOutbox, createReadCache, type Infrastructure } from './infrastructure.js';

/** Posts, projects, pages, tags/skills and their public reads; shared by the API and the worker (scheduled publishing). */
export function composeContent(
  infra: Infrastructure,
  audit = new AuditService(new AuditRepository(infra.database.db)),
) {
  const { env, database, queues } = infra;
  const db = database.db;
  const posts = new PostRepository(db);
  const cache = createReadCache(infra);
  const changes = new ContentChanges(createOutbox(infra), cache);
  const tx = new TransactionRunner(db);
  const images = publicImageLookup(new MediaRepository(db), (key) => infra.storage.publicUrl(key));
  const postService = new PostService(posts, tx, changes, audit, new PostAuthors(new ApiKeyRepository(db)).authorOf);
  const publishing = new PublishingService(
    posts,
    postService,
    tx,
    changes,
    audit,
    {
      schedulePublish: async (postId, at) =>
        void (await queues.enqueue(
          Jobs.postPublish,
          { postId, at: at.toISOString() },
          { id: `publish:${postId}:${at.getTime()}`, runAt: at },
        )),
    },
    new PreviewTokens(env.JWT_SECRET, env.PUBLIC_API_URL),
    (token) => `${env.SITE_URL}/preview/?token=${encodeURIComponent(token)}`,
    images,
  );
  const projects = projectRepository(db);
  const pages = pageRepository(db);
  const skills = skillRepository(db);
  const tags = new TagRepository(db);
  const settings = new SettingsRepository(db);
  return {
    cache,
    postService,
    publishing,
    publicPosts: new PublicPostsService(posts, cache, images),
    projects: new DocumentService(PROJECTS, projects, tx, changes, audit),
    pages: new DocumentService(PAGES, pages, tx, changes, audit),
    skills: new TermService(SKILLS, skills, tx, changes, audit),
    tags: new TermService(TAGS, tags, tx, changes, audit),
    settings: new SettingsService(settings, tx, changes, audit),
    publicCatalog: new PublicCatalogService(
      { projects, pages, skills, tags, settings },
      cache,
      images,
      demoAppLookup(new PaasRepository(db), paasUrls(env)),
      bodyImageLookup(posts, images),
    ),
  };
}

export type ContentServices = ReturnType<typeof composeContent>;
